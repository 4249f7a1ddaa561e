/**
 * Building SearchDocuments from the store: every published answer with its condition's names.
 * "Reviewed" is decided by reviewBadgeFor (the one place that knows what counts as a review).
 */
import { reviewBadgeFor, todayIso } from '../content/index.js';
import type { Store } from '../store/index.js';
import type { SearchDocument } from './types.js';

const PAGE = 2_000;

export async function documentsFromStore(
  store: Store,
  today: string = todayIso(),
): Promise<SearchDocument[]> {
  const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
  const synonyms = new Map<string, string[]>();
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.listConditions({ limit: PAGE, offset });
    for (const c of page) synonyms.set(c.slug, c.synonyms);
    if (page.length < PAGE) break;
  }
  const docs: SearchDocument[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.allPublishedAnswers({ limit: PAGE, offset });
    for (const a of page) {
      const answer = a.revision.answer;
      const badge = reviewBadgeFor({
        hash: a.revision.hash,
        approvals: a.approvals,
        reviewers,
        updated: a.updated,
        origin: a.origin,
        today,
      });
      docs.push({
        answerId: `${a.conditionSlug}/${a.slug}`,
        condition: a.conditionSlug,
        conditionName: a.conditionName,
        synonyms: synonyms.get(a.conditionSlug) ?? [],
        aspect: a.aspect,
        question: answer.question,
        tldr: answer.tldr,
        body: answer.body,
        reviewed: badge.kind === 'reviewed',
        origin: a.origin,
      });
    }
    if (page.length < PAGE) break;
  }
  return docs;
}
