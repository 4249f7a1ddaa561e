/**
 * BM25F over a fixed set of text fields (Robertson & Zaragoza 2009, "simple BM25F"): per-field
 * length-normalised term frequencies are weighted and summed before one saturation, so a term
 * in the question and the body is not counted as two independent pieces of evidence.
 *
 * Built for a fast one-off build: each distinct word is stemmed and interned once (word → term
 * id), per-document counting uses reusable arrays instead of maps, and postings are packed into
 * typed arrays by freeze().
 */
import { isStopword, scanWords, stem } from './text.js';

export interface FieldSpec {
  name: string;
  weight: number;
  /** Length normalisation (0 = none, 1 = full). */
  b: number;
}

export interface Bm25fOptions {
  k1?: number;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

export interface Bm25fSnapshotMeta {
  fields: FieldSpec[];
  k1: number;
  titleFields: number;
  docCount: number;
  avg: number[];
  /** Terms by id, newline-separated. */
  terms: string;
  /** Indexed words (that are terms), newline-separated; their term ids are in arrays.wordTerm. */
  words: string;
  titleTerms: number[];
}

export interface Bm25fSnapshotArrays {
  offsets: Uint32Array;
  postings: Uint32Array;
  tfs: Uint16Array;
  lengths: Float32Array;
  wordTerm: Uint32Array;
}

export class Bm25fIndex {
  readonly fields: readonly FieldSpec[];
  readonly k1: number;
  /** word → term id, or -1 for words that are not terms (stopwords, single letters). */
  private readonly wordIds = new Map<string, number>();
  private readonly termIds = new Map<string, number>();
  private buildDocs: number[][] = [];
  private buildTfs: number[][] = [];
  private docs: Uint32Array[] = [];
  private tfs: Uint16Array[] = [];
  private dfs: Int32Array = new Int32Array(0);
  private readonly lengths: number[][];
  private lengthArrays: Float64Array[] = [];
  private avg: number[] = [];
  private docCount = 0;
  private frozen = false;
  private scratch = new Float64Array(0);
  // per-document counting state, reused across add() calls
  private lastDoc: number[] = [];
  private slot: number[] = [];
  /** Terms seen in the first `titleFields` fields (names and questions), by term id. */
  private titleTerm: number[] = [];
  private titleFields: number;

  constructor(fields: FieldSpec[], options: Bm25fOptions & { titleFields?: number } = {}) {
    this.fields = fields;
    this.k1 = options.k1 ?? 1.2;
    this.titleFields = options.titleFields ?? 0;
    this.lengths = fields.map(() => []);
  }

  private termIdOfWord(w: string): number {
    let id = this.wordIds.get(w);
    if (id !== undefined) return id;
    if (isStopword(w) || (w.length < 2 && !(w >= '0' && w <= '9'))) id = -1;
    else {
      const t = stem(w);
      id = this.termIds.get(t);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(t, id);
        this.buildDocs.push([]);
        this.buildTfs.push([]);
        this.lastDoc.push(-1);
        this.slot.push(0);
        this.titleTerm.push(0);
      }
    }
    this.wordIds.set(w, id);
    return id;
  }

  /** Adds a document given the lower-case words of each field (same order as `fields`). */
  addWords(fieldWords: readonly (readonly string[])[]): number {
    return this.addDocument((f, emit) => {
      for (const w of fieldWords[f] ?? []) emit(w);
    });
  }

  /** Adds a document given each field's raw text; tokenises without building word arrays. */
  addTexts(fieldTexts: readonly string[], maxWordsPerField: number): number {
    return this.addDocument((f, emit) => scanWords(fieldTexts[f] ?? '', maxWordsPerField, emit));
  }

  private addDocument(eachWord: (field: number, emit: (word: string) => void) => void): number {
    if (this.frozen) throw new Error('Bm25fIndex: cannot add documents after freeze()');
    const doc = this.docCount++;
    const nf = this.fields.length;
    const touched: number[] = [];
    const counts: number[] = [];
    for (let f = 0; f < nf; f++) {
      let len = 0;
      const title = f < this.titleFields;
      eachWord(f, (w) => {
        const id = this.termIdOfWord(w);
        if (id < 0) return;
        len++;
        if (title) this.titleTerm[id] = 1;
        if (this.lastDoc[id] !== doc) {
          this.lastDoc[id] = doc;
          this.slot[id] = touched.length;
          touched.push(id);
          for (let g = 0; g < nf; g++) counts.push(0);
        }
        counts[this.slot[id]! * nf + f]!++;
      });
      this.lengths[f]!.push(len);
    }
    for (let k = 0; k < touched.length; k++) {
      const id = touched[k]!;
      this.buildDocs[id]!.push(doc);
      const tf = this.buildTfs[id]!;
      for (let g = 0; g < nf; g++) tf.push(Math.min(counts[k * nf + g]!, 65_535));
    }
    return doc;
  }

  /** Ends building: packs postings into typed arrays and fixes average field lengths. */
  freeze(): void {
    if (this.frozen) return;
    this.docs = this.buildDocs.map((d) => Uint32Array.from(d));
    this.tfs = this.buildTfs.map((t) => Uint16Array.from(t));
    this.dfs = Int32Array.from(this.docs.map((d) => d.length));
    this.buildDocs = [];
    this.buildTfs = [];
    this.lastDoc = [];
    this.slot = [];
    this.lengthArrays = this.lengths.map((ls) => Float64Array.from(ls));
    this.avg = this.lengths.map((ls) =>
      ls.length === 0 ? 1 : Math.max(1, ls.reduce((a, b) => a + b, 0) / ls.length),
    );
    this.frozen = true;
  }

  get size(): number {
    return this.docCount;
  }

  /** The frozen index as plain data and typed arrays (see fromSnapshot). */
  snapshot(): { meta: Bm25fSnapshotMeta; arrays: Bm25fSnapshotArrays } {
    if (!this.frozen) this.freeze();
    const nf = this.fields.length;
    const offsets = new Uint32Array(this.docs.length + 1);
    for (let i = 0; i < this.docs.length; i++) offsets[i + 1] = offsets[i]! + this.docs[i]!.length;
    const postings = new Uint32Array(offsets[this.docs.length]!);
    const tfs = new Uint16Array(postings.length * nf);
    for (let i = 0; i < this.docs.length; i++) {
      postings.set(this.docs[i]!, offsets[i]!);
      tfs.set(this.tfs[i]!, offsets[i]! * nf);
    }
    const lengths = new Float32Array(this.docCount * nf);
    for (let f = 0; f < nf; f++) lengths.set(this.lengthArrays[f]!, f * this.docCount);
    const terms = new Array<string>(this.termIds.size);
    for (const [t, id] of this.termIds) terms[id] = t;
    // words that are terms, grouped by term id (stopwords are recomputed on load)
    const words: string[] = [];
    const wordTerm: number[] = [];
    for (const [w, id] of this.wordIds) {
      if (id < 0) continue;
      words.push(w);
      wordTerm.push(id);
    }
    return {
      meta: {
        fields: this.fields.map((f) => ({ ...f })),
        k1: this.k1,
        titleFields: this.titleFields,
        docCount: this.docCount,
        avg: [...this.avg],
        terms: terms.join('\n'),
        words: words.join('\n'),
        titleTerms: this.titleTerm.flatMap((v, id) => (v ? [id] : [])),
      },
      arrays: { offsets, postings, tfs, lengths, wordTerm: Uint32Array.from(wordTerm) },
    };
  }

  /** An index restored from snapshot(): ready to search, nothing re-tokenised. */
  static fromSnapshot(meta: Bm25fSnapshotMeta, arrays: Bm25fSnapshotArrays): Bm25fIndex {
    const index = new Bm25fIndex(meta.fields, { k1: meta.k1, titleFields: meta.titleFields });
    const nf = meta.fields.length;
    const terms = meta.terms.length ? meta.terms.split('\n') : [];
    for (let id = 0; id < terms.length; id++) index.termIds.set(terms[id]!, id);
    const words = meta.words.length ? meta.words.split('\n') : [];
    for (let i = 0; i < words.length; i++) index.wordIds.set(words[i]!, arrays.wordTerm[i]!);
    index.docs = terms.map((_, id) => arrays.postings.subarray(arrays.offsets[id]!, arrays.offsets[id + 1]!));
    index.tfs = terms.map((_, id) =>
      arrays.tfs.subarray(arrays.offsets[id]! * nf, arrays.offsets[id + 1]! * nf),
    );
    index.dfs = Int32Array.from(index.docs.map((d) => d.length));
    index.lengthArrays = meta.fields.map((_, f) =>
      Float64Array.from(arrays.lengths.subarray(f * meta.docCount, (f + 1) * meta.docCount)),
    );
    index.avg = [...meta.avg];
    index.docCount = meta.docCount;
    index.titleTerm = new Array<number>(terms.length).fill(0);
    for (const id of meta.titleTerms) index.titleTerm[id] = 1;
    index.buildDocs = [];
    index.buildTfs = [];
    index.frozen = true;
    return index;
  }

  /**
   * Every indexed word with the document frequency of its term, keeping words that occur in three
   * or more documents or in a title field (a rare condition's name occurs once but is a target).
   * This is the spelling vocabulary, gathered for free while indexing.
   */
  wordFrequencies(): Map<string, number> {
    const out = new Map<string, number>();
    for (const [w, id] of this.wordIds) {
      if (id < 0) continue;
      const df = this.frozen ? this.dfs[id]! : this.buildDocs[id]!.length;
      if (df >= 3 || this.titleTerm[id] === 1) out.set(w, df);
    }
    return out;
  }

  /** Number of distinct terms. */
  get vocabularySize(): number {
    return this.termIds.size;
  }

  /** Number of documents containing the (stemmed) term in any field. */
  df(term: string): number {
    const id = this.termIds.get(term);
    if (id === undefined) return 0;
    return this.frozen ? this.dfs[id]! : this.buildDocs[id]!.length;
  }

  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5));
  }

  has(term: string): boolean {
    return this.df(term) > 0;
  }

  private fieldTf(id: number, i: number, doc: number): number {
    const nf = this.fields.length;
    const tfs = this.tfs[id]!;
    let tf = 0;
    for (let f = 0; f < nf; f++) {
      const raw = tfs[i * nf + f]!;
      if (raw === 0) continue;
      const spec = this.fields[f]!;
      tf += (spec.weight * raw) / (1 - spec.b + (spec.b * this.lengthArrays[f]![doc]!) / this.avg[f]!);
    }
    return tf;
  }

  /**
   * Scores every document containing a query term (term → query weight). Returns the top
   * `limit`, the query's attainable maximum (sum of weighted IDF) so callers can judge absolute
   * coverage, and `work` (postings visited) so tests can bound the cost of a query.
   */
  search(
    queryTerms: ReadonlyMap<string, number>,
    limit: number,
  ): { hits: ScoredDoc[]; maxScore: number; work: number } {
    if (!this.frozen) this.freeze();
    // One scratch accumulator reused across queries (search is synchronous, so never shared).
    if (this.scratch.length < this.docCount) this.scratch = new Float64Array(this.docCount);
    const scores = this.scratch;
    const touched: number[] = [];
    let maxScore = 0;
    let work = 0;
    for (const [term, qWeight] of queryTerms) {
      const idf = this.idf(term);
      maxScore += idf * qWeight;
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const docs = this.docs[id]!;
      const n = docs.length;
      work += n;
      for (let i = 0; i < n; i++) {
        const doc = docs[i]!;
        const tf = this.fieldTf(id, i, doc);
        if (scores[doc] === 0) touched.push(doc);
        scores[doc]! += (idf * qWeight * tf) / (this.k1 + tf);
      }
    }
    const hits = topK(touched, scores, limit);
    for (const doc of touched) scores[doc] = 0;
    return { hits, maxScore, work };
  }

  /** Score of one document for the query (for candidates that came from focus, not BM25). */
  scoreDoc(queryTerms: ReadonlyMap<string, number>, doc: number): number {
    let total = 0;
    for (const [term, qWeight] of queryTerms) {
      const id = this.termIds.get(term);
      if (id === undefined) continue;
      const i = binarySearch(this.docs[id]!, doc);
      if (i < 0) continue;
      const tf = this.fieldTf(id, i, doc);
      total += (this.idf(term) * qWeight * tf) / (this.k1 + tf);
    }
    return total;
  }
}

/** Top `k` documents by score without sorting every touched document. */
function topK(touched: number[], scores: Float64Array, k: number): ScoredDoc[] {
  if (touched.length <= k * 2) {
    return touched
      .map((doc) => ({ doc, score: scores[doc]! }))
      .sort((a, b) => b.score - a.score || a.doc - b.doc)
      .slice(0, k);
  }
  // threshold = k-th largest score, found on a sample-free partial sort of a copy
  const values = Float64Array.from(touched, (d) => scores[d]!).sort();
  const threshold = values[values.length - k]!;
  const out: ScoredDoc[] = [];
  for (const doc of touched) if (scores[doc]! >= threshold) out.push({ doc, score: scores[doc]! });
  return out.sort((a, b) => b.score - a.score || a.doc - b.doc).slice(0, k);
}

function binarySearch(a: Uint32Array, x: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
