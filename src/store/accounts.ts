/**
 * Persistence of editorial accounts: users, reviewer profiles, sessions (only the SHA-256 of a
 * session token is stored) and login attempts. Rules (user-name pattern, password strength,
 * hashing, throttling limits) live in src/workflow/accounts.ts; this module only reads and
 * writes rows, each change together with its audit event.
 */
import type { Kysely } from 'kysely';
import { accountLinkFor, insertAccountLink, useAccountLink } from './account-links.js';
import { appendAudit } from './audit.js';
import { countRows } from './count.js';
import type { Database } from './db.js';
import { reviewerRow } from './rows.js';
import type { Role } from './types.js';
import {
  type AccountLinkPurpose,
  JOINED_USER_COLUMNS,
  type SessionInfo,
  sha256,
  toUser,
  USER_COLUMNS,
  type WorkflowUser,
} from './users.js';

export type { AccountLinkPurpose, NewUser, SessionInfo, WorkflowUser } from './users.js';

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

  async getUser(username: string): Promise<WorkflowUser | null> {
    const row = await this.db
      .selectFrom('users')
      .select(USER_COLUMNS)
      .where('username', '=', username)
      .executeTakeFirst();
    return row ? toUser(row) : null;
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

  /** Inserts a user; 'duplicate' when the name is taken, 'no-reviewer' when the profile is missing. */
  async insertUser(
    input: { username: string; name: string; role: Role; passwordHash: string; reviewerId: string | null },
    actor: string,
  ): Promise<WorkflowUser | 'duplicate' | 'no-reviewer'> {
    return this.db.transaction().execute(async (trx) => {
      const exists = await trx
        .selectFrom('users')
        .select('id')
        .where('username', '=', input.username)
        .executeTakeFirst();
      if (exists) return 'duplicate' as const;
      if (input.reviewerId) {
        const r = await trx
          .selectFrom('reviewers')
          .select('id')
          .where('id', '=', input.reviewerId)
          .executeTakeFirst();
        if (!r) return 'no-reviewer' as const;
      }
      const now = this.nowIso();
      const row = await trx
        .insertInto('users')
        .values({
          username: input.username,
          name: input.name,
          role: input.role,
          password_hash: input.passwordHash,
          reviewer_id: input.reviewerId,
          disabled: 0,
          created_at: now,
          updated_at: now,
        })
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      await appendAudit(
        trx,
        {
          actor,
          action: 'user-add',
          entity: 'user',
          entityId: input.username,
          to: input.role,
          detail: { reviewerId: input.reviewerId },
        },
        now,
      );
      return toUser(row);
    });
  }

  /** Creates or updates the public profile (name, credentials) a reviewer account signs with. */
  async saveReviewerProfile(
    profile: { id: string; name: string; credentials: string; bio?: string; demo?: boolean },
    actor: string,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const row = reviewerRow(profile);
      const existing = await trx
        .selectFrom('reviewers')
        .select('id')
        .where('id', '=', profile.id)
        .executeTakeFirst();
      if (existing) await trx.updateTable('reviewers').set(row).where('id', '=', profile.id).execute();
      else await trx.insertInto('reviewers').values(row).execute();
      await appendAudit(
        trx,
        {
          actor,
          action: existing ? 'reviewer-update' : 'reviewer-add',
          entity: 'reviewer',
          entityId: profile.id,
          detail: { name: profile.name, credentials: profile.credentials },
        },
        this.nowIso(),
      );
    });
  }

  /**
   * Changes a role (and optionally the linked reviewer profile) and ends the user's sessions:
   * new rights start with a new login. `check` sees the current row and may refuse by throwing.
   */
  async updateRole(
    username: string,
    role: Role,
    reviewerId: string | undefined,
    actor: string,
    check: (current: WorkflowUser | null, reviewerFound: boolean) => void,
  ): Promise<WorkflowUser> {
    return this.db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('users')
        .select(USER_COLUMNS)
        .where('username', '=', username)
        .executeTakeFirst();
      const found = reviewerId
        ? Boolean(
            await trx.selectFrom('reviewers').select('id').where('id', '=', reviewerId).executeTakeFirst(),
          )
        : true;
      check(row ? toUser(row) : null, found);
      const linked = reviewerId ?? row!.reviewer_id;
      const now = this.nowIso();
      const updated = await trx
        .updateTable('users')
        .set({ role, reviewer_id: linked ?? null, updated_at: now })
        .where('id', '=', row!.id)
        .returning(USER_COLUMNS)
        .executeTakeFirstOrThrow();
      await trx.deleteFrom('sessions').where('user_id', '=', row!.id).execute();
      await appendAudit(
        trx,
        { actor, action: 'role-change', entity: 'user', entityId: username, from: row!.role, to: role },
        now,
      );
      return toUser(updated);
    });
  }

  /** Replaces the password hash and ends the user's sessions; false when there is no such user. */
  async updatePassword(username: string, passwordHash: string, actor: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const now = this.nowIso();
      const r = await trx
        .updateTable('users')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('username', '=', username)
        .returning('id')
        .executeTakeFirst();
      if (!r) return false;
      await trx.deleteFrom('sessions').where('user_id', '=', r.id).execute();
      await appendAudit(trx, { actor, action: 'password-change', entity: 'user', entityId: username }, now);
      return true;
    });
  }

  // -------------------------------------------------- one-time account links (account-links.ts)

  insertAccountLink(
    username: string,
    purpose: AccountLinkPurpose,
    token: string,
    ttlMs: number,
    actor: string,
  ) {
    return insertAccountLink(this.db, this.now, username, purpose, token, ttlMs, actor);
  }

  accountLinkFor(token: string) {
    return accountLinkFor(this.db, this.now, token);
  }

  useAccountLink(token: string, passwordHash: string) {
    return useAccountLink(this.db, this.now, token, passwordHash);
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

  async auditLogin(username: string, ok: boolean, detail: unknown): Promise<void> {
    await appendAudit(
      this.db,
      {
        actor: ok ? username : 'anonymous',
        action: ok ? 'login' : 'login-failed',
        entity: 'user',
        entityId: username,
        detail,
      },
      this.nowIso(),
    );
  }

  async auditLogout(username: string): Promise<void> {
    await appendAudit(
      this.db,
      { actor: username, action: 'logout', entity: 'user', entityId: username },
      this.nowIso(),
    );
  }
}
