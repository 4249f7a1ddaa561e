import { ConfigError, loadServerConfig } from '../../config/index.js';
import {
  createSender,
  type DeliveryReport,
  deliverPending,
  describeMessage,
  messageOf,
} from '../../notify/index.js';
import {
  NOTIFICATION_STATUSES,
  type NotificationRecord,
  type NotificationStatus,
} from '../../store/index.js';
import { CliError, EXIT_PROBLEMS, openCliStore } from '../shared.js';

interface SendOptions {
  db: string;
  config?: string;
  sender?: string;
  webhookUrl?: string;
  timeout?: string;
  maxAttempts?: string;
  limit: string;
  format: string;
}

function positive(raw: string, flag: string): number {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new CliError(`${flag} must be a whole number of at least 1, not "${raw}"`);
  return n;
}

function format(raw: string): 'text' | 'json' {
  if (raw !== 'text' && raw !== 'json') throw new CliError(`--format must be text or json, not "${raw}"`);
  return raw;
}

function settings(opts: SendOptions) {
  try {
    return loadServerConfig({
      file: opts.config,
      flags: {
        notifySender: opts.sender,
        notifyWebhookUrl: opts.webhookUrl,
        notifyWebhookTimeoutSeconds: opts.timeout,
        notifyMaxAttempts: opts.maxAttempts,
      },
    });
  } catch (err) {
    if (err instanceof ConfigError)
      throw new CliError(err.message, 2, 'fix the setting named above (see README: Notifications)');
    throw err;
  }
}

export function formatReport(r: DeliveryReport): string {
  const lines = [`Sent ${r.sent} notification${r.sent === 1 ? '' : 's'} by ${r.sender}.`];
  for (const e of r.errors) {
    const next = e.retryAt ? `will retry at ${e.retryAt}` : 'gave up (status failed)';
    lines.push(`  #${e.id} attempt ${e.attempts} failed: ${e.error}; ${next}`);
  }
  if (r.left) lines.push(`${r.left} due notification${r.left === 1 ? '' : 's'} left for the next run.`);
  return lines.join('\n');
}

function describeRow(r: NotificationRecord): string {
  const notes = [`created ${r.createdAt}`];
  if (r.attempts) notes.push(`attempts ${r.attempts}`);
  if (r.sentAt) notes.push(`sent ${r.sentAt}`);
  if (r.status === 'pending' && r.nextAttemptAt) notes.push(`next try ${r.nextAttemptAt}`);
  if (r.lastError && r.status !== 'sent') notes.push(`last error: ${r.lastError}`);
  return `${r.status.padEnd(7)} ${describeMessage(messageOf(r))} (${notes.join(', ')})`;
}

export async function runNotifySend(opts: SendOptions) {
  const out = format(opts.format);
  const limit = positive(opts.limit, '--limit');
  const config = settings(opts);
  if (config.notifySender === 'off')
    throw new CliError(
      'no notification sender is configured',
      2,
      'pass --sender log (or webhook with --webhook-url), or set notifySender (README: Notifications)',
    );
  let sender: ReturnType<typeof createSender>;
  try {
    sender = createSender({
      sender: config.notifySender,
      webhookUrl: config.notifyWebhookUrl,
      webhookSecret: config.notifyWebhookSecret,
      webhookTimeoutSeconds: config.notifyWebhookTimeoutSeconds,
      // JSON output is the report alone; the log sender's lines go to stderr then.
      log: out === 'json' ? (line) => console.error(line) : (line) => console.log(line),
    });
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const report = await deliverPending(store, sender, {
      limit,
      maxAttempts: config.notifyMaxAttempts,
    });
    console.log(out === 'json' ? JSON.stringify(report, null, 2) : formatReport(report));
    return report.errors.length ? EXIT_PROBLEMS : 0;
  } finally {
    await store.close();
  }
}

export async function runNotifyList(opts: { db: string; status: string; limit: string; format: string }) {
  const out = format(opts.format);
  const limit = positive(opts.limit, '--limit');
  if (opts.status !== 'all' && !(NOTIFICATION_STATUSES as readonly string[]).includes(opts.status))
    throw new CliError(`--status must be ${NOTIFICATION_STATUSES.join(', ')} or all, not "${opts.status}"`);
  const status = opts.status === 'all' ? undefined : (opts.status as NotificationStatus);
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const outbox = store.outbox();
    const [counts, rows] = [await outbox.counts(), await outbox.list({ status, limit })];
    if (out === 'json') {
      console.log(JSON.stringify({ counts, notifications: rows }, null, 2));
      return;
    }
    console.log(`${counts.pending} pending, ${counts.sent} sent, ${counts.failed} failed`);
    for (const r of rows) console.log(`  ${describeRow(r)}`);
  } finally {
    await store.close();
  }
}
