/**
 * The store: persistence only. Reads return typed views; every write goes through
 * `store.write(label, fn(tx))` and the narrow StoreTx (tx.ts). This module depends on
 * src/content alone; the rules of the workflow live in src/workflow.
 */
import { MissingStoreError, storeExists } from './exists.js';
import { openSqliteStore as openSqlite } from './sqlite/index.js';
import type { AnswerView, Store } from './types.js';

export type {
  AccountTx,
  NewUserRow,
  ReviewerDetails,
  UserChanges,
} from './account-tx.js';
export type {
  AccountLinkPurpose,
  AccountStore,
  NewUser,
  ReviewerProfile,
  SessionInfo,
  WorkflowUser,
} from './accounts.js';
export type { GapDecision, GapStatus } from './ask-log.js';
export { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from './audit.js';
export type { Database } from './db.js';
export { type EditLock, editLocks, LOCK_LAPSE_MS } from './edit-locks.js';
export type { EditorAnswer, EditorAnswerSummary, EditorReads, ReviewRow } from './editor-reads.js';
export { isPostgresUrl, MissingStoreError, storeExists } from './exists.js';
export type { GapTx } from './gap-tx.js';
export type { ImportLedger, ImportRun } from './import-ledger.js';
export { NOTIFICATIONS_PAGE } from './inbox.js';
export {
  type NewNotification,
  NOTIFICATION_EVENTS,
  NOTIFICATION_STATUSES,
  type NotificationEvent,
  type NotificationRecord,
  type NotificationStatus,
  type OutboxListOptions,
  type OutboxStore,
  type OutboxTx,
  type RecipientQuery,
} from './outbox.js';
export type { PublicationTx } from './publication-tx.js';
export { redact } from './redact.js';
export type { StoreStats } from './stats.js';
export * from './types.js';

export function openSqliteStore(file: string): Promise<Store> {
  return openSqlite(file);
}

/**
 * The published answer a search result names ("condition/answer", as the search index and the
 * question log write it), or null when the reference is malformed or the answer is not published
 * now (an index may be older than the store).
 */
export function publishedAnswerByRef(
  store: Pick<Store, 'getPublishedAnswer'>,
  ref: string,
): Promise<AnswerView | null> {
  const cut = ref.indexOf('/');
  if (cut <= 0 || cut === ref.length - 1) return Promise.resolve(null);
  return store.getPublishedAnswer(ref.slice(0, cut), ref.slice(cut + 1));
}

/** The PostgreSQL driver (pg) is loaded only when a PostgreSQL store is opened. */
async function openPostgres(url: string, options: { schema?: string }): Promise<Store> {
  return (await import('./postgres/index.js')).openPostgresStore(url, options);
}

export function openPostgresStore(url: string, options: { schema?: string } = {}): Promise<Store> {
  return openPostgres(url, options);
}

/**
 * Opens the store a URL names: `postgres://…` (or `postgresql://…`) for PostgreSQL, anything else
 * is a SQLite file path (`sqlite:` prefix optional). A PostgreSQL URL may name the schema to use
 * with `?schema=<name>` (created if missing), so several sites or test runs share one database.
 */
export async function openStore(url: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { connection, schema } = splitSchema(url);
    return openPostgres(connection, { schema });
  }
  return openSqlite(url.replace(/^sqlite:(\/\/)?/, ''));
}

/**
 * Opens a store that must already exist (for commands that only read): throws MissingStoreError,
 * having created nothing, when the URL names no MedBrief store.
 */
export async function openExistingStore(url: string): Promise<Store> {
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
