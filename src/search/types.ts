/** Public types of the search module: what goes in (documents) and what comes out (AskResult). */
import type { Aspect, Origin } from '../content/index.js';
import type { QuestionType } from '../content/text/aspects.js';

export interface SearchDocument {
  /** "<conditionSlug>/<answerSlug>" */
  answerId: string;
  /** Condition slug. */
  condition: string;
  conditionName: string;
  synonyms: string[];
  aspect: Aspect;
  question: string;
  tldr: string;
  body: string;
  /** True when a medical review is bound to the shown revision (reviewBadgeFor → 'reviewed'). */
  reviewed: boolean;
  origin: Origin | null;
  cuis?: string[];
}

export interface RedFlagNotice {
  kind: string;
  message: string;
}

export interface ResultExplanation {
  bm25: number;
  /** BM25F score divided by the query's attainable maximum (share of query IDF mass matched). */
  coverage: number;
  focusMatch: boolean;
  aspectFit: number;
  entailment: number;
  reviewedBoost: number;
  features: Record<string, number>;
}

export interface AskResultItem {
  answerId: string;
  condition: string;
  aspect: Aspect;
  question: string;
  /** 0..1, higher is better; comparable across queries (used for abstention). */
  score: number;
  origin: Origin | null;
  reviewed: boolean;
  explain?: ResultExplanation;
}

export interface QueryExplanation {
  /** The text actually analysed (after length clamp, spelling repair and lay-term expansion). */
  analysedText: string;
  corrections: { from: string; to: string; via: string }[];
  layTerms: string[];
  focus: { slug: string; name: string; phrase: string; strength: number }[];
  aspect: { top: Aspect | null; scores: Partial<Record<Aspect, number>>; cues: string[] };
  terms: string[];
  truncated: boolean;
  /** What the question cost: characters and words looked at, postings visited, candidates scored. */
  work: { chars: number; words: number; corrections: number; postings: number; candidates: number };
  threshold: number;
  modelWeights: Record<string, number>;
  /** The abstention confidence of the top answer, its inputs and the model's weights (models/confidence.json). */
  confidence: { value: number | null; features: Record<string, number>; weights: Record<string, number> };
}

export type AbstainReason =
  | 'empty'
  | 'not-english'
  | 'no-match'
  | 'low-confidence'
  /** Only about a medicine (maker, dose, price, storage, ingredients): no page of ours is. */
  | 'drug-only'
  /** About a condition, but asking something no aspect of ours answers (e.g. a doctor's address). */
  | 'no-aspect'
  | 'non-health'
  /** A health topic we have no answers on. */
  | 'not-covered'
  | null;

/** What the engine read in the message (shown by --explain and ?explain=1, returned always). */
export interface ParsedMessageView {
  subject: string | null;
  /** The sentence that asks the main question. */
  question: string;
  /** Other questions in the message (not answered; listed). */
  otherQuestions: string[];
  focus:
    | { kind: 'condition'; slug: string; name: string; phrase: string }
    | { kind: 'drug' | 'test' | 'procedure' | 'non-health' | 'unknown'; phrase?: string };
  type: QuestionType | null;
  aspect: Aspect | null;
  /** True when no aspect of ours answers the question type. */
  noAspect: boolean;
}

export interface AskResult {
  abstained: boolean;
  /** Why the engine abstained (null when it answered). */
  reason: AbstainReason;
  redFlag: RedFlagNotice | null;
  results: AskResultItem[];
  /** Condition hubs closest to the question, shown with an abstention (and below answers). */
  nearestConditions: { slug: string; name: string }[];
  /** Plain-language message for the abstention case. */
  message?: string;
  /** Why, in plain words, when the engine abstained for a reason a reader can act on (drug-only, not English, …). */
  detail?: string;
  /** What the engine read in the message (absent only for empty / non-English input). */
  parsed?: ParsedMessageView;
  /**
   * Probability (0..1) that the top answer answers the message (models/confidence.json); the
   * engine abstains below its threshold. Null when no answer was scored; absent when the engine
   * did not get as far (empty, not English, no word it knows).
   */
  confidence?: number | null;
  explain?: QueryExplanation;
}

export interface AskOptions {
  limit?: number;
  explain?: boolean;
  /** Abstain threshold for this call (0 = never abstain on confidence; for evaluation). */
  threshold?: number;
}
