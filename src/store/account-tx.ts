/**
 * The account rows one write transaction may change (StoreTx.accounts): users, the sessions and
 * edit locks that end with a change, one-time account links, reviewer registration details. The
 * rules (who may, what is a valid name or password) are the workflow's account actions.
 */
import { TxPart } from './tx-part.js';
import type { Role } from './types.js';
import {
  type AccountLinkPurpose,
  openAccountLink,
  sha256,
  toUser,
  USER_COLUMNS,
  userByName,
  type WorkflowUser,
} from './users.js';

export interface NewUserRow {
  username: string;
  name: string;
  role: Role;
  passwordHash: string;
  reviewerId: string | null;
}

export interface UserChanges {
  role?: Role;
  reviewerId?: string | null;
  passwordHash?: string;
  disabled?: boolean;
}

export interface ReviewerDetails {
  registrationBody: string | null;
  registrationNumber: string | null;
  photoAlt: string | null;
}

export interface AccountTx {
  user(username: string): Promise<WorkflowUser | null>;
  insertUser(row: NewUserRow): Promise<WorkflowUser>;
  updateUser(userId: number, changes: UserChanges): Promise<WorkflowUser>;
  /** Ends every session of the user (new rights, or none, from the next sign-in); how many. */
  endSessions(userId: number): Promise<number>;
  releaseEditLocks(username: string): Promise<void>;
  /** Stores a one-time link under the hash of its token, voiding the user's unused ones of that purpose. */
  insertLink(userId: number, purpose: AccountLinkPurpose, token: string, expiresAt: string): Promise<void>;
  /**
   * Marks a link used, once: the user and purpose when it was unused, unexpired and the account
   * active (and this transaction the one that spent it), else null.
   */
  spendLink(token: string): Promise<{ user: WorkflowUser; purpose: AccountLinkPurpose } | null>;
  /** False when there is no such reviewer profile. */
  setReviewerDetails(reviewerId: string, details: ReviewerDetails): Promise<boolean>;
}

export class KyselyAccountTx extends TxPart implements AccountTx {
  user(username: string): Promise<WorkflowUser | null> {
    return userByName(this.trx, username);
  }

  async insertUser(u: NewUserRow): Promise<WorkflowUser> {
    const row = await this.trx
      .insertInto('users')
      .values({
        username: u.username,
        name: u.name,
        role: u.role,
        password_hash: u.passwordHash,
        reviewer_id: u.reviewerId,
        disabled: 0,
        created_at: this.at,
        updated_at: this.at,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async updateUser(userId: number, changes: UserChanges): Promise<WorkflowUser> {
    const row = await this.trx
      .updateTable('users')
      .set({
        ...(changes.role !== undefined ? { role: changes.role } : {}),
        ...(changes.reviewerId !== undefined ? { reviewer_id: changes.reviewerId } : {}),
        ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled ? 1 : 0 } : {}),
        updated_at: this.at,
      })
      .where('id', '=', userId)
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async endSessions(userId: number): Promise<number> {
    const r = await this.trx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async releaseEditLocks(username: string): Promise<void> {
    await this.trx.deleteFrom('edit_locks').where('username', '=', username).execute();
  }

  async insertLink(userId: number, purpose: AccountLinkPurpose, token: string, expiresAt: string) {
    await this.trx
      .deleteFrom('account_links')
      .where('user_id', '=', userId)
      .where('purpose', '=', purpose)
      .where('used_at', 'is', null)
      .execute();
    await this.trx
      .insertInto('account_links')
      .values({
        id: sha256(token),
        user_id: userId,
        purpose,
        created_at: this.at,
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
  }

  async spendLink(token: string) {
    const link = await openAccountLink(this.trx, token, this.at);
    if (!link) return null;
    // Spent only if still unused now: of two uses racing, one updates the row.
    const used = await this.trx
      .updateTable('account_links')
      .set({ used_at: this.at })
      .where('id', '=', link.linkId)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) return null;
    return { user: link.user, purpose: link.purpose };
  }

  async setReviewerDetails(reviewerId: string, details: ReviewerDetails): Promise<boolean> {
    const r = await this.trx
      .updateTable('reviewers')
      .set({
        registration_body: details.registrationBody,
        registration_number: details.registrationNumber,
        photo_alt: details.photoAlt,
      })
      .where('id', '=', reviewerId)
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }
}
