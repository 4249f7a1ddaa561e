/** save-reviewer-profile: creates or updates the public profile (name, credentials) a reviewer signs with. */
import type { Reviewer } from '../../content/index.js';
import { audit, type WorkflowAction } from './context.js';

/** A reviewer profile as the content model defines it (`Reviewer`); `demo` defaults to false. */
export type ReviewerProfileInput = Omit<Reviewer, 'demo'> & { demo?: boolean };

export const saveReviewerProfile: WorkflowAction<ReviewerProfileInput, void> = {
  name: 'reviewer-update',
  async check() {},
  async execute(ctx, profile) {
    const outcome = await ctx.tx.upsertReviewer({ ...profile, demo: profile.demo ?? false });
    await audit(ctx, outcome === 'added' ? 'reviewer-add' : 'reviewer-update', 'reviewer', profile.id, {
      detail: { name: profile.name, credentials: profile.credentials },
    });
  },
};
