import type { Reviewer } from '../content/index.js';
import type { Store } from '../store/index.js';

/** Reviewers by id; small and read on every page, so cached briefly. */
export function reviewerCache(store: Store, ttlMs = 5_000) {
  let cached: { at: number; map: Map<string, Reviewer> } | null = null;
  return async (): Promise<Map<string, Reviewer>> => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      cached = { at: Date.now(), map: new Map((await store.listReviewers()).map((r) => [r.id, r])) };
    }
    return cached.map;
  };
}
