/**
 * AskEngine: from the user's own words to a ranked list of reviewed answers, or an honest
 * abstention. Pure and in-memory: it is built from SearchDocuments and never touches the store.
 *
 * Pipeline (DESIGN.md §5): clamp → red flags → parse (spelling repair, lay terms, focus, type;
 * ask-parse.ts) → candidates (BM25F plus every answer of the named conditions; ask-candidates.ts)
 * → re-rank with focus, aspect and the question-entailment model (ask-rerank.ts) → decide: rules,
 * then a calibrated confidence against the threshold chosen on tune (ask-decide.ts).
 */
import { candidateStage } from './ask-candidates.js';
import { abstention, decideStage, isDrugOnly } from './ask-decide.js';
import { ASK_DEFAULTS, clampLimit } from './ask-defaults.js';
import { type AskParts, parseStage } from './ask-parse.js';
import { rerankStage } from './ask-rerank.js';
import { Bm25fIndex } from './bm25f.js';
import { COMMON_WORDS } from './common-words.js';
import { type ConfidenceModel, loadShippedConfidenceModel } from './confidence.js';
import { DocTable } from './doc-table.js';
import { packEngine, SNAPSHOT_VERSION, unpackEngine } from './engine-snapshot.js';
import { type AnalysedQuestion, analyseQuestion } from './features.js';
import { type FocusCondition, FocusDictionary, type FocusMatch, type FocusTables } from './focus.js';
import { LAY_TERMS } from './lay-terms.js';
import { medicalWords } from './medical-words.js';
import { cleanMessage, type ParsedMessage, parseMessage } from './message.js';
import { detectRedFlag, type RedFlagRules } from './red-flags.js';
import { loadShippedRqeModel, type RqeModel } from './rqe-model.js';
import { type Correction, SpellingCorrector, type SpellingTables } from './spelling.js';
import { isStopword, LIMITS, latinShare, letterShare, termsOfWords, words } from './text.js';
import type { AskOptions, AskResult, SearchDocument } from './types.js';

export { NO_ANSWER_MESSAGE } from './ask-decide.js';

export interface AskEngineOptions {
  /** Emergency number text in red-flag notices; default $MEDBRIEF_EMERGENCY_NUMBER or "your local emergency number". */
  emergencyNumber?: string;
  /** Entailment model; default models/rqe.json. */
  model?: RqeModel;
  /** Abstention confidence model; default models/confidence.json. */
  confidence?: ConfidenceModel;
  /** Confidence below which the engine abstains; default ASK_DEFAULTS.abstainThreshold (chosen on tune). */
  abstainThreshold?: number;
  redFlagRules?: RedFlagRules;
  /** Use the medical word list to avoid over-correcting real terms (default true). */
  medicalWordList?: boolean;
  /** BM25F candidates re-ranked per query; default ASK_DEFAULTS.candidates. */
  candidates?: number;
}

const MAX_CORRECTIONS = 40;
/** Distinct words looked up in the spelling corrector per question (a 10,000-character paste costs the same). */
const MAX_CORRECTION_LOOKUPS = 400;

const LAY_INDEX: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lay, clinical] of LAY_TERMS) m.set(words(lay).join(' '), words(clinical));
  return m;
})();
const LAY_MAX_WORDS = Math.max(...[...LAY_INDEX.keys()].map((k) => k.split(' ').length));

const INDEX_FIELDS = [
  { name: 'question', weight: 3, b: 0.5 },
  { name: 'names', weight: 2, b: 0.3 },
  { name: 'tldr', weight: 1.5, b: 0.6 },
  { name: 'body', weight: 1, b: 0.75 },
];
interface RestoredParts {
  index: Bm25fIndex;
  focus: FocusTables;
  everyday: ReadonlySet<string>;
  speller: SpellingTables;
}

export class AskEngine {
  private readonly docs: DocTable;
  private readonly index: Bm25fIndex;
  private readonly focus: FocusDictionary;
  private readonly speller: SpellingCorrector;
  private readonly model: RqeModel;
  private readonly confidence: ConfidenceModel;
  private stageParts: AskParts | null = null;
  private readonly byCondition = new Map<string, number[]>();
  private readonly conditionNames = new Map<string, string>();
  private readonly analysed: (AnalysedQuestion | undefined)[];
  private readonly options: AskEngineOptions;
  readonly abstainThreshold: number;

  /** `docs`: the documents to index (or, with `restored`, the answer columns of a snapshot). */
  constructor(docs: SearchDocument[] | DocTable, options: AskEngineOptions = {}, restored?: RestoredParts) {
    this.options = options;
    this.model = options.model ?? loadShippedRqeModel();
    this.confidence = options.confidence ?? loadShippedConfidenceModel();
    this.abstainThreshold = options.abstainThreshold ?? ASK_DEFAULTS.abstainThreshold;
    // Only what ranking reads is kept: bodies and TL;DRs are indexed, then dropped.
    this.docs = docs instanceof DocTable ? docs : DocTable.fromDocuments(docs);
    this.analysed = new Array(this.docs.size);
    const slugs: { slug: string; name: string }[] = [];
    for (let c = 0; c < this.docs.conditionCount; c++) {
      const slug = this.docs.slug(c);
      const name = this.docs.conditionName(c);
      slugs.push({ slug, name });
      this.byCondition.set(slug, []);
      this.conditionNames.set(slug, name);
    }
    for (let i = 0; i < this.docs.size; i++)
      this.byCondition.get(slugs[this.docs.conditionOf(i)]!.slug)!.push(i);
    const medical = options.medicalWordList === false ? null : medicalWords;
    const isKnownWord = (w: string) => COMMON_WORDS.has(w) || medical?.().has(w) === true;
    if (restored || docs instanceof DocTable) {
      if (!restored) throw new Error('AskEngine: answer columns come with the rest of a snapshot');
      this.index = restored.index;
      this.focus = new FocusDictionary(slugs, { everydayWords: restored.everyday }, restored.focus);
      this.speller = new SpellingCorrector(new Map(), { isKnownWord }, restored.speller);
      return;
    }
    this.index = new Bm25fIndex(INDEX_FIELDS, { titleFields: 2 });
    for (const d of docs) {
      this.index.addTexts([d.question, [d.conditionName, ...d.synonyms].join(' . '), d.tldr, d.body], 4_000);
    }
    this.index.freeze();
    const vocabulary = this.index.wordFrequencies();
    // An acronym that is also an everyday word of the corpus ("CAR", "SPEED") is not a name.
    const common = new Set([...vocabulary].filter(([, df]) => df >= 30).map(([w]) => w));
    const conditions: FocusCondition[] = slugs.map((c, i) => ({ ...c, synonyms: this.docs.synonymsOf(i) }));
    this.focus = new FocusDictionary(conditions, {
      commonWords: common,
      medicalWords: medical ? medical() : new Set(),
    });
    this.speller = new SpellingCorrector(vocabulary, { isKnownWord });
  }

  /**
   * The built engine as bytes (index, answer columns, spelling and focus tables), so a process
   * can start answering without reading and re-indexing every answer (see fromSnapshot).
   */
  toSnapshot(): Buffer {
    return packEngine({
      index: this.index.snapshot(),
      docs: this.docs,
      focus: this.focus.snapshot(),
      everyday: [...this.focus.everydayWords()],
      speller: this.speller.snapshot(),
    });
  }

  static readonly snapshotVersion = SNAPSHOT_VERSION;

  /** An engine restored from toSnapshot() bytes; throws a clear error on another format or version. */
  static fromSnapshot(bytes: Uint8Array, options: AskEngineOptions = {}): AskEngine {
    const p = unpackEngine(bytes);
    const index = Bm25fIndex.fromSnapshot(p.index.meta, p.index.arrays);
    return new AskEngine(p.docs, options, {
      index,
      focus: p.focus,
      everyday: new Set(p.everyday),
      speller: p.speller,
    });
  }

  get size(): number {
    return this.docs.size;
  }

  entail(chq: string, faq: string): { entails: boolean; score: number } {
    return this.model.entail(chq, faq);
  }

  private analysedDoc(i: number): AnalysedQuestion {
    let a = this.analysed[i];
    if (!a) {
      a = analyseQuestion(this.docs.question(i));
      this.analysed[i] = a;
    }
    return a;
  }

  /**
   * Reads a message the way ask() does: subject, asking sentence(s), focus, question type. Words
   * are spelling-repaired and lay terms expanded before the condition dictionary is consulted.
   */
  parse(question: unknown): ParsedMessage {
    return parseMessage(typeof question === 'string' ? question : '', this.focusLookup(new Map(), []));
  }

  private focusLookup(cache: Map<string, Correction | null>, corrections: Correction[]) {
    return (ws: string[]): FocusMatch[] => {
      const fixed = this.repairWords(ws, cache, corrections);
      const expansion = this.layExpansion(fixed).clinical;
      return [...this.focus.detect(fixed), ...this.focus.detect(expansion)]
        .sort((a, b) => b.strength - a.strength || a.slug.localeCompare(b.slug))
        .filter((f, i, all) => all.findIndex((g) => g.slug === f.slug) === i);
    };
  }

  private repairWords(
    ws: string[],
    cache: Map<string, Correction | null>,
    corrections: Correction[],
  ): string[] {
    return ws.map((w) => {
      if (isStopword(w)) return w;
      let c = cache.get(w);
      if (c === undefined) {
        c = cache.size < MAX_CORRECTION_LOOKUPS ? this.speller.correct(w) : null;
        cache.set(w, c);
        if (c && corrections.length < MAX_CORRECTIONS) corrections.push(c);
      }
      return c ? c.to : w;
    });
  }

  private layExpansion(fixed: string[]): { lay: string[]; clinical: string[] } {
    const lay: string[] = [];
    const clinical: string[] = [];
    for (let i = 0; i < fixed.length; i++) {
      for (let n = Math.min(LAY_MAX_WORDS, fixed.length - i); n >= 1; n--) {
        const key = fixed.slice(i, i + n).join(' ');
        const c = LAY_INDEX.get(key);
        if (c) {
          lay.push(key);
          clinical.push(...c);
          break;
        }
      }
    }
    return { lay, clinical };
  }

  /** The engine's parts as the ask() stages read them. */
  private get parts(): AskParts {
    if (!this.stageParts) {
      this.stageParts = {
        index: this.index,
        docs: this.docs,
        model: this.model,
        confidence: this.confidence,
        byCondition: this.byCondition,
        conditionNames: this.conditionNames,
        candidates: this.options.candidates ?? ASK_DEFAULTS.candidates,
        analysedDoc: (i) => this.analysedDoc(i),
        focusLookup: (cache, corrections) => this.focusLookup(cache, corrections),
        repairWords: (ws, cache, corrections) => this.repairWords(ws, cache, corrections),
        layExpansion: (fixed) => this.layExpansion(fixed),
        unknownMass: (fixed) => this.unknownMass(fixed),
      };
    }
    return this.stageParts;
  }

  /** parse → candidates → rerank → decide (src/search/ask-*.ts). */
  ask(question: unknown, options: AskOptions = {}): AskResult {
    const limit = clampLimit(options.limit);
    const threshold =
      typeof options.threshold === 'number' && Number.isFinite(options.threshold)
        ? options.threshold
        : this.abstainThreshold;
    const raw = typeof question === 'string' ? question : '';
    const truncated = raw.length > LIMITS.maxChars;
    const text = cleanMessage(raw);
    const redFlag = detectRedFlag(text, {
      emergencyNumber: this.options.emergencyNumber,
      rules: this.options.redFlagRules,
    });
    if (text.length === 0 || letterShare(text) < 0.2) return abstention('empty', redFlag);
    if (latinShare(text) < 0.5) return abstention('not-english', redFlag);

    const parts = this.parts;
    const q = parseStage(parts, text);
    if (q.queryTerms.size === 0 && !q.focusSlug)
      return abstention(isDrugOnly(q.parsed) ? 'drug-only' : 'no-match', redFlag, [], q.parsed);
    const c = candidateStage(parts, q);
    const r = rerankStage(parts, q, c, options.explain === true);
    return decideStage(parts, q, c, r, {
      limit,
      threshold,
      explain: options.explain === true,
      truncated,
      redFlag,
    });
  }

  private unknownMass(fixed: string[]): number {
    const unknown = new Set(termsOfWords(fixed).filter((t) => !this.index.has(t)));
    return unknown.size * Math.log(1 + this.index.size);
  }
}

export function createAskEngine(docs: SearchDocument[], options?: AskEngineOptions): AskEngine {
  return new AskEngine(docs, options);
}
