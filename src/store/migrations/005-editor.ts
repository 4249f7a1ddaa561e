import type { Migration } from 'kysely';
import type { MigrationContext } from './ddl.js';

export function m005Editor({ id, pk }: MigrationContext): Migration {
  return {
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
  };
}
