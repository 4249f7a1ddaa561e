/** set-password: an admin sets (resets) a user's password; the user's sessions end. */
import { changeAccount, existingUser, strongPassword } from '../account-rules.js';
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
    const passwordHash = await hashPassword(input.password);
    await changeAccount(ctx, user, { passwordHash }, { action: 'password-change' });
  },
};
