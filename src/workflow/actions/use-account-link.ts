/**
 * use-account-link: the user a one-time link was made for chooses a password through it. The
 * link is spent in the same transaction (a second use, or a race, finds it gone) and the user's
 * sessions end. The audit row names the link's user, who is not signed in.
 */
import { changeAccount, strongPassword } from '../account-rules.js';
import { WorkflowError } from '../errors.js';
import { hashPassword } from '../passwords.js';
import type { WorkflowAction } from './context.js';

export const useAccountLink: WorkflowAction<{ token: string; password: string }, void> = {
  name: 'password-change',
  async check(_ctx, input) {
    strongPassword(input.password);
  },
  async execute(ctx, input) {
    const link = await ctx.tx.accounts.spendLink(input.token);
    if (!link) {
      throw new WorkflowError(
        'not-found',
        'this link has been used, has expired or is not valid',
        'ask an admin for a new link',
      );
    }
    const passwordHash = await hashPassword(input.password);
    await changeAccount(
      ctx,
      link.user,
      { passwordHash },
      { action: 'password-change', actor: link.user.username, detail: { via: `${link.purpose} link` } },
    );
  },
};
