/**
 * Versioned schema migrations, shared by both dialects. Each migration runs once, in order,
 * inside Kysely's migrator (which records them in `kysely_migration` and takes a lock).
 * Never edit a migration that has shipped: add a new one.
 */
import { type ColumnDefinitionBuilder, type Kysely, type Migration, Migrator, sql } from 'kysely';
import { canonicalJson } from '../content/hash.js';

export type Dialect = 'sqlite' | 'postgres';

function idColumn(dialect: Dialect) {
  return dialect === 'sqlite' ? ('integer' as const) : ('serial' as const);
}

/** An auto-numbered primary key: INTEGER PRIMARY KEY AUTOINCREMENT, or SERIAL PRIMARY KEY. */
function primaryKey(dialect: Dialect) {
  return (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey();
}

/** Rows of these tables are written once and never changed or removed. */
const APPEND_ONLY = ['revisions', 'revision_sources', 'audit_events'] as const;

async function appendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
           BEGIN SELECT RAISE(ABORT, '${table} rows are append-only'); END`,
        )
        .execute(db);
    }
  } else {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION medbrief_append_only() RETURNS trigger AS $$
         BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION medbrief_append_only()`,
      )
      .execute(db);
  }
}

export function migrations(dialect: Dialect): Record<string, Migration> {
  const id = idColumn(dialect);
  const pk = primaryKey(dialect);
  return {
    '001_foundation': {
      async up(db) {
        await db.schema
          .createTable('conditions')
          .addColumn('id', id, pk)
          .addColumn('slug', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('summary', 'text', (c) => c.notNull().defaultTo(''))
          .addColumn('codes', 'text', (c) => c.notNull().defaultTo('{}'))
          .addColumn('review_interval_months', 'integer')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('condition_synonyms')
          .addColumn('condition_id', 'integer', (c) =>
            c.notNull().references('conditions.id').onDelete('cascade'),
          )
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('slug', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('condition_synonyms_pk', ['condition_id', 'slug'])
          .execute();
        await db.schema
          .createIndex('condition_synonyms_slug')
          .on('condition_synonyms')
          .column('slug')
          .execute();
        await db.schema
          .createTable('condition_codes')
          .addColumn('condition_id', 'integer', (c) =>
            c.notNull().references('conditions.id').onDelete('cascade'),
          )
          .addColumn('system', 'text', (c) => c.notNull())
          .addColumn('code', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('condition_codes_pk', ['condition_id', 'system', 'code'])
          .execute();
        await db.schema
          .createIndex('condition_codes_lookup')
          .on('condition_codes')
          .columns(['system', 'code'])
          .execute();
        await db.schema
          .createTable('reviewers')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('credentials', 'text', (c) => c.notNull())
          .addColumn('bio', 'text')
          .addColumn('demo', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema
          .createTable('answers')
          .addColumn('id', id, pk)
          .addColumn('condition_id', 'integer', (c) => c.notNull().references('conditions.id'))
          .addColumn('slug', 'text', (c) => c.notNull())
          .addColumn('aspect', 'text', (c) => c.notNull())
          .addColumn('state', 'text', (c) => c.notNull())
          .addColumn('current_revision_id', 'integer')
          .addColumn('published_revision_id', 'integer')
          .addColumn('origin', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .addUniqueConstraint('answers_condition_slug', ['condition_id', 'slug'])
          .execute();
        await db.schema
          .createTable('revisions')
          .addColumn('id', id, pk)
          .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('question', 'text', (c) => c.notNull())
          .addColumn('tldr', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('base_revision_id', 'integer', (c) => c.references('revisions.id'))
          .execute();
        await db.schema.createIndex('revisions_answer').on('revisions').column('answer_id').execute();
        await db.schema
          .createTable('revision_sources')
          .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
          .addColumn('position', 'integer', (c) => c.notNull())
          .addColumn('source_id', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('publisher', 'text')
          .addColumn('accessed', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('revision_sources_pk', ['revision_id', 'position'])
          .execute();
        await db.schema
          .createTable('approvals')
          .addColumn('id', id, pk)
          .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
          .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
          .addColumn('hash', 'text', (c) => c.notNull())
          .addColumn('reviewer_id', 'text', (c) => c.notNull().references('reviewers.id'))
          .addColumn('reviewed_on', 'text', (c) => c.notNull())
          .addColumn('next_review', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('approvals_answer').on('approvals').column('answer_id').execute();
        await db.schema
          .createTable('audit_events')
          .addColumn('id', id, pk)
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('entity', 'text', (c) => c.notNull())
          .addColumn('entity_id', 'text', (c) => c.notNull())
          .addColumn('from_state', 'text')
          .addColumn('to_state', 'text')
          .addColumn('hash', 'text')
          .addColumn('detail', 'text')
          .execute();
        await db.schema
          .createTable('meta')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        for (const t of APPEND_ONLY) await appendOnly(db, dialect, t);
      },
    },
    '002_import': {
      // Bulk imports: which external record each imported answer came from (so a
      // re-import finds it again), which documents a run has written (resume, idempotence) and
      // the runs themselves (progress, interrupted runs).
      async up(db) {
        await db.schema
          .createTable('answer_origins')
          .addColumn('origin_key', 'text', (c) => c.primaryKey()) // medquad:<publisher>:<documentId>:<pairId>
          .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
          .addColumn('collection', 'text', (c) => c.notNull())
          .addColumn('publisher', 'text', (c) => c.notNull())
          .addColumn('document_id', 'text', (c) => c.notNull())
          .addColumn('pair_id', 'text', (c) => c.notNull())
          .addColumn('qtype', 'text')
          .addColumn('url', 'text')
          .addColumn('role', 'text', (c) => c.notNull()) // answer | duplicate (linked to an equal answer)
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('answer_origins_answer')
          .on('answer_origins')
          .column('answer_id')
          .execute();
        await db.schema
          .createTable('import_runs')
          .addColumn('id', id, pk)
          .addColumn('collection', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull()) // running | finished
          .addColumn('units_total', 'integer', (c) => c.notNull())
          .addColumn('units_done', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('counts', 'text', (c) => c.notNull().defaultTo('{}'))
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('finished_at', 'text')
          .execute();
        await db.schema
          .createTable('import_documents')
          .addColumn('document_key', 'text', (c) => c.primaryKey()) // medquad:<publisher>:<documentId>
          .addColumn('collection', 'text', (c) => c.notNull())
          .addColumn('fingerprint', 'text', (c) => c.notNull())
          .addColumn('condition_id', 'integer', (c) => c.notNull().references('conditions.id'))
          .addColumn('run_id', 'integer', (c) => c.notNull().references('import_runs.id'))
          .addColumn('imported_at', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '003_workflow': {
      // Editorial workflow: accounts, database sessions (stateless web processes),
      // persisted login throttling, append-only review comments, and first-review schedules.
      async up(db) {
        await db.schema
          .createTable('users')
          .addColumn('id', id, pk)
          .addColumn('username', 'text', (c) => c.notNull().unique())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('role', 'text', (c) => c.notNull())
          .addColumn('password_hash', 'text', (c) => c.notNull())
          .addColumn('reviewer_id', 'text', (c) => c.references('reviewers.id'))
          .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the cookie value, never the value
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();
        await db.schema
          .createTable('login_attempts')
          .addColumn('id', id, pk)
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('at', 'text', (c) => c.notNull())
          .addColumn('ok', 'integer', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('login_attempts_key_at')
          .on('login_attempts')
          .columns(['key', 'at'])
          .execute();
        await db.schema
          .createTable('comments')
          .addColumn('id', id, pk)
          .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
          .addColumn('revision_id', 'integer', (c) => c.references('revisions.id'))
          .addColumn('author', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('comments_answer').on('comments').column('answer_id').execute();
        await db.schema
          .createTable('review_schedule')
          .addColumn('answer_id', 'integer', (c) => c.primaryKey().references('answers.id'))
          .addColumn('due_on', 'text', (c) => c.notNull())
          .addColumn('owner', 'text')
          .addColumn('updated_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('audit_events_entity')
          .on('audit_events')
          .columns(['entity', 'entity_id'])
          .execute();
        await appendOnly(db, dialect, 'comments');
      },
    },
    '004_asklog': {
      // Questions patients asked (scrubbed of personal data, hour buckets, no IP/cookie/user),
      // editors' decisions about gaps, and anonymous page feedback bound to the revision shown.
      async up(db) {
        await db.schema
          .createTable('ask_log')
          .addColumn('id', id, pk)
          .addColumn('hour', 'text', (c) => c.notNull()) // YYYY-MM-DDTHH:00Z
          .addColumn('channel', 'text', (c) => c.notNull()) // page | api | mcp
          .addColumn('focus', 'text', (c) => c.notNull()) // condition slug, or "unknown"
          .addColumn('focus_known', 'integer', (c) => c.notNull().defaultTo(0)) // a condition of the store
          .addColumn('aspect', 'text', (c) => c.notNull()) // aspect, or "unknown"
          .addColumn('outcome', 'text', (c) => c.notNull()) // answered | abstained | red_flag
          .addColumn('answer_ref', 'text') // "<condition>/<answer>" of the top result
          .addColumn('score', 'real')
          .addColumn('reason', 'text')
          .addColumn('question', 'text', (c) => c.notNull()) // scrubbed
          .execute();
        await db.schema.createIndex('ask_log_hour').on('ask_log').column('hour').execute();
        await db.schema.createIndex('ask_log_group').on('ask_log').columns(['focus', 'aspect']).execute();
        await db.schema
          .createTable('gap_decisions')
          .addColumn('focus', 'text', (c) => c.notNull())
          .addColumn('aspect', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull()) // drafted | not_in_scope | merged
          .addColumn('reason', 'text')
          .addColumn('target_focus', 'text')
          .addColumn('target_aspect', 'text')
          .addColumn('answer_id', 'integer', (c) => c.references('answers.id'))
          .addColumn('actor', 'text', (c) => c.notNull())
          .addColumn('decided_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('gap_decisions_pk', ['focus', 'aspect'])
          .execute();
        await db.schema
          .createTable('page_feedback')
          .addColumn('id', id, pk)
          .addColumn('answer_id', 'integer', (c) => c.notNull().references('answers.id'))
          .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
          .addColumn('helpful', 'integer', (c) => c.notNull())
          .addColumn('comment', 'text') // scrubbed
          .addColumn('hour', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('page_feedback_answer')
          .on('page_feedback')
          .columns(['answer_id', 'hour'])
          .execute();
      },
    },
    '005_editor': {
      // The editor's screens: indexes for the answer list (filters and sorting over tens of
      // thousands of answers), the notification outbox, soft edit locks, scheduled publishing,
      // one-time account links (invitations, password resets) and reviewer profile details.
      async up(db) {
        await db.schema.createIndex('answers_updated').on('answers').columns(['updated_at', 'id']).execute();
        await db.schema.createIndex('answers_state').on('answers').columns(['state', 'updated_at']).execute();
        await db.schema
          .createIndex('approvals_answer_hash')
          .on('approvals')
          .columns(['answer_id', 'hash'])
          .execute();
        await db.schema
          .createTable('notifications')
          .addColumn('id', id, pk)
          .addColumn('event', 'text', (c) => c.notNull()) // submitted | changes_requested | approved | published | review_due
          .addColumn('answer_id', 'integer', (c) => c.references('answers.id'))
          .addColumn('recipients', 'text', (c) => c.notNull()) // JSON array of usernames
          .addColumn('payload', 'text', (c) => c.notNull()) // JSON
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('last_error', 'text')
          .execute();
        await db.schema
          .createIndex('notifications_pending')
          .on('notifications')
          .columns(['sent_at', 'id'])
          .execute();
        await db.schema
          .createTable('edit_locks')
          .addColumn('answer_id', 'integer', (c) => c.primaryKey().references('answers.id'))
          .addColumn('username', 'text', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('seen_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('scheduled_publications')
          .addColumn('answer_id', 'integer', (c) => c.primaryKey().references('answers.id'))
          .addColumn('revision_id', 'integer', (c) => c.notNull().references('revisions.id'))
          .addColumn('publish_at', 'text', (c) => c.notNull()) // ISO-8601 UTC
          .addColumn('created_by', 'text', (c) => c.notNull())
          .addColumn('created_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('scheduled_publications_due')
          .on('scheduled_publications')
          .column('publish_at')
          .execute();
        await db.schema
          .createTable('account_links')
          .addColumn('id', 'text', (c) => c.primaryKey()) // SHA-256 of the link token, never the token
          .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
          .addColumn('purpose', 'text', (c) => c.notNull()) // invite | reset
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .addColumn('used_at', 'text')
          .execute();
        for (const column of ['registration_body', 'registration_number', 'photo_alt']) {
          await db.schema.alterTable('reviewers').addColumn(column, 'text').execute();
        }
      },
    },
    '006_code_systems': {
      // Condition codes gain named systems (icd10 → icd10cm) and every system holds a list.
      async up(db) {
        await sql`UPDATE condition_codes SET system = 'icd10cm' WHERE system = 'icd10'`.execute(db);
        const rows = await sql<{ id: number; codes: string }>`SELECT id, codes FROM conditions`.execute(db);
        for (const row of rows.rows) {
          const next = migratedCodes(row.codes);
          if (next !== row.codes) {
            await sql`UPDATE conditions SET codes = ${next} WHERE id = ${row.id}`.execute(db);
          }
        }
      },
    },
    '007_outbox': {
      // The notification outbox's delivery state: pending | sent | failed, when the next attempt
      // may run (back-off after a failed send), and a key that makes repeated events (a review
      // falling due, seen by every run of the review queue) one row.
      async up(db) {
        await db.schema
          .alterTable('notifications')
          .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
          .execute();
        await sql`UPDATE notifications SET status = 'sent' WHERE sent_at IS NOT NULL`.execute(db);
        await db.schema.alterTable('notifications').addColumn('next_attempt_at', 'text').execute();
        await db.schema.alterTable('notifications').addColumn('dedupe_key', 'text').execute();
        await db.schema
          .createIndex('notifications_dedupe')
          .on('notifications')
          .column('dedupe_key')
          .unique()
          .execute();
        await db.schema
          .createIndex('notifications_status')
          .on('notifications')
          .columns(['status', 'id'])
          .execute();
      },
    },
  };
}

/** The stored codes JSON in the 006 shape: legacy names renamed, every value a sorted-key list. */
export function migratedCodes(json: string): string {
  let codes: Record<string, unknown>;
  try {
    codes = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json;
  }
  if (!codes || typeof codes !== 'object' || Array.isArray(codes)) return json;
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(codes)) {
    const system = key === 'icd10' ? 'icd10cm' : key;
    const list = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== '').map(String);
    out[system] = [...new Set([...(out[system] ?? []), ...list])];
  }
  return canonicalJson(out);
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
