/**
 * AskEngine: from the user's own words to a ranked list of reviewed answers, or an honest
 * abstention. Pure and in-memory: it is built from SearchDocuments and never touches the store.
 *
 * Pipeline (DESIGN.md §5): clamp → red flags → spelling repair → lay terms → focus + aspect →
 * BM25F candidates (plus every answer of the detected condition) → re-rank with focus, aspect
 * and the question-entailment model → abstain below a calibrated confidence.
 */
import type { Aspect } from '../content/index.js';
import { DRUG_TYPES } from '../content/text/aspects.js';
import { aspectFit, aspectGuessOf } from './aspect.js';
import { Bm25fIndex } from './bm25f.js';
import { DocTable } from './doc-table.js';
import { packEngine, SNAPSHOT_VERSION, unpackEngine } from './engine-snapshot.js';
import { type AnalysedQuestion, analyseQuestion, RQE_FEATURES } from './features.js';
import { type FocusCondition, FocusDictionary, type FocusMatch, type FocusTables } from './focus.js';
import { LAY_TERMS } from './lay-terms.js';
import { medicalWords } from './medical-words.js';
import { cleanMessage, type ParsedMessage, parseMessage } from './message.js';
import { detectRedFlag, type RedFlagRules } from './red-flags.js';
import { loadShippedRqeModel, type RqeModel } from './rqe-model.js';
import { type Correction, SpellingCorrector, type SpellingTables } from './spelling.js';
import { isStopword, LIMITS, latinShare, letterShare, terms, termsOfWords, words } from './text.js';
import type {
  AbstainReason,
  AskOptions,
  AskResult,
  AskResultItem,
  ParsedMessageView,
  SearchDocument,
} from './types.js';

export const NO_ANSWER_MESSAGE = "We don't have a reviewed answer to that question yet.";

export interface AskEngineOptions {
  /** Emergency number text in red-flag notices; default $MEDBRIEF_EMERGENCY_NUMBER or "your local emergency number". */
  emergencyNumber?: string;
  /** Entailment model; default models/rqe.json. */
  model?: RqeModel;
  /** Confidence below which the engine abstains (calibrated by `npm run eval`). */
  abstainThreshold?: number;
  redFlagRules?: RedFlagRules;
  /** Use the medical word list to avoid over-correcting real terms (default true). */
  medicalWordList?: boolean;
  /** BM25F candidates re-ranked per query. */
  candidates?: number;
}

/** Weights of the final score; chosen on the generated dev set (eval/) and kept round on purpose. */
const W = { coverage: 0.3, relative: 0.1, focus: 0.25, aspect: 0.2, entail: 0.15 } as const;
export const DEFAULT_ABSTAIN_THRESHOLD = 0.5;
const REVIEWED_BONUS = 0.01;
const MAX_CORRECTIONS = 40;
/** Distinct words looked up in the spelling corrector per question (a 10,000-character paste costs the same). */
const MAX_CORRECTION_LOOKUPS = 400;
/** Query-term weights outside the asking sentence: other questions, background. */
const W_OTHER_QUESTIONS = 0.5;
const W_BACKGROUND = 0.15;
/** Coverage of the question by a condition's answer above which that condition is "related". */
const STRONG_OVERLAP = 0.45;
const MAX_FOCUS_CONDITIONS = 4;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;

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
  private readonly byCondition = new Map<string, number[]>();
  private readonly conditionNames = new Map<string, string>();
  private readonly analysed: (AnalysedQuestion | undefined)[];
  private readonly options: AskEngineOptions;
  readonly abstainThreshold: number;

  /** `docs`: the documents to index (or, with `restored`, the answer columns of a snapshot). */
  constructor(docs: SearchDocument[] | DocTable, options: AskEngineOptions = {}, restored?: RestoredParts) {
    this.options = options;
    this.model = options.model ?? loadShippedRqeModel();
    this.abstainThreshold = options.abstainThreshold ?? DEFAULT_ABSTAIN_THRESHOLD;
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
    const isKnownWord = medical ? (w: string) => medical().has(w) : undefined;
    if (restored || docs instanceof DocTable) {
      if (!restored) throw new Error('AskEngine: answer columns come with the rest of a snapshot');
      this.index = restored.index;
      this.focus = new FocusDictionary(slugs, { everydayWords: restored.everyday }, restored.focus);
      this.speller = new SpellingCorrector(this.index.wordFrequencies(), { isKnownWord }, restored.speller);
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

  ask(question: unknown, options: AskOptions = {}): AskResult {
    const limit = Math.max(
      1,
      Math.min(MAX_LIMIT, Math.floor(Number(options.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT),
    );
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
    const abstain = (
      reason: AbstainReason,
      nearest: AskResult['nearestConditions'] = [],
      parsed?: ParsedMessage,
    ): AskResult => ({
      abstained: true,
      reason,
      redFlag,
      results: [],
      nearestConditions: nearest,
      message: NO_ANSWER_MESSAGE,
      ...(reason && ABSTAIN_DETAIL[reason] ? { detail: ABSTAIN_DETAIL[reason] } : {}),
      ...(parsed ? { parsed: publicParsed(parsed) } : {}),
    });
    if (text.length === 0 || letterShare(text) < 0.2) return abstain('empty');
    if (latinShare(text) < 0.5) return abstain('not-english');

    const cache = new Map<string, Correction | null>();
    const corrections: Correction[] = [];
    const parsed = parseMessage(text, this.focusLookup(cache, corrections));

    // The words that carry the question: the asking sentence and the subject line in full, other
    // questions at half weight, background barely (it names the topic at most).
    const mainText = [
      parsed.question,
      parsed.subject && parsed.subject !== parsed.question ? parsed.subject : '',
    ]
      .filter(Boolean)
      .join(' . ');
    const mainWords = this.repairWords(words(mainText), cache, corrections);
    const otherWords = this.repairWords(words(parsed.otherQuestions.join(' . ')), cache, corrections);
    const allWords = this.repairWords(words(text), cache, corrections);
    const { lay: layTerms, clinical: expansion } = this.layExpansion(mainWords);
    const queryTerms = new Map<string, number>();
    const add = (ts: string[], w: number) => {
      for (const t of ts) if (this.index.has(t)) queryTerms.set(t, Math.max(queryTerms.get(t) ?? 0, w));
    };
    add(termsOfWords(allWords), W_BACKGROUND);
    add(termsOfWords(otherWords), W_OTHER_QUESTIONS);
    add(termsOfWords(mainWords), 1);
    add(termsOfWords(expansion), 0.7);
    const focusSlug = parsed.focus.kind === 'condition' ? parsed.focus.slug : undefined;
    if (focusSlug) add(terms(this.conditionNames.get(focusSlug) ?? ''), 1);

    const focusMatches = this.focusLookup(cache, corrections)(mainWords);
    if (queryTerms.size === 0 && !focusSlug) return abstain('no-match', [], parsed);

    const user: AnalysedQuestion = {
      terms: termsOfWords([...mainWords, ...expansion]),
      termSet: new Set(termsOfWords([...mainWords, ...expansion])),
      subjectTerms: termsOfWords(parsed.subject ? words(parsed.subject) : mainWords.slice(0, 40)),
      aspect: aspectGuessOf(parsed),
    };

    const { hits, maxScore: known, work } = this.index.search(queryTerms, this.options.candidates ?? 100);
    // Words of the question the corpus has never seen ("laptop", "hamlet") still count against
    // coverage: the question asks about something no answer mentions.
    const maxScore = known + this.unknownMass(mainWords);
    const candidates = new Map<number, number>(hits.map((h) => [h.doc, h.score]));
    const focusSlugs = [
      ...(focusSlug ? [focusSlug] : []),
      ...focusMatches.map((f) => f.slug),
      ...parsed.otherConditions.map((c) => c.slug),
    ].filter((s, i, all) => all.indexOf(s) === i);
    for (const slug of focusSlugs.slice(0, MAX_FOCUS_CONDITIONS)) {
      for (const d of this.byCondition.get(slug) ?? []) {
        if (!candidates.has(d)) candidates.set(d, this.index.scoreDoc(queryTerms, d));
      }
    }
    const topBm25 = Math.max(1e-9, ...candidates.values());
    const focusStrength = new Map<string, number>();
    if (focusSlug) focusStrength.set(focusSlug, Math.max(0.3, parsed.focus.strength ?? 0.5));
    for (const f of focusMatches) if (!focusStrength.has(f.slug)) focusStrength.set(f.slug, f.strength * 0.8);
    for (const c of parsed.otherConditions) if (!focusStrength.has(c.slug)) focusStrength.set(c.slug, 0.15);

    const scored: AskResultItem[] = [];
    const coverageOf = new Map<string, number>();
    for (const [d, bm25] of candidates) {
      const doc = this.docs.get(d);
      const coverage = maxScore > 0 ? Math.min(1, bm25 / maxScore) : 0;
      coverageOf.set(doc.answerId, coverage);
      const relative = bm25 / topBm25;
      const fs = focusStrength.get(doc.condition);
      // weak focus (an everyday word that is also a name) earns only its strength, no floor
      const focusScore = fs === undefined ? 0 : fs >= 0.3 ? 0.5 + 0.5 * fs : fs;
      const fit = aspectFit(user.aspect, doc.aspect as Aspect);
      const rqe = this.model.entailAnalysed(user, this.analysedDoc(d), doc.aspect);
      const score =
        W.coverage * coverage +
        W.relative * relative +
        W.focus * focusScore +
        W.aspect * fit +
        W.entail * rqe.score +
        (doc.reviewed ? REVIEWED_BONUS : 0);
      const item: AskResultItem = {
        answerId: doc.answerId,
        condition: doc.condition,
        aspect: doc.aspect,
        question: doc.question,
        score: Math.round(Math.min(1, score) * 10_000) / 10_000,
        origin: doc.origin,
        reviewed: doc.reviewed,
      };
      if (options.explain) {
        item.explain = {
          bm25: round(bm25),
          coverage: round(coverage),
          focusMatch: fs !== undefined,
          aspectFit: round(fit),
          entailment: round(rqe.score),
          reviewedBoost: doc.reviewed ? REVIEWED_BONUS : 0,
          features: Object.fromEntries(RQE_FEATURES.map((f, i) => [f, round(rqe.features[i]!)])),
        };
      }
      scored.push(item);
    }
    scored.sort(
      (a, b) =>
        b.score - a.score || Number(b.reviewed) - Number(a.reviewed) || a.answerId.localeCompare(b.answerId),
    );

    const top = scored[0];
    const nearest = this.nearestConditions(focusSlugs, scored, coverageOf);
    const explain: AskResult['explain'] = options.explain
      ? {
          analysedText: [...mainWords, ...expansion].join(' '),
          corrections: corrections.map((c) => ({ from: c.from, to: c.to, via: c.via })),
          layTerms,
          focus: focusMatches.slice(0, 10).map((f) => ({ ...f, strength: round(f.strength) })),
          aspect: user.aspect,
          terms: [...queryTerms.keys()],
          truncated,
          work: {
            chars: text.length,
            words: allWords.length,
            corrections: corrections.length,
            postings: work,
            candidates: candidates.size,
          },
          threshold,
          modelWeights: this.model.weights(),
        }
      : undefined;
    const withExplain = (r: AskResult): AskResult => (explain ? { ...r, explain } : r);

    // Questions no page of ours answers, whatever the score: a medicine's maker, dose or price,
    // or a doctor's address. The condition hubs they name are still offered.
    if (parsed.aboutMedicine || (parsed.noAspect && parsed.type && DRUG_TYPES.has(parsed.type))) {
      return withExplain(abstain('drug-only', nearest, parsed));
    }
    if (parsed.noAspect) return withExplain(abstain('no-aspect', nearest, parsed));
    // A question that names no condition we know, but uses words no answer of ours has ever used
    // ("what causes gout?" on a site without gout), is about something we do not cover: another
    // condition's page must not answer it, however well its question type fits.
    const offTopic = top !== undefined && focusStrength.size === 0 && this.unknownMass(mainWords) > 0;
    if (!top || top.score < threshold || offTopic) {
      const reason: AbstainReason = !top
        ? 'no-match'
        : parsed.focus.kind === 'drug'
          ? 'drug-only'
          : parsed.focus.kind === 'non-health'
            ? 'non-health'
            : parsed.focus.kind === 'condition'
              ? 'low-confidence'
              : 'not-covered';
      return withExplain(abstain(reason, nearest, parsed));
    }
    return withExplain({
      abstained: false,
      reason: null,
      redFlag,
      results: scored.slice(0, limit),
      nearestConditions: nearest,
      parsed: publicParsed(parsed),
    });
  }

  private unknownMass(fixed: string[]): number {
    const unknown = new Set(termsOfWords(fixed).filter((t) => !this.index.has(t)));
    return unknown.size * Math.log(1 + this.index.size);
  }

  /**
   * Condition hubs the question actually matched: a condition it names, or one whose answers
   * cover a large share of the question's words. Never filler: an unrelated question gets none.
   */
  private nearestConditions(
    named: string[],
    scored: AskResultItem[],
    coverageOf: ReadonlyMap<string, number>,
  ): { slug: string; name: string }[] {
    const out: { slug: string; name: string }[] = [];
    const push = (slug: string) => {
      if (out.length < 3 && !out.some((o) => o.slug === slug)) {
        out.push({ slug, name: this.conditionNames.get(slug) ?? slug });
      }
    };
    for (const slug of named) push(slug);
    for (const s of scored.slice(0, 10)) {
      if ((coverageOf.get(s.answerId) ?? 0) >= STRONG_OVERLAP) push(s.condition);
    }
    return out;
  }
}

/** What the engine read in the message, as results show it (focus without internal strength noise). */
function publicParsed(p: ParsedMessage): ParsedMessageView {
  return {
    subject: p.subject,
    question: p.question,
    otherQuestions: p.otherQuestions,
    focus:
      p.focus.kind === 'condition'
        ? { kind: 'condition', slug: p.focus.slug!, name: p.focus.name!, phrase: p.focus.phrase ?? '' }
        : { kind: p.focus.kind, ...(p.focus.phrase ? { phrase: p.focus.phrase } : {}) },
    type: p.type,
    aspect: p.aspect,
    noAspect: p.noAspect,
  };
}

const ABSTAIN_DETAIL: Partial<Record<NonNullable<AbstainReason>, string>> = {
  'drug-only':
    'Our answers are about health conditions; we have no reviewed pages about individual medicines (their makers, doses, prices, storage or ingredients). A pharmacist can answer this.',
  'no-aspect': 'None of our answers is about that kind of question.',
  'non-health': 'That does not look like a question about health.',
  'not-covered': 'We have no reviewed answers about that topic yet.',
  'not-english': 'Please ask in English; we only have answers in English for now.',
  empty: 'Type a question in words.',
};

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

export function createAskEngine(docs: SearchDocument[], options?: AskEngineOptions): AskEngine {
  return new AskEngine(docs, options);
}
