/**
 * All published answers and conditions, loaded once and kept briefly. Only the pages that need
 * the whole site (sitemap, feed, reviewer profiles, fallback search) read it.
 */
import type { Reviewer } from '../content/index.js';
import { type SearchIndex, type SiteConfig, searchIndexDoc } from '../site/index.js';
import type { AnswerView, ConditionSummary, Store } from '../store/index.js';

export interface PublishedSite {
  conditions: ConditionSummary[];
  answers: AnswerView[];
  searchIndex: SearchIndex;
}

export function publishedCache(
  store: Store,
  config: SiteConfig,
  reviewers: () => Promise<Map<string, Reviewer>>,
  ttlMs = 30_000,
) {
  let cached: { at: number; value: Promise<PublishedSite> } | null = null;
  const load = async (): Promise<PublishedSite> => {
    const [conditions, map] = await Promise.all([store.listConditions(), reviewers()]);
    const answers: AnswerView[] = [];
    for (let offset = 0; ; offset += 2000) {
      const page = await store.allPublishedAnswers({ limit: 2000, offset });
      answers.push(...page);
      if (page.length < 2000) break;
    }
    const synonyms = new Map(conditions.map((c) => [c.slug, c.synonyms]));
    const docs = answers.map((v) => searchIndexDoc(v, synonyms.get(v.conditionSlug) ?? [], map, config));
    return { conditions, answers, searchIndex: { version: 1, docs } };
  };
  return (): Promise<PublishedSite> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const value = load();
      cached = { at: Date.now(), value };
      // A failed load must not be served from the cache.
      value.catch(() => {
        if (cached?.value === value) cached = null;
      });
    }
    return cached.value;
  };
}
