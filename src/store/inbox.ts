/**
 * A person's notifications, as the editor shows them: the outbox rows written for one account
 * (see src/workflow/notifications.ts), newest first, with what they have not read yet (marked by
 * OutboxStore.markRead). Reading never touches delivery (status, attempts): a row may be read
 * before or after it was sent on.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './db.js';
import { type NotificationRecord, toRecord } from './outbox.js';

export async function notificationsFor(
  db: Kysely<Database>,
  username: string,
  limit = 20,
): Promise<NotificationRecord[]> {
  const rows = await db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient', '=', username)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

export async function unreadNotificationCount(db: Kysely<Database>, username: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select(sql<number>`count(*)`.as('n'))
    .where('recipient', '=', username)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
