/**
 * The Store contract: every adapter (SQLite, PostgreSQL) must pass these tests unchanged. Covers
 * the foundation Store methods and the editorial workflow repository.
 */

import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentHash } from '../../src/content/index.js';
import { AskLogRepo } from '../../src/store/ask-log.js';
import type { Store, WorkflowUser } from '../../src/store/index.js';
import {
  addDays,
  decideGap,
  importBundle,
  notifyReviewDue,
  runAction,
  StaleRevisionError,
  startGapDraft,
  WorkflowError,
  type WorkflowRepo,
  workflowRepo,
} from '../../src/workflow/index.js';
import { sqlStore } from '../helpers/store-db.js';
import { answer, bundle, treatmentDraft } from './fixtures.js';
import { workflowUsers } from './workflow-users.js';

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    describe('foundation', () => {
      it('imports a bundle all or nothing', async () => {
        const bad = bundle();
        bad.answers.push(answer({ condition: 'no-such-condition', aspect: 'overview' }));
        await expect(importBundle(store, bad, { actor: 'test' })).rejects.toThrow(/no-such-condition/);
        expect(await store.countConditions()).toBe(0);
        expect(await store.countPublishedAnswers()).toBe(0);
        const report = await importBundle(store, bundle(), { actor: 'test' });
        expect(report.answers.added).toBe(3);
        expect(await store.countPublishedAnswers()).toBe(3);
        const again = await importBundle(store, bundle(), { actor: 'test' });
        expect(again.answers).toEqual({ added: 0, updated: 0, unchanged: 3 });
      });

      it('finds a condition by its slug or a synonym slug', async () => {
        await importBundle(store, bundle(), { actor: 'test' });
        expect((await store.findCondition('sacral-agenesis'))?.name).toBe('Sacral agenesis');
        expect((await store.findCondition('caudal-regression-syndrome'))?.slug).toBe('sacral-agenesis');
        expect(await store.findCondition('nothing-like-it')).toBeNull();
      });

      it('lists published answers in aspect order and binds approvals by hash', async () => {
        await importBundle(store, bundle(), { actor: 'test' });
        const list = await store.listPublishedAnswers('sacral-agenesis');
        expect(list.map((a) => a.aspect)).toEqual(['causes', 'symptoms']);
        const causes = await store.getPublishedAnswer('sacral-agenesis', 'causes');
        expect(causes?.approvals).toHaveLength(1);
        expect(causes?.approvals[0]?.hash).toBe(causes?.revision.hash);
        expect(causes?.nextReview).toBe('2027-04-07');
        // A review recorded for other words is not an approval of these.
        const asthma = await store.getPublishedAnswer('asthma', 'overview');
        expect(asthma?.approvals).toHaveLength(0);
        expect(asthma?.nextReview).toBeNull();
        expect(await store.getPublishedAnswer('asthma', 'causes')).toBeNull();
      });
    });

    describe('workflow', () => {
      let repo: WorkflowRepo;
      let author: WorkflowUser;
      let reviewer: WorkflowUser;
      let reviewer2: WorkflowUser;
      let editor: WorkflowUser;

      beforeEach(async () => {
        await importBundle(store, bundle(), { actor: 'test' });
        repo = workflowRepo(store);
        ({ author, reviewer, reviewer2, editor } = await workflowUsers(repo));
      });

      const draft = treatmentDraft;

      it('refuses duplicate users, weak passwords and reviewers without a profile', async () => {
        await expect(
          repo.createUser({ username: 'ann', name: 'x', role: 'author', password: 'long enough 1' }, 't'),
        ).rejects.toMatchObject({ code: 'duplicate' });
        await expect(
          repo.createUser({ username: 'zed', name: 'x', role: 'author', password: 'short' }, 't'),
        ).rejects.toMatchObject({ code: 'invalid' });
        await expect(
          repo.createUser({ username: 'vic', name: 'x', role: 'reviewer', password: 'long enough 1' }, 't'),
        ).rejects.toMatchObject({ code: 'invalid' });
        expect((await repo.listUsers()).map((u) => u.username)).toEqual(['ann', 'ed', 'rita', 'rob']);
      });

      it('changes roles, audits the change and ends the sessions of that user', async () => {
        const s = await repo.createSession(author.id, 60_000);
        expect((await repo.getSession(s.token))?.user.username).toBe('ann');
        const updated = await repo.setRole('ann', 'editor', 'admin-al');
        expect(updated.role).toBe('editor');
        expect(await repo.getSession(s.token)).toBeNull();
        const [event] = await repo.listAudit({ entity: 'user', entityId: 'ann', limit: 1 });
        expect(event).toMatchObject({
          action: 'role-change',
          actor: 'admin-al',
          from: 'author',
          to: 'editor',
        });
      });

      it('keeps sessions by token hash, expires them and deletes them on logout', async () => {
        const s = await repo.createSession(author.id, 60_000);
        const row = await sqlStore(store).db.selectFrom('sessions').selectAll().executeTakeFirstOrThrow();
        expect(row.id).not.toBe(s.token);
        expect((await repo.getSession(s.token))?.csrfToken).toBe(s.csrfToken);
        expect(await repo.getSession('not-a-token')).toBeNull();
        const expired = await repo.createSession(author.id, -1);
        expect(await repo.getSession(expired.token)).toBeNull();
        await repo.deleteSession(s.token);
        expect(await repo.getSession(s.token)).toBeNull();
      });

      it('counts failed logins after the last success', async () => {
        const since = new Date(Date.now() - 60_000).toISOString();
        await repo.recordLoginAttempt(['user:ann'], false);
        await repo.recordLoginAttempt(['user:ann'], false);
        expect(await repo.recentFailures('user:ann', since)).toBe(2);
        await new Promise((r) => setTimeout(r, 5));
        await repo.recordLoginAttempt(['user:ann'], true);
        expect(await repo.recentFailures('user:ann', since)).toBe(0);
        expect(await repo.recentFailures('user:bob', since)).toBe(0);
      });

      it('saves revisions with optimistic concurrency: a stale base is refused with both versions', async () => {
        const { id, revision } = await repo.createAnswer(draft(), author);
        const first = await repo.saveRevision(
          id,
          revision.id,
          { ...draft(), tldr: 'First edit wins.' },
          author,
        );
        expect(first.created).toBe(true);
        const attempt = { ...draft(), tldr: 'Second edit, based on the old revision.' };
        const err = await repo.saveRevision(id, revision.id, attempt, reviewer).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(StaleRevisionError);
        const stale = err as StaleRevisionError;
        expect(stale.status).toBe(409);
        expect(stale.current.id).toBe(first.revision.id);
        expect(stale.current.answer.tldr).toBe('First edit wins.');
        expect(stale.attempted.tldr).toBe(attempt.tldr);
        const revs = await store.listRevisions(id);
        expect(revs.map((r) => r.baseRevisionId)).toEqual([null, revision.id]);
        // Saving identical text creates nothing.
        const same = await repo.saveRevision(
          id,
          first.revision.id,
          { ...draft(), tldr: 'First edit wins.' },
          author,
        );
        expect(same.created).toBe(false);
        expect(await store.listRevisions(id)).toHaveLength(2);
      });

      it('lets exactly one of many concurrent edits on the same base win', async () => {
        const { id, revision } = await repo.createAnswer(draft(), author);
        const results = await Promise.allSettled(
          Array.from({ length: 20 }, (_, i) =>
            repo.saveRevision(id, revision.id, { ...draft(), tldr: `Edit ${i}.` }, author),
          ),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).toHaveLength(19);
        for (const r of rejected) expect(r.reason).toBeInstanceOf(StaleRevisionError);
        expect(await store.listRevisions(id)).toHaveLength(2);
      });

      it('walks the whole review story with four-eyes, hash-bound approval and publishing', async () => {
        const { id } = await repo.createAnswer(draft(), author);
        let a = (await repo.getAnswer(id))!;
        expect(a.state).toBe('draft');
        await repo.transition(id, author, { action: 'submit' });
        await expect(repo.transition(id, reviewer, { action: 'request_changes' })).rejects.toMatchObject({
          code: 'invalid',
        });
        await repo.transition(id, reviewer, {
          action: 'request_changes',
          comment: 'Please cite the treatment source.',
        });
        a = (await repo.getAnswer(id))!;
        expect(a.state).toBe('changes_requested');
        expect(a.comments.map((c) => [c.author, c.kind, c.body])).toEqual([
          ['rita', 'request_changes', 'Please cite the treatment source.'],
        ]);
        const fixed = await repo.saveRevision(
          id,
          a.currentRevisionId,
          { ...draft(), body: 'Care is planned by a team of specialists [^nbdps].\n' },
          author,
        );
        expect(fixed.state).toBe('draft');
        await repo.transition(id, author, { action: 'submit' });
        // Authors cannot approve, and the approval must name the revision that was read.
        await expect(
          repo.transition(id, author, { action: 'approve', revisionId: fixed.revision.id }),
        ).rejects.toMatchObject({
          code: 'forbidden',
          status: 403,
        });
        await expect(repo.transition(id, reviewer, { action: 'approve' })).rejects.toMatchObject({
          code: 'invalid',
        });
        await expect(
          repo.transition(id, reviewer, { action: 'approve', revisionId: fixed.revision.id - 1 }),
        ).rejects.toBeInstanceOf(StaleRevisionError);
        await repo.transition(id, reviewer, { action: 'approve', revisionId: fixed.revision.id });
        a = (await repo.getAnswer(id))!;
        expect(a.state).toBe('approved');
        expect(a.approvals).toHaveLength(1);
        expect(a.approvals[0]).toMatchObject({
          hash: fixed.revision.hash,
          reviewerId: 'demo-paed',
          revisionId: fixed.revision.id,
        });
        expect(a.approvals[0]?.hash).toBe(contentHash(a.current!.answer));
        await expect(repo.transition(id, author, { action: 'publish' })).rejects.toBeInstanceOf(
          WorkflowError,
        );
        await repo.transition(id, editor, { action: 'publish' });
        const view = await store.getPublishedAnswer('sacral-agenesis', 'treatment');
        expect(view?.revision.hash).toBe(fixed.revision.hash);
        expect(view?.approvals.some((x) => x.hash === view.revision.hash)).toBe(true);

        // A later edit stays out of public view until it is approved and published.
        const later = await repo.saveRevision(
          id,
          fixed.revision.id,
          { ...draft(), tldr: 'A newer summary.' },
          author,
        );
        a = (await repo.getAnswer(id))!;
        expect(a.state).toBe('draft');
        expect(a.publishedRevisionId).toBe(fixed.revision.id);
        const still = await store.getPublishedAnswer('sacral-agenesis', 'treatment');
        expect(still?.revision.id).toBe(fixed.revision.id);
        expect(still?.revision.answer.tldr).not.toBe('A newer summary.');

        // Four-eyes: Rita edits, so Rita may not approve; Rob may.
        const ritaEdit = await repo.saveRevision(
          id,
          later.revision.id,
          { ...draft(), tldr: 'Rita tidied the summary.' },
          reviewer,
        );
        await repo.transition(id, author, { action: 'submit' });
        await expect(
          repo.transition(id, reviewer, { action: 'approve', revisionId: ritaEdit.revision.id }),
        ).rejects.toMatchObject({
          code: 'four-eyes',
        });
        await repo.transition(id, reviewer2, { action: 'approve', revisionId: ritaEdit.revision.id });
        await repo.transition(id, editor, { action: 'publish' });
        expect((await store.getPublishedAnswer('sacral-agenesis', 'treatment'))?.revision.id).toBe(
          ritaEdit.revision.id,
        );

        const actions = (await repo.listAudit({ entity: 'answer', entityId: String(id) }))
          .map((e) => e.action)
          .reverse();
        expect(actions).toEqual([
          'create',
          'submit',
          'request_changes',
          'edit',
          'submit',
          'approve',
          'publish',
          'edit',
          'edit',
          'submit',
          'approve',
          'publish',
        ]);
      });

      it('decides a gap and audits it in one transaction: a crash before commit leaves neither', async () => {
        const asklog = new AskLogRepo(store);
        const group = {
          focus: 'gout',
          aspect: 'causes',
          targetFocus: null,
          targetAspect: null,
          answerId: null,
        };
        const crash = async () => {
          throw new Error('crash before commit');
        };
        await expect(
          runAction(
            store,
            decideGap,
            { ...group, status: 'not_in_scope', reason: 'r' },
            { actor: editor, beforeCommit: crash },
          ),
        ).rejects.toThrow('crash before commit');
        expect(await asklog.listDecisions()).toEqual([]);
        expect(await repo.listAudit({ entity: 'gap' })).toEqual([]);
        await expect(
          repo.run(decideGap, { ...group, status: 'not_in_scope', reason: ' ' }, editor),
        ).rejects.toMatchObject({ code: 'invalid' });
        await repo.run(decideGap, { ...group, status: 'not_in_scope', reason: 'covered elsewhere' }, editor);
        await repo.run(
          decideGap,
          { ...group, status: 'merged', reason: null, targetFocus: 'gout', targetAspect: 'symptoms' },
          editor,
        );
        expect(await asklog.listDecisions()).toEqual([
          expect.objectContaining({
            focus: 'gout',
            aspect: 'causes',
            status: 'merged',
            targetAspect: 'symptoms',
            actor: 'ed',
          }),
        ]);
        const audit = await repo.listAudit({ entity: 'gap', entityId: 'gout|causes' });
        expect(audit.map((e) => [e.action, e.actor, e.to])).toEqual(
          expect.arrayContaining([
            ['gap-decide', 'ed', 'not_in_scope'],
            ['gap-decide', 'ed', 'merged'],
          ]),
        );
        expect(audit).toHaveLength(2);
      });

      it('starts a draft from a gap in one transaction: a crash before commit leaves no condition, draft or decision', async () => {
        const asklog = new AskLogRepo(store);
        const input = {
          gap: { focus: 'gap-only-condition', aspect: 'causes' },
          newCondition: { slug: 'gap-only-condition', name: 'Gap only condition' },
          answer: {
            ...treatmentDraft(),
            condition: 'gap-only-condition',
            slug: 'causes',
            aspect: 'causes' as const,
          },
          note: 'Patients asked this and found no good answer:\n- what causes it?',
        };
        const crash = async () => {
          throw new Error('crash before commit');
        };
        await expect(
          runAction(store, startGapDraft, input, { actor: editor, beforeCommit: crash }),
        ).rejects.toThrow('crash before commit');
        expect(await store.findCondition('gap-only-condition')).toBeNull();
        expect(await repo.listAnswers({ condition: 'gap-only-condition' })).toEqual([]);
        expect(await asklog.listDecisions()).toEqual([]);
        // A step refused part way (the gap names no aspect) also leaves nothing.
        await expect(
          repo.run(startGapDraft, { ...input, gap: { focus: 'gap-only-condition', aspect: '' } }, editor),
        ).rejects.toMatchObject({ code: 'invalid' });
        expect(await store.findCondition('gap-only-condition')).toBeNull();

        const created = await repo.run(startGapDraft, input, editor);
        expect(await store.findCondition('gap-only-condition')).not.toBeNull();
        const a = await repo.getAnswer(created.id);
        expect(a).toMatchObject({ state: 'draft', conditionSlug: 'gap-only-condition' });
        expect(a!.comments[0]!.body).toContain('what causes it?');
        expect(await asklog.listDecisions()).toEqual([
          expect.objectContaining({ focus: 'gap-only-condition', status: 'drafted', answerId: created.id }),
        ]);
      });

      it('notify-review-due writes one row per answer, due date and person in one transaction, and no audit row', async () => {
        const items = await repo.reviewDue({ withinDays: 30, today: '2027-04-01' });
        expect(items.length).toBeGreaterThan(0);
        const audited = (await repo.listAudit({})).length;
        const crash = async () => {
          throw new Error('crash before commit');
        };
        await expect(
          runAction(store, notifyReviewDue, { items }, { actor: editor, beforeCommit: crash }),
        ).rejects.toThrow('crash before commit');
        expect(await store.outbox().list({ limit: 100 })).toEqual([]);
        // The owner (system, for imported answers, has no account) and the editor, ed.
        const added = await repo.notifyReviewDue(items);
        expect(added).toBe(items.length);
        const rows = await store.outbox().list({ limit: 100 });
        expect(rows.map((r) => [r.event, r.recipient])).toEqual(items.map(() => ['review_due', 'ed']));
        expect(await repo.notifyReviewDue(items)).toBe(0);
        expect(await repo.notifyReviewDue([])).toBe(0);
        expect((await repo.listAudit({})).length).toBe(audited);
      });

      it('unpublishes and archives: the page leaves the site', async () => {
        const view = await store.getPublishedAnswer('sacral-agenesis', 'causes');
        await repo.transition(view!.id, editor, { action: 'unpublish' });
        expect(await store.getPublishedAnswer('sacral-agenesis', 'causes')).toBeNull();
        expect((await repo.getAnswer(view!.id))?.state).toBe('approved');
        await repo.transition(view!.id, editor, { action: 'publish' });
        expect(await store.getPublishedAnswer('sacral-agenesis', 'causes')).not.toBeNull();
        await repo.transition(view!.id, editor, { action: 'archive' });
        expect(await store.getPublishedAnswer('sacral-agenesis', 'causes')).toBeNull();
        await expect(repo.saveRevision(view!.id, view!.revision.id, answer(), author)).rejects.toMatchObject({
          code: 'wrong-state',
        });
      });

      it('refuses every update and delete of audit rows and comments, through the query builder and raw SQL', async () => {
        const db = sqlStore(store).db;
        const { id } = await repo.createAnswer(draft(), author);
        await repo.transition(id, author, { action: 'comment', comment: 'note' });
        const before = await repo.listAudit();
        expect(before.length).toBeGreaterThan(0);
        await expect(db.updateTable('audit_events').set({ actor: 'mallory' }).execute()).rejects.toThrow(
          /append-only/,
        );
        await expect(db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
        await expect(sql`UPDATE audit_events SET hash = NULL`.execute(db)).rejects.toThrow(/append-only/);
        await expect(sql`DELETE FROM audit_events WHERE id = ${before[0]!.id}`.execute(db)).rejects.toThrow(
          /append-only/,
        );
        await expect(db.updateTable('comments').set({ body: 'rewritten' }).execute()).rejects.toThrow(
          /append-only/,
        );
        await expect(db.deleteFrom('comments').execute()).rejects.toThrow(/append-only/);
        await expect(db.updateTable('revisions').set({ author: 'mallory' }).execute()).rejects.toThrow(
          /append-only/,
        );
        if (store.dialect === 'postgres') {
          await expect(sql`TRUNCATE audit_events`.execute(db)).rejects.toThrow(/append-only/);
        }
        expect(await repo.listAudit()).toEqual(before);
      });

      it('lists overdue and soon-due answers and staggers first reviews over the interval', async () => {
        // Unreviewed imports without a schedule are due from the day they were imported.
        const tomorrow = addDays(repo.today(), 1);
        const due = await repo.reviewDue({ withinDays: 30, today: tomorrow });
        expect(due.map((d) => [d.slug, d.basis, d.status]).sort()).toEqual([
          ['overview', 'unscheduled', 'overdue'],
          ['symptoms', 'unscheduled', 'overdue'],
        ]);
        // Causes was reviewed with next review 2027-04-07: due soon only within that window.
        expect(
          (await repo.reviewDue({ withinDays: 30, today: '2027-03-01' })).some((d) => d.slug === 'causes'),
        ).toBe(false);
        expect(
          (await repo.reviewDue({ withinDays: 40, today: '2027-03-01' })).find((d) => d.slug === 'causes'),
        ).toMatchObject({
          status: 'due-soon',
          due: '2027-04-07',
          basis: 'approval',
          reviewerId: 'demo-gp',
        });

        const start = '2026-06-01';
        expect(await repo.staggerUnscheduled({ start, intervalMonths: 12, owner: 'ed' })).toBe(2);
        expect(await repo.staggerUnscheduled({ start })).toBe(0);
        const scheduled = (await repo.reviewDue({ withinDays: 0, today: start, includeAll: true })).filter(
          (d) => d.basis === 'schedule',
        );
        expect(scheduled.map((d) => d.due)).toEqual(['2026-12-01', '2027-06-01']);
        expect(scheduled.every((d) => d.owner === 'ed')).toBe(true);
        expect(await repo.reviewDue({ withinDays: 30, today: start })).toEqual([]);
      });

      it('takes the next review date from the condition interval when it has one', async () => {
        const asthma = answer({
          question: 'How is asthma treated?',
          condition: 'asthma',
          aspect: 'treatment',
          tldr: 'Inhalers control most asthma.',
          sources: [],
          body: 'Most people use two inhalers.\n',
        });
        const fixed = new Date('2026-03-31T10:00:00Z');
        const timed = workflowRepo(store, { now: () => fixed });
        const { id, revision } = await timed.createAnswer(asthma, author);
        await timed.transition(id, author, { action: 'submit' });
        await timed.transition(id, reviewer, { action: 'approve', revisionId: revision.id });
        // Asthma's interval is 6 months; 31 March + 6 months clamps to 30 September.
        expect((await timed.listApprovals(id))[0]).toMatchObject({
          reviewed: '2026-03-31',
          nextReview: '2026-09-30',
        });
      });
    });
  });
}
