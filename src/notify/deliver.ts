/**
 * One delivery run over the outbox: pending rows whose next attempt is due, oldest first. Each
 * row is claimed (so two runs at once do not send it together), sent, and marked sent; a failed
 * send records the error, counts the attempt and sets the next one after a growing back-off, or
 * marks the row failed once it has used its attempts. A failure ends the run (the receiver is
 * most likely down; the rows after it wait for the next run). No row is ever deleted, and a run
 * that dies mid-send leaves its row pending, to be retried when its claim runs out.
 */
import type { Store } from '../store/index.js';
import { messageOf, type Sender } from './sender.js';

export interface DeliveryOptions {
  /** Rows to look at in one run (default 100). */
  limit?: number;
  /** Attempts before a row is marked failed (default 8). */
  maxAttempts?: number;
  now?: () => Date;
  /** Wait after the n-th failed attempt (default 30 s doubling per attempt, at most 1 h). */
  backoffMs?: (attempts: number) => number;
  /** How long a claim keeps other runs off a row (default 5 min; longer than a send can take). */
  claimMs?: number;
}

export interface DeliveryReport {
  sender: string;
  sent: number;
  /** Failed this time, tried again later. */
  retrying: number;
  /** Used their last attempt now. */
  failed: number;
  /** Due rows this run did not try (after a failure, or claimed by another run). */
  left: number;
  errors: { id: number; attempts: number; error: string; retryAt: string | null }[];
}

export const DEFAULT_MAX_ATTEMPTS = 8;

export function defaultBackoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function deliverPending(
  store: Store,
  sender: Sender,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const now = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new Error(`max attempts must be a whole number of at least 1, not ${maxAttempts}`);
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const outbox = store.outbox();
  const report: DeliveryReport = {
    sender: sender.name,
    sent: 0,
    retrying: 0,
    failed: 0,
    left: 0,
    errors: [],
  };
  const due = await outbox.due(now().toISOString(), options.limit ?? 100);
  for (const [i, row] of due.entries()) {
    const start = now();
    const claimed = await outbox.claim(
      row.id,
      start.toISOString(),
      new Date(start.getTime() + (options.claimMs ?? 300_000)).toISOString(),
    );
    if (!claimed) {
      report.left++;
      continue;
    }
    try {
      await sender.send(messageOf(row));
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const attempts = row.attempts + 1;
      const retryAt =
        attempts >= maxAttempts ? null : new Date(now().getTime() + backoff(attempts)).toISOString();
      await outbox.markAttemptFailed(row.id, error, retryAt);
      if (retryAt === null) report.failed++;
      else report.retrying++;
      report.errors.push({ id: row.id, attempts, error, retryAt });
      report.left += due.length - i - 1;
      break;
    }
    await outbox.markSent(row.id, now().toISOString());
    report.sent++;
  }
  return report;
}
