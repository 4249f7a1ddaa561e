/**
 * The server's notification job: a run delivers the outbox and, once per day, adds review_due
 * notices for the queue; runs never overlap; stop waits for the run in progress.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import {
  LogSender,
  type NotificationMessage,
  type Sender,
  startNotificationJob,
} from '../../src/notify/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { importBundle } from '../../src/workflow/index.js';
import { bundle } from '../store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-notify-job-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('delivers, adds review-due notices once a day, and does not overlap runs', async () => {
  const store = await openSqliteStore(join(dir, 'job.db'));
  try {
    await importBundle(store, bundle(), { actor: 'test' });
    const clock = { t: Date.parse('2027-04-01T08:00:00Z') };
    const now = () => new Date(clock.t);
    const lines: string[] = [];
    const runs: { sent: number; reviewDueAdded: number }[] = [];
    const job = startNotificationJob({
      store,
      sender: new LogSender((line) => lines.push(line)),
      intervalSeconds: 3600,
      now,
      onRun: ({ report, reviewDueAdded }) => runs.push({ sent: report.sent, reviewDueAdded }),
      onError: (err) => {
        throw err;
      },
    });
    await job.tick();
    // The bundle's reviewed "causes" answer is due 2027-04-07, within 30 days.
    expect(lines.some((l) => / review_due sacral-agenesis\/causes due 2027-04-07 /.test(l))).toBe(true);
    const first = runs[0]!;
    expect(first.reviewDueAdded).toBeGreaterThan(0);
    expect(first.sent).toBe(first.reviewDueAdded);
    // Later the same day: nothing new; the next day: the queue is looked at again, but each
    // answer and due date is notified once.
    clock.t += 3_600_000;
    await job.tick();
    clock.t += 86_400_000;
    await job.tick();
    expect(runs).toHaveLength(1);
    expect(await store.outbox().counts()).toEqual({ pending: 0, sent: first.sent, failed: 0 });
    await job.stop();

    // Two ticks at once share one run: a slow sender sees each row once.
    await store.write('t', async (tx) => {
      await tx.outbox.add({ event: 'published', answerId: null, recipients: [], payload: {} });
    });
    let release: () => void = () => {};
    const seen: NotificationMessage[] = [];
    const slow: Sender = {
      name: 'slow',
      send: (m) =>
        new Promise<void>((resolve) => {
          seen.push(m);
          release = resolve;
        }),
    };
    const job2 = startNotificationJob({ store, sender: slow, intervalSeconds: 3600, now });
    const a = job2.tick();
    const b = job2.tick();
    expect(b).toBe(a);
    while (!seen.length) await new Promise((r) => setTimeout(r, 5));
    const stopped = job2.stop();
    release();
    await stopped;
    await a;
    expect(seen.map((m) => m.event)).toEqual(['published']);
  } finally {
    await store.close();
  }
});
