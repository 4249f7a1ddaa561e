/** "My tasks" shows editors and admins the notification outbox's pending and failed counts. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PASSWORDS, startTestSite, type TestSite } from '../workflow/fixture-app.js';
import { TestClient } from '../workflow/http-client.js';

let site: TestSite;
beforeAll(async () => {
  site = await startTestSite();
});
afterAll(async () => {
  await site?.close();
});

const counts = (page: string) =>
  /Notification outbox: <strong>(\d+)<\/strong> pending,\s*<strong>(\d+)<\/strong> failed/
    .exec(page)
    ?.slice(1);

it('counts pending and failed notifications for editors, and shows authors nothing', async () => {
  const ed = new TestClient(site.server.url);
  await ed.login('ed', PASSWORDS.ed);
  const ann = new TestClient(site.server.url);
  await ann.login('ann', PASSWORDS.ann);
  expect(counts(await (await ed.fetch('/editor/tasks')).text())).toEqual(['0', '0']);
  const list = await site.repo.listAnswers({ condition: 'sacral-agenesis' });
  const author = (await site.repo.getUser('ann'))!;
  for (const a of list.filter((x) => x.state === 'draft' || x.state === 'published').slice(0, 2)) {
    const current = (await site.repo.getAnswer(a.id))!.current!;
    await site.repo.saveRevision(
      a.id,
      current.id,
      { ...current.answer, tldr: `${current.answer.tldr} Edited.` },
      author,
    );
    await site.repo.transition(a.id, author, { action: 'submit' });
  }
  // Two submissions, each told to both reviewers (one row per person): four rows.
  const [first] = await site.store.outbox().list({ limit: 1 });
  await site.store.outbox().markAttemptFailed(first!.id, 'webhook answered 500', null);
  const page = await (await ed.fetch('/editor/tasks')).text();
  expect(counts(page)).toEqual(['3', '1']);
  expect(await (await ann.fetch('/editor/tasks')).text()).not.toContain('Notification outbox');
});
