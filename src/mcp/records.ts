/**
 * Store views → tool output records. Pure. The review wording comes from the shared badge logic
 * (src/site badgeFor/badgeText over src/content reviewBadgeFor), so an assistant is told exactly
 * what a reader of the page is told: "reviewed" only when the approval is bound to the shown revision.
 */
import type { Answer, ReviewBadge, Reviewer } from '../content/index.js';
import {
  answerPath,
  badgeFor,
  badgeText,
  conditionPath,
  formatDate,
  publisherName,
  type SiteConfig,
} from '../site/index.js';
import type { AnswerView } from '../store/index.js';
import type { AnswerOut } from './schemas.js';

export const RESOURCE_SCHEME = 'medbrief:';

export function answerResourceUri(conditionSlug: string, answerSlug: string): string {
  return `medbrief://conditions/${conditionSlug}/${answerSlug}`;
}

export function answerUrl(config: SiteConfig, conditionSlug: string, answerSlug: string): string {
  return `${config.baseUrl}${answerPath(conditionSlug, answerSlug)}`;
}

export function conditionRef(config: SiteConfig, slug: string, name: string) {
  return { slug, name, url: `${config.baseUrl}${conditionPath(slug)}` };
}

/** The short status the issue asks for, from the same badge the page shows. */
export function reviewStatusLine(badge: ReviewBadge): string {
  switch (badge.kind) {
    case 'reviewed':
      return `reviewed by ${badge.reviewer.name}, ${badge.reviewer.credentials} on ${formatDate(badge.reviewed)}`;
    case 'imported':
      return `not yet reviewed (from ${publisherName(badge.publisher)})`;
    case 'awaiting-review':
      return 'not yet reviewed';
  }
}

export function answerRecord(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): AnswerOut {
  const answer = view.revision.answer;
  const badge = badgeFor(view, reviewers, config);
  const reviewed = badge.kind === 'reviewed' ? badge : null;
  return {
    question: answer.question,
    tldr: answer.tldr,
    url: answerUrl(config, view.conditionSlug, view.slug),
    resourceUri: answerResourceUri(view.conditionSlug, view.slug),
    condition: conditionRef(config, view.conditionSlug, view.conditionName),
    aspect: view.aspect,
    slug: view.slug,
    reviewStatus: reviewStatusLine(badge),
    review: {
      reviewed: reviewed !== null,
      text: badgeText(badge),
      reviewer: reviewed
        ? {
            name: reviewed.reviewer.name,
            credentials: reviewed.reviewer.credentials,
            demoAccount: reviewed.reviewer.demo,
          }
        : null,
      publisher:
        badge.kind === 'imported' ? { name: publisherName(badge.publisher), url: badge.url ?? null } : null,
      overdue: reviewed?.overdue ?? false,
    },
    lastReviewed: reviewed?.reviewed ?? null,
    nextReviewDue: reviewed?.nextReview ?? null,
    updated: view.updated,
    sources: answer.sources.map((s) => ({
      id: s.id,
      title: s.title,
      url: s.url,
      publisher: s.publisher ?? null,
      accessed: s.accessed,
    })),
  };
}

/**
 * The answer as a Markdown file for the resource. The `review` block is rewritten from the
 * approval bound to this revision (or dropped), so the front matter never claims a review the
 * shown text did not get.
 */
export function resourceAnswer(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): Answer {
  const { review: _claimed, ...answer } = view.revision.answer;
  const badge = badgeFor(view, reviewers, config);
  if (badge.kind !== 'reviewed') return answer;
  return {
    ...answer,
    review: {
      reviewer: badge.reviewer.id,
      reviewed: badge.reviewed,
      next_review: badge.nextReview,
      revision: view.revision.hash,
    },
  };
}
