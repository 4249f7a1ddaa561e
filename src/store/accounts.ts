/**
 * Persistence of editorial accounts: users, reviewer profiles, sessions (only the SHA-256 of a
 * session token is stored) and login attempts. Rules (user-name pattern, password strength,
 * hashing, throttling limits) live in src/workflow/accounts.ts. Account changes (users, roles,
 * passwords, links, reviewer profiles) are workflow actions over StoreTx.accounts
 * (./account-tx.ts); this module reads accounts and keeps sessions and login attempts.
 */
import type { Kysely } from 'kysely';
import type { ReviewerDetails } from './account-tx.js';
import { countRows } from './count.js';
import type { Database } from './db.js';
import { toReviewer } from './rows.js';
import {
  type AccountLinkPurpose,
  JOINED_USER_COLUMNS,
  openAccountLink,
  type SessionInfo,
  sha256,
  toUser,
  USER_COLUMNS,
  userByName,
  type WorkflowUser,
} from './users.js';

export type { AccountLinkPurpose, NewUser, SessionInfo, WorkflowUser } from './users.js';

/** A reviewer profile as the admin screens edit it: the public fields and registration details. */
export interface ReviewerProfile extends ReviewerDetails {
  id: string;
  name: string;
  credentials: string;
  bio: string | null;
  demo: boolean;
}

export class AccountStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private nowIso(): string {
    return this.now().toISOString();
  }

  async listUsers(): Promise<WorkflowUser[]> {
    const rows = await this.db.selectFrom('users').select(USER_COLUMNS).orderBy('username').execute();
    return rows.map(toUser);
  }

  getUser(username: string): Promise<WorkflowUser | null> {
    return userByName(this.db, username);
  }

  /** The stored password hash, for login only (never leaves the auth module). */
  async passwordHashFor(username: string): Promise<{ user: WorkflowUser; hash: string } | null> {
    const row = await this.db
      .selectFrom('users')
      .select([...USER_COLUMNS, 'password_hash'])
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? { user: toUser(row), hash: row.password_hash } : null;
  }

  async reviewerExists(id: string): Promise<boolean> {
    return Boolean(
      await this.db.selectFrom('reviewers').select('id').where('id', '=', id).executeTakeFirst(),
    );
  }

  /** Every reviewer profile with its registration details, for the admin screens. */
  async listReviewerProfiles(): Promise<ReviewerProfile[]> {
    const rows = await this.db.selectFrom('reviewers').selectAll().orderBy('id').execute();
    return rows.map((r) => ({
      ...toReviewer(r),
      bio: r.bio,
      registrationBody: r.registration_body ?? null,
      registrationNumber: r.registration_number ?? null,
      photoAlt: r.photo_alt ?? null,
    }));
  }

  /** The account a one-time link opens, while it is unused, unexpired and the account active; else null. */
  async accountLinkFor(token: string): Promise<{ user: WorkflowUser; purpose: AccountLinkPurpose } | null> {
    const link = await openAccountLink(this.db, token, this.nowIso());
    return link && { user: link.user, purpose: link.purpose };
  }

  // ------------------------------------------------------------- sessions

  /** Stores a session under the hash of its token (the token itself goes in the cookie). */
  async insertSession(
    userId: number,
    token: string,
    csrfToken: string,
    ttlMs: number,
  ): Promise<{ token: string; csrfToken: string; expiresAt: string }> {
    const now = this.now();
    const expiresAt = new Date(now.getTime() + ttlMs).toISOString();
    await this.db.deleteFrom('sessions').where('expires_at', '<', now.toISOString()).execute();
    await this.db
      .insertInto('sessions')
      .values({
        id: sha256(token),
        user_id: userId,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    return { token, csrfToken, expiresAt };
  }

  async getSession(token: string): Promise<SessionInfo | null> {
    const row = await this.db
      .selectFrom('sessions as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select([...JOINED_USER_COLUMNS, 's.csrf_token', 's.expires_at'])
      .where('s.id', '=', sha256(token))
      .executeTakeFirst();
    if (!row || row.expires_at <= this.nowIso() || row.disabled) return null;
    return { user: toUser(row), csrfToken: row.csrf_token, expiresAt: row.expires_at };
  }

  async deleteSession(token: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', sha256(token)).execute();
  }

  // ----------------------------------------------------- login throttling

  async recordLoginAttempt(keys: string[], ok: boolean): Promise<void> {
    const at = this.nowIso();
    await this.db.transaction().execute(async (trx) => {
      for (const key of keys)
        await trx
          .insertInto('login_attempts')
          .values({ key, at, ok: ok ? 1 : 0 })
          .execute();
      // Attempts older than a day never matter again.
      const dayAgo = new Date(this.now().getTime() - 86_400_000).toISOString();
      await trx.deleteFrom('login_attempts').where('at', '<', dayAgo).execute();
    });
  }

  /** Failed attempts for `key` since `sinceIso` that came after its last success. */
  async recentFailures(key: string, sinceIso: string): Promise<number> {
    const lastOk = await this.db
      .selectFrom('login_attempts')
      .select((eb) => eb.fn.max('at').as('at'))
      .where('key', '=', key)
      .where('ok', '=', 1)
      .executeTakeFirst();
    const from = lastOk?.at && lastOk.at > sinceIso ? lastOk.at : sinceIso;
    return countRows(
      this.db.selectFrom('login_attempts').where('key', '=', key).where('ok', '=', 0).where('at', '>', from),
    );
  }
}
