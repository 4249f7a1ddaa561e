/**
 * What a sender is given and must do: deliver one notification or throw. The message is the
 * JSON a webhook receives; the log sender prints it as one line.
 */
import type { NotificationEvent, NotificationRecord } from '../store/index.js';

export interface NotificationMessage {
  /** The outbox row id: the same on every retry, so receivers can drop duplicates. */
  id: number;
  event: NotificationEvent;
  createdAt: string;
  /** The user name of the person this notification is for (null: nobody could be told). */
  recipient: string | null;
  /** The same name as a list (rows from before per-person notifications may name several). */
  recipients: string[];
  /** The answer, revision, actor and event details (see src/workflow/notifications.ts). */
  data: Record<string, unknown>;
}

export interface Sender {
  /** For reports: `log`, `webhook`. */
  readonly name: string;
  /** Resolves when the notification was accepted; throws (with a readable message) when not. */
  send(message: NotificationMessage): Promise<void>;
}

export function messageOf(row: NotificationRecord): NotificationMessage {
  return {
    id: row.id,
    event: row.event,
    createdAt: row.createdAt,
    recipient: row.recipient,
    recipients: row.recipient ? [row.recipient] : row.recipients,
    data: row.payload,
  };
}

/** One line for people: `#12 submitted gout/overview rev 1a2b3c4d5e6f by ann → rita`. */
export function describeMessage(m: NotificationMessage): string {
  const d = m.data;
  const parts = [`#${m.id}`, m.event];
  if (d.condition && d.slug) parts.push(`${d.condition}/${d.slug}`);
  if (typeof d.hash === 'string') parts.push(`rev ${d.hash.slice(0, 12)}`);
  if (d.due) parts.push(`due ${d.due}`);
  if (d.actor) parts.push(`by ${d.actor}`);
  parts.push(`→ ${m.recipients.length ? m.recipients.join(', ') : '(no account to tell)'}`);
  return parts.join(' ');
}
