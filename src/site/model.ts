/**
 * View models shared by HTML pages, the JSON API and structured data, so that every surface
 * says the same thing about an answer's review.
 */
import {
  ASPECT_LABELS,
  type Aspect,
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

/** Full names of publishers that imported content cites by code. */
const PUBLISHERS: Record<string, string> = {
  GHR: 'Genetics Home Reference (NIH)',
  GARD: 'Genetic and Rare Diseases Information Center (NIH)',
  NIDDK: 'National Institute of Diabetes and Digestive and Kidney Diseases (NIH)',
  NINDS: 'National Institute of Neurological Disorders and Stroke (NIH)',
  NHLBI: 'National Heart, Lung, and Blood Institute (NIH)',
  CDC: 'Centers for Disease Control and Prevention',
  CancerGov: 'National Cancer Institute (NIH)',
  MPlusHealthTopics: 'MedlinePlus (NIH)',
  NIHSeniorHealth: 'NIHSeniorHealth (NIH)',
};

export function publisherName(code: string): string {
  return PUBLISHERS[code] ?? code;
}

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
