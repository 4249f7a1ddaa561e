/**
 * Tests' one door into the store's query builder: the Kysely database behind a Store, for tests
 * that look at rows directly (triggers, derived columns, backup round trips, what an import
 * wrote) or load many rows fast. Source code never does this, and no other test file imports the
 * store's Kysely modules (test/architecture checks both).
 */
import type { Kysely } from 'kysely';
import type { Database, Store } from '../../src/store/index.js';
import { KyselyStore } from '../../src/store/kysely-store.js';

/** A Store with its Kysely database in view. */
export type SqlStore = Store & { readonly db: Kysely<Database> };

/** The store itself, typed with its database; throws for a store that is not over SQL. */
export function sqlStore(store: Store): SqlStore {
  if (!(store instanceof KyselyStore)) throw new Error('this test needs a SQL store (openStore())');
  return store;
}
