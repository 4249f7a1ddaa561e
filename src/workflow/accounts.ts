/**
 * Account rules over the store's AccountStore: user-name pattern, password strength and
 * hashing, reviewer profiles for reviewer accounts, and session tokens. Login throttling
 * (limits per user name and address) is applied by the editor's sign-in (src/web/editor/auth.ts).
 */
import type {
  AccountLinkPurpose,
  AccountStore,
  NewUser,
  Role,
  SessionInfo,
  WorkflowUser,
} from '../store/index.js';
import { WorkflowError } from './errors.js';
import { hashPassword, passwordProblem, randomToken } from './passwords.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** How long an invitation or reset link stays valid. */
export const ACCOUNT_LINK_TTL_MS = 7 * 24 * 3_600_000;

const noReviewer = (id: string) =>
  new WorkflowError(
    'not-found',
    `no reviewer profile "${id}"`,
    'create it with --credentials, or import a reviewers.yaml that lists it',
  );

export class Accounts {
  constructor(protected readonly accounts: AccountStore) {}

  async createUser(input: NewUser, actor: string): Promise<WorkflowUser> {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw new WorkflowError(
        'invalid',
        `invalid user name "${input.username}"`,
        'use 2–40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      );
    }
    const weak = passwordProblem(input.password);
    if (weak) throw new WorkflowError('invalid', weak, 'choose a longer password (a passphrase works well)');
    if (input.role === 'reviewer' && !input.reviewerId) {
      throw new WorkflowError(
        'invalid',
        'a reviewer account needs a reviewer profile (name and credentials shown on pages)',
        'pass --reviewer <id> of an existing profile, or --credentials "MD, paediatrics" to create one',
      );
    }
    const passwordHash = await hashPassword(input.password);
    const r = await this.accounts.insertUser(
      {
        username: input.username,
        name: input.name,
        role: input.role,
        passwordHash,
        reviewerId: input.reviewerId ?? null,
      },
      actor,
    );
    if (r === 'duplicate') throw new WorkflowError('duplicate', `user "${input.username}" already exists`);
    if (r === 'no-reviewer') throw noReviewer(input.reviewerId!);
    return r;
  }

  saveReviewerProfile(
    profile: { id: string; name: string; credentials: string; bio?: string; demo?: boolean },
    actor: string,
  ): Promise<void> {
    return this.accounts.saveReviewerProfile(profile, actor);
  }

  listUsers(): Promise<WorkflowUser[]> {
    return this.accounts.listUsers();
  }

  getUser(username: string): Promise<WorkflowUser | null> {
    return this.accounts.getUser(username);
  }

  passwordHashFor(username: string) {
    return this.accounts.passwordHashFor(username);
  }

  /** Changes a role; a reviewer needs a profile. Ends the user's sessions. */
  setRole(username: string, role: Role, actor: string, reviewerId?: string): Promise<WorkflowUser> {
    return this.accounts.updateRole(username, role, reviewerId, actor, (user, reviewerFound) => {
      if (!user)
        throw new WorkflowError(
          'not-found',
          `no user "${username}"`,
          'list accounts with `medbrief user list`',
        );
      if (role === 'reviewer' && !(reviewerId ?? user.reviewerId)) {
        throw new WorkflowError(
          'invalid',
          `${username} has no reviewer profile, so cannot be a reviewer`,
          'pass --reviewer <id> (or --credentials) to link a profile',
        );
      }
      if (!reviewerFound) throw noReviewer(reviewerId!);
    });
  }

  async setPassword(username: string, password: string, actor: string): Promise<void> {
    const weak = passwordProblem(password);
    if (weak) throw new WorkflowError('invalid', weak);
    if (!(await this.accounts.updatePassword(username, await hashPassword(password), actor)))
      throw new WorkflowError('not-found', `no user "${username}"`);
  }

  /**
   * A one-time link for `username` to choose a password (an invitation for a new account, or a
   * reset): returns the token, shown once; only its hash is stored. Valid for `ttlMs` (7 days).
   */
  async createAccountLink(
    username: string,
    purpose: AccountLinkPurpose,
    actor: string,
    ttlMs = ACCOUNT_LINK_TTL_MS,
  ): Promise<{ token: string; expiresAt: string }> {
    const token = randomToken();
    const r = await this.accounts.insertAccountLink(username, purpose, token, ttlMs, actor);
    if (!r) throw new WorkflowError('not-found', `no user "${username}"`);
    return { token, expiresAt: r.expiresAt };
  }

  /** The account a link is for, or null when it is unknown, used, expired or the account inactive. */
  accountLinkFor(token: string) {
    return this.accounts.accountLinkFor(token);
  }

  /** Sets the password through a one-time link (then the link is spent and old sessions end). */
  async setPasswordWithLink(token: string, password: string): Promise<void> {
    const weak = passwordProblem(password);
    if (weak) throw new WorkflowError('invalid', weak, 'choose a longer password (a passphrase works well)');
    if (!(await this.accounts.useAccountLink(token, await hashPassword(password)))) {
      throw new WorkflowError(
        'not-found',
        'this link has been used, has expired or is not valid',
        'ask an admin for a new link',
      );
    }
  }

  /** Starts a session; the returned token goes in the cookie and only its hash is stored. */
  createSession(userId: number, ttlMs: number) {
    return this.accounts.insertSession(userId, randomToken(), randomToken(), ttlMs);
  }

  getSession(token: string): Promise<SessionInfo | null> {
    return this.accounts.getSession(token);
  }

  deleteSession(token: string): Promise<void> {
    return this.accounts.deleteSession(token);
  }

  recordLoginAttempt(keys: string[], ok: boolean): Promise<void> {
    return this.accounts.recordLoginAttempt(keys, ok);
  }

  recentFailures(key: string, sinceIso: string): Promise<number> {
    return this.accounts.recentFailures(key, sinceIso);
  }

  auditLogin(username: string, ok: boolean, detail: unknown): Promise<void> {
    return this.accounts.auditLogin(username, ok, detail);
  }

  auditLogout(username: string): Promise<void> {
    return this.accounts.auditLogout(username);
  }
}
