/**
 * The one search engine a process serves from (the /ask page, /api/v1/ask and MCP share it).
 * Built from the store's published answers on first use, and rebuilt in the background when the
 * store's content version changes (checked at most every `checkEveryMs`, by the store's
 * rebuiltOnChange), so a newly published or re-reviewed answer becomes findable without a restart.
 * Until a rebuild finishes, the previous engine keeps answering.
 */
import { rebuiltOnChange, type Store } from '../store/index.js';
import { cachedEngine } from './cache.js';
import { documentsFromStore } from './documents.js';
import { type AskEngineOptions, createAskEngine } from './engine.js';
import type { EngineProvider } from './provider.js';

export interface SearchServiceOptions extends AskEngineOptions {
  /** How often to ask the store whether content changed (default 5 s; 0 = on every call). */
  checkEveryMs?: number;
  /** The database's URL or path: set it to keep the built index in the search cache (cache.ts). */
  databaseKey?: string;
}

export function searchService(store: Store, options: SearchServiceOptions = {}): EngineProvider {
  const { checkEveryMs = 5_000, databaseKey, ...engineOptions } = options;
  return rebuiltOnChange(
    store,
    async () =>
      databaseKey
        ? (await cachedEngine(store, { ...engineOptions, databaseKey })).engine
        : createAskEngine(await documentsFromStore(store), engineOptions),
    checkEveryMs,
  );
}
