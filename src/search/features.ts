/**
 * Question-entailment features for a (consumer question, stored question) pair. Shared by the
 * trainer (scripts/train-rqe.ts), `medbrief entail` and the re-ranker, so a model is always
 * applied to the features it was trained on.
 *
 * Why these: on consumer questions the stored question that answers is the one that asks the
 * same *kind* of thing about the topic (DESIGN.md §5). Two questions are read apart:
 * - topic: are the stored question's topic words (its terms less question-type words such as
 *   "treated", "causes") in the consumer's message — the whole message, background included,
 *   with lay/clinical synonyms (lay-terms.ts) and misspellings ("fibromalgia") counted;
 * - type: how much of what the consumer asks (the parser's type scores) is the kind of thing the
 *   stored question asks, and whether it asks specific things none of which the stored one answers.
 * The products topic × type carry most of the weight: the same topic with another question type
 * does not entail (the RQE validation set's hard negatives), and the same type on another topic
 * does not either (its random negatives).
 */
import type { Aspect } from '../content/index.js';
import { aspectsCompatible } from '../content/text/aspects.js';
import { messageSentences } from '../content/text/sentences.js';
import { type AspectGuess, aspectGuessOf, classifyAspect } from './aspect.js';
import { LAY_TERMS } from './lay-terms.js';
import { type ParsedMessage, parseMessage } from './message.js';
import { clampQuestion, stem, terms } from './text.js';

export interface AnalysedQuestion {
  terms: string[];
  termSet: ReadonlySet<string>;
  /** Terms of the first sentence: a consumer message's subject line usually names the topic. */
  subjectTerms: string[];
  aspect: AspectGuess;
  /**
   * Consumer side: terms of the whole message, background included (the asking sentence the
   * parser picks is sometimes only "thanks"). Absent: `terms` stand in.
   */
  messageTerms?: string[];
  /** Stored-question side: the terms that name the topic (question-type and generic words removed). */
  focusTerms?: string[];
}

export function analyseQuestion(raw: string): AnalysedQuestion {
  const text = clampQuestion(raw);
  const ts = terms(text);
  const first = messageSentences(text)[0] ?? '';
  return {
    terms: ts,
    termSet: new Set(ts),
    subjectTerms: terms(first, 40),
    aspect: storedQuestionAspect(text),
    focusTerms: topicTerms(ts),
  };
}

/**
 * Wording of stored (FAQ-style) questions that the consumer-message cues miss: "Who gets X?",
 * "Will X get better with time?", "Where can I find more information about X?". Only used when
 * classifyAspect finds nothing.
 */
const STORED_QUESTION_CUES: readonly [Aspect, RegExp][] = [
  ['risk-factors', /\bwho (gets|get|is affected|is likely|can get|develops)\b/i],
  ['outlook', /\b(get better|go away|outlook|prognosis|survival|long[- ]term)\b/i],
  ['complications', /\b(co-?exist|often (occur|go) with|other (illnesses|conditions|diseases))\b/i],
  ['treatment', /\b(procedures?|surgery|options|how to (help|manage|treat|stop|get rid))\b/i],
  ['overview', /\b(where can i find|(additional|more) information|resources|organi[sz]ations?)\b/i],
];

function storedQuestionAspect(text: string): AspectGuess {
  const guess = classifyAspect(text);
  // "What are researchers learning about X?" opens like "what is X" but asks about research
  if (guess.top === 'overview' && /\b(research(ers)?|studies|clinical trials?)\b/i.test(text)) {
    return { top: 'research', scores: { research: 1 }, cues: [...guess.cues, 'stored:research'] };
  }
  if (guess.top !== null) return guess;
  for (const [aspect, re] of STORED_QUESTION_CUES) {
    if (re.test(text))
      return { top: aspect, scores: { [aspect]: 1 }, cues: [...guess.cues, `stored:${aspect}`] };
  }
  return guess;
}

/** Words that say what kind of thing is asked (or nothing at all), not what it is asked about. */
const TYPE_WORDS = new Set(
  (
    'treat treated treatment treatments cure cured cures therapy manage cause causes caused ' +
    'symptom symptoms sign signs diagnose diagnosed diagnosis test tests prevent prevention ' +
    'risk risks factor factors inherited genetic outlook prognosis option options get gets ' +
    'rid help find information additional learn learning know research researchers available ' +
    'best way ways people someone person can do long term better time right correct quickly ' +
    'effects effect problem problems use used take try feel living live support group groups ' +
    'found detected common many likely affected alt'
  )
    .split(' ')
    .map(stem),
);

/** A question's topic terms: its terms less the question-type and generic words. */
export function topicTerms(ts: readonly string[]): string[] {
  const out = ts.filter((t) => !TYPE_WORDS.has(t));
  return out.length > 0 ? out : [...ts];
}

/**
 * A consumer's message as the entailment model reads it: the terms of the asking sentence and the
 * subject line (not the background), and the aspect its question type maps onto.
 */
export function analyseMessage(parsed: ParsedMessage, extraTerms: readonly string[] = []): AnalysedQuestion {
  const asking = [parsed.subject ?? '', parsed.question].filter(Boolean).join(' . ');
  const ts = [...terms(asking), ...extraTerms];
  return {
    terms: ts,
    termSet: new Set(ts),
    subjectTerms: terms(parsed.subject ?? parsed.question, 40),
    aspect: aspectGuessOf(parsed),
  };
}

/** analyseMessage over raw text (no condition dictionary: focus is not needed for entailment). */
export function analyseConsumerQuestion(raw: string): AnalysedQuestion {
  const a = analyseMessage(parseMessage(raw));
  return { ...a, messageTerms: terms(clampQuestion(raw)) };
}

export const RQE_FEATURES = [
  'aspect_same',
  'chq_no_aspect',
  'subject_coverage',
  'cosine',
  'log_chq_len',
  'log_faq_len',
  'topic_coverage',
  'topic_key_covered',
  'topic_coverage_asking',
  'type_share',
  'type_compatible_share',
  'faq_overview_chq_info',
  'faq_type_unasked',
  'topic_x_type',
  'topic_x_unasked',
] as const;

export type IdfFn = (term: string) => number;

const isGeneral = (a: Aspect | null) => a === null || a === 'overview';

function weightedShare(from: readonly string[], into: ReadonlySet<string>, idf: IdfFn): number {
  let all = 0;
  let hit = 0;
  const seen = new Set<string>();
  for (const t of from) {
    if (seen.has(t)) continue;
    seen.add(t);
    const w = idf(t);
    all += w;
    if (into.has(t)) hit += w;
  }
  return all === 0 ? 0 : hit / all;
}

function cosine(a: readonly string[], b: readonly string[], idf: IdfFn): number {
  const va = new Map<string, number>();
  const vb = new Map<string, number>();
  for (const t of a) va.set(t, (va.get(t) ?? 0) + 1);
  for (const t of b) vb.set(t, (vb.get(t) ?? 0) + 1);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, c] of va) {
    const w = c * idf(t);
    na += w * w;
    const o = vb.get(t);
    if (o) dot += w * o * idf(t);
  }
  for (const [t, c] of vb) nb += (c * idf(t)) ** 2;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Lay phrase ↔ clinical words, stemmed: "high blood pressure" in one question, "hypertension" in the other. */
const SYNONYMS: readonly [string[], string[]][] = LAY_TERMS.map(([lay, clinical]) => [
  terms(lay),
  terms(clinical),
]);

const expandedSets = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();
/** A term set plus the synonyms of the lay or clinical phrases it holds (cached per set). */
function withSynonyms(set: ReadonlySet<string>): ReadonlySet<string> {
  let out = expandedSets.get(set);
  if (out) return out;
  const grown = new Set(set);
  for (const [a, b] of SYNONYMS) {
    if (a.length > 0 && a.every((t) => set.has(t))) for (const t of b) grown.add(t);
    if (b.length > 0 && b.every((t) => set.has(t))) for (const t of a) grown.add(t);
  }
  out = grown;
  expandedSets.set(set, out);
  return out;
}

/** Damerau–Levenshtein distance, stopping early once it exceeds `max`. */
function editDistanceWithin(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let prev2: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, prev2[j - 2]! + 1);
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return false;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

/** Same word misspelt or cut short: "fibromalgia"/"fibromyalgia", "trigem"/"trigemin". */
function fuzzyEqual(a: string, b: string): boolean {
  const short = Math.min(a.length, b.length);
  if (short < 5 || a[0] !== b[0]) return false;
  if (short >= 6 && (a.startsWith(b) || b.startsWith(a))) return true;
  // a long shared start: "mediterean"/"mediterranean"
  let common = 0;
  while (common < short && a[common] === b[common]) common++;
  if (common >= 7 && common >= 0.7 * short) return true;
  return editDistanceWithin(a, b, short >= 8 ? 2 : 1);
}

const fuzzyMemo = new WeakMap<readonly string[], Map<string, boolean>>();
/** Does `set` (or `list`, for misspellings) hold term `t`? Memoised per list: ask re-ranks many answers against one question. */
function holds(t: string, set: ReadonlySet<string>, list: readonly string[]): boolean {
  if (set.has(t)) return true;
  if (t.length < 5) return false;
  let memo = fuzzyMemo.get(list);
  if (!memo) {
    memo = new Map();
    fuzzyMemo.set(list, memo);
  }
  let hit = memo.get(t);
  if (hit === undefined) {
    hit = list.some((u) => fuzzyEqual(t, u));
    if (memo.size < 10_000) memo.set(t, hit);
  }
  return hit;
}

const uniqueLists = new WeakMap<ReadonlySet<string>, string[]>();
function listOf(set: ReadonlySet<string>): string[] {
  let l = uniqueLists.get(set);
  if (!l) {
    l = [...set];
    uniqueLists.set(set, l);
  }
  return l;
}

const messageSets = new WeakMap<readonly string[], ReadonlySet<string>>();
function setOf(ts: readonly string[]): ReadonlySet<string> {
  let s = messageSets.get(ts);
  if (!s) {
    s = new Set(ts);
    messageSets.set(ts, s);
  }
  return s;
}

/** IDF-weighted share of `topic` found in `into` (synonyms and misspellings count). */
function topicShare(topic: readonly string[], into: ReadonlySet<string>, idf: IdfFn): number {
  const set = withSynonyms(into);
  const list = listOf(set);
  let all = 0;
  let hit = 0;
  for (const t of new Set(topic)) {
    const w = idf(t);
    all += w;
    if (holds(t, set, list)) hit += w;
  }
  return all === 0 ? 0 : hit / all;
}

const INFO_CUES = new Set(['info-about', 'what-is', 'whats', 'tell-me-about']);

/**
 * Feature vector in RQE_FEATURES order. `faqAspect` overrides the aspect read from the stored
 * question's text when it is known from the content (an answer file's `aspect`).
 */
export function rqeFeatures(
  chq: AnalysedQuestion,
  faq: AnalysedQuestion,
  idf: IdfFn,
  faqAspect?: Aspect | null,
): number[] {
  const fa = faqAspect !== undefined ? faqAspect : faq.aspect.top;
  // topic: the stored question's topic words, looked for in the whole consumer message
  const topic = faq.focusTerms ?? topicTerms(faq.terms);
  const messageSet = chq.messageTerms ? setOf(chq.messageTerms) : chq.termSet;
  const topicCoverage = topicShare(topic, messageSet, idf);
  const keyTopic = [...new Set(topic)].sort((x, y) => idf(y) - idf(x) || x.localeCompare(y))[0];
  const keyTopicCovered =
    keyTopic !== undefined && holds(keyTopic, withSynonyms(messageSet), listOf(withSynonyms(messageSet)))
      ? 1
      : 0;
  // type: how much of what the consumer asks is the kind of thing the stored question asks
  const scores = chq.aspect.scores;
  const typeShare = fa === null ? 0 : (scores[fa] ?? 0);
  let compatibleShare = 0;
  let specificAsked = false;
  for (const [a, v] of Object.entries(scores) as [Aspect, number][]) {
    if (a !== 'overview') specificAsked = true;
    // a general question is not "compatible" with a specific stored question (causes, symptoms)
    if (fa !== null && aspectsCompatible(a, fa) && (a !== 'overview' || fa === 'overview'))
      compatibleShare += v;
  }
  const infoAsked = chq.aspect.cues.some((c) => INFO_CUES.has(c));
  const unasked = fa !== null && !isGeneral(fa) && specificAsked && compatibleShare === 0 ? 1 : 0;
  return [
    // the main asked type is the stored question's (the parser's top type, not only a share)
    chq.aspect.top !== null && chq.aspect.top === fa ? 1 : 0,
    chq.aspect.noAspect ? 1 : 0,
    // word overlap is no evidence when the consumer asks specific things none of which the stored
    // question answers (else a short "how is X treated?" entails "what causes X?" on words alone)
    unasked ? 0 : weightedShare(chq.subjectTerms, faq.termSet, idf),
    unasked ? 0 : cosine(chq.terms, faq.terms, idf),
    Math.log1p(chq.terms.length),
    Math.log1p(faq.terms.length),
    topicCoverage,
    keyTopicCovered,
    topicShare(topic, chq.termSet, idf),
    typeShare,
    Math.min(1, compatibleShare),
    isGeneral(fa) && (infoAsked || !specificAsked) ? 1 : 0,
    unasked,
    // the same kind of question counts fully, a compatible kind (treatment / outlook) half
    topicCoverage * Math.min(1, typeShare + 0.5 * (compatibleShare - typeShare)),
    topicCoverage * unasked,
  ];
}
