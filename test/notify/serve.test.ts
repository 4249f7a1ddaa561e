/**
 * `medbrief serve` with notifySender=log delivers the outbox on start (adding the day's review_due
 * notices first) and logs each notification.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { importBundle } from '../../src/workflow/index.js';
import { startCli } from '../helpers/cli.js';
import { bundle } from '../store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-notify-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('delivers pending notifications through the log sender, then marks them sent', async () => {
  const db = join(dir, 'serve.db');
  const store = await openSqliteStore(db);
  await importBundle(store, bundle(), { actor: 'test' });
  await store.write('t', async (tx) => {
    await tx.outbox.add({
      event: 'published',
      answerId: null,
      recipients: ['ann'],
      payload: { condition: 'asthma', slug: 'overview', actor: 'ed' },
    });
  });
  await store.close();
  const s = startCli(
    ['serve', '--db', db, '--port', '0'],
    /notification #1 published asthma\/overview by ed → ann/,
    {
      MEDBRIEF_NOTIFY_SENDER: 'log',
      MEDBRIEF_CONFIG: '',
      DATABASE_URL: '',
    },
  );
  try {
    await s.started;
  } finally {
    await s.stop();
  }
  // The log line is the server's JSON log, with the notification's id and event.
  const line = s
    .output()
    .split('\n')
    .find((l) => l.includes('notification #1'))!;
  expect(JSON.parse(line)).toMatchObject({ notification: 1, event: 'published', to: ['ann'] });
  const after = await openSqliteStore(db);
  try {
    // Shutting down waits for the run in progress: row #1 and the review_due notices the
    // server added at start (the bundle's answers fall due within 30 days of their creation) are sent.
    const rows = await after.outbox().list();
    expect(rows.find((r) => r.id === 1)).toMatchObject({ status: 'sent', attempts: 1 });
    const others = rows.filter((r) => r.id !== 1);
    expect(others.length).toBeGreaterThan(0);
    expect(new Set(others.map((r) => `${r.event} ${r.status}`))).toEqual(new Set(['review_due sent']));
  } finally {
    await after.close();
  }
}, 60_000);
