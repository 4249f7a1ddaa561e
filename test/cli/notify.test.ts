/**
 * `medbrief notify send` and `notify list` as a user runs them, with options other than the
 * defaults: a webhook URL and timeout on the command line, the secret from a settings file,
 * `--max-attempts`, `--status`, `--limit`, JSON output; and `review-due --notify`.
 */
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { importBundle, workflowRepo } from '../../src/workflow/index.js';
import { runCliAsync } from '../helpers/cli.js';
import { bundle, treatmentDraft } from '../store/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-notify-cli-'));
const db = join(dir, 'notify.db');
const SECRET = 'the receiver and MedBrief share this';
const config = join(dir, 'medbrief.yaml');

let status = 204;
const received: { body: string; signature: string | undefined }[] = [];
const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const sig = req.headers['x-medbrief-signature'];
    received.push({ body: Buffer.concat(chunks).toString('utf8'), signature: sig as string | undefined });
    res.writeHead(status).end();
  });
});
let url = '';

const medbrief = (args: string[], env: Record<string, string> = {}) =>
  runCliAsync([...args, '--db', db], { MEDBRIEF_CONFIG: '', DATABASE_URL: '', ...env });

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  writeFileSync(config, `notifyWebhookSecret: ${SECRET}\n`);
  const store = await openSqliteStore(db);
  try {
    await importBundle(store, bundle(), { actor: 'test' });
    const repo = workflowRepo(store);
    const ann = await repo.createUser(
      { username: 'ann', name: 'Ann', role: 'author', password: 'correct horse ann' },
      't',
    );
    await repo.createUser(
      {
        username: 'rita',
        name: 'Rita',
        role: 'reviewer',
        password: 'correct horse rita',
        reviewerId: 'demo-paed',
      },
      't',
    );
    for (const aspect of ['treatment', 'outlook'] as const) {
      const { id } = await repo.createAnswer(
        { ...treatmentDraft(), aspect, question: `About ${aspect}?` },
        ann,
      );
      await repo.transition(id, ann, { action: 'submit' });
    }
  } finally {
    await store.close();
  }
}, 60_000);

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('medbrief notify', () => {
  it('lists pending notifications, newest first, as JSON', async () => {
    const r = await medbrief(['notify', 'list', '--status', 'pending', '--limit', '1', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.counts).toEqual({ pending: 2, sent: 0, failed: 0 });
    expect(out.notifications).toHaveLength(1);
    expect(out.notifications[0]).toMatchObject({
      event: 'submitted',
      recipients: ['rita'],
      payload: { slug: 'outlook', actor: 'ann' },
    });
  }, 60_000);

  it('refuses bad options with a clear message and sends nothing', async () => {
    const noSender = await medbrief(['notify', 'send']);
    expect(noSender.code).toBe(2);
    expect(noSender.stderr).toMatch(/no notification sender is configured/);
    const pigeon = await medbrief(['notify', 'send', '--sender', 'pigeon']);
    expect(pigeon.code).toBe(2);
    expect(pigeon.stderr).toMatch(/--notify-sender: Invalid option: expected one of "off"\|"log"\|"webhook"/);
    const limit = await medbrief(['notify', 'send', '--sender', 'log', '--limit', '0']);
    expect(limit.stderr).toMatch(/--limit must be a whole number of at least 1, not "0"/);
    const st = await medbrief(['notify', 'list', '--status', 'lost']);
    expect(st.code).toBe(2);
    expect(st.stderr).toMatch(/--status must be pending, sent, failed or all, not "lost"/);
    expect(received).toEqual([]);
  }, 60_000);

  it('a 500 with --max-attempts 1 fails the row at once and exits 1', async () => {
    status = 500;
    const r = await medbrief([
      'notify',
      'send',
      '--sender',
      'webhook',
      '--webhook-url',
      url,
      '--max-attempts',
      '1',
      '--limit',
      '1',
    ]);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(
      /Sent 0 notifications by webhook\.\n {2}#1 attempt 1 failed: webhook http:\/\/127\.0\.0\.1:\d+ answered 500 .*gave up \(status failed\)/,
    );
    const failed = await medbrief(['notify', 'list', '--status', 'failed']);
    expect(failed.stdout).toMatch(
      /^1 pending, 0 sent, 1 failed\n {2}failed {2}#1 submitted sacral-agenesis\/treatment .*attempts 1, last error: webhook .* answered 500/,
    );
  }, 60_000);

  it('POSTs the rest to the webhook, signed with the secret from the settings file', async () => {
    status = 204;
    received.length = 0;
    const r = await medbrief([
      'notify',
      'send',
      '--config',
      config,
      '--sender',
      'webhook',
      '--webhook-url',
      url,
      '--timeout',
      '5',
      '--format',
      'json',
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ sender: 'webhook', sent: 1, retrying: 0, failed: 0 });
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(JSON.parse(got!.body)).toMatchObject({ id: 2, event: 'submitted', data: { slug: 'outlook' } });
    expect(got!.signature).toBe(`sha256=${createHmac('sha256', SECRET).update(got!.body).digest('hex')}`);
  }, 60_000);

  it('review-due --notify adds one review_due row per answer and due date; the log sender prints it', async () => {
    const first = await medbrief(['review-due', '--within', '3650d', '--notify', '--format', 'json']);
    expect(first.code, first.stderr).toBe(0);
    const out = JSON.parse(first.stdout);
    expect(out.notified).toBe(out.items.length);
    expect(out.notified).toBeGreaterThan(0);
    const again = await medbrief(['review-due', '--within', '3650d', '--notify', '--format', 'json']);
    expect(JSON.parse(again.stdout).notified).toBe(0);
    const pretend = await medbrief(['review-due', '--notify', '--today', '2030-01-01']);
    expect(pretend.code).toBe(2);
    expect(pretend.stderr).toMatch(/--notify cannot be used with --today/);
    const sent = await medbrief(['notify', 'send', '--sender', 'log']);
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(
      /^notification #\d+ review_due sacral-agenesis\/causes due 2027-04-07 → \(no account to tell\)$/m,
    );
    expect(sent.stdout).toMatch(new RegExp(`Sent ${out.notified} notifications? by log\\.`));
  }, 60_000);
});
