/**
 * A value built from the store and rebuilt in the background when the store's content version
 * changes (checked at most every `checkEveryMs`). Until a rebuild finishes, the previous value
 * keeps being served, so readers never wait on a rebuild after the first build.
 */
import type { Store } from './types.js';

export function rebuiltOnChange<T>(
  store: Pick<Store, 'contentVersion'>,
  build: () => Promise<T>,
  checkEveryMs = 5_000,
): () => Promise<T> {
  let current: { value: T; version: string } | null = null;
  let building: Promise<T> | null = null;
  let checkedAt = 0;
  const rebuild = (): Promise<T> => {
    building ??= (async () => {
      try {
        const version = await store.contentVersion();
        const value = await build();
        current = { value, version };
        checkedAt = Date.now();
        return value;
      } finally {
        building = null;
      }
    })();
    return building;
  };
  return async () => {
    if (!current) return rebuild();
    if (Date.now() - checkedAt >= checkEveryMs && !building) {
      checkedAt = Date.now();
      const version = await store.contentVersion().catch(() => current?.version);
      if (version !== current.version) rebuild().catch(() => {});
    }
    return current.value;
  };
}
