/** save-reviewer-details: the registration details of an existing reviewer profile. */
import type { ReviewerDetails } from '../../store/index.js';
import { WorkflowError } from '../errors.js';
import { audit, type WorkflowAction } from './context.js';

export const saveReviewerDetails: WorkflowAction<{ id: string; details: ReviewerDetails }, void> = {
  name: 'reviewer-details',
  async check(ctx, { id }) {
    if (!(await ctx.tx.reviewerExists(id)))
      throw new WorkflowError('not-found', `no reviewer profile "${id}"`);
  },
  async execute(ctx, { id, details }) {
    await ctx.tx.accounts.setReviewerDetails(id, details);
    await audit(ctx, 'reviewer-details', 'reviewer', id, {
      detail: details,
    });
  },
};
