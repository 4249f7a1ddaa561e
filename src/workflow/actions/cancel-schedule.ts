/** cancel-schedule: the answer's scheduled publication is dropped; false when it had none. */
import { audit, type WorkflowAction } from './context.js';

export const cancelSchedule: WorkflowAction<{ answerId: number }, boolean> = {
  name: 'schedule-cancel',
  async check() {},
  async execute(ctx, { answerId }) {
    if (!(await ctx.tx.publications.clear(answerId))) return false;
    await audit(ctx, 'schedule-cancel', 'answer', answerId);
    return true;
  },
};
