/**
 * login / login-failed / logout: the sign-in audit. Sessions and login attempts are the store's
 * AccountStore (they are not the audit log); the audit row of each sign-in, failed sign-in
 * (wrong password, unknown or inactive account, throttled) and sign-out is appended here, through
 * StoreTx like every other audit row. The actor of a failed sign-in is 'anonymous'; the row
 * names the user name that was tried. These actions refuse nothing: they record what happened.
 */
import type { WorkflowAction } from './context.js';

export interface SignInAuditInput {
  /** The account signed in or out, or the user name a failed attempt tried. */
  username: string;
  /** What the row keeps besides: the client address, and why a failure failed. */
  detail?: unknown;
}

function signInAudit(name: 'login' | 'login-failed' | 'logout'): WorkflowAction<SignInAuditInput, void> {
  return {
    name,
    async check() {},
    async execute(ctx, input) {
      await ctx.tx.appendAudit({
        actor: name === 'login-failed' ? 'anonymous' : ctx.actor.username,
        action: name,
        entity: 'user',
        entityId: input.username,
        detail: input.detail,
      });
    },
  };
}

export const login = signInAudit('login');
export const loginFailed = signInAudit('login-failed');
export const logout = signInAudit('logout');
