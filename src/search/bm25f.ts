/**
 * BM25F over a fixed set of text fields (Robertson & Zaragoza 2009, "simple BM25F"): per-field
 * length-normalised term frequencies are weighted and summed before one saturation, so a term
 * in the question and the body is not counted as two independent pieces of evidence.
 *
 * Built for a fast one-off build: each distinct word is stemmed and interned once (word → term
 * id), per-document counting uses reusable arrays instead of maps, and postings are packed into
 * typed arrays by freeze().
 */
import {
  StringIndex,
  StringTable,
  stringTableArrays,
  stringTableFrom,
  type TableArrays,
  u16,
  u32,
} from './tables.js';
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
  titleTerms: number[];
}

/**
 * The frozen index's arrays: postings of term id t at offsets[t]..offsets[t+1] (tfs has one
 * count per field for each), field lengths, the terms (string index, by id) and the indexed
 * words that are terms with their term ids.
 */
export type Bm25fSnapshotArrays = TableArrays;

export class Bm25fIndex {
  readonly fields: readonly FieldSpec[];
  readonly k1: number;
  /** While building: word → term id, or -1 for words that are not terms (stopwords, single letters). */
  private wordIds = new Map<string, number>();
  private termIds = new Map<string, number>();
  private buildDocs: number[][] = [];
  private buildTfs: number[][] = [];
  /** Frozen: the terms by id, the words that are terms and each one's term id. */
  private terms = new StringIndex(StringTable.from([]));
  private words = StringTable.from([]);
  private wordTerm: Uint32Array = new Uint32Array(0);
  /** Frozen: postings of term t at offsets[t]..offsets[t+1], one tf per field each in tfs. */
  private offsets: Uint32Array = new Uint32Array(1);
  private postings: Uint32Array = new Uint32Array(0);
  private tfs: Uint16Array = new Uint16Array(0);
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
    const nf = this.fields.length;
    const offsets = new Uint32Array(this.buildDocs.length + 1);
    for (let i = 0; i < this.buildDocs.length; i++) offsets[i + 1] = offsets[i]! + this.buildDocs[i]!.length;
    this.postings = new Uint32Array(offsets[this.buildDocs.length]!);
    this.tfs = new Uint16Array(this.postings.length * nf);
    for (let i = 0; i < this.buildDocs.length; i++) {
      this.postings.set(this.buildDocs[i]!, offsets[i]!);
      this.tfs.set(this.buildTfs[i]!, offsets[i]! * nf);
    }
    this.offsets = offsets;
    const terms = new Array<string>(this.termIds.size);
    for (const [t, id] of this.termIds) terms[id] = t;
    this.terms = new StringIndex(StringTable.from(terms));
    // words that are terms, with their term ids (stopwords are recomputed on load)
    const words: string[] = [];
    const wordTerm: number[] = [];
    for (const [w, id] of this.wordIds) {
      if (id < 0) continue;
      words.push(w);
      wordTerm.push(id);
    }
    this.words = StringTable.from(words);
    this.wordTerm = Uint32Array.from(wordTerm);
    this.wordIds = new Map();
    this.termIds = new Map();
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
    const lengths = new Float32Array(this.docCount * nf);
    for (let f = 0; f < nf; f++) lengths.set(this.lengthArrays[f]!, f * this.docCount);
    return {
      meta: {
        fields: this.fields.map((f) => ({ ...f })),
        k1: this.k1,
        titleFields: this.titleFields,
        docCount: this.docCount,
        avg: [...this.avg],
        titleTerms: this.titleTerm.flatMap((v, id) => (v ? [id] : [])),
      },
      arrays: {
        offsets: this.offsets,
        postings: this.postings,
        tfs: this.tfs,
        lengths,
        wordTerm: this.wordTerm,
        ...stringTableArrays('terms', this.terms.table),
        'terms.slots': this.terms.slots,
        ...stringTableArrays('words', this.words),
      },
    };
  }

  /** An index restored from snapshot(): ready to search, nothing re-tokenised. */
  static fromSnapshot(meta: Bm25fSnapshotMeta, arrays: Bm25fSnapshotArrays): Bm25fIndex {
    const index = new Bm25fIndex(meta.fields, { k1: meta.k1, titleFields: meta.titleFields });
    index.terms = new StringIndex(stringTableFrom('terms', arrays), u32(arrays, 'terms.slots'));
    index.words = stringTableFrom('words', arrays);
    index.wordTerm = u32(arrays, 'wordTerm');
    index.offsets = u32(arrays, 'offsets');
    index.postings = u32(arrays, 'postings');
    index.tfs = u16(arrays, 'tfs');
    const nTerms = index.terms.table.size;
    if (
      index.offsets.length !== nTerms + 1 ||
      index.tfs.length !== index.postings.length * meta.fields.length
    ) {
      throw new Error('search snapshot: damaged index');
    }
    const lengths = arrays.lengths;
    if (!(lengths instanceof Float32Array)) throw new Error('search snapshot lacks lengths');
    index.lengthArrays = meta.fields.map((_, f) =>
      Float64Array.from(lengths.subarray(f * meta.docCount, (f + 1) * meta.docCount)),
    );
    index.avg = [...meta.avg];
    index.docCount = meta.docCount;
    index.titleTerm = new Array<number>(nTerms).fill(0);
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
    if (!this.frozen) {
      for (const [w, id] of this.wordIds) {
        if (id < 0) continue;
        const df = this.buildDocs[id]!.length;
        if (df >= 3 || this.titleTerm[id] === 1) out.set(w, df);
      }
      return out;
    }
    for (let i = 0; i < this.words.size; i++) {
      const id = this.wordTerm[i]!;
      const df = this.offsets[id + 1]! - this.offsets[id]!;
      if (df >= 3 || this.titleTerm[id] === 1) out.set(this.words.get(i), df);
    }
    return out;
  }

  /** Number of distinct terms. */
  get vocabularySize(): number {
    return this.frozen ? this.terms.table.size : this.termIds.size;
  }

  private termId(term: string): number {
    return this.frozen ? this.terms.find(term) : (this.termIds.get(term) ?? -1);
  }

  /** Number of documents containing the (stemmed) term in any field. */
  df(term: string): number {
    const id = this.termId(term);
    if (id < 0) return 0;
    return this.frozen ? this.offsets[id + 1]! - this.offsets[id]! : this.buildDocs[id]!.length;
  }

  idf(term: string): number {
    const n = this.df(term);
    return Math.log(1 + (this.docCount - n + 0.5) / (n + 0.5));
  }

  has(term: string): boolean {
    return this.df(term) > 0;
  }

  /** The field-weighted tf of posting `i` (an index into postings), for document `doc`. */
  private fieldTf(i: number, doc: number): number {
    const nf = this.fields.length;
    const tfs = this.tfs;
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
      const id = this.termId(term);
      if (id < 0) continue;
      const postings = this.postings;
      const end = this.offsets[id + 1]!;
      work += end - this.offsets[id]!;
      for (let i = this.offsets[id]!; i < end; i++) {
        const doc = postings[i]!;
        const tf = this.fieldTf(i, doc);
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
      const id = this.termId(term);
      if (id < 0) continue;
      const i = binarySearch(this.postings, this.offsets[id]!, this.offsets[id + 1]! - 1, doc);
      if (i < 0) continue;
      const tf = this.fieldTf(i, doc);
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

/** Index of `x` in the sorted a[lo..hi], or -1. */
function binarySearch(a: Uint32Array, lo: number, hi: number, x: number): number {
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
