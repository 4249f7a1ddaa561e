/**
 * stagger-reviews: published answers with no bound approval and no schedule get a first-review
 * date, spread evenly over one interval from `start` (default today), in answer order. Run
 * after a bulk import so a team is not handed every review on one day.
 */
import type { WorkflowAction } from './context.js';
import { today } from './context.js';

export interface StaggerInput {
  start?: string;
  intervalMonths?: number;
  owner?: string;
}

export const staggerReviews: WorkflowAction<StaggerInput, number> = {
  name: 'stagger-reviews',
  async check() {},
  async execute(ctx, input) {
    const todo = await ctx.tx.unscheduledPublished();
    const dates = ctx.policy.stagger(todo.length, input.start ?? today(ctx), input.intervalMonths);
    for (const [i, answerId] of todo.entries())
      await ctx.tx.setSchedule(answerId, dates[i]!, input.owner ?? null);
    if (todo.length) {
      await ctx.tx.appendAudit({
        actor: input.owner ?? 'system',
        action: 'stagger-reviews',
        entity: 'review_schedule',
        entityId: String(todo.length),
        detail: { count: todo.length, first: dates[0], last: dates[dates.length - 1] },
      });
    }
    return todo.length;
  },
};
