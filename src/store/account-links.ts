/**
 * One-time account links (invitations and password resets): stored under the SHA-256 of their
 * token, used once, within their time, while the account is active. Read by AccountStore.
 */
import type { Kysely } from 'kysely';
import { appendAudit } from './audit.js';
import type { Database } from './db.js';
import { type AccountLinkPurpose, JOINED_USER_COLUMNS, sha256, toUser, type WorkflowUser } from './users.js';

/**
 * Stores a one-time link (an invitation or a password reset) under the hash of its token, and
 * voids the user's earlier unused links of the same purpose. Audited as the admin's action.
 */
export async function insertAccountLink(
  db: Kysely<Database>,
  clock: () => Date,
  username: string,
  purpose: AccountLinkPurpose,
  token: string,
  ttlMs: number,
  actor: string,
): Promise<{ expiresAt: string } | null> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('id')
      .where('username', '=', username)
      .executeTakeFirst();
    if (!user) return null;
    const now = clock();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await trx
      .deleteFrom('account_links')
      .where('user_id', '=', user.id)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await trx
      .insertInto('account_links')
      .values({
        id: sha256(token),
        user_id: user.id,
        purpose,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    await appendAudit(
      trx,
      { actor, action: 'account-link', entity: 'user', entityId: username, detail: { purpose, expiresAt } },
      now.toISOString(),
    );
    return { expiresAt };
  });
}

/** The account a link opens, while it is unused, unexpired and the account active; else null. */
export async function accountLinkFor(
  db: Kysely<Database>,
  clock: () => Date,
  token: string,
): Promise<{ user: WorkflowUser; purpose: AccountLinkPurpose } | null> {
  const row = await db
    .selectFrom('account_links as l')
    .innerJoin('users as u', 'u.id', 'l.user_id')
    .select(['l.purpose', 'l.expires_at', 'l.used_at', ...JOINED_USER_COLUMNS])
    .where('l.id', '=', sha256(token))
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at <= clock().toISOString() || row.disabled) return null;
  return { user: toUser(row), purpose: row.purpose as AccountLinkPurpose };
}

/**
 * Sets the password through a link, once: the link is marked used in the same transaction, so a
 * second use (or a race) finds it gone. Ends the user's sessions. False when the link is not valid.
 */
export async function useAccountLink(
  db: Kysely<Database>,
  clock: () => Date,
  token: string,
  passwordHash: string,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const now = clock().toISOString();
    const link = await trx
      .selectFrom('account_links as l')
      .innerJoin('users as u', 'u.id', 'l.user_id')
      .select(['l.id', 'l.purpose', 'u.id as userId', 'u.username'])
      .where('l.id', '=', sha256(token))
      .where('l.used_at', 'is', null)
      .where('l.expires_at', '>', now)
      .where('u.disabled', '=', 0)
      .executeTakeFirst();
    if (!link) return false;
    const used = await trx
      .updateTable('account_links')
      .set({ used_at: now })
      .where('id', '=', link.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return false;
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: now })
      .where('id', '=', link.userId)
      .execute();
    await trx.deleteFrom('sessions').where('user_id', '=', link.userId).execute();
    await appendAudit(
      trx,
      {
        actor: link.username,
        action: 'password-change',
        entity: 'user',
        entityId: link.username,
        detail: { via: `${link.purpose} link` },
      },
      now,
    );
    return true;
  });
}
