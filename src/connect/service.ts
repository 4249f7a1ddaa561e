/**
 * The one code-lookup index a process serves from: built from the store on first use and rebuilt
 * in the background when the store's content version changes (new codes, published answers,
 * reviews), like the search engine. Until a rebuild finishes the previous index keeps answering.
 */
import { loadSnapshot, type SiteConfig } from '../site/index.js';
import { rebuiltOnChange, type Store } from '../store/index.js';
import { ConnectIndex } from './lookup.js';

export type ConnectProvider = () => Promise<ConnectIndex>;

export function connectService(store: Store, config: SiteConfig, checkEveryMs = 5_000): ConnectProvider {
  return rebuiltOnChange(
    store,
    async () => ConnectIndex.fromSnapshot(await loadSnapshot(store), config),
    checkEveryMs,
  );
}
