import type { Migration } from 'kysely';
import { column, index, integer, key, maybeText, ref, table, text } from './columns.js';
import { appendOnly, type MigrationContext } from './ddl.js';

export function m003Workflow({ dialect, id, pk }: MigrationContext): Migration {
  return {
    // Editorial workflow: accounts, database sessions (stateless web processes),
    // persisted login throttling, append-only review comments, and first-review schedules.
    async up(db) {
      const autoId = column('id', id, pk);
      await table(db, 'users', [
        autoId,
        column('username', 'text', (c) => c.notNull().unique()),
        text('name', 'role', 'password_hash'),
        column('reviewer_id', 'text', (c) => c.references('reviewers.id')),
        integer('disabled', 0),
        text('created_at', 'updated_at'),
      ]);
      await table(db, 'sessions', [
        key('id'), // SHA-256 of the cookie value, never the value
        ref('user_id', 'users.id', { cascade: true }),
        text('csrf_token', 'created_at', 'expires_at'),
      ]);
      await index(db, 'sessions_user', 'sessions', ['user_id']);
      await table(db, 'login_attempts', [autoId, text('key', 'at'), integer('ok')]);
      await index(db, 'login_attempts_key_at', 'login_attempts', ['key', 'at']);
      await table(db, 'comments', [
        autoId,
        ref('answer_id', 'answers.id'),
        ref('revision_id', 'revisions.id', { nullable: true }),
        text('author', 'kind', 'body', 'created_at'),
      ]);
      await index(db, 'comments_answer', 'comments', ['answer_id']);
      await table(db, 'review_schedule', [
        ref('answer_id', 'answers.id', { primaryKey: true }),
        text('due_on'),
        maybeText('owner'),
        text('updated_at'),
      ]);
      await index(db, 'audit_events_entity', 'audit_events', ['entity', 'entity_id']);
      await appendOnly(db, dialect, 'comments');
    },
  };
}
