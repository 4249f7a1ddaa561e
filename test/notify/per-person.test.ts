/**
 * Notifications per person, end to end over HTTP: a submission tells each reviewer who may
 * approve it (one row each, naming them), a returned answer tells its author; each person sees
 * their own notifications on "My tasks" with an unread count in the navigation, marks them read
 * (a notice that arrived after the page was shown stays unread), and a webhook receives one body
 * per person with `recipient` naming them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { deliverPending, WebhookSender } from '../../src/notify/index.js';
import { treatmentDraft } from '../store/fixtures.js';
import { PASSWORDS, startTestSite, type TestSite } from '../workflow/fixture-app.js';
import { TestClient } from '../workflow/http-client.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});

const unread = (page: string) =>
  /href="\/editor\/tasks#notifications"[^>]*>Notifications(?:<span class="count">(\d+))?/.exec(page)?.[1] ??
  '0';

it('tells each person their own, shows them on My tasks, and names the recipient in the webhook body', async () => {
  const rita = new TestClient(site.server.url);
  await rita.login('rita', PASSWORDS.rita);
  const ann = new TestClient(site.server.url);
  await ann.login('ann', PASSWORDS.ann);
  const author = (await site.repo.getUser('ann'))!;
  const reviewer = (await site.repo.getUser('rita'))!;
  expect(unread(await (await rita.fetch('/editor/tasks')).text())).toBe('0');

  const draft = await site.repo.createAnswer(treatmentDraft(), author);
  await site.repo.transition(draft.id, author, { action: 'submit' });

  // One row per reviewer; the author (who acted) hears nothing.
  const rows = (await site.store.outbox().list()).reverse();
  expect(rows.map((r) => [r.event, r.recipient])).toEqual([
    ['submitted', 'rita'],
    ['submitted', 'rob'],
  ]);
  let page = await (await rita.fetch('/editor/tasks')).text();
  expect(unread(page)).toBe('1');
  expect(page).toContain('Notifications for me (1 unread)');
  expect(page).toContain(
    `Submitted for review: <a href="/editor/answers/${draft.id}/review">${treatmentDraft().question}</a>`,
  );
  expect(unread(await (await ann.fetch('/editor/tasks')).text())).toBe('0');
  const upTo = /name="up_to" value="(\d+)"/.exec(page)![1]!;

  // rita sends it back: ann is told, with the comment.
  await site.repo.transition(draft.id, reviewer, {
    action: 'request_changes',
    comment: 'Please cite the registry.',
  });
  page = await (await ann.fetch('/editor/tasks')).text();
  expect(unread(page)).toBe('1');
  expect(page).toContain('Changes requested');
  expect(page).toContain('<q>Please cite the registry.</q>');

  // Marking read needs the CSRF token, and covers only what the page showed.
  expect((await rita.form('/editor/notifications/read', { up_to: upTo })).status).toBe(403);
  const res = await rita.form('/editor/notifications/read', { _csrf: rita.csrf, up_to: upTo });
  expect(res.status).toBe(303);
  page = await (await rita.fetch(res.headers.get('location')!)).text();
  expect(unread(page)).toBe('0');
  expect(page).toContain('Marked as read.');
  const api = (await (await rita.fetch('/editor/api/tasks')).json()) as {
    unread: number;
    notifications: { event: string; read: boolean }[];
  };
  expect(api.unread).toBe(0);
  expect(api.notifications).toEqual([expect.objectContaining({ event: 'submitted', read: true })]);
  // ann's notice was not touched by rita's "mark read".
  expect(unread(await (await ann.fetch('/editor/tasks')).text())).toBe('1');

  // The webhook gets one body per person, naming them.
  const bodies: { recipient: string; recipients: string[]; event: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    const report = await deliverPending(site.store, new WebhookSender({ url }));
    expect(report.sent).toBe(3);
  } finally {
    server.closeAllConnections();
    await new Promise<void>((r) => server.close(() => r()));
  }
  expect(bodies.map((b) => [b.event, b.recipient, b.recipients])).toEqual([
    ['submitted', 'rita', ['rita']],
    ['submitted', 'rob', ['rob']],
    ['changes_requested', 'ann', ['ann']],
  ]);
});

it('pages back through older notifications, 20 to a page, with the unread count of all of them', async () => {
  const ann = new TestClient(site.server.url);
  await ann.login('ann', PASSWORDS.ann);
  const author = (await site.repo.getUser('ann'))!;
  const draft = await site.repo.createAnswer({ ...treatmentDraft(), slug: 'paging-notices' }, author);
  const before = (await site.store.outbox().list()).filter((r) => r.recipient === 'ann').length;
  // 25 review-due notices for ann (one per due date), newest last.
  const items = Array.from({ length: 25 }, (_, i) => ({
    answerId: draft.id,
    conditionSlug: 'sacral-agenesis',
    slug: 'paging-notices',
    question: `Paging question ${i + 1}?`,
    due: `2030-01-${String(i + 1).padStart(2, '0')}`,
    status: 'due',
    owner: 'ann',
  }));
  expect(await site.repo.notifyReviewDue(items)).toBeGreaterThanOrEqual(25);
  const total = before + 25;

  const first = await (await ann.fetch('/editor/tasks')).text();
  expect(first).toContain(`Notifications for me (${total} unread)`);
  expect(first).toContain('What is waiting for you as an author.');
  expect(first).toContain('Paging question 25?');
  expect(first).not.toContain('Paging question 5?');
  const older = /href="(\/editor\/tasks\?before=\d+#notifications)">Older notifications/.exec(first)?.[1];
  expect(older).toBeDefined();
  expect(first).not.toContain('Newest notifications');

  const second = await (await ann.fetch(older!.replace(/#.*/, ''))).text();
  expect(second).toContain('Paging question 5?');
  expect(second).toContain('Paging question 1?');
  expect(second).not.toContain('Paging question 25?');
  expect(second).toContain(`Notifications for me (${total} unread)`);
  expect(second).toContain('href="/editor/tasks#notifications">Newest notifications');

  // A bad page mark is ignored (the newest page), never an error.
  const bad = await ann.fetch('/editor/tasks?before=abc');
  expect(bad.status).toBe(200);
  expect(await bad.text()).toContain('Paging question 25?');
});
