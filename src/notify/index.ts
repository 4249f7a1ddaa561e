/**
 * Notification delivery: senders (log, webhook) and the delivery run over the store's outbox.
 * Rows are written by workflow transitions (src/workflow/notifications.ts); this module only
 * reads them and records how sending went. Used by `medbrief notify` and the server.
 */
import { LogSender } from './log-sender.js';
import type { NotificationMessage, Sender } from './sender.js';
import { WebhookSender } from './webhook-sender.js';

export * from './deliver.js';
export * from './job.js';
export { LogSender } from './log-sender.js';
export * from './sender.js';
export { SIGNATURE_HEADER, signBody, type WebhookOptions, WebhookSender } from './webhook-sender.js';

export const SENDERS = ['log', 'webhook'] as const;
export type SenderName = (typeof SENDERS)[number];

export interface SenderSettings {
  sender: SenderName;
  webhookUrl?: string;
  webhookSecret?: string;
  webhookTimeoutSeconds?: number;
  /** Where the log sender writes (default stdout). */
  log?: (line: string, message: NotificationMessage) => void;
}

/** The sender the settings name; a webhook without a URL is refused with what to set. */
export function createSender(s: SenderSettings): Sender {
  if (s.sender === 'log') return new LogSender(s.log);
  if (s.sender === 'webhook') {
    if (!s.webhookUrl)
      throw new Error(
        'the webhook sender needs a URL: set notifyWebhookUrl (or MEDBRIEF_NOTIFY_WEBHOOK_URL)',
      );
    return new WebhookSender({
      url: s.webhookUrl,
      secret: s.webhookSecret,
      timeoutMs: (s.webhookTimeoutSeconds ?? 10) * 1000,
    });
  }
  throw new Error(`unknown notification sender "${String(s.sender)}"; use ${SENDERS.join(' or ')}`);
}
