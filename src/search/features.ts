/**
 * Question-entailment features for a (consumer question, stored question) pair. Shared by the
 * trainer (scripts/train-rqe.ts), `medbrief entail` and the re-ranker, so a model is always
 * applied to the features it was trained on.
 *
 * Why these: on consumer questions the stored question that answers is the one that asks the
 * same *kind* of thing about the topic (DESIGN.md §5), so aspect compatibility features carry
 * most of the signal; lexical coverage only tells whether the topic is the same at all.
 */
import type { Aspect } from '../content/index.js';
import { aspectsCompatible } from '../content/text/aspects.js';
import { messageSentences } from '../content/text/sentences.js';
import { type AspectGuess, aspectFit, aspectGuessOf, classifyAspect } from './aspect.js';
import { type ParsedMessage, parseMessage } from './message.js';
import { clampQuestion, terms } from './text.js';

export interface AnalysedQuestion {
  terms: string[];
  termSet: ReadonlySet<string>;
  /** Terms of the first sentence: a consumer message's subject line usually names the topic. */
  subjectTerms: string[];
  aspect: AspectGuess;
}

export function analyseQuestion(raw: string): AnalysedQuestion {
  const text = clampQuestion(raw);
  const ts = terms(text);
  const first = messageSentences(text)[0] ?? '';
  return { terms: ts, termSet: new Set(ts), subjectTerms: terms(first, 40), aspect: classifyAspect(text) };
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
  return analyseMessage(parseMessage(raw));
}

export const RQE_FEATURES = [
  'aspect_same',
  'aspect_compatible',
  'aspect_conflict',
  'chq_no_aspect',
  'aspect_fit',
  'faq_general_chq_general',
  'faq_general_chq_specific',
  'faq_specific_chq_general',
  'faq_coverage',
  'chq_coverage',
  'faq_key_terms_covered',
  'subject_coverage',
  'cosine',
  'log_chq_len',
  'log_faq_len',
  'coverage_x_fit',
  'coverage_x_conflict',
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
  const ca = chq.aspect.top;
  const fit = aspectFit(chq.aspect, fa ?? 'overview');
  const faqCoverage = weightedShare(faq.terms, chq.termSet, idf);
  const key = [...faq.termSet].sort((x, y) => idf(y) - idf(x) || x.localeCompare(y)).slice(0, 2);
  const keyCovered = key.length === 0 ? 0 : key.filter((t) => chq.termSet.has(t)).length / key.length;
  const same = ca !== null && ca === fa;
  const compatible = !same && ca !== null && fa !== null && aspectsCompatible(ca, fa);
  const conflict = ca !== null && fa !== null && !same && !compatible && !(isGeneral(fa) || isGeneral(ca));
  return [
    same ? 1 : 0,
    compatible ? 1 : 0,
    conflict ? 1 : 0,
    chq.aspect.noAspect ? 1 : 0,
    fit,
    isGeneral(fa) && isGeneral(ca) ? 1 : 0,
    isGeneral(fa) && !isGeneral(ca) ? 1 : 0,
    !isGeneral(fa) && isGeneral(ca) ? 1 : 0,
    faqCoverage,
    weightedShare(chq.terms, faq.termSet, idf),
    keyCovered,
    weightedShare(chq.subjectTerms, faq.termSet, idf),
    cosine(chq.terms, faq.terms, idf),
    Math.log1p(chq.terms.length),
    Math.log1p(faq.terms.length),
    faqCoverage * fit,
    faqCoverage * (conflict ? 1 : 0),
  ];
}
