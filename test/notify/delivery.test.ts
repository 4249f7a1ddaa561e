/**
 * Delivery over a real outbox (SQLite) to a real local HTTP receiver: the webhook body and its
 * HMAC signature, a 500 and a timeout each leaving the row pending with one more attempt and
 * the error, the last attempt marking it failed, an unreachable receiver; and the log sender.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createSender,
  deliverPending,
  LogSender,
  SIGNATURE_HEADER,
  signBody,
  WebhookSender,
} from '../../src/notify/index.js';
import { type NewNotification, openSqliteStore, type Store } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-notify-'));
let n = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const SECRET = 'a webhook secret of some length';
const NOW = new Date('2030-01-01T00:00:00.000Z');
const now = () => NOW;

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on a free port; `answer` decides each reply (or holds the request unanswered). */
async function receiver(answer: (req: Received, res: ServerResponse) => void) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const r = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      received.push(r);
      answer(r, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/medbrief?token=s3cret`;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url, received, close };
}

const notice = (event: NewNotification['event'], i: number): NewNotification => ({
  event,
  answerId: null,
  recipients: ['rita', 'rob'],
  payload: { condition: 'gout', slug: `answer-${i}`, hash: 'ab'.repeat(32), actor: 'ann' },
});

describe('delivering the outbox', () => {
  let store: Store;
  let stop: (() => Promise<void>) | undefined;

  beforeEach(async () => {
    store = await openSqliteStore(join(dir, `notify-${n++}.db`));
    await store.write('test', async (tx) => {
      await tx.outbox.add(notice('submitted', 1));
      await tx.outbox.add(notice('approved', 2));
    });
  });
  afterEach(async () => {
    await stop?.();
    stop = undefined;
    await store.close();
  });

  const listed = async () => (await store.outbox().list()).reverse();

  it('POSTs each row as JSON, signed with HMAC-SHA256 of the body, and marks it sent', async () => {
    const r = await receiver((_req, res) => res.writeHead(204).end());
    stop = r.close;
    const sender = new WebhookSender({ url: r.url, secret: SECRET, timeoutMs: 5000 });
    const report = await deliverPending(store, sender, { now });
    expect(report).toMatchObject({ sender: 'webhook', sent: 2, retrying: 0, failed: 0, left: 0 });
    expect(r.received).toHaveLength(2);
    const [first] = r.received;
    const body = JSON.parse(first!.body);
    expect(body).toMatchObject({
      event: 'submitted',
      recipients: ['rita', 'rob'],
      data: { condition: 'gout', slug: 'answer-1', actor: 'ann' },
    });
    expect(first!.headers['content-type']).toBe('application/json');
    expect(first!.headers['x-medbrief-event']).toBe('submitted');
    expect(first!.headers['x-medbrief-delivery']).toBe(String(body.id));
    // The receiver's own check: HMAC of the raw body under the shared secret.
    const expected = `sha256=${createHmac('sha256', SECRET).update(first!.body).digest('hex')}`;
    const got = String(first!.headers[SIGNATURE_HEADER]);
    expect(timingSafeEqual(Buffer.from(got), Buffer.from(expected))).toBe(true);
    expect(got).toBe(signBody(first!.body, SECRET));
    expect(got).not.toBe(signBody(first!.body, 'another secret entirely'));
    expect(JSON.parse(r.received[1]!.body).event).toBe('approved');
    const rows = await listed();
    expect(rows.map((x) => [x.status, x.attempts, x.sentAt])).toEqual([
      ['sent', 1, NOW.toISOString()],
      ['sent', 1, NOW.toISOString()],
    ]);
    // Nothing is due any more.
    expect((await deliverPending(store, sender, { now })).sent).toBe(0);
  });

  it('sends no signature header without a secret', async () => {
    const r = await receiver((_req, res) => res.writeHead(200).end('ok'));
    stop = r.close;
    await deliverPending(store, new WebhookSender({ url: r.url }), { now, limit: 1 });
    expect(r.received).toHaveLength(1);
    expect(r.received[0]!.headers[SIGNATURE_HEADER]).toBeUndefined();
  });

  it('a 500 leaves the row pending with one more attempt and the error; the run stops there', async () => {
    const r = await receiver((_req, res) => res.writeHead(500, 'Internal Server Error').end('boom'));
    stop = r.close;
    const report = await deliverPending(store, new WebhookSender({ url: r.url }), { now });
    expect(report).toMatchObject({ sent: 0, retrying: 1, failed: 0, left: 1 });
    expect(r.received).toHaveLength(1);
    const [first, second] = await listed();
    expect(first).toMatchObject({ status: 'pending', attempts: 1, sentAt: null });
    expect(first!.lastError).toMatch(
      /^webhook http:\/\/127\.0\.0\.1:\d+ answered 500 Internal Server Error$/,
    );
    expect(first!.lastError).not.toContain('s3cret');
    expect(first!.nextAttemptAt).toBe('2030-01-01T00:00:30.000Z');
    expect(second).toMatchObject({ status: 'pending', attempts: 0, lastError: null, nextAttemptAt: null });
    // The failed row waits for its back-off; the next run sends the row behind it.
    const later = await deliverPending(store, new WebhookSender({ url: r.url }), { now });
    expect(r.received.map((x) => JSON.parse(x.body).event)).toEqual(['submitted', 'approved']);
    expect(later.retrying).toBe(1);
    expect((await listed()).map((x) => x.attempts)).toEqual([1, 1]);
  });

  it('a receiver that does not answer in time is a failed attempt, not a lost row', async () => {
    const r = await receiver(() => {}); // never answers
    stop = r.close;
    const sender = new WebhookSender({ url: r.url, timeoutMs: 200 });
    const report = await deliverPending(store, sender, { now, limit: 1 });
    expect(report.retrying).toBe(1);
    expect(report.errors[0]!.error).toMatch(/did not answer within 200 ms/);
    const [first] = await listed();
    expect(first).toMatchObject({ status: 'pending', attempts: 1 });
    expect(first!.lastError).toMatch(/did not answer within 200 ms/);
  });

  it('marks a row failed after its last attempt, and reports an unreachable receiver', async () => {
    const r = await receiver((_req, res) => res.writeHead(204).end());
    await r.close(); // the port is now closed
    const sender = new WebhookSender({ url: r.url, timeoutMs: 2000 });
    const clock = { t: NOW.getTime() };
    const later = () => new Date(clock.t);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliverPending(store, sender, { now: later, maxAttempts: 3, limit: 1 });
      expect(report.errors[0]!.error).toMatch(
        /^cannot reach webhook http:\/\/127\.0\.0\.1:\d+: ECONNREFUSED$/,
      );
      expect(report.failed).toBe(attempt === 3 ? 1 : 0);
      clock.t += 3_600_000;
    }
    const [first] = await listed();
    expect(first).toMatchObject({ status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(await store.outbox().counts()).toEqual({ pending: 1, sent: 0, failed: 1 });
  });

  it('two runs at once (two processes on one database) send each row once', async () => {
    const file = join(dir, 'shared.db');
    const a = await openSqliteStore(file);
    const b = await openSqliteStore(file);
    try {
      await a.write('t', async (tx) => {
        for (let i = 1; i <= 6; i++) await tx.outbox.add(notice('published', i));
      });
      const sends: number[] = [];
      const slow = (name: string) => ({
        name,
        send: async (m: { id: number }) => {
          sends.push(m.id);
          await new Promise((r) => setTimeout(r, 10));
        },
      });
      const [ra, rb] = await Promise.all([
        deliverPending(a, slow('a'), { now }),
        deliverPending(b, slow('b'), { now }),
      ]);
      expect(ra.sent + rb.sent).toBe(6);
      expect([...sends].sort((x, y) => x - y)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await a.outbox().counts()).toEqual({ pending: 0, sent: 6, failed: 0 });
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('the log sender writes one line per notification', async () => {
    const lines: string[] = [];
    const report = await deliverPending(store, new LogSender((line) => lines.push(line)), { now });
    expect(report).toMatchObject({ sender: 'log', sent: 2 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^notification #\d+ submitted gout\/answer-1 rev abababababab by ann → rita, rob$/,
    );
    expect(lines[1]).toMatch(/ approved gout\/answer-2 /);
    expect(await store.outbox().counts()).toEqual({ pending: 0, sent: 2, failed: 0 });
  });

  it('refuses a webhook sender without a usable URL or timeout', () => {
    expect(() => createSender({ sender: 'webhook' })).toThrow(/needs a URL: set notifyWebhookUrl/);
    expect(() => new WebhookSender({ url: 'not a url' })).toThrow(/is not a URL/);
    expect(() => new WebhookSender({ url: 'ftp://example.org/x' })).toThrow(/must be http\(s\)/);
    expect(() => new WebhookSender({ url: 'http://127.0.0.1/x', timeoutMs: 0 })).toThrow(/timeout/);
    expect(createSender({ sender: 'log' }).name).toBe('log');
  });
});
