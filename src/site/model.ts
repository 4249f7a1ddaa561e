/**
 * View models shared by HTML pages, the JSON API and structured data, so that every surface
 * says the same thing about an answer's review.
 */
import {
  ASPECT_LABELS,
  type Aspect,
  publisherName,
  type ReviewBadge,
  type Reviewer,
  reviewBadgeFor,
} from '../content/index.js';
import type { AnswerView } from '../store/index.js';
import type { SiteConfig } from './config.js';

export function answerPath(conditionSlug: string, answerSlug: string): string {
  return `/conditions/${conditionSlug}/${answerSlug}`;
}

export function conditionPath(conditionSlug: string): string {
  return `/conditions/${conditionSlug}`;
}

export function reviewerPath(reviewerId: string): string {
  return `/reviewers/${reviewerId}`;
}

export const ABOUT_REVIEW_PATH = '/about/medical-review';

export function badgeFor(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): ReviewBadge {
  return reviewBadgeFor({
    hash: view.revision.hash,
    approvals: view.approvals,
    reviewers,
    updated: view.updated,
    origin: view.origin,
    today: config.today(),
  });
}

/** The one sentence every surface uses for an answer's review status. */
export function badgeText(badge: ReviewBadge): string {
  switch (badge.kind) {
    case 'reviewed':
      return `Medically reviewed by ${badge.reviewer.name}, ${badge.reviewer.credentials} on ${formatDate(badge.reviewed)} · Next review due ${formatDate(badge.nextReview)}`;
    case 'imported':
      return `From ${publisherName(badge.publisher)}. Not yet reviewed by our medical team.`;
    case 'awaiting-review':
      return `Updated ${formatDate(badge.updated)} — awaiting medical review`;
  }
}

export { publisherName };

export function aspectLabel(aspect: Aspect): string {
  return ASPECT_LABELS[aspect];
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** 2026-04-07 → "7 April 2026": unambiguous in every locale. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return iso;
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Published answers whose shown revision a reviewer approved, for reviewer profile pages. */
export function answersReviewedBy(
  reviewerId: string,
  views: readonly AnswerView[],
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): { question: string; path: string; conditionName: string; reviewed: string }[] {
  const out = [];
  for (const v of views) {
    const badge = badgeFor(v, reviewers, config);
    if (badge.kind === 'reviewed' && badge.reviewer.id === reviewerId) {
      out.push({
        question: v.revision.answer.question,
        path: answerPath(v.conditionSlug, v.slug),
        conditionName: v.conditionName,
        reviewed: badge.reviewed,
      });
    }
  }
  return out.sort(
    (x, y) => x.conditionName.localeCompare(y.conditionName) || x.question.localeCompare(y.question),
  );
}
