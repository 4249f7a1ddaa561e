/** Store views → API resources. Pure; used by the HTTP routes and the static API snapshot alike. */
import type { Reviewer } from '../../content/index.js';
import { answerPath, badgeFor, badgeText, conditionPath, type SiteConfig } from '../../site/index.js';
import type { AnswerView, ConditionRecord, ConditionSummary } from '../../store/index.js';
import type {
  AnswerResource,
  AnswerSummary,
  ConditionDetail,
  ConditionList,
  Pagination,
  ReviewStatus,
} from './schemas.js';

function reviewStatus(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): ReviewStatus {
  const badge = badgeFor(view, reviewers, config);
  return { ...badge, text: badgeText(badge) };
}

export function answerJson(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): AnswerResource {
  return {
    id: `${view.conditionSlug}/${view.slug}`,
    url: `${config.baseUrl}${answerPath(view.conditionSlug, view.slug)}`,
    condition: view.conditionSlug,
    slug: view.slug,
    aspect: view.aspect,
    answer: view.revision.answer,
    revision: { id: view.revision.id, hash: view.revision.hash, createdAt: view.revision.createdAt },
    review: reviewStatus(view, reviewers, config),
    updated: view.updated,
    origin: view.origin,
  };
}

export function answerSummaryJson(
  view: AnswerView,
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): AnswerSummary {
  return {
    id: `${view.conditionSlug}/${view.slug}`,
    condition: view.conditionSlug,
    slug: view.slug,
    aspect: view.aspect,
    question: view.revision.answer.question,
    url: `${config.baseUrl}${answerPath(view.conditionSlug, view.slug)}`,
    review: reviewStatus(view, reviewers, config),
  };
}

export function conditionSummaryJson(
  c: ConditionSummary,
  config: SiteConfig,
): ConditionList['conditions'][number] {
  return { ...c, url: `${config.baseUrl}${conditionPath(c.slug)}` };
}

export function conditionDetailJson(
  condition: ConditionRecord,
  answers: readonly AnswerView[],
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): ConditionDetail {
  const { id: _id, createdAt: _c, updatedAt: _u, ...model } = condition;
  return {
    condition: model,
    url: `${config.baseUrl}${conditionPath(condition.slug)}`,
    answers: answers.map((a) => answerSummaryJson(a, reviewers, config)),
  };
}

/** Page links for a list at `url` (absolute, without query). */
export function pagination(url: string, total: number, limit: number, offset: number): Pagination {
  const at = (o: number) => `${url}?limit=${limit}&offset=${o}`;
  return {
    total,
    limit,
    offset,
    next: offset + limit < total ? at(offset + limit) : null,
    prev: offset > 0 ? at(Math.max(0, offset - limit)) : null,
  };
}

/** RFC 8288 Link header for a page. */
export function linkHeader(p: Pagination): string | null {
  const links = [p.next ? `<${p.next}>; rel="next"` : null, p.prev ? `<${p.prev}>; rel="prev"` : null].filter(
    Boolean,
  );
  return links.length ? links.join(', ') : null;
}
