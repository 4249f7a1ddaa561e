/**
 * notify-review-due: one review_due outbox row per answer, due date and person told (the owner
 * and editors, admins when there is no editor). A dedupe key per answer, due date and person
 * makes repeats no-ops, so every run of the review queue (`medbrief review-due --notify`, the
 * server's daily job) may call it; resolves to how many rows were new. It appends no audit row:
 * the outbox row is the record, as for the notices a transition adds.
 */
import { addPerPerson, type ReviewDueNotice, recipientsOf, resolveRecipients } from '../notifications.js';
import type { WorkflowAction } from './context.js';

export interface NotifyReviewDueInput {
  items: readonly ReviewDueNotice[];
}

export const notifyReviewDue: WorkflowAction<NotifyReviewDueInput, number> = {
  name: 'review-due-notify',
  async check() {},
  async execute(ctx, { items }) {
    let added = 0;
    for (const i of items) {
      const recipients = await resolveRecipients(ctx.tx, recipientsOf('review_due', i.owner), []);
      added += await addPerPerson(ctx.tx, recipients, {
        event: 'review_due',
        answerId: i.answerId,
        payload: {
          answerId: i.answerId,
          condition: i.conditionSlug,
          slug: i.slug,
          question: i.question,
          due: i.due,
          status: i.status,
          owner: i.owner,
        },
        dedupeKey: `review_due:${i.answerId}:${i.due}`,
      });
    }
    return added;
  },
};
