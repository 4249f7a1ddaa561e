/**
 * change-role: a new role (and optionally another reviewer profile). A reviewer needs a profile.
 * The user's sessions end: new rights start with a new sign-in.
 */
import type { Role, WorkflowUser } from '../../store/index.js';
import { changeAccount, existingUser, noReviewerProfile } from '../account-rules.js';
import { WorkflowError } from '../errors.js';
import type { WorkflowAction } from './context.js';

export interface ChangeRoleInput {
  username: string;
  role: Role;
  reviewerId?: string;
}

export const changeRole: WorkflowAction<ChangeRoleInput, WorkflowUser> = {
  name: 'role-change',
  async check(ctx, input) {
    const user = await existingUser(ctx, input.username);
    if (input.role === 'reviewer' && !(input.reviewerId ?? user.reviewerId)) {
      throw new WorkflowError(
        'invalid',
        `${input.username} has no reviewer profile, so cannot be a reviewer`,
        'pass --reviewer <id> (or --credentials) to link a profile',
      );
    }
    if (input.reviewerId && !(await ctx.tx.reviewerExists(input.reviewerId)))
      throw noReviewerProfile(input.reviewerId);
  },
  async execute(ctx, input) {
    const user = await existingUser(ctx, input.username);
    return changeAccount(
      ctx,
      user,
      { role: input.role, reviewerId: input.reviewerId ?? user.reviewerId },
      { action: 'role-change', from: user.role, to: input.role },
    );
  },
};
