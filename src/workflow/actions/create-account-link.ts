/**
 * create-account-link: a one-time link for a user to choose a password — an invitation for a
 * new account, or a reset. Returns the token, shown once; only its hash is stored, and the
 * user's earlier unused links of the same purpose stop working.
 */
import type { AccountLinkPurpose } from '../../store/index.js';
import { existingUser } from '../account-rules.js';
import { randomToken } from '../passwords.js';
import { audit, type WorkflowAction } from './context.js';

export interface AccountLinkInput {
  username: string;
  purpose: AccountLinkPurpose;
  ttlMs: number;
}

export const createAccountLink: WorkflowAction<AccountLinkInput, { token: string; expiresAt: string }> = {
  name: 'account-link',
  async check(ctx, input) {
    await existingUser(ctx, input.username);
  },
  async execute(ctx, input) {
    const user = await existingUser(ctx, input.username);
    const token = randomToken();
    const expiresAt = new Date(ctx.now.getTime() + input.ttlMs).toISOString();
    await ctx.tx.accounts.insertLink(user.id, input.purpose, token, expiresAt);
    await audit(ctx, 'account-link', 'user', input.username, {
      detail: { purpose: input.purpose, expiresAt },
    });
    return { token, expiresAt };
  },
};
