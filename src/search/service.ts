/**
 * The one search engine a process serves from (the /ask page, /api/v1/ask and MCP share it).
 * Built from the store's published answers on first use, and rebuilt in the background when the
 * store's content version changes (checked at most every `checkEveryMs`), so a newly published or
 * re-reviewed answer becomes findable without a restart. Until a rebuild finishes, the previous
 * engine keeps answering.
 */
import type { Store } from '../store/index.js';
import { cachedEngine } from './cache.js';
import { documentsFromStore } from './documents.js';
import { type AskEngine, type AskEngineOptions, createAskEngine } from './engine.js';
import type { EngineProvider } from './http.js';

export interface SearchServiceOptions extends AskEngineOptions {
  /** How often to ask the store whether content changed (default 5 s; 0 = on every call). */
  checkEveryMs?: number;
  /** The database's URL or path: set it to keep the built index in the search cache (cache.ts). */
  databaseKey?: string;
}

export function searchService(store: Store, options: SearchServiceOptions = {}): EngineProvider {
  const { checkEveryMs = 5_000, databaseKey, ...engineOptions } = options;
  let current: { engine: AskEngine; version: string } | null = null;
  let building: Promise<AskEngine> | null = null;
  let checkedAt = 0;

  const build = (): Promise<AskEngine> => {
    building ??= (async () => {
      try {
        let engine: AskEngine;
        let version: string;
        if (databaseKey) {
          ({ engine, version } = await cachedEngine(store, { ...engineOptions, databaseKey }));
        } else {
          version = await store.contentVersion();
          engine = createAskEngine(await documentsFromStore(store), engineOptions);
        }
        current = { engine, version };
        checkedAt = Date.now();
        return engine;
      } finally {
        building = null;
      }
    })();
    return building;
  };

  return async () => {
    if (!current) return build();
    if (Date.now() - checkedAt >= checkEveryMs && !building) {
      checkedAt = Date.now();
      const version = await store.contentVersion().catch(() => current?.version);
      if (version !== current.version) build().catch(() => {}); // keep serving the old engine meanwhile
    }
    return current.engine;
  };
}
