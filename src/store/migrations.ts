/**
 * Versioned schema migrations, shared by both dialects. Each migration runs once, in order,
 * inside Kysely's migrator (which records them in `kysely_migration` and takes a lock).
 * One file a migration in ./migrations/, listed here in order. Never edit a migration that has
 * shipped: add a new one.
 */
import { type Kysely, type Migration, Migrator } from 'kysely';
import { m001Foundation } from './migrations/001-foundation.js';
import { m002Import } from './migrations/002-import.js';
import { m003Workflow } from './migrations/003-workflow.js';
import { m004Asklog } from './migrations/004-asklog.js';
import { m005Editor } from './migrations/005-editor.js';
import { m006CodeSystems } from './migrations/006-code-systems.js';
import { m007Outbox } from './migrations/007-outbox.js';
import { m008AnswerList } from './migrations/008-answer-list.js';
import { m009AnswerListColumns } from './migrations/009-answer-list-columns.js';
import { m010AnswerListOrder } from './migrations/010-answer-list-order.js';
import { m011NotificationRecipient } from './migrations/011-notification-recipient.js';
import { type Dialect, idColumn, primaryKey } from './migrations/ddl.js';

export { migratedCodes } from './migrations/006-code-systems.js';
export type { Dialect } from './migrations/ddl.js';

export function migrations(dialect: Dialect): Record<string, Migration> {
  const ctx = { dialect, id: idColumn(dialect), pk: primaryKey(dialect) };
  return {
    '001_foundation': m001Foundation(ctx),
    '002_import': m002Import(ctx),
    '003_workflow': m003Workflow(ctx),
    '004_asklog': m004Asklog(ctx),
    '005_editor': m005Editor(ctx),
    '006_code_systems': m006CodeSystems(),
    '007_outbox': m007Outbox(),
    '008_answer_list': m008AnswerList(),
    '009_answer_list_columns': m009AnswerListColumns(),
    '010_answer_list_order': m010AnswerListOrder(),
    '011_notification_recipient': m011NotificationRecipient(),
  };
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect, schema?: string): Promise<void> {
  const all = migrations(dialect);
  // With several schemas in one database (tests), Kysely must look for its own bookkeeping tables
  // in this store's schema only; otherwise it finds another schema's and skips creating them.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => all },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? error}`);
  }
}
