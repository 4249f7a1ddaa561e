/**
 * AskEngine: from the user's own words to a ranked list of reviewed answers, or an honest
 * abstention. Pure and in-memory: it is built from SearchDocuments and never touches the store.
 *
 * Pipeline (DESIGN.md §5): clamp → red flags → spelling repair → lay terms → focus + aspect →
 * BM25F candidates (plus every answer of the detected condition) → re-rank with focus, aspect
 * and the question-entailment model → abstain below a calibrated confidence.
 */
import type { Aspect } from '../content/index.js';
import { aspectFit, sentences } from './aspect.js';
import { Bm25fIndex } from './bm25f.js';
import { type AnalysedQuestion, analyseQuestion, RQE_FEATURES } from './features.js';
import { type FocusCondition, FocusDictionary, type FocusMatch } from './focus.js';
import { LAY_TERMS } from './lay-terms.js';
import { medicalWords } from './medical-words.js';
import { detectRedFlag, type RedFlagRules } from './red-flags.js';
import { loadShippedRqeModel, type RqeModel } from './rqe-model.js';
import { type Correction, SpellingCorrector } from './spelling.js';
import { clampQuestion, isStopword, LIMITS, latinShare, letterShare, termsOfWords, words } from './text.js';
import type { AskOptions, AskResult, AskResultItem, SearchDocument } from './types.js';

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
const MAX_FOCUS_CONDITIONS = 4;
const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 50;

const LAY_INDEX: Map<string, string[]> = (() => {
  const m = new Map<string, string[]>();
  for (const [lay, clinical] of LAY_TERMS) m.set(words(lay).join(' '), words(clinical));
  return m;
})();
const LAY_MAX_WORDS = Math.max(...[...LAY_INDEX.keys()].map((k) => k.split(' ').length));

export class AskEngine {
  private readonly docs: SearchDocument[];
  private readonly index: Bm25fIndex;
  private readonly focus: FocusDictionary;
  private readonly speller: SpellingCorrector;
  private readonly model: RqeModel;
  private readonly byCondition = new Map<string, number[]>();
  private readonly conditionNames = new Map<string, string>();
  private readonly analysed: (AnalysedQuestion | undefined)[];
  private readonly options: AskEngineOptions;
  readonly abstainThreshold: number;

  constructor(docs: SearchDocument[], options: AskEngineOptions = {}) {
    this.docs = docs;
    this.options = options;
    this.model = options.model ?? loadShippedRqeModel();
    this.abstainThreshold = options.abstainThreshold ?? DEFAULT_ABSTAIN_THRESHOLD;
    this.analysed = new Array(docs.length);
    this.index = new Bm25fIndex(
      [
        { name: 'question', weight: 3, b: 0.5 },
        { name: 'names', weight: 2, b: 0.3 },
        { name: 'tldr', weight: 1.5, b: 0.6 },
        { name: 'body', weight: 1, b: 0.75 },
      ],
      { titleFields: 2 },
    );
    const conditions = new Map<string, FocusCondition>();
    docs.forEach((d, i) => {
      this.index.addTexts([d.question, [d.conditionName, ...d.synonyms].join(' . '), d.tldr, d.body], 4_000);
      let list = this.byCondition.get(d.condition);
      if (!list) {
        list = [];
        this.byCondition.set(d.condition, list);
      }
      list.push(i);
      const c = conditions.get(d.condition);
      if (!c) {
        conditions.set(d.condition, { slug: d.condition, name: d.conditionName, synonyms: [...d.synonyms] });
        this.conditionNames.set(d.condition, d.conditionName);
      } else {
        for (const s of d.synonyms) if (!c.synonyms.includes(s)) c.synonyms.push(s);
      }
    });
    this.index.freeze();
    const vocabulary = this.index.wordFrequencies();
    // An acronym that is also an everyday word of the corpus ("CAR", "SPEED") is not a name.
    const common = new Set([...vocabulary].filter(([, df]) => df >= 30).map(([w]) => w));
    this.focus = new FocusDictionary([...conditions.values()], { commonWords: common });
    this.speller = new SpellingCorrector(vocabulary, {
      knownWords: options.medicalWordList === false ? [] : medicalWords(),
    });
  }

  get size(): number {
    return this.docs.length;
  }

  entail(chq: string, faq: string): { entails: boolean; score: number } {
    return this.model.entail(chq, faq);
  }

  private analysedDoc(i: number): AnalysedQuestion {
    let a = this.analysed[i];
    if (!a) {
      a = analyseQuestion(this.docs[i]!.question);
      this.analysed[i] = a;
    }
    return a;
  }

  ask(question: unknown, options: AskOptions = {}): AskResult {
    const limit = Math.max(
      1,
      Math.min(MAX_LIMIT, Math.floor(Number(options.limit ?? DEFAULT_LIMIT)) || DEFAULT_LIMIT),
    );
    const raw = typeof question === 'string' ? question : '';
    const truncated = raw.length > LIMITS.maxChars;
    const text = clampQuestion(raw);
    const redFlag = detectRedFlag(text, {
      emergencyNumber: this.options.emergencyNumber,
      rules: this.options.redFlagRules,
    });
    const abstain = (
      reason: AskResult['reason'],
      nearest: AskResult['nearestConditions'] = [],
    ): AskResult => ({
      abstained: true,
      reason,
      redFlag,
      results: [],
      nearestConditions: nearest,
      message: NO_ANSWER_MESSAGE,
    });
    if (text.length === 0 || letterShare(text) < 0.2) return abstain('empty');
    if (latinShare(text) < 0.5) return abstain('not-english');

    // Spelling repair, word by word; the user's word is kept when nothing is close.
    const original = words(text);
    const corrections: Correction[] = [];
    const fixed = original.map((w) => {
      if (isStopword(w) || corrections.length >= MAX_CORRECTIONS) return w;
      const c = this.speller.correct(w);
      if (!c) return w;
      corrections.push(c);
      return c.to;
    });

    // Lay terms add clinical words (never replace the user's).
    const layTerms: string[] = [];
    const expansion: string[] = [];
    for (let i = 0; i < fixed.length; i++) {
      for (let n = Math.min(LAY_MAX_WORDS, fixed.length - i); n >= 1; n--) {
        const key = fixed.slice(i, i + n).join(' ');
        const clinical = LAY_INDEX.get(key);
        if (clinical) {
          layTerms.push(key);
          expansion.push(...clinical);
          break;
        }
      }
    }

    const focus = [...this.focus.detect(fixed), ...this.focus.detect(expansion)]
      .sort((a, b) => b.strength - a.strength || a.slug.localeCompare(b.slug))
      .filter((f, i, all) => all.findIndex((g) => g.slug === f.slug) === i);
    const focusBySlug = new Map<string, FocusMatch>(focus.map((f) => [f.slug, f]));

    const user = analyseQuestion(fixed.length === original.length ? rebuild(text, original, fixed) : text);
    const queryTerms = this.queryTerms(text, fixed, expansion);
    if (queryTerms.size === 0 && focus.length === 0) return abstain('no-match');

    const { hits, maxScore: known, work } = this.index.search(queryTerms, this.options.candidates ?? 100);
    // Words the corpus has never seen ("laptop", "hamlet") still count against coverage: the
    // question asks about something no answer mentions.
    const maxScore = known + this.unknownMass(fixed);
    const candidates = new Map<number, number>(hits.map((h) => [h.doc, h.score]));
    for (const f of focus.slice(0, MAX_FOCUS_CONDITIONS)) {
      for (const d of this.byCondition.get(f.slug) ?? []) {
        if (!candidates.has(d)) candidates.set(d, this.index.scoreDoc(queryTerms, d));
      }
    }
    const topBm25 = Math.max(1e-9, ...candidates.values());

    const scored: AskResultItem[] = [];
    for (const [d, bm25] of candidates) {
      const doc = this.docs[d]!;
      const coverage = maxScore > 0 ? Math.min(1, bm25 / maxScore) : 0;
      const relative = bm25 / topBm25;
      const fm = focusBySlug.get(doc.condition);
      // weak focus (an everyday word that is also a name) earns only its strength, no floor
      const focusScore = fm ? (fm.strength >= 0.3 ? 0.5 + 0.5 * fm.strength : fm.strength) : 0;
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
          focusMatch: fm !== undefined,
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

    const nearest = this.nearestConditions(focus, scored);
    const top = scored[0];
    const explain: AskResult['explain'] = options.explain
      ? {
          analysedText: [...fixed, ...expansion].join(' '),
          corrections: corrections.map((c) => ({ from: c.from, to: c.to, via: c.via })),
          layTerms,
          focus: focus.slice(0, 10).map((f) => ({ ...f, strength: round(f.strength) })),
          aspect: user.aspect,
          terms: [...queryTerms.keys()],
          truncated,
          work: {
            chars: text.length,
            words: original.length,
            corrections: corrections.length,
            postings: work,
            candidates: candidates.size,
          },
          threshold: this.abstainThreshold,
          modelWeights: this.model.weights(),
        }
      : undefined;
    if (!top || top.score < this.abstainThreshold) {
      return { ...abstain(top ? 'low-confidence' : 'no-match', nearest), ...(explain ? { explain } : {}) };
    }
    return {
      abstained: false,
      reason: null,
      redFlag,
      results: scored.slice(0, limit),
      nearestConditions: nearest,
      ...(explain ? { explain } : {}),
    };
  }

  /**
   * Query terms with weights. In a long consumer message the subject line and the sentences that
   * ask something carry the question; the rest is background and counts half.
   */
  private queryTerms(text: string, fixed: string[], expansion: string[]): Map<string, number> {
    const weights = new Map<string, number>();
    const add = (ts: string[], w: number) => {
      for (const t of ts) if (this.index.has(t)) weights.set(t, Math.max(weights.get(t) ?? 0, w));
    };
    const parts = sentences(text);
    if (parts.length > 3) {
      const important = parts.filter((s, i) => i === 0 || /\?\s*$/.test(s));
      add(termsOfWords(fixed), 0.5);
      for (const s of important) add(termsOfWords(this.repair(words(s))), 1);
    } else {
      add(termsOfWords(fixed), 1);
    }
    add(termsOfWords(expansion), 0.7);
    return weights;
  }

  private unknownMass(fixed: string[]): number {
    const unknown = new Set(termsOfWords(fixed).filter((t) => !this.index.has(t)));
    return unknown.size * Math.log(1 + this.index.size);
  }

  private repair(ws: string[]): string[] {
    return ws.map((w) => (isStopword(w) ? w : (this.speller.correct(w)?.to ?? w)));
  }

  private nearestConditions(focus: FocusMatch[], scored: AskResultItem[]): { slug: string; name: string }[] {
    const out: { slug: string; name: string }[] = [];
    const push = (slug: string) => {
      if (out.length < 3 && !out.some((o) => o.slug === slug)) {
        out.push({ slug, name: this.conditionNames.get(slug) ?? slug });
      }
    };
    for (const f of focus) push(f.slug);
    for (const s of scored.slice(0, 10)) push(s.condition);
    return out;
  }
}

function round(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

/** The text with repaired words substituted, so aspect cues see "treatment" for "treatmnet". */
function rebuild(text: string, original: string[], fixed: string[]): string {
  let changed = false;
  for (let i = 0; i < original.length; i++) if (original[i] !== fixed[i]) changed = true;
  if (!changed) return text;
  return `${text}\n${fixed.join(' ')}`;
}

export function createAskEngine(docs: SearchDocument[], options?: AskEngineOptions): AskEngine {
  return new AskEngine(docs, options);
}
