import { type Migration, sql } from 'kysely';
import { index } from './columns.js';

export function m007Outbox(): Migration {
  return {
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
      await index(db, 'notifications_dedupe', 'notifications', ['dedupe_key'], { unique: true });
      await index(db, 'notifications_status', 'notifications', ['status', 'id']);
    },
  };
}
