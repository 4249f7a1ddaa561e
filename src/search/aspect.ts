/**
 * Aspect (question type) classification from the user's own words. A rule table rather than a
 * learned model: the cues are few, well known, and must be readable by a medical reviewer; the
 * RQE model then learns how much an aspect (dis)agreement matters.
 */
import { ASPECTS, type Aspect } from '../content/index.js';
import {
  aspectsCompatible,
  QUESTION_TYPES,
  type QuestionType,
  TYPE_ASPECT,
} from '../content/text/aspects.js';
import { messageSentences } from '../content/text/sentences.js';
import type { ParsedMessage } from './message.js';

export type AspectScores = Partial<Record<Aspect, number>>;

export interface AspectGuess {
  /** Best aspect, or null when nothing in the text asks a specific kind of question. */
  top: Aspect | null;
  /** Normalised scores (sum 1) over the aspects with any cue; empty when none. */
  scores: AspectScores;
  /** The cues that fired, for --explain. */
  cues: string[];
  /** True when the question asks something no aspect of ours answers (a medicine's dose, a doctor's address). */
  noAspect?: boolean;
  /** True when only hints fired (a symptom word, no "what are the symptoms"): the type is a guess. */
  weak?: boolean;
}

/**
 * Scores aspects. Sentences that are questions (end with "?" or start with a question word)
 * weigh double: in "My son was diagnosed last year. Is there a cure?" the diagnosis is context,
 * the cure is the question.
 */
export function classifyAspect(text: string): AspectGuess {
  const raw: AspectScores = {};
  let none = 0;
  const cues: string[] = [];
  const parts = messageSentences(text).map((p) => p.toLowerCase());
  for (const s of parts) {
    const isQuestion =
      /\?\s*$/.test(s) ||
      /^(what|how|why|when|where|who|which|is|are|can|could|does|do|should|will|would|whats)\b/.test(s);
    const factor = isQuestion ? 2 : 1;
    for (const c of QUESTION_TYPES) {
      if (!c.re.test(s)) continue;
      const aspect = TYPE_ASPECT[c.type];
      if (aspect) raw[aspect] = (raw[aspect] ?? 0) + c.weight * factor;
      else none += c.weight * factor;
      if (!cues.includes(c.name)) cues.push(c.name);
    }
  }
  let total = 0;
  for (const a of ASPECTS) total += raw[a] ?? 0;
  if (total === 0) return { top: null, scores: {}, cues, ...(none > 0 ? { noAspect: true } : {}) };
  const scores: AspectScores = {};
  let top: Aspect | null = null;
  let best = 0;
  for (const a of ASPECTS) {
    const v = raw[a];
    if (v === undefined) continue;
    scores[a] = v / total;
    if (v > best) {
      best = v;
      top = a;
    }
  }
  if (none > best) return { top: null, scores, cues, noAspect: true };
  return { top, scores, cues };
}

/**
 * How well a stored answer's aspect fits the asked aspects: 1 for the top aspect, its score for
 * others. A general answer ("overview") partly fits a question that asks nothing specific.
 */
export function aspectFit(guess: AspectGuess, docAspect: Aspect): number {
  if (guess.noAspect) return 0;
  if (guess.weak) return 0.4 + 0.3 * strictFit(guess, docAspect);
  return strictFit(guess, docAspect);
}

function strictFit(guess: AspectGuess, docAspect: Aspect): number {
  if (guess.top === null) return docAspect === 'overview' ? 0.6 : 0.15;
  if (guess.top === docAspect) return 1;
  const share = guess.scores[docAspect] ?? 0;
  return aspectsCompatible(guess.top, docAspect) ? Math.max(0.4, share) : share;
}

/** The aspect guess of a parsed consumer message (type scores collapsed onto our aspects). */
export function aspectGuessOf(parsed: ParsedMessage): AspectGuess {
  const scores: AspectScores = {};
  for (const [t, v] of Object.entries(parsed.types)) {
    const a = TYPE_ASPECT[t as QuestionType];
    if (a) scores[a] = Math.round(((scores[a] ?? 0) + v!) * 1000) / 1000;
  }
  return {
    top: parsed.aspect,
    scores,
    cues: parsed.cues,
    noAspect: parsed.noAspect,
    ...(parsed.weakType ? { weak: true } : {}),
  };
}
