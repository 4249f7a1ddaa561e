/**
 * approve: a reviewer approves the exact revision they read. The approval is bound to its
 * content hash, names the reviewer profile shown on pages, obeys four-eyes (nobody approves
 * their own words), sets the next review by the policy, and replaces any staggered first-review
 * date.
 */
import { WorkflowError } from '../errors.js';
import { checkFourEyes, contributorsSinceApproval } from '../four-eyes.js';
import { type ActionContext, today } from './context.js';
import { type Checked, type TransitionInput, transitionAction } from './transition.js';

async function fourEyes(ctx: ActionContext, { row, current }: Checked) {
  const lineage = await ctx.tx.revisionLineage(row.id);
  const approved = await ctx.tx.approvalsFor(row.id);
  const contributors = contributorsSinceApproval(
    current!.id,
    new Map(lineage.map((r) => [r.id, r])),
    new Set(approved.map((a) => a.hash)),
  );
  const verdict = checkFourEyes(ctx.actor.username, contributors);
  if (!verdict.ok) throw new WorkflowError('four-eyes', verdict.message);
}

export const approve = transitionAction({
  action: 'approve',
  commentKind: 'approve',
  async rule(ctx, input: TransitionInput, checked) {
    if (input.revisionId === undefined) {
      throw new WorkflowError(
        'invalid',
        'an approval must name the revision that was reviewed',
        'send revisionId',
      );
    }
    if (!ctx.actor.reviewerId) {
      throw new WorkflowError(
        'forbidden',
        'your account is not linked to a reviewer profile, so approvals cannot show who reviewed',
        'ask an admin: `medbrief user role <you> reviewer --credentials "…"`',
      );
    }
    await fourEyes(ctx, checked);
  },
  async apply(ctx, _input, { row, current }) {
    const reviewed = today(ctx);
    const nextReview = ctx.policy.nextReview(reviewed, row.conditionIntervalMonths);
    await ctx.tx.insertApproval({
      answerId: row.id,
      revisionId: current!.id,
      hash: current!.hash,
      reviewerId: ctx.actor.reviewerId!,
      reviewed,
      nextReview,
    });
    await ctx.tx.clearSchedule(row.id);
    return { reviewer: ctx.actor.reviewerId, reviewed, nextReview };
  },
});
