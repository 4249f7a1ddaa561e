import type { Migration } from 'kysely';
import { column, index, integer, key, maybeText, ref, table, text } from './columns.js';
import type { MigrationContext } from './ddl.js';

export function m005Editor({ id, pk }: MigrationContext): Migration {
  return {
    // The editor's screens: indexes for the answer list (filters and sorting over tens of
    // thousands of answers), the notification outbox, soft edit locks, scheduled publishing,
    // one-time account links (invitations, password resets) and reviewer profile details.
    async up(db) {
      await index(db, 'answers_updated', 'answers', ['updated_at', 'id']);
      await index(db, 'answers_state', 'answers', ['state', 'updated_at']);
      await index(db, 'approvals_answer_hash', 'approvals', ['answer_id', 'hash']);
      await table(db, 'notifications', [
        column('id', id, pk),
        text('event'), // submitted | changes_requested | approved | published | review_due
        ref('answer_id', 'answers.id', { nullable: true }),
        text('recipients'), // JSON array of usernames
        text('payload'), // JSON
        text('created_at'),
        maybeText('sent_at'),
        integer('attempts', 0),
        maybeText('last_error'),
      ]);
      await index(db, 'notifications_pending', 'notifications', ['sent_at', 'id']);
      await table(db, 'edit_locks', [
        ref('answer_id', 'answers.id', { primaryKey: true }),
        text('username', 'started_at', 'seen_at'),
      ]);
      await table(db, 'scheduled_publications', [
        ref('answer_id', 'answers.id', { primaryKey: true }),
        ref('revision_id', 'revisions.id'),
        text('publish_at'), // ISO-8601 UTC
        text('created_by', 'created_at'),
      ]);
      await index(db, 'scheduled_publications_due', 'scheduled_publications', ['publish_at']);
      await table(db, 'account_links', [
        key('id'), // SHA-256 of the link token, never the token
        ref('user_id', 'users.id', { cascade: true }),
        text('purpose'), // invite | reset
        text('created_at', 'expires_at'),
        maybeText('used_at'),
      ]);
      for (const name of ['registration_body', 'registration_number', 'photo_alt']) {
        await db.schema.alterTable('reviewers').addColumn(name, 'text').execute();
      }
    },
  };
}
