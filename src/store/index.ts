export type { Database } from './db.js';
export { isPostgresUrl, MissingStoreError, storeExists } from './exists.js';
export { audit, insertRevision, KyselyStore, upsertCondition } from './kysely-store.js';
export { openPostgresStore, redact } from './postgres/index.js';
export { openSqliteStore } from './sqlite/index.js';
export * from './types.js';
export * from './workflow-repo.js';

import { MissingStoreError, storeExists } from './exists.js';
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

/**
 * Opens the store a URL names: `postgres://…` (or `postgresql://…`) for PostgreSQL, anything else
 * is a SQLite file path (`sqlite:` prefix optional). A PostgreSQL URL may name the schema to use
 * with `?schema=<name>` (created if missing), so several sites or test runs share one database.
 */
export async function openStore(url: string): Promise<Store & import('./kysely-store.js').KyselyStore> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { connection, schema } = splitSchema(url);
    return openPostgresStore(connection, { schema });
  }
  return openSqliteStore(url.replace(/^sqlite:(\/\/)?/, ''));
}

/**
 * Opens a store that must already exist (for commands that only read): throws MissingStoreError,
 * having created nothing, when the URL names no MedBrief store.
 */
export async function openExistingStore(url: string): ReturnType<typeof openStore> {
  if (!(await storeExists(url))) throw new MissingStoreError(url);
  return openStore(url);
}
export {
  BackupError,
  type BackupReport,
  backupStore,
  restoreStore,
  tableRows,
  tablesInDependencyOrder,
  verifyRevisionHashes,
} from './backup.js';
export { checkIntegrity, type IntegrityReport } from './integrity.js';

/** Takes `schema=` out of a PostgreSQL URL (pg would pass it on to the server as a setting). */
export function splitSchema(url: string): { connection: string; schema?: string } {
  const parsed = new URL(url);
  const schema = parsed.searchParams.get('schema') ?? undefined;
  if (schema === undefined) return { connection: url };
  parsed.searchParams.delete('schema');
  return { connection: parsed.toString(), schema };
}
export {
  type AttachReport,
  attachConditionCodes,
  type CodeAttachment,
  type ConditionCodeListing,
  type ConditionCodeRow,
  listConditionCodes,
  UnknownConditionError,
} from './codes.js';
export { rebuiltOnChange } from './versioned.js';
