/**
 * add-user: a new account. The user name follows USERNAME_PATTERN, the password is strong
 * enough, and a reviewer account signs with an existing reviewer profile.
 */
import type { NewUser, WorkflowUser } from '../../store/index.js';
import { noReviewerProfile, strongPassword, USERNAME_PATTERN } from '../account-rules.js';
import { WorkflowError } from '../errors.js';
import { hashPassword } from '../passwords.js';
import { audit, type WorkflowAction } from './context.js';

export const addUser: WorkflowAction<NewUser, WorkflowUser> = {
  name: 'user-add',
  async check(ctx, input) {
    if (!USERNAME_PATTERN.test(input.username)) {
      throw new WorkflowError(
        'invalid',
        `invalid user name "${input.username}"`,
        'use 2–40 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit',
      );
    }
    strongPassword(input.password);
    if (input.role === 'reviewer' && !input.reviewerId) {
      throw new WorkflowError(
        'invalid',
        'a reviewer account needs a reviewer profile (name and credentials shown on pages)',
        'pass --reviewer <id> of an existing profile, or --credentials "MD, paediatrics" to create one',
      );
    }
    if (await ctx.tx.accounts.user(input.username))
      throw new WorkflowError('duplicate', `user "${input.username}" already exists`);
    if (input.reviewerId && !(await ctx.tx.reviewerExists(input.reviewerId)))
      throw noReviewerProfile(input.reviewerId);
  },
  async execute(ctx, input) {
    const reviewerId = input.reviewerId ?? null;
    const user = await ctx.tx.accounts.insertUser({
      username: input.username,
      name: input.name,
      role: input.role,
      passwordHash: await hashPassword(input.password),
      reviewerId,
    });
    await audit(ctx, 'user-add', 'user', input.username, {
      to: input.role,
      detail: { reviewerId },
    });
    return user;
  },
};
