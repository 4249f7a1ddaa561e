/**
 * publish-scheduled: the due job claims a schedule and publishes its revision, in one
 * transaction and as the person who scheduled it (ctx.actor), through the `publish` action with
 * all its rules (its check runs first). Removing the schedule row is the claim: of two
 * processes, one publishes and the other finds nothing (false). When publishing is refused,
 * schedule-failed claims the row instead, recording why.
 */
import type { ScheduledPublication } from '../../store/index.js';
import { audit, type WorkflowAction } from './context.js';
import { publish } from './publish.js';
import type { TransitionInput } from './transition.js';

const publishing = (s: ScheduledPublication): TransitionInput => ({
  answerId: s.answerId,
  revisionId: s.revisionId,
  comment: `scheduled for ${s.publishAt}`,
});

export const publishScheduled: WorkflowAction<ScheduledPublication, boolean> = {
  name: 'publish',
  check(ctx, s) {
    return publish.check(ctx, publishing(s));
  },
  async execute(ctx, s) {
    if (!(await ctx.tx.publications.claim(s.answerId, s.publishAt))) return false;
    await publish.execute(ctx, publishing(s));
    return true;
  },
};

export const scheduleFailed: WorkflowAction<ScheduledPublication & { reason: string }, boolean> = {
  name: 'schedule-failed',
  async check() {},
  async execute(ctx, s) {
    if (!(await ctx.tx.publications.claim(s.answerId, s.publishAt))) return false;
    await audit(ctx, 'schedule-failed', 'answer', s.answerId, {
      detail: {
        revisionId: s.revisionId,
        publishAt: s.publishAt,
        scheduledBy: s.createdBy,
        reason: s.reason,
      },
    });
    return true;
  },
};
