/**
 * The editorial actions against an in-memory StoreTx: each action's own rule, what it writes
 * and the audit event it appends. The same actions run on SQLite and PostgreSQL through the
 * store contract tests (test/store/contract.ts) and the editor tests.
 */
import { describe, expect, it } from 'vitest';
import type { LintMessage } from '../../src/lint/index.js';
import {
  type ActionContext,
  type Actor,
  addUser,
  approve,
  cancelSchedule,
  changeRole,
  comment,
  contextFor,
  create,
  createCondition,
  deactivateUser,
  decideGap,
  importMedquadAnswer,
  type LintGate,
  login,
  loginFailed,
  logout,
  notifyReviewDue,
  publish,
  publishScheduled,
  requestChanges,
  runInTx,
  StaleRevisionError,
  saveRevision,
  scheduleFailed,
  schedulePublish,
  setPassword,
  staggerReviews,
  submit,
  unpublish,
  WorkflowError,
} from '../../src/workflow/index.js';
import { answer } from '../store/fixtures.js';
import { MemoryTx } from './memory-tx.js';

const ann: Actor = { username: 'ann', role: 'author', reviewerId: null };
const rita: Actor = { username: 'rita', role: 'reviewer', reviewerId: 'demo-paed' };
const ed: Actor = { username: 'ed', role: 'editor', reviewerId: null };
const clean: LintGate = () => [];
const now = () => new Date('2026-03-01T10:00:00Z');

function as(tx: MemoryTx, actor: Actor, lint: LintGate = clean): ActionContext {
  return contextFor(tx, { actor, now, lint });
}

async function reviewed(tx: MemoryTx) {
  const { id, revision } = await runInTx(as(tx, ann), create, { answer: answer() });
  await runInTx(as(tx, ann), submit, { answerId: id });
  await runInTx(as(tx, rita), approve, { answerId: id, revisionId: revision.id });
  return { id, revision };
}

const code = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(WorkflowError);
  return (err as WorkflowError).code;
};

describe('actions over an in-memory StoreTx', () => {
  it('create writes a draft with its first revision and one audit event', async () => {
    const tx = new MemoryTx();
    const { id, revision } = await runInTx(as(tx, ann), create, { answer: answer({ review: undefined }) });
    expect(tx.answers.get(id)).toMatchObject({
      state: 'draft',
      currentRevisionId: revision.id,
      publishedRevisionId: null,
    });
    expect(tx.revisions.get(revision.id)!.answer.updated).toBe('2026-03-01');
    expect(tx.audit).toEqual([
      expect.objectContaining({ action: 'create', actor: 'ann', to: 'draft', hash: revision.hash }),
    ]);
    expect(await code(runInTx(as(tx, ann), create, { answer: answer() }))).toBe('duplicate');
    expect(await code(runInTx(as(tx, ann), create, { answer: answer({ condition: 'nope' }) }))).toBe(
      'not-found',
    );
  });

  it('save-revision refuses a stale base and creates nothing for identical text', async () => {
    const tx = new MemoryTx();
    const { id, revision } = await runInTx(as(tx, ann), create, { answer: answer() });
    const same = await runInTx(as(tx, ann), saveRevision, {
      answerId: id,
      baseRevisionId: revision.id,
      answer: answer(),
    });
    expect(same.created).toBe(false);
    const edit = answer({ body: 'Changed words [^nbdps].\n' });
    const saved = await runInTx(as(tx, ann), saveRevision, {
      answerId: id,
      baseRevisionId: revision.id,
      answer: edit,
    });
    expect(saved.created).toBe(true);
    await expect(
      runInTx(as(tx, ann), saveRevision, { answerId: id, baseRevisionId: revision.id, answer: edit }),
    ).rejects.toBeInstanceOf(StaleRevisionError);
    expect(tx.revisions.size).toBe(2);
  });

  it('request_changes and comment need words; approve needs the revision and four eyes', async () => {
    const tx = new MemoryTx();
    const { id, revision } = await runInTx(as(tx, ann), create, { answer: answer() });
    await runInTx(as(tx, ann), submit, { answerId: id });
    expect(await code(runInTx(as(tx, rita), requestChanges, { answerId: id, comment: '  ' }))).toBe(
      'invalid',
    );
    expect(await code(runInTx(as(tx, rita), comment, { answerId: id }))).toBe('invalid');
    expect(await code(runInTx(as(tx, rita), approve, { answerId: id }))).toBe('invalid');
    const selfReview: Actor = { username: 'ann', role: 'reviewer', reviewerId: 'demo-paed' };
    expect(await code(runInTx(as(tx, selfReview), approve, { answerId: id, revisionId: revision.id }))).toBe(
      'four-eyes',
    );
    expect(await code(runInTx(as(tx, ann), approve, { answerId: id, revisionId: revision.id }))).toBe(
      'forbidden',
    );
    expect(tx.approvals).toEqual([]);
  });

  it('approve binds to the hash, uses the condition interval, and clears a staggered date', async () => {
    const tx = new MemoryTx();
    tx.schedule.set(1, '2026-06-01');
    const { id, revision } = await reviewed(tx);
    expect(tx.approvals).toEqual([
      expect.objectContaining({
        answerId: id,
        hash: revision.hash,
        reviewed: '2026-03-01',
        nextReview: '2028-03-01',
      }),
    ]);
    expect(tx.schedule.has(id)).toBe(false);
    expect(tx.answers.get(id)!.state).toBe('approved');
  });

  it('publish runs the lint gate for every caller, then needs a bound approval', async () => {
    const tx = new MemoryTx();
    const { id, revision } = await reviewed(tx);
    const failing: LintGate = () => [{ severity: 'error', ruleId: 'x', message: 'bad' } as LintMessage];
    expect(await code(runInTx(as(tx, ed, failing), publish, { answerId: id }))).toBe('lint-errors');
    expect(tx.answers.get(id)!.publishedRevisionId).toBeNull();
    await runInTx(as(tx, ed), publish, { answerId: id });
    expect(tx.answers.get(id)).toMatchObject({ state: 'published', publishedRevisionId: revision.id });
    await runInTx(as(tx, ed), unpublish, { answerId: id });
    expect(tx.answers.get(id)!.publishedRevisionId).toBeNull();
    expect(tx.audit.map((e) => e.action)).toEqual(['create', 'submit', 'approve', 'publish', 'unpublish']);
  });

  it('publish without an approval bound to the current hash is refused', async () => {
    const tx = new MemoryTx();
    const { id } = await reviewed(tx);
    tx.approvals[0]!.hash = 'sha256:other';
    expect(await code(runInTx(as(tx, ed), publish, { answerId: id }))).toBe('wrong-state');
  });

  it('import-medquad-answer adds with a staggered review, then keeps local edits', async () => {
    const tx = new MemoryTx();
    const origin = { collection: 'medquad' as const, publisher: 'GARD', documentId: '1', pairId: '1' };
    const input = {
      conditionId: 1,
      originKey: 'medquad:GARD:1:1',
      origin,
      qtype: 'cause',
      answerFor: (slug: string) => answer({ slug, origin }),
      slugCandidates: ['causes', 'causes-gard'],
      taken: new Set(['causes']),
      duplicates: [],
      known: new Map<string, number>(),
      today: '2026-01-01',
    };
    const actor: Actor = { username: 'import:medquad', role: 'admin', reviewerId: null };
    const first = await runInTx(as(tx, actor), importMedquadAnswer, input);
    expect(first.outcome).toBe('added');
    expect(tx.answers.get(first.answerId)!.slug).toBe('causes-gard');
    const due = tx.schedule.get(first.answerId)!;
    expect(due > '2026-01-01' && due <= '2027-01-01').toBe(true);
    await runInTx(as(tx, ann), saveRevision, {
      answerId: first.answerId,
      baseRevisionId: tx.answers.get(first.answerId)!.currentRevisionId,
      answer: answer({ slug: 'causes-gard', origin, body: 'Edited here [^nbdps].\n' }),
    });
    const again = await runInTx(as(tx, actor), importMedquadAnswer, {
      ...input,
      existingId: first.answerId,
      answerFor: (slug: string) => answer({ slug, origin, body: 'New upstream text [^nbdps].\n' }),
    });
    expect(again.outcome).toBe('kept-local-edit');
  });

  it('stagger-reviews schedules every unreviewed published answer once', async () => {
    const tx = new MemoryTx();
    const { id } = await runInTx(as(tx, ann), create, { answer: answer() });
    tx.answers.get(id)!.publishedRevisionId = tx.answers.get(id)!.currentRevisionId;
    expect(await runInTx(as(tx, ed), staggerReviews, { start: '2026-01-01', intervalMonths: 12 })).toBe(1);
    expect(await runInTx(as(tx, ed), staggerReviews, { start: '2026-01-01' })).toBe(0);
    expect(tx.audit.at(-1)).toMatchObject({ action: 'stagger-reviews', entity: 'review_schedule' });
  });
});

describe('notify-review-due over an in-memory StoreTx', () => {
  const item = {
    answerId: 7,
    conditionSlug: 'sacral-agenesis',
    slug: 'causes',
    question: 'What causes it?',
    due: '2026-03-20',
    status: 'due-soon',
    owner: 'ann',
  };

  it('tells the owner and the editors once per answer and due date, and appends no audit event', async () => {
    const tx = new MemoryTx();
    tx.users.push({ username: 'ann', role: 'author' }, { username: 'ed', role: 'editor' });
    tx.users.push({ username: 'al', role: 'admin' }, { username: 'rita', role: 'reviewer' });
    expect(await runInTx(as(tx, ed), notifyReviewDue, { items: [item] })).toBe(2);
    expect(tx.notifications.map((n) => [n.event, n.recipient, n.dedupeKey])).toEqual([
      ['review_due', 'ann', 'review_due:7:2026-03-20:ann'],
      ['review_due', 'ed', 'review_due:7:2026-03-20:ed'],
    ]);
    expect(tx.notifications[0]!.payload).toEqual({
      answerId: 7,
      condition: 'sacral-agenesis',
      slug: 'causes',
      question: 'What causes it?',
      due: '2026-03-20',
      status: 'due-soon',
      owner: 'ann',
    });
    expect(await runInTx(as(tx, ed), notifyReviewDue, { items: [item] })).toBe(0);
    expect(await runInTx(as(tx, ed), notifyReviewDue, { items: [{ ...item, due: '2027-03-20' }] })).toBe(2);
    expect(tx.audit).toEqual([]);
  });

  it('falls to admins when there is no editor, and records the event when nobody is told', async () => {
    const tx = new MemoryTx();
    tx.users.push({ username: 'al', role: 'admin' });
    expect(await runInTx(as(tx, ed), notifyReviewDue, { items: [{ ...item, owner: 'system' }] })).toBe(1);
    expect(tx.notifications.map((n) => n.recipient)).toEqual(['al']);
    const empty = new MemoryTx();
    expect(await runInTx(as(empty, ed), notifyReviewDue, { items: [item] })).toBe(1);
    expect(empty.notifications).toEqual([expect.objectContaining({ event: 'review_due', recipients: [] })]);
  });
});

describe('scheduling and account actions over an in-memory StoreTx', () => {
  const later = new Date('2026-03-02T09:00:00Z');

  it('schedule-publish needs an approved answer, its current revision and a time to come', async () => {
    const tx = new MemoryTx();
    const { id, revision } = await reviewed(tx);
    expect(
      await code(
        runInTx(as(tx, ed), schedulePublish, { answerId: id, revisionId: revision.id, publishAt: now() }),
      ),
    ).toBe('invalid');
    expect(
      await code(runInTx(as(tx, ed), schedulePublish, { answerId: id, revisionId: 999, publishAt: later })),
    ).toBe('stale-revision');
    const s = await runInTx(as(tx, ed), schedulePublish, {
      answerId: id,
      revisionId: revision.id,
      publishAt: later,
    });
    expect(tx.scheduled.get(id)).toEqual(s);
    expect(s.createdBy).toBe('ed');
    expect(await runInTx(as(tx, ed), cancelSchedule, { answerId: id })).toBe(true);
    expect(await runInTx(as(tx, ed), cancelSchedule, { answerId: id })).toBe(false);
    expect(tx.audit.map((e) => e.action).slice(-2)).toEqual(['schedule-publish', 'schedule-cancel']);
  });

  it('publish-scheduled claims once and publishes through the publish rules; schedule-failed records why', async () => {
    const tx = new MemoryTx();
    const { id, revision } = await reviewed(tx);
    const s = await runInTx(as(tx, ed), schedulePublish, {
      answerId: id,
      revisionId: revision.id,
      publishAt: later,
    });
    expect(await runInTx(as(tx, ed), publishScheduled, s)).toBe(true);
    expect(tx.answers.get(id)!.state).toBe('published');
    expect(tx.scheduled.has(id)).toBe(false);
    expect(await runInTx(as(tx, ed), scheduleFailed, { ...s, reason: 'late' })).toBe(false);

    const other = new MemoryTx();
    const second = await reviewed(other);
    const t = await runInTx(as(other, ed), schedulePublish, {
      answerId: second.id,
      revisionId: second.revision.id,
      publishAt: later,
    });
    expect(await code(runInTx(as(other, ann), publishScheduled, t))).toBe('forbidden');
    expect(await runInTx(as(other, ed), scheduleFailed, { ...t, reason: 'ann cannot publish' })).toBe(true);
    expect(other.audit.at(-1)).toMatchObject({
      action: 'schedule-failed',
      detail: { scheduledBy: 'ed', reason: 'ann cannot publish' },
    });
  });

  it('add-user checks the name, the password and the reviewer profile; role and password changes end sessions', async () => {
    const tx = new MemoryTx();
    const al: Actor = { username: 'al', role: 'admin', reviewerId: null };
    const user = { username: 'rita', name: 'Rita', role: 'reviewer' as const, password: 'a long passphrase' };
    expect(await code(runInTx(as(tx, al), addUser, { ...user, username: 'Rita!' }))).toBe('invalid');
    expect(await code(runInTx(as(tx, al), addUser, { ...user, password: 'short' }))).toBe('invalid');
    expect(await code(runInTx(as(tx, al), addUser, user))).toBe('invalid');
    expect(await code(runInTx(as(tx, al), addUser, { ...user, reviewerId: 'nobody' }))).toBe('not-found');
    const rita = await runInTx(as(tx, al), addUser, { ...user, reviewerId: 'demo-paed' });
    expect(await code(runInTx(as(tx, al), addUser, { ...user, reviewerId: 'demo-paed' }))).toBe('duplicate');
    tx.accountRows.get('rita')!.sessions = 2;
    await runInTx(as(tx, al), changeRole, { username: 'rita', role: 'editor' });
    expect(tx.accountRows.get('rita')).toMatchObject({
      role: 'editor',
      reviewerId: 'demo-paed',
      sessions: 0,
    });
    const before = tx.accountRows.get('rita')!.passwordHash;
    await runInTx(as(tx, al), setPassword, { username: 'rita', password: 'another long one' });
    expect(tx.accountRows.get('rita')!.passwordHash).not.toBe(before);
    expect(
      await code(runInTx(as(tx, al), setPassword, { username: 'nobody', password: 'another long one' })),
    ).toBe('not-found');
    expect(
      await code(runInTx(as(tx, { ...al, username: 'rita' }), deactivateUser, { username: 'rita' })),
    ).toBe('invalid');
    tx.accountRows.get('rita')!.sessions = 1;
    await runInTx(as(tx, al), deactivateUser, { username: 'rita' });
    expect(tx.accountRows.get('rita')).toMatchObject({ disabled: true, sessions: 0 });
    expect(tx.audit.map((e) => e.action)).toEqual([
      'user-add',
      'role-change',
      'password-change',
      'user-deactivate',
    ]);
    expect(tx.audit.at(-1)).toMatchObject({ from: 'active', to: 'inactive', detail: { sessionsRevoked: 1 } });
    expect(rita.username).toBe('rita');
  });

  it('login, login-failed and logout append one audit row each; a failed sign-in is anonymous', async () => {
    const tx = new MemoryTx();
    await runInTx(as(tx, ann), login, { username: 'ann', detail: { address: '10.0.0.1' } });
    await runInTx(as(tx, { ...ann, username: 'anonymous' }), loginFailed, {
      username: 'bob',
      detail: { reason: 'throttled', address: '10.0.0.2' },
    });
    await runInTx(as(tx, ann), logout, { username: 'ann' });
    expect(tx.audit).toEqual([
      { actor: 'ann', action: 'login', entity: 'user', entityId: 'ann', detail: { address: '10.0.0.1' } },
      {
        actor: 'anonymous',
        action: 'login-failed',
        entity: 'user',
        entityId: 'bob',
        detail: { reason: 'throttled', address: '10.0.0.2' },
      },
      { actor: 'ann', action: 'logout', entity: 'user', entityId: 'ann', detail: undefined },
    ]);
  });

  it("decide-gap replaces the group's decision, names the actor and audits it; a merge needs another group", async () => {
    const tx = new MemoryTx();
    const group = { focus: 'gout', aspect: 'causes', targetFocus: null, targetAspect: null, answerId: null };
    expect(
      await code(runInTx(as(tx, ed), decideGap, { ...group, status: 'not_in_scope', reason: ' ' })),
    ).toBe('invalid');
    expect(
      await code(
        runInTx(as(tx, ed), decideGap, {
          ...group,
          status: 'merged',
          reason: null,
          targetFocus: 'gout',
          targetAspect: 'causes',
        }),
      ),
    ).toBe('invalid');
    expect(tx.gapDecisions.size).toBe(0);
    expect(tx.audit).toEqual([]);
    await runInTx(as(tx, ed), decideGap, { ...group, status: 'not_in_scope', reason: 'covered elsewhere' });
    await runInTx(as(tx, ed), decideGap, {
      ...group,
      status: 'merged',
      reason: null,
      targetFocus: 'gout',
      targetAspect: 'symptoms',
    });
    expect([...tx.gapDecisions.values()]).toEqual([
      expect.objectContaining({ focus: 'gout', aspect: 'causes', status: 'merged', actor: 'ed' }),
    ]);
    expect(tx.audit).toEqual([
      expect.objectContaining({
        action: 'gap-decide',
        actor: 'ed',
        entity: 'gap',
        entityId: 'gout|causes',
        to: 'not_in_scope',
      }),
      expect.objectContaining({
        action: 'gap-decide',
        to: 'merged',
        detail: { reason: null, target: 'gout|symptoms', answerId: null },
      }),
    ]);
  });

  it('create-condition adds a named condition once and audits where it came from', async () => {
    const tx = new MemoryTx();
    await runInTx(as(tx, ann), createCondition, { slug: 'gout', name: 'Gout', from: 'gap queue' });
    expect(await tx.findCondition('gout')).toMatchObject({ slug: 'gout' });
    expect(tx.audit).toEqual([
      expect.objectContaining({
        action: 'create',
        entity: 'condition',
        entityId: 'gout',
        actor: 'ann',
        detail: { from: 'gap queue', name: 'Gout' },
      }),
    ]);
    expect(
      await code(runInTx(as(tx, ann), createCondition, { slug: 'gout', name: 'Gout', from: 'gap queue' })),
    ).toBe('duplicate');
  });
});
