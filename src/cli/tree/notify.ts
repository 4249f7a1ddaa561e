/** `medbrief notify send|list`: arguments, options and help; the implementation is ../commands/notify.ts, loaded when one runs. */

import type { Command } from 'commander';
import { NOTIFICATION_STATUSES } from '../../store/index.js';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/notify.js');

export function register(program: Command): void {
  const notify = program.command('notify').description('the notification outbox: deliver and list');
  notify
    .command('send')
    .description('deliver pending notifications once (log or webhook, as configured)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--config <file>', 'settings file, JSON or YAML (default: $MEDBRIEF_CONFIG)')
    .option('--sender <sender>', 'log or webhook (default: the notifySender setting)')
    .option('--webhook-url <url>', 'where the webhook sender POSTs (default: notifyWebhookUrl)')
    .option('--timeout <seconds>', 'webhook timeout (default: notifyWebhookTimeoutSeconds, 10)')
    .option('--max-attempts <n>', 'attempts before a notification is failed (default: notifyMaxAttempts, 8)')
    .option('--limit <n>', 'at most this many notifications in this run', '100')
    .option('--format <format>', 'text or json', 'text')
    .action(lazyAction(load, (m) => m.runNotifySend));
  notify
    .command('list')
    .description('the latest notifications and their delivery state')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--status <status>', `${NOTIFICATION_STATUSES.join(', ')} or all`, 'all')
    .option('--limit <n>', 'at most this many, newest first', '50')
    .option('--format <format>', 'text or json', 'text')
    .action(lazyAction(load, (m) => m.runNotifyList));
}
