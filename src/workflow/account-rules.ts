/** The rules the account actions share: what a user name is, a strong password, a known account. */
import type { AuditEvent, UserChanges, WorkflowUser } from '../store/index.js';
import type { ActionContext } from './actions/context.js';
import { WorkflowError } from './errors.js';
import { passwordProblem } from './passwords.js';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

/** How long an invitation or reset link stays valid. */
export const ACCOUNT_LINK_TTL_MS = 7 * 24 * 3_600_000;

export const noReviewerProfile = (id: string) =>
  new WorkflowError(
    'not-found',
    `no reviewer profile "${id}"`,
    'create it with --credentials, or import a reviewers.yaml that lists it',
  );

export async function existingUser(ctx: ActionContext, username: string): Promise<WorkflowUser> {
  const user = await ctx.tx.accounts.user(username);
  if (!user)
    throw new WorkflowError('not-found', `no user "${username}"`, 'list accounts with `medbrief user list`');
  return user;
}

/**
 * Changes an account and ends its sessions (the change applies from the next sign-in), with its
 * audit event — by the actor unless `audit.actor` says otherwise.
 */
export async function changeAccount(
  ctx: ActionContext,
  user: WorkflowUser,
  changes: UserChanges,
  audit: Pick<AuditEvent, 'action'> & Partial<Pick<AuditEvent, 'actor' | 'from' | 'to' | 'detail'>>,
): Promise<WorkflowUser> {
  const updated = await ctx.tx.accounts.updateUser(user.id, changes);
  await ctx.tx.accounts.endSessions(user.id);
  await ctx.tx.appendAudit({ actor: ctx.actor.username, entity: 'user', entityId: user.username, ...audit });
  return updated;
}

export function strongPassword(password: string): void {
  const weak = passwordProblem(password);
  if (weak) throw new WorkflowError('invalid', weak, 'choose a longer password (a passphrase works well)');
}
