export type { Database } from './db.js';
export { audit, insertRevision, KyselyStore, upsertCondition } from './kysely-store.js';
export { openPostgresStore, redact } from './postgres/index.js';
export { openSqliteStore } from './sqlite/index.js';
export * from './types.js';
export * from './workflow-repo.js';

import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import type { Store } from './types.js';

/**
 * Opens the store a URL names: `postgres://…` (or `postgresql://…`) for PostgreSQL, anything else
 * is a SQLite file path (`sqlite:` prefix optional).
 */
export async function openStore(url: string): Promise<Store & import('./kysely-store.js').KyselyStore> {
  if (/^postgres(ql)?:\/\//.test(url)) return openPostgresStore(url);
  return openSqliteStore(url.replace(/^sqlite:(\/\/)?/, ''));
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
