/**
 * decide-gap: an editor's decision on a group of unanswered questions in the gap queue (one
 * focus and aspect): `drafted` (a draft answer was started for it), `not_in_scope` (with the
 * reason) or `merged` into another group. The decision replaces the group's earlier one and is
 * audited (entity `gap`, id `focus|aspect`) in the same transaction.
 */
import type { GapDecision } from '../../store/index.js';
import { WorkflowError } from '../errors.js';
import { audit, type WorkflowAction } from './context.js';

/** What an editor decides; who decided is the action's actor. */
export type GapDecisionInput = Omit<GapDecision, 'decidedAt' | 'actor'>;

const refuse = (message: string, hint: string) => new WorkflowError('invalid', message, hint);

export const decideGap: WorkflowAction<GapDecisionInput, void> = {
  name: 'gap-decide',
  async check(_ctx, d) {
    if (!d.focus || !d.aspect) throw refuse('the decision names no group', 'choose a group in the gap queue');
    if (d.status === 'not_in_scope' && !d.reason?.trim()) {
      throw refuse('a group marked not in scope needs a reason', 'say why the questions are out of scope');
    }
    if (d.status === 'merged') {
      if (!d.targetFocus || !d.targetAspect)
        throw refuse('a merge needs a target group', 'choose the group to merge into');
      if (d.targetFocus === d.focus && d.targetAspect === d.aspect) {
        throw refuse('a group cannot be merged into itself', 'choose another group');
      }
    }
    if (d.status === 'drafted' && d.answerId === null) {
      throw refuse('a drafted group needs the draft answer', 'start the draft from the gap queue');
    }
  },
  async execute(ctx, d) {
    await ctx.tx.gaps.decide({ ...d, actor: ctx.actor.username });
    await audit(ctx, 'gap-decide', 'gap', `${d.focus}|${d.aspect}`, {
      to: d.status,
      detail: {
        reason: d.reason,
        target: d.targetFocus && d.targetAspect ? `${d.targetFocus}|${d.targetAspect}` : null,
        answerId: d.answerId,
      },
    });
  },
};
