/**
 * The review badge: the one place that decides what a page may say about medical review.
 * "Medically reviewed by X on D" is shown only when the approval was given to exactly the
 * content hash of the revision being shown; anything else is "awaiting medical review".
 */
import type { Origin, Reviewer } from './schema.js';

export interface Approval {
  hash: string;
  reviewerId: string;
  reviewed: string; // YYYY-MM-DD
  nextReview: string; // YYYY-MM-DD
}

export type ReviewBadge =
  | { kind: 'reviewed'; reviewer: Reviewer; reviewed: string; nextReview: string; overdue: boolean }
  | { kind: 'awaiting-review'; updated: string }
  | { kind: 'imported'; publisher: string; url?: string; updated: string };

export interface BadgeInput {
  /** Content hash of the revision being shown. */
  hash: string;
  /** Approvals recorded for this answer (any revision); only one bound to `hash` counts. */
  approvals: Approval[];
  reviewers: ReadonlyMap<string, Reviewer>;
  updated: string;
  origin?: Origin | null;
  today: string;
}

/**
 * The approval a revision with content hash `hash` carries: among approvals of exactly that
 * hash, the latest review date wins, and on the same date the one recorded last. Every caller
 * (pages, editor, export, review queue) asks here, so they always name the same approval.
 */
export function boundApproval<A extends { hash: string; reviewed: string }>(
  approvals: readonly A[],
  hash: string,
): A | undefined {
  let best: A | undefined;
  for (const a of approvals) if (a.hash === hash && (!best || a.reviewed >= best.reviewed)) best = a;
  return best;
}

export function reviewBadgeFor(input: BadgeInput): ReviewBadge {
  const bound = boundApproval(
    input.approvals.filter((a) => input.reviewers.has(a.reviewerId)),
    input.hash,
  );
  if (bound) {
    return {
      kind: 'reviewed',
      reviewer: input.reviewers.get(bound.reviewerId)!,
      reviewed: bound.reviewed,
      nextReview: bound.nextReview,
      overdue: bound.nextReview < input.today,
    };
  }
  if (input.origin) {
    return {
      kind: 'imported',
      publisher: input.origin.publisher,
      url: input.origin.url,
      updated: input.updated,
    };
  }
  return { kind: 'awaiting-review', updated: input.updated };
}

/** Adds whole months to a YYYY-MM-DD date, clamping to the month's last day (Jan 31 + 1 → Feb 28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const ny = Math.floor(total / 12);
  const nm = (total % 12) + 1;
  const last = new Date(Date.UTC(ny, nm, 0)).getUTCDate();
  return `${String(ny).padStart(4, '0')}-${String(nm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

export const DEFAULT_REVIEW_INTERVAL_MONTHS = 12;
