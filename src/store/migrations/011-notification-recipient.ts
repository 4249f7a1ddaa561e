import type { Migration } from 'kysely';
import { index } from './columns.js';

export function m011NotificationRecipient(): Migration {
  return {
    // Notifications per person: each outbox row names the one account it is for (null on rows
    // written before, which list every recipient in `recipients`), and when that person read it
    // in the editor; indexed for "my notifications" and the unread count in the navigation.
    async up(db) {
      await db.schema.alterTable('notifications').addColumn('recipient', 'text').execute();
      await db.schema.alterTable('notifications').addColumn('read_at', 'text').execute();
      await index(db, 'notifications_recipient', 'notifications', ['recipient', 'id']);
    },
  };
}
