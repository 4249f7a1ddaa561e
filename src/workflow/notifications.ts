/**
 * Which workflow events are announced, to whom, and with what. A transition adds its outbox row
 * inside its own transaction (see actions/transition.ts), so a notification exists exactly when
 * the state change committed. Review-due notices are added by whoever computes the review
 * queue (`medbrief review-due`, the server's periodic job), once per answer and due date.
 * Delivery (webhook, log) is src/notify's job.
 */
import type { NotificationEvent, RecipientQuery, Store, StoreTx } from '../store/index.js';
import type { Action } from './transitions.js';

/** The transitions that notify someone, and the event each one writes. */
export const TRANSITION_EVENTS: Partial<Record<Action, NotificationEvent>> = {
  submit: 'submitted',
  request_changes: 'changes_requested',
  approve: 'approved',
  publish: 'published',
};

/** Who hears of each event: reviewers review, the author fixes, editors publish. */
export function recipientsOf(event: NotificationEvent, author: string | null): RecipientQuery {
  const authors = author ? [author] : [];
  switch (event) {
    case 'submitted':
      return { roles: ['reviewer'] };
    case 'approved':
      return { roles: ['editor'] };
    case 'changes_requested':
    case 'published':
      return { usernames: authors };
    case 'review_due':
      return { usernames: authors, roles: ['editor'] };
  }
}

/** Resolves the recipients; editors' work falls to admins when a site has no editor account. */
async function resolve(tx: StoreTx, query: RecipientQuery, actor: string | null): Promise<string[]> {
  const exclude = actor ? [actor] : [];
  const found = await tx.outbox.recipients({ ...query, exclude });
  if (found.length || !query.roles?.includes('editor')) return found;
  return tx.outbox.recipients({ ...query, roles: ['admin'], exclude });
}

export interface TransitionNotice {
  action: Action;
  actor: string;
  answer: { id: number; conditionSlug: string; slug: string };
  revision: { id: number; hash: string; author: string; question: string } | null;
  from: string;
  to: string;
  comment: string;
}

/** Adds the outbox row a transition announces (none for unpublish, archive, comments…). */
export async function notifyTransition(tx: StoreTx, n: TransitionNotice): Promise<number | null> {
  const event = TRANSITION_EVENTS[n.action];
  if (!event) return null;
  const recipients = await resolve(tx, recipientsOf(event, n.revision?.author ?? null), n.actor);
  return tx.outbox.add({
    event,
    answerId: n.answer.id,
    recipients,
    payload: {
      answerId: n.answer.id,
      condition: n.answer.conditionSlug,
      slug: n.answer.slug,
      question: n.revision?.question ?? null,
      revisionId: n.revision?.id ?? null,
      hash: n.revision?.hash ?? null,
      actor: n.actor,
      from: n.from,
      to: n.to,
      ...(n.comment ? { comment: n.comment } : {}),
    },
  });
}

export interface ReviewDueNotice {
  answerId: number;
  conditionSlug: string;
  slug: string;
  question: string;
  due: string;
  status: string;
  owner: string;
}

/**
 * Adds one review_due row per answer and due date (a key makes repeats no-ops, so every run of
 * the queue may call this); resolves to how many rows were new.
 */
export async function notifyReviewDue(
  store: Store,
  items: readonly ReviewDueNotice[],
  now?: () => Date,
): Promise<number> {
  if (!items.length) return 0;
  return store.write(
    'review_due',
    async (tx) => {
      let added = 0;
      for (const i of items) {
        const recipients = await resolve(tx, recipientsOf('review_due', i.owner), null);
        const id = await tx.outbox.add({
          event: 'review_due',
          answerId: i.answerId,
          recipients,
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
        if (id !== null) added++;
      }
      return added;
    },
    { now },
  );
}
