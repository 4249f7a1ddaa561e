/**
 * Which workflow events are announced, to whom, and with what. A transition adds its outbox row
 * inside its own transaction (see actions/transition.ts), so a notification exists exactly when
 * the state change committed. Review-due notices are added by whoever computes the review
 * queue (`medbrief review-due --notify`, the server's periodic job) through the
 * notify-review-due action, once per answer and due date.
 * Every notice is per person: one outbox row for each account told, naming it (`recipient`),
 * which is what the editor lists as "my notifications" and what a webhook receives.
 * Delivery (webhook, log) is src/notify's job.
 */
import type { NewNotification, NotificationEvent, RecipientQuery, StoreTx } from '../store/index.js';
import { contributorsSinceApproval } from './four-eyes.js';
import type { Action } from './transitions.js';

/** The transitions that notify someone, and the event each one writes. */
export const TRANSITION_EVENTS: Partial<Record<Action, NotificationEvent>> = {
  submit: 'submitted',
  request_changes: 'changes_requested',
  approve: 'approved',
  publish: 'published',
};

/**
 * Who hears of each event: reviewers who may approve it review, the author fixes and hears of
 * the approval and publication, editors publish, the owner and editors re-review.
 */
export function recipientsOf(event: NotificationEvent, author: string | null): RecipientQuery[] {
  const authors = author ? [author] : [];
  switch (event) {
    case 'submitted':
      return [{ roles: ['reviewer'], reviewerProfile: true }];
    case 'approved':
      return [{ usernames: authors }, { roles: ['editor'] }];
    case 'changes_requested':
    case 'published':
      return [{ usernames: authors }];
    case 'review_due':
      return [{ usernames: authors }, { roles: ['editor'] }];
  }
}

/** Resolves the recipients; editors' work falls to admins when a site has no editor account. */
export async function resolveRecipients(
  tx: StoreTx,
  queries: RecipientQuery[],
  exclude: readonly string[],
): Promise<string[]> {
  const all = new Set<string>();
  for (const query of queries) {
    let found = await tx.outbox.recipients({ ...query, exclude });
    if (!found.length && query.roles?.includes('editor'))
      found = await tx.outbox.recipients({ ...query, roles: ['admin'], exclude });
    for (const u of found) all.add(u);
  }
  return [...all].sort();
}

/** One row per person told (or one row naming nobody, so the event is still on record). */
export async function addPerPerson(
  tx: StoreTx,
  recipients: readonly string[],
  n: Omit<NewNotification, 'recipients' | 'recipient'>,
): Promise<number> {
  if (!recipients.length) return (await tx.outbox.add({ ...n, recipients: [] })) === null ? 0 : 1;
  let added = 0;
  for (const recipient of recipients) {
    const id = await tx.outbox.add({
      ...n,
      recipient,
      recipients: [recipient],
      ...(n.dedupeKey ? { dedupeKey: `${n.dedupeKey}:${recipient}` } : {}),
    });
    if (id !== null) added++;
  }
  return added;
}

/** Reviewers who wrote words since the last approval cannot approve them (four eyes): not told. */
async function contributors(tx: StoreTx, answerId: number, revisionId: number): Promise<string[]> {
  const lineage = await tx.revisionLineage(answerId);
  const approved = await tx.approvalsFor(answerId);
  return contributorsSinceApproval(
    revisionId,
    new Map(lineage.map((r) => [r.id, r])),
    new Set(approved.map((a) => a.hash)),
  );
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

/** Adds the outbox rows a transition announces (none for unpublish, archive, comments…). */
export async function notifyTransition(tx: StoreTx, n: TransitionNotice): Promise<number> {
  const event = TRANSITION_EVENTS[n.action];
  if (!event) return 0;
  const exclude = [n.actor];
  if (event === 'submitted' && n.revision)
    exclude.push(...(await contributors(tx, n.answer.id, n.revision.id)));
  const recipients = await resolveRecipients(tx, recipientsOf(event, n.revision?.author ?? null), exclude);
  return addPerPerson(tx, recipients, {
    event,
    answerId: n.answer.id,
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
