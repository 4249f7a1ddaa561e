/**
 * The notification outbox (table `notifications`). Workflow actions add rows inside their own
 * write transaction (`tx.outbox.add`), so a notification exists exactly when its state change
 * committed; a delivery run (src/notify) later reads pending rows in id order, claims each one,
 * and marks it sent, or records the error and when to try again, or gives up (failed) after
 * the last allowed attempt. Rows are never deleted by delivery.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Database, NotificationsTable } from './db.js';
import { TxPart } from './tx-part.js';
import type { Role } from './types.js';

export const NOTIFICATION_EVENTS = [
  'submitted',
  'changes_requested',
  'approved',
  'published',
  'review_due',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

export interface NewNotification {
  event: NotificationEvent;
  answerId: number | null;
  /** The one account this row is for (null: an event nobody could be told of). */
  recipient?: string | null;
  /** User names; see OutboxTx.recipients. With `recipient`, just that name. */
  recipients: string[];
  payload: Record<string, unknown>;
  /** Rows with the same key are one notification: adding it again adds nothing. */
  dedupeKey?: string;
}

export interface NotificationRecord {
  id: number;
  event: NotificationEvent;
  answerId: number | null;
  /** The account this row is for; null on rows for nobody and on rows from before migration 011. */
  recipient: string | null;
  recipients: string[];
  payload: Record<string, unknown>;
  createdAt: string;
  status: NotificationStatus;
  attempts: number;
  sentAt: string | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  dedupeKey: string | null;
  readAt: string | null;
}

/**
 * Who to tell: active accounts with one of `roles`, or named in `usernames`, minus `exclude`.
 * With `reviewerProfile`, reviewers count only when they have a reviewer profile (who may approve).
 */
export interface RecipientQuery {
  roles?: readonly Role[];
  reviewerProfile?: boolean;
  usernames?: readonly string[];
  exclude?: readonly string[];
}

/** The outbox as a write transaction sees it (StoreTx.outbox). */
export interface OutboxTx {
  /** Adds a pending row; resolves to its id, or null when a row with its dedupe key exists. */
  add(n: NewNotification): Promise<number | null>;
  /** Active user names matching the query, sorted. */
  recipients(q: RecipientQuery): Promise<string[]>;
}

export function toRecord(r: Selectable<NotificationsTable>): NotificationRecord {
  return {
    id: r.id,
    event: r.event as NotificationEvent,
    answerId: r.answer_id,
    recipient: r.recipient,
    recipients: JSON.parse(r.recipients) as string[],
    payload: JSON.parse(r.payload) as Record<string, unknown>,
    createdAt: r.created_at,
    status: r.status as NotificationStatus,
    attempts: Number(r.attempts),
    sentAt: r.sent_at,
    lastError: r.last_error,
    nextAttemptAt: r.next_attempt_at,
    dedupeKey: r.dedupe_key,
    readAt: r.read_at,
  };
}

export class KyselyOutboxTx extends TxPart implements OutboxTx {
  async add(n: NewNotification): Promise<number | null> {
    const row = await this.trx
      .insertInto('notifications')
      .values({
        event: n.event,
        answer_id: n.answerId,
        recipient: n.recipient ?? null,
        recipients: JSON.stringify(n.recipient ? [n.recipient] : n.recipients),
        payload: JSON.stringify(n.payload),
        created_at: this.at,
        status: 'pending',
        dedupe_key: n.dedupeKey ?? null,
      })
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .returning('id')
      .executeTakeFirst();
    return row ? row.id : null;
  }

  async recipients(q: RecipientQuery): Promise<string[]> {
    const roles = [...(q.roles ?? [])];
    const names = [...(q.usernames ?? [])];
    if (!roles.length && !names.length) return [];
    const rows = await this.trx
      .selectFrom('users')
      .select('username')
      .where('disabled', '=', 0)
      .where((eb) =>
        eb.or([
          ...(roles.length
            ? [
                q.reviewerProfile
                  ? eb.and([
                      eb('role', 'in', roles),
                      eb.or([eb('role', '!=', 'reviewer'), eb('reviewer_id', 'is not', null)]),
                    ])
                  : eb('role', 'in', roles),
              ]
            : []),
          ...(names.length ? [eb('username', 'in', names)] : []),
        ]),
      )
      .orderBy('username')
      .execute();
    const exclude = new Set(q.exclude ?? []);
    return rows.map((r) => r.username).filter((u) => !exclude.has(u));
  }
}

export interface OutboxListOptions {
  status?: NotificationStatus;
  limit?: number;
}

/** The outbox outside a workflow transaction: what delivery runs and the CLI use (Store.outbox). */
export class OutboxStore {
  constructor(private readonly db: Kysely<Database>) {}

  /** Pending rows whose next attempt is due at `now`, oldest first. */
  async due(now: string, limit: number): Promise<NotificationRecord[]> {
    const rows = await this.db
      .selectFrom('notifications')
      .selectAll()
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map(toRecord);
  }

  /**
   * Claims a due row for one delivery attempt by moving its next attempt to `until`; false when
   * another process claimed it first (or it is no longer pending), so two delivery runs at once
   * do not send the same row together.
   */
  async claim(id: number, now: string, until: string): Promise<boolean> {
    const res = await this.db
      .updateTable('notifications')
      .set({ next_attempt_at: until })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now)]))
      .executeTakeFirst();
    return Number(res.numUpdatedRows) === 1;
  }

  async markSent(id: number, at: string): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set((eb) => ({
        status: 'sent',
        sent_at: at,
        attempts: eb('attempts', '+', 1),
        next_attempt_at: null,
      }))
      .where('id', '=', id)
      .execute();
  }

  /** Records a failed attempt: the row stays pending until `retryAt`, or is failed when null. */
  async markAttemptFailed(id: number, error: string, retryAt: string | null): Promise<void> {
    await this.db
      .updateTable('notifications')
      .set((eb) => ({
        status: retryAt === null ? 'failed' : 'pending',
        attempts: eb('attempts', '+', 1),
        last_error: error.slice(0, 1000),
        next_attempt_at: retryAt,
      }))
      .where('id', '=', id)
      .execute();
  }

  /**
   * A person marks their notifications up to `upToId` read in the editor (delivery state is
   * untouched); resolves to how many were unread. See ./inbox.ts.
   */
  async markRead(username: string, upToId: number, at: string): Promise<number> {
    const res = await this.db
      .updateTable('notifications')
      .set({ read_at: at })
      .where('recipient', '=', username)
      .where('read_at', 'is', null)
      .where('id', '<=', upToId)
      .executeTakeFirst();
    return Number(res.numUpdatedRows);
  }

  async list(options: OutboxListOptions = {}): Promise<NotificationRecord[]> {
    let q = this.db.selectFrom('notifications').selectAll().orderBy('id', 'desc');
    if (options.status) q = q.where('status', '=', options.status);
    const rows = await q.limit(options.limit ?? 50).execute();
    return rows.map(toRecord);
  }

  async counts(): Promise<Record<NotificationStatus, number>> {
    const rows = await this.db
      .selectFrom('notifications')
      .select((eb) => ['status', eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .execute();
    const out: Record<NotificationStatus, number> = { pending: 0, sent: 0, failed: 0 };
    for (const r of rows) if (r.status in out) out[r.status as NotificationStatus] = Number(r.n);
    return out;
  }
}
