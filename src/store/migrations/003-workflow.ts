import type { Migration } from 'kysely';
import { appendOnly, type MigrationContext } from './ddl.js';

export function m003Workflow({ dialect, id, pk }: MigrationContext): Migration {
  return {
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
  };
}
