/**
 * All published answers and conditions, loaded once and rebuilt in the background when the store's
 * content version changes (checked at most every `checkEveryMs`). Only the pages that need the
 * whole site (sitemap, feed, reviewer profiles) read it.
 */
import { type AnswerView, type ConditionSummary, rebuiltOnChange, type Store } from '../store/index.js';

export interface PublishedSite {
  conditions: ConditionSummary[];
  answers: AnswerView[];
}

export function publishedCache(store: Store, checkEveryMs = 5_000): () => Promise<PublishedSite> {
  const load = async (): Promise<PublishedSite> => {
    const conditions = await store.listConditions();
    const answers: AnswerView[] = [];
    for (let offset = 0; ; offset += 2000) {
      const page = await store.allPublishedAnswers({ limit: 2000, offset });
      answers.push(...page);
      if (page.length < 2000) break;
    }
    return { conditions, answers };
  };
  return rebuiltOnChange(store, load, checkEveryMs);
}
