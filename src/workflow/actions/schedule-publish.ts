/**
 * schedule-publish: "publish revision #12 at 09:00". Only an approved answer, only the revision
 * that is current (so the one approved), only a time still to come; a new schedule replaces the
 * answer's earlier one. The due job publishes it later (publish-scheduled).
 */
import type { ScheduledPublication } from '../../store/index.js';
import { WorkflowError } from '../errors.js';
import { audit, type WorkflowAction } from './context.js';

export interface ScheduleInput {
  answerId: number;
  revisionId: number;
  publishAt: Date;
}

const minute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export const schedulePublish: WorkflowAction<ScheduleInput, ScheduledPublication> = {
  name: 'schedule-publish',
  async check(ctx, input) {
    if (input.publishAt.getTime() <= ctx.now.getTime()) {
      throw new WorkflowError(
        'invalid',
        `the time ${minute(input.publishAt)} is in the past (it is now ${minute(ctx.now)})`,
        'choose a later time, or publish now',
      );
    }
    const a = await ctx.tx.lockAnswer(input.answerId);
    if (!a) throw new WorkflowError('not-found', `no answer ${input.answerId}`);
    if (a.state !== 'approved') {
      throw new WorkflowError(
        'invalid',
        `only an approved answer can be scheduled; this one is ${a.state.replace('_', ' ')}`,
      );
    }
    if (a.currentRevisionId !== input.revisionId) {
      throw new WorkflowError(
        'stale-revision',
        `revision #${input.revisionId} is no longer the approved one`,
        'reload the page',
      );
    }
  },
  async execute(ctx, input) {
    const scheduled = {
      answerId: input.answerId,
      revisionId: input.revisionId,
      publishAt: input.publishAt.toISOString(),
      createdBy: ctx.actor.username,
    };
    await ctx.tx.publications.set(scheduled);
    await audit(ctx, 'schedule-publish', 'answer', input.answerId, {
      detail: { revisionId: input.revisionId, publishAt: scheduled.publishAt },
    });
    return scheduled;
  },
};
