/**
 * Review policy: when a review falls due, how imported batches are spread over the interval, and
 * how the queue classifies an answer. Dates are YYYY-MM-DD strings (UTC calendar days).
 */
import { createHash } from 'node:crypto';
import { addMonths, DEFAULT_REVIEW_INTERVAL_MONTHS } from '../content/index.js';

export { DEFAULT_REVIEW_INTERVAL_MONTHS };

/** Next review: the condition's own interval wins over the site default. */
export function nextReviewDate(
  reviewedOn: string,
  conditionIntervalMonths: number | null | undefined,
  defaultIntervalMonths: number = DEFAULT_REVIEW_INTERVAL_MONTHS,
): string {
  return addMonths(reviewedOn, conditionIntervalMonths ?? defaultIntervalMonths);
}

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * Due dates for `count` answers imported together, spread evenly over one interval starting
 * at `start` (first due on day 1, last on the interval's last day), so a team gets about
 * count / days reviews a day instead of all of them on one date. Order follows the input.
 */
export function staggerDueDates(count: number, start: string, intervalMonths: number): string[] {
  if (count <= 0) return [];
  const end = addMonths(start, intervalMonths);
  const span = Math.max(1, daysBetween(start, end));
  const dates: string[] = [];
  for (let i = 0; i < count; i++) {
    // Spread i over (0, span]: index 0 lands a little after start, the last lands on `end`.
    dates.push(addDays(start, Math.max(1, Math.ceil(((i + 1) * span) / count))));
  }
  return dates;
}

/**
 * Review due date of one newly imported answer: `today` plus 1…N days, N the days in the review
 * interval, chosen by a hash of the origin key. Deterministic, and evenly spread so a team is
 * not handed 16,000 reviews on one day.
 */
export function staggeredDueDate(originKey: string, today: string, intervalMonths: number): string {
  const days = daysBetween(today, addMonths(today, intervalMonths));
  const h = createHash('sha256').update(originKey).digest().readUInt32BE(0);
  return addDays(today, 1 + (h % Math.max(days, 1)));
}

/** The review policy an action sees (ctx.policy): one default interval, one set of rules. */
export interface ReviewPolicy {
  defaultIntervalMonths: number;
  nextReview(reviewedOn: string, conditionIntervalMonths: number | null | undefined): string;
  staggeredDue(originKey: string, today: string, intervalMonths?: number): string;
  stagger(count: number, start: string, intervalMonths?: number): string[];
}

export function reviewPolicy(defaultIntervalMonths: number = DEFAULT_REVIEW_INTERVAL_MONTHS): ReviewPolicy {
  return {
    defaultIntervalMonths,
    nextReview: (reviewedOn, conditionInterval) =>
      nextReviewDate(reviewedOn, conditionInterval, defaultIntervalMonths),
    staggeredDue: (key, today, months) => staggeredDueDate(key, today, months ?? defaultIntervalMonths),
    stagger: (count, start, months) => staggerDueDates(count, start, months ?? defaultIntervalMonths),
  };
}

export type DueStatus = 'overdue' | 'due-soon' | 'ok';

export function dueStatus(due: string, today: string, withinDays: number): DueStatus {
  if (due < today) return 'overdue';
  if (daysBetween(today, due) <= withinDays) return 'due-soon';
  return 'ok';
}

/** Parses a window such as "30d", "6w", "3m" (months as 30 days) or a bare number of days. */
export function parseWindow(text: string): number | null {
  const m = /^\s*(\d+)\s*([dwm]?)\s*$/i.exec(text);
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit === 'w' ? n * 7 : unit === 'm' ? n * 30 : n;
}
