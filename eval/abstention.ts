/**
 * The answer-or-abstain trade-off, in one place for the evaluation's table (eval/real.ts) and the
 * fit of the confidence model's threshold (eval/fit-confidence.ts): at a threshold, how many
 * answerable questions get a correct top answer, how many a wrong one, and how many drug-only /
 * none-in-corpus messages get an answer at all.
 */
import { documentRanking, type Run } from './systems.js';

/**
 * Thresholds on the confidence (a probability) that the table prints and the fit chooses from:
 * every 0.02 up to 0.2 (where the drug-only target is met), then every 0.05.
 */
export const THRESHOLDS = [
  ...Array.from({ length: 10 }, (_, i) => (i * 2) / 100),
  ...Array.from({ length: 16 }, (_, i) => (20 + i * 5) / 100),
];

/** Does a run abstain at threshold t? (Hard abstentions hold at every threshold.) */
export function abstainsAt(run: Run, t: number): boolean {
  return run.hardAbstain || run.answers.length === 0 || (run.top ?? 0) < t;
}

export interface TradeoffInput {
  /** Questions with an answer in the corpus; `level` says whether the top answer or its document counts. */
  answerable: { run: Run; relevant: ReadonlySet<string>; level: 'document' | 'answer' }[];
  /** Drug-only messages and messages with no answer in the corpus: any answer is wrong. */
  drug: Run[];
  none: Run[];
}

const r4 = (x: number) => Math.round(x * 10_000) / 10_000;
const rate = (k: number, n: number) => (n === 0 ? null : r4(k / n));

/** Is the run's top answer (or top document) relevant? */
export function topIsRelevant(
  run: Run,
  relevant: ReadonlySet<string>,
  level: 'document' | 'answer',
): boolean {
  const top = level === 'document' ? documentRanking(run.answers, 1)[0] : run.answers[0];
  return top !== undefined && relevant.has(top);
}

export function tradeoffRow(x: TradeoffInput, threshold: number) {
  let answered = 0;
  let correct = 0;
  for (const q of x.answerable) {
    if (abstainsAt(q.run, threshold)) continue;
    answered++;
    if (topIsRelevant(q.run, q.relevant, q.level)) correct++;
  }
  const drugAbstained = x.drug.filter((r) => abstainsAt(r, threshold)).length;
  const noneAbstained = x.none.filter((r) => abstainsAt(r, threshold)).length;
  const wrongOnUnanswerable = x.drug.length - drugAbstained + (x.none.length - noneAbstained);
  return {
    threshold,
    answerable: x.answerable.length,
    answerRate: rate(answered, x.answerable.length),
    precision: rate(correct, answered),
    correctAnswers: correct,
    drugOnlyAbstain: rate(drugAbstained, x.drug.length),
    noneAbstain: rate(noneAbstained, x.none.length),
    // correct answers minus wrong ones (wrong top answer, or an answer where there is none)
    utility: correct - (answered - correct) - wrongOnUnanswerable,
  };
}
export type TradeoffRow = ReturnType<typeof tradeoffRow>;

/** The targets the default threshold must meet on the tune part. */
export const DRUG_ONLY_TARGET = 0.85;
export const ANSWERABLE_ABSTAIN_TARGET = 0.15;

export const THRESHOLD_RULE =
  'among thresholds that meet both of the issue’s abstention targets on the tune part (abstain on ≥ 85% of drug-only messages and on ≤ 15% of answerable questions), the one with the highest utility (correct − wrong top answers − answers to drug-only / none-in-corpus messages), so that out-of-scope messages are abstained on as often as the answerable promise allows; if no threshold meets both, the lowest that meets the drug-only target; if none does, the highest utility';

const meetsDrug = (r: TradeoffRow) => (r.drugOnlyAbstain ?? 0) >= DRUG_ONLY_TARGET;
const meetsAnswerable = (r: TradeoffRow) => 1 - (r.answerRate ?? 0) <= ANSWERABLE_ABSTAIN_TARGET;
const byUtility = (a: TradeoffRow, b: TradeoffRow) => b.utility - a.utility || a.threshold - b.threshold;

/** The row THRESHOLD_RULE chooses. */
export function chooseThreshold(rows: readonly TradeoffRow[]): TradeoffRow {
  const both = rows.filter((r) => meetsDrug(r) && meetsAnswerable(r));
  if (both.length > 0) return [...both].sort(byUtility)[0]!;
  const sorted = [...rows].sort((a, b) => a.threshold - b.threshold);
  return sorted.find(meetsDrug) ?? [...sorted].sort(byUtility)[0]!;
}
