/**
 * The notification outbox on both databases: each announced transition writes one row per person
 * told, in its own transaction (none when the transition is refused or rolled back); review-due
 * notices are written once per answer, due date and person; delivery bookkeeping (claim,
 * sent, retry, failed) behaves the same on SQLite and PostgreSQL.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRecord, Store, WorkflowUser } from '../../src/store/index.js';
import { importBundle, workflowRepo } from '../../src/workflow/index.js';
import { storeBackends } from '../helpers/backends.js';
import { bundle, treatmentDraft } from './fixtures.js';

const backends = await storeBackends('outbox', 'notification outbox');

const draft = treatmentDraft;

/** Oldest first, as delivery reads them. */
const rows = async (store: Store): Promise<NotificationRecord[]> =>
  (await store.outbox().list({ limit: 100 })).reverse();

describe.each(backends)('notification outbox: %s', (_name, open) => {
  let store: Store;
  let repo: ReturnType<typeof workflowRepo>;
  let ann: WorkflowUser;
  let rita: WorkflowUser;
  let ed: WorkflowUser;

  beforeEach(async () => {
    store = await open();
    await importBundle(store, bundle(), { actor: 'test' });
    repo = workflowRepo(store);
    const add = (username: string, role: WorkflowUser['role'], reviewerId?: string) =>
      repo.createUser(
        { username, name: username, role, password: `correct horse ${username}`, reviewerId },
        't',
      );
    ann = await add('ann', 'author');
    rita = await add('rita', 'reviewer', 'demo-paed');
    await add('rob', 'reviewer', 'demo-gp');
    ed = await add('ed', 'editor');
    await add('al', 'admin');
  });
  afterEach(async () => {
    await store.close();
  });

  it('writes one row per person told: reviewers, the author, editors', async () => {
    const { id, revision } = await repo.createAnswer(draft(), ann);
    expect(await rows(store)).toEqual([]);
    await repo.transition(id, ann, { action: 'submit' });
    await repo.transition(id, rita, { action: 'request_changes', comment: 'Cite the treatment source.' });
    await repo.transition(id, ann, { action: 'submit' });
    await repo.transition(id, rita, { action: 'approve', revisionId: revision.id });
    await repo.transition(id, ed, { action: 'publish' });
    await repo.transition(id, ed, { action: 'unpublish' }); // not announced
    const out = await rows(store);
    expect(out.map((r) => [r.event, r.recipient])).toEqual([
      ['submitted', 'rita'],
      ['submitted', 'rob'],
      ['changes_requested', 'ann'],
      ['submitted', 'rita'],
      ['submitted', 'rob'],
      ['approved', 'ann'],
      ['approved', 'ed'],
      ['published', 'ann'],
    ]);
    for (const r of out) expect(r.recipients).toEqual([r.recipient]);
    for (const r of out) {
      expect(r).toMatchObject({
        answerId: id,
        status: 'pending',
        attempts: 0,
        sentAt: null,
        lastError: null,
      });
      expect(r.payload).toMatchObject({
        answerId: id,
        condition: 'sacral-agenesis',
        slug: 'treatment',
        question: 'How is sacral agenesis treated?',
        revisionId: revision.id,
        hash: revision.hash,
      });
      expect(Date.parse(r.createdAt)).not.toBeNaN();
    }
    expect(out[2]!.payload).toMatchObject({
      actor: 'rita',
      from: 'in_review',
      to: 'changes_requested',
      comment: 'Cite the treatment source.',
    });
    expect(out[7]!.payload).toMatchObject({ actor: 'ed', from: 'approved', to: 'published' });
    // The row and the audit event share the transaction's clock.
    const [publishEvent] = await repo.listAudit({ entity: 'answer', entityId: String(id), limit: 2 });
    expect(publishEvent!.action).toBe('unpublish');
    const audit = await repo.listAudit({ entity: 'answer', entityId: String(id) });
    expect(audit.find((e) => e.action === 'publish')!.at).toBe(out[7]!.createdAt);
  });

  it('leaves out the actor and disabled accounts; editors work falls to admins without editors', async () => {
    const { id, revision } = await repo.createAnswer(draft(), rita); // a reviewer writes
    await repo.transition(id, rita, { action: 'submit' });
    await repo.setUserActive('ed', false, 'al');
    const rob = (await repo.listUsers()).find((u) => u.username === 'rob')!;
    await repo.transition(id, rob, { action: 'approve', revisionId: revision.id });
    const out = await rows(store);
    expect(out.map((r) => [r.event, r.recipient])).toEqual([
      ['submitted', 'rob'],
      ['approved', 'al'],
      ['approved', 'rita'],
    ]);
  });

  it('tells only reviewers who may approve: not those who wrote words since the last approval', async () => {
    const { id, revision } = await repo.createAnswer(draft(), ann);
    const rob = (await repo.listUsers()).find((u) => u.username === 'rob')!;
    // rob edits ann's draft, so rob's words are in it; ann submits.
    await repo.saveRevision(id, revision.id, { ...draft(), tldr: `${draft().tldr} Rob's words.` }, rob);
    await repo.transition(id, ann, { action: 'submit' });
    const out = await rows(store);
    expect(out.map((r) => [r.event, r.recipient])).toEqual([['submitted', 'rita']]);
  });

  it('writes nothing when the transition is refused or rolled back', async () => {
    const { id } = await repo.createAnswer(draft(), ann);
    await expect(repo.transition(id, ann, { action: 'approve', revisionId: 1 })).rejects.toThrow();
    await expect(repo.transition(id, rita, { action: 'request_changes', comment: 'x' })).rejects.toThrow();
    const crashing = workflowRepo(store, {
      beforeCommit: async () => {
        throw new Error('crash before commit');
      },
    });
    await expect(crashing.transition(id, ann, { action: 'submit' })).rejects.toThrow('crash before commit');
    expect(await rows(store)).toEqual([]);
    expect((await repo.getAnswer(id))!.state).toBe('draft');
  });

  it('writes review_due once per answer, due date and person: the owner and editors', async () => {
    const items = await repo.reviewDue({ withinDays: 30, today: '2027-04-01' });
    expect(items.length).toBeGreaterThan(0);
    expect(await repo.notifyReviewDue(items)).toBe(items.length);
    expect(await repo.notifyReviewDue(items)).toBe(0);
    const out = await rows(store);
    expect(out.length).toBeGreaterThanOrEqual(items.length);
    const causes = out.find((r) => r.payload.slug === 'causes' && r.recipient === 'ed')!;
    expect(causes).toMatchObject({ event: 'review_due', status: 'pending', attempts: 0 });
    expect(causes.payload).toMatchObject({
      condition: 'sacral-agenesis',
      due: '2027-04-07',
      status: 'due-soon',
    });
    expect(causes.recipients).toEqual(['ed']);
    expect(causes.dedupeKey).toBe(`review_due:${causes.answerId}:2027-04-07:ed`);
    const perCauses = out.filter((r) => r.answerId === causes.answerId).length;
    // A new due date (after a new review) is a new notice, for each person again.
    const moved = items.map((i) => (i.slug === 'causes' ? { ...i, due: '2028-04-07' } : i));
    expect(await repo.notifyReviewDue(moved)).toBe(perCauses);
  });

  it('claims, marks sent, retries and fails rows, oldest first', async () => {
    const { id } = await repo.createAnswer(draft(), ann);
    await repo.transition(id, ann, { action: 'submit' });
    await repo.transition(id, rita, { action: 'request_changes', comment: 'More detail.' });
    const outbox = store.outbox();
    const now = '2030-01-01T00:00:00.000Z';
    const due = await outbox.due(now, 10);
    expect(due.map((r) => [r.event, r.recipient])).toEqual([
      ['submitted', 'rita'],
      ['submitted', 'rob'],
      ['changes_requested', 'ann'],
    ]);
    await outbox.markSent(due[1]!.id, now);
    const [first, , second] = due as [NotificationRecord, NotificationRecord, NotificationRecord];
    expect(await outbox.claim(first.id, now, '2030-01-01T00:01:00.000Z')).toBe(true);
    expect(await outbox.claim(first.id, now, '2030-01-01T00:01:00.000Z')).toBe(false);
    expect((await outbox.due(now, 10)).map((r) => r.id)).toEqual([second.id]);
    await outbox.markSent(first.id, now);
    await outbox.markAttemptFailed(second.id, 'webhook answered 500', '2030-01-01T00:05:00.000Z');
    expect(await outbox.due(now, 10)).toEqual([]);
    expect((await outbox.due('2030-01-01T00:05:00.000Z', 10)).map((r) => r.id)).toEqual([second.id]);
    await outbox.markAttemptFailed(second.id, 'webhook answered 500 again', null);
    const [s2, , s1] = await outbox.list();
    expect(s1).toMatchObject({ status: 'sent', attempts: 1, sentAt: now, nextAttemptAt: null });
    expect(s2).toMatchObject({ status: 'failed', attempts: 2, lastError: 'webhook answered 500 again' });
    expect(await outbox.counts()).toEqual({ pending: 0, sent: 2, failed: 1 });
    expect((await outbox.list({ status: 'failed' })).map((r) => r.id)).toEqual([second.id]);
  });
});
