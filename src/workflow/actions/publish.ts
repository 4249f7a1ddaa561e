/**
 * publish: the approved revision becomes the public one. Two rules besides the table: the
 * current revision must carry an approval bound to its content hash, and the linter must
 * report no errors in it (for every caller: editor, CLI, scripts).
 */
import { boundApproval } from '../../content/index.js';
import { WorkflowError } from '../errors.js';
import { type ActionContext, today } from './context.js';
import { type Checked, transitionAction } from './transition.js';

async function lintGate(ctx: ActionContext, { current }: Checked) {
  if (!current) return;
  const messages = ctx.lint(current.answer, { reviewers: await ctx.tx.reviewerIds(), today: today(ctx) });
  const n = messages.filter((m) => m.severity === 'error').length;
  if (n > 0) {
    throw new WorkflowError(
      'lint-errors',
      `cannot publish: the linter reports ${n} error${n === 1 ? '' : 's'} in this revision`,
      'fix them in a new revision (which then needs review again), or ask the team to adjust the rule',
    );
  }
}

export const publish = transitionAction({
  action: 'publish',
  async rule(ctx, _input, checked) {
    await lintGate(ctx, checked);
    if (!boundApproval(await ctx.tx.approvalsFor(checked.row.id), checked.current?.hash ?? '')) {
      throw new WorkflowError(
        'wrong-state',
        'the current revision has no approval bound to its content hash',
      );
    }
  },
  published: ({ row }) => row.currentRevisionId,
});
