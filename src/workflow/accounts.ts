/**
 * Accounts as the editor and the CLI use them. Every change (add a user, change a role, set a
 * password, invitation and reset links, deactivate and reactivate, reviewer profiles) runs an
 * account action from ./actions in one transaction, and so does the sign-in audit (login,
 * login-failed, logout); sessions and login attempts are the store's AccountStore. Login
 * throttling (limits per user name and address) is applied by the editor's sign-in
 * (src/web/editor/auth.ts). Account changes are made by admins:
 * the editor checks the role before calling, and the CLI is run by the site's operator.
 */
import type {
  AccountLinkPurpose,
  AccountStore,
  NewUser,
  ReviewerDetails,
  ReviewerProfile,
  Role,
  SessionInfo,
  Store,
  WorkflowUser,
} from '../store/index.js';
import { ACCOUNT_LINK_TTL_MS } from './account-rules.js';
import {
  addUser,
  changeRole,
  createAccountLink,
  deactivateUser,
  login,
  loginFailed,
  logout,
  type ReviewerProfileInput,
  reactivateUser,
  runAction,
  type SignInAuditInput,
  saveReviewerDetails,
  saveReviewerProfile,
  setPassword,
  useAccountLink,
  type WorkflowAction,
} from './actions/index.js';
import { randomToken } from './passwords.js';

export { ACCOUNT_LINK_TTL_MS, USERNAME_PATTERN } from './account-rules.js';

export class Accounts {
  protected readonly accounts: AccountStore;

  constructor(
    protected readonly store: Store,
    protected readonly now: () => Date = () => new Date(),
  ) {
    this.accounts = store.accounts(now);
  }

  /** Runs an account action as `actor` (an admin's user name, or the CLI's). */
  private change<I, O>(action: WorkflowAction<I, O>, input: I, actor: string): Promise<O> {
    return runAction(this.store, action, input, {
      actor: { username: actor, role: 'admin', reviewerId: null },
      now: this.now,
    });
  }

  createUser(input: NewUser, actor: string): Promise<WorkflowUser> {
    return this.change(addUser, input, actor);
  }

  saveReviewerProfile(profile: ReviewerProfileInput, actor: string): Promise<void> {
    return this.change(saveReviewerProfile, profile, actor);
  }

  /** Saves the registration details of an existing reviewer profile. */
  saveReviewerDetails(id: string, details: ReviewerDetails, actor: string): Promise<void> {
    return this.change(saveReviewerDetails, { id, details }, actor);
  }

  listReviewerProfiles(): Promise<ReviewerProfile[]> {
    return this.accounts.listReviewerProfiles();
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
    return this.change(changeRole, { username, role, reviewerId }, actor);
  }

  setPassword(username: string, password: string, actor: string): Promise<void> {
    return this.change(setPassword, { username, password }, actor);
  }

  /** Deactivates (sessions and edit locks end) or reactivates an account. */
  setUserActive(username: string, active: boolean, actor: string): Promise<void> {
    return this.change(active ? reactivateUser : deactivateUser, { username }, actor);
  }

  /**
   * A one-time link for `username` to choose a password (an invitation for a new account, or a
   * reset): returns the token, shown once; only its hash is stored. Valid for `ttlMs` (7 days).
   */
  createAccountLink(
    username: string,
    purpose: AccountLinkPurpose,
    actor: string,
    ttlMs = ACCOUNT_LINK_TTL_MS,
  ): Promise<{ token: string; expiresAt: string }> {
    return this.change(createAccountLink, { username, purpose, ttlMs }, actor);
  }

  /** The account a link is for, or null when it is unknown, used, expired or the account inactive. */
  accountLinkFor(token: string) {
    return this.accounts.accountLinkFor(token);
  }

  /** Sets the password through a one-time link (then the link is spent and old sessions end). */
  setPasswordWithLink(token: string, password: string): Promise<void> {
    // The actor is the link's user, known only inside the transaction (the action records them).
    return this.change(useAccountLink, { token, password }, 'anonymous');
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

  /** Audits a sign-in (`ok`) or a failed one (the login / login-failed action). */
  auditLogin(username: string, ok: boolean, detail: unknown): Promise<void> {
    return this.signInAudit(ok ? login : loginFailed, { username, detail }, ok ? username : 'anonymous');
  }

  /** Audits a sign-out (the logout action). */
  auditLogout(username: string): Promise<void> {
    return this.signInAudit(logout, { username }, username);
  }

  /** The sign-in audit actions check no role, so the actor carries the least one. */
  private signInAudit(
    action: WorkflowAction<SignInAuditInput, void>,
    input: SignInAuditInput,
    actor: string,
  ) {
    return runAction(this.store, action, input, {
      actor: { username: actor, role: 'author', reviewerId: null },
      now: this.now,
    });
  }
}
