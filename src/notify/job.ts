/**
 * The server's notification job: every interval, one delivery run over the outbox; once per UTC
 * day (and at start), review_due notices for the review queue (answers overdue or due within the
 * window; repeats add nothing). Runs never overlap within a process; across processes the
 * outbox's claims and dedupe keys keep each notice single.
 */
import type { Store } from '../store/index.js';
import { workflowRepo } from '../workflow/index.js';
import { type DeliveryReport, deliverPending } from './deliver.js';
import type { Sender } from './sender.js';

export interface NotificationJobOptions {
  store: Store;
  sender: Sender;
  intervalSeconds: number;
  maxAttempts?: number;
  /** How far ahead a review counts as due (default 30 days, as `medbrief review-due`). */
  reviewWindowDays?: number;
  now?: () => Date;
  /** Told of every run that sent, failed or added something, and of errors. */
  onRun?: (r: { report: DeliveryReport; reviewDueAdded: number }) => void;
  onError?: (err: unknown) => void;
}

export interface NotificationJob {
  /** One run now (what the timer calls); resolves when it is done. */
  tick(): Promise<void>;
  /** No more runs; resolves when the one in progress (if any) has finished. */
  stop(): Promise<void>;
}

export function startNotificationJob(o: NotificationJobOptions): NotificationJob {
  const now = o.now ?? (() => new Date());
  let lastReviewDay = '';
  let running: Promise<void> | null = null;
  const run = async () => {
    let reviewDueAdded = 0;
    const today = now().toISOString().slice(0, 10);
    if (today !== lastReviewDay) {
      const repo = workflowRepo(o.store, { now });
      const items = await repo.reviewDue({ withinDays: o.reviewWindowDays ?? 30 });
      reviewDueAdded = await repo.notifyReviewDue(items);
      lastReviewDay = today;
    }
    const report = await deliverPending(o.store, o.sender, { now, maxAttempts: o.maxAttempts });
    if (report.sent || report.errors.length || reviewDueAdded) o.onRun?.({ report, reviewDueAdded });
  };
  const tick = () => {
    running ??= run()
      .catch((err: unknown) => o.onError?.(err))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), o.intervalSeconds * 1000);
  timer.unref();
  return {
    tick,
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
