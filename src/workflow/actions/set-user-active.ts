/**
 * deactivate-user / reactivate-user: a leaver's account stops working at once (sessions and edit
 * locks end in the same transaction, so a live session stops at its next request); reactivating
 * lets them sign in again with their password. No one deactivates their own account.
 */
import { existingUser } from '../account-rules.js';
import { WorkflowError } from '../errors.js';
import { audit, type WorkflowAction } from './context.js';

function userActivation(active: boolean): WorkflowAction<{ username: string }, void> {
  return {
    name: active ? 'user-reactivate' : 'user-deactivate',
    async check(ctx, input) {
      if (!active && input.username === ctx.actor.username) {
        throw new WorkflowError(
          'invalid',
          'you cannot deactivate your own account',
          'ask another admin to do it',
        );
      }
      await existingUser(ctx, input.username);
    },
    async execute(ctx, input) {
      const user = await existingUser(ctx, input.username);
      await ctx.tx.accounts.updateUser(user.id, { disabled: !active });
      let revoked = 0;
      if (!active) {
        revoked = await ctx.tx.accounts.endSessions(user.id);
        await ctx.tx.accounts.releaseEditLocks(input.username);
      }
      await audit(ctx, active ? 'user-reactivate' : 'user-deactivate', 'user', input.username, {
        from: user.disabled ? 'inactive' : 'active',
        to: active ? 'active' : 'inactive',
        detail: active ? undefined : { sessionsRevoked: revoked },
      });
    },
  };
}

export const deactivateUser = userActivation(false);
export const reactivateUser = userActivation(true);
