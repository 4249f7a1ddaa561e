/**
 * A person's notifications, as the editor shows them: the outbox rows written for one account
 * (see src/workflow/notifications.ts), newest first, with what they have not read yet (marked by
 * OutboxStore.markRead). Reading never touches delivery (status, attempts): a row may be read
 * before or after it was sent on.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './db.js';
import { type NotificationRecord, toRecord } from './outbox.js';

/** How many notifications one page of "Notifications for me" shows. */
export const NOTIFICATIONS_PAGE = 20;

/** A person's notifications, newest first; `beforeId` pages back (the rows older than that id). */
export async function notificationsFor(
  db: Kysely<Database>,
  username: string,
  limit = NOTIFICATIONS_PAGE,
  beforeId?: number,
): Promise<NotificationRecord[]> {
  let q = db.selectFrom('notifications').selectAll().where('recipient', '=', username);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  const rows = await q.orderBy('id', 'desc').limit(limit).execute();
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
