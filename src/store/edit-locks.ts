/**
 * Soft edit locks: "Dr X has been editing since 10:02". Opening the edit screen (and the page's
 * heartbeat every minute) records who is editing; a lock nobody has touched for five minutes has
 * lapsed. Nothing is refused because of a lock — saving still goes through the optimistic
 * revision check (409) — it only tells the second person before they start.
 */
import { sql } from 'kysely';
import { kyselyOf } from './kysely-store.js';
import type { Store } from './types.js';

export const LOCK_LAPSE_MS = 5 * 60_000;

export interface EditLock {
  username: string;
  name: string;
  since: string;
}

export function editLocks(store: Store, now: () => Date = () => new Date()) {
  const { db } = kyselyOf(store);
  const fresh = () => new Date(now().getTime() - LOCK_LAPSE_MS).toISOString();
  return {
    /** The lock held by someone other than `me`, if it has not lapsed. */
    async other(answerId: number, me: string): Promise<EditLock | null> {
      const row = await db
        .selectFrom('edit_locks as l')
        .leftJoin('users as u', 'u.username', 'l.username')
        .select(['l.username', 'l.started_at', 'u.name'])
        .where('l.answer_id', '=', answerId)
        .where('l.username', '!=', me)
        .where('l.seen_at', '>=', fresh())
        .executeTakeFirst();
      return row ? { username: row.username, name: row.name ?? row.username, since: row.started_at } : null;
    },
    /** Takes the lock if it is free, mine, or lapsed; otherwise leaves the holder's lock alone. */
    async touch(answerId: number, me: string): Promise<void> {
      const at = now().toISOString();
      await db.transaction().execute(async (trx) => {
        const mine = await trx
          .updateTable('edit_locks')
          .set({ seen_at: at })
          .where('answer_id', '=', answerId)
          .where('username', '=', me)
          .executeTakeFirst();
        if (Number(mine.numUpdatedRows) > 0) return;
        const lapsed = await trx
          .updateTable('edit_locks')
          .set({ username: me, started_at: at, seen_at: at })
          .where('answer_id', '=', answerId)
          .where('seen_at', '<', fresh())
          .executeTakeFirst();
        if (Number(lapsed.numUpdatedRows) > 0) return;
        await trx
          .insertInto('edit_locks')
          .values({ answer_id: answerId, username: me, started_at: at, seen_at: at })
          .onConflict((oc) => oc.column('answer_id').doNothing())
          .execute();
      });
    },
    async release(answerId: number, me: string): Promise<void> {
      await db
        .deleteFrom('edit_locks')
        .where('answer_id', '=', answerId)
        .where('username', '=', me)
        .execute();
    },
    /** Removes lapsed locks (called now and then; harmless if never called). */
    async sweep(): Promise<void> {
      await db.deleteFrom('edit_locks').where(sql`seen_at`, '<', fresh()).execute();
    },
  };
}
