/** set-password: an admin sets (resets) a user's password; the user's sessions end. */
import { existingUser, strongPassword } from '../account-rules.js';
import { hashPassword } from '../passwords.js';
import type { WorkflowAction } from './context.js';

export const setPassword: WorkflowAction<{ username: string; password: string }, void> = {
  name: 'password-change',
  async check(ctx, input) {
    strongPassword(input.password);
    await existingUser(ctx, input.username);
  },
  async execute(ctx, input) {
    const user = await existingUser(ctx, input.username);
    await ctx.tx.accounts.updateUser(user.id, { passwordHash: await hashPassword(input.password) });
    await ctx.tx.accounts.endSessions(user.id);
    await ctx.tx.appendAudit({
      actor: ctx.actor.username,
      action: 'password-change',
      entity: 'user',
      entityId: input.username,
    });
  },
};
