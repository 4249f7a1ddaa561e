/**
 * The answer list's derived columns on `answers` (list_search, list_reviewed, list_due) stay
 * right after every write: each workflow action (create, save revision, submit, approve,
 * publish, unpublish, archive, restore, staggered reviews), the bundle import and the MedQuAD
 * import, on SQLite and PostgreSQL. "Right" is computed here from the store's own reads (the
 * current and published revisions, approvals, schedules), not from the SQL that derives them.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { importMedquad } from '../../src/import/medquad/index.js';
import { refreshAnswerListColumns } from '../../src/store/answer-list.js';
import type { WorkflowUser } from '../../src/store/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import { storeBackends } from '../helpers/backends.js';
import type { SqlStore } from '../helpers/store-db.js';
import { bundle, treatmentDraft } from './fixtures.js';
import { workflowUsers } from './workflow-users.js';

interface Columns {
  search: string | null;
  reviewed: boolean;
  due: string | null;
}

async function stored(store: SqlStore): Promise<Map<number, Columns>> {
  const rows = await store.db
    .selectFrom('answers')
    .select(['id', 'list_search', 'list_reviewed', 'list_due'])
    .orderBy('id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      { search: r.list_search, reviewed: Number(r.list_reviewed) === 1, due: r.list_due },
    ]),
  );
}

/** What the columns must hold, from the editor's reads of each answer. */
async function expected(store: SqlStore, repo: WorkflowRepo): Promise<Map<number, Columns>> {
  const review = new Map((await store.editorReads().reviewRows()).map((r) => [r.answerId, r]));
  const out = new Map<number, Columns>();
  for (const id of (await stored(store)).keys()) {
    const a = (await repo.getAnswer(id))!;
    const bound = (hash: string | undefined) =>
      a.approvals
        .filter((ap) => ap.hash === hash)
        .sort((x, y) => (x.reviewed === y.reviewed ? y.id - x.id : x.reviewed < y.reviewed ? 1 : -1));
    const r = review.get(id);
    out.set(id, {
      search: a.current ? a.current.answer.question.toLowerCase() : null,
      reviewed: bound(a.current?.hash).length > 0,
      due: a.published
        ? (bound(a.published.hash)[0]?.nextReview ?? r?.scheduledDue ?? r!.createdAt.slice(0, 10))
        : null,
    });
  }
  return out;
}

function medquadDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-list-columns-'));
  mkdirSync(join(dir, '3_GHR_QA'));
  writeFileSync(
    join(dir, '3_GHR_QA', '0000001.xml'),
    `<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000001" source="GHR" url="https://ghr.nlm.nih.gov/condition/hiccup-syndrome">
<Focus>Hiccup syndrome</Focus>
<QAPairs>
<QAPair pid="1"><Question qid="0000001-1" qtype="information">What is (are) Hiccup syndrome ?</Question><Answer>Hiccup syndrome is a made-up condition for this test. It causes long bouts of hiccups.</Answer></QAPair>
<QAPair pid="2"><Question qid="0000001-2" qtype="symptoms">What are the symptoms of Hiccup syndrome ?</Question><Answer>People have hiccups that last for days. Some people find it hard to sleep.</Answer></QAPair>
</QAPairs>
</Document>`,
  );
  return dir;
}

function suite(name: string, open: () => Promise<SqlStore>) {
  describe(`answer list columns stay current: ${name}`, () => {
    let store: SqlStore;
    let repo: WorkflowRepo;
    let author: WorkflowUser;
    let reviewer: WorkflowUser;
    let editor: WorkflowUser;

    beforeEach(async () => {
      store = await open();
      // The bundle brings the reviewer profiles, and published answers with and without review.
      await importBundle(store, bundle(), { actor: 'test' });
      repo = workflowRepo(store, { lint: () => [] });
      ({ author, reviewer, editor } = await workflowUsers(repo));
      return () => store.close();
    });

    const check = async (step: string) => {
      const have = await stored(store);
      expect(have.size, step).toBeGreaterThan(0);
      expect(Object.fromEntries(have), step).toEqual(Object.fromEntries(await expected(store, repo)));
      return have;
    };

    it('after every workflow action and import', async () => {
      const imported = await check('import bundle');
      // The bundle has reviewed and unreviewed published answers: both kinds are covered.
      expect([...imported.values()].some((c) => c.reviewed && c.due)).toBe(true);
      expect([...imported.values()].some((c) => !c.reviewed && c.due)).toBe(true);

      const { id, revision } = await repo.createAnswer(treatmentDraft(), author);
      expect((await check('create')).get(id)).toEqual({
        search: treatmentDraft().question.toLowerCase(),
        reviewed: false,
        due: null,
      });
      const question = 'How is sacral agenesis treated, and by WHOM?';
      const saved = await repo.saveRevision(id, revision.id, { ...treatmentDraft(), question }, author);
      expect((await check('save revision')).get(id)?.search).toBe(question.toLowerCase());
      await repo.transition(id, author, { action: 'submit' });
      await check('submit');
      await repo.transition(id, reviewer, { action: 'approve', revisionId: saved.revision.id });
      expect((await check('approve')).get(id)).toMatchObject({ reviewed: true, due: null });
      await repo.transition(id, editor, { action: 'publish' });
      const due = (await check('publish')).get(id)?.due;
      expect(due).toMatch(/^\d{4}-\d\d-\d\d$/);
      await repo.transition(id, editor, { action: 'unpublish' });
      expect((await check('unpublish')).get(id)?.due).toBeNull();
      await repo.transition(id, editor, { action: 'publish' });
      expect((await check('publish again')).get(id)?.due).toBe(due);
      const edited = await repo.saveRevision(
        id,
        saved.revision.id,
        { ...treatmentDraft(), question, tldr: 'An edit after publishing.' },
        author,
      );
      // The edit is not reviewed; the public revision (and its review date) stays.
      expect((await check('edit a published answer')).get(id)).toMatchObject({ reviewed: false, due });
      await repo.transition(id, editor, { action: 'archive' });
      expect((await check('archive')).get(id)?.due).toBeNull();
      await repo.transition(id, editor, { action: 'restore' });
      await check('restore');
      expect(edited.created).toBe(true);

      expect(await repo.staggerUnscheduled({ start: '2031-01-01', intervalMonths: 12 })).toBeGreaterThan(0);
      const staggered = await check('stagger reviews');
      expect([...staggered.values()].some((c) => c.due?.startsWith('2031-'))).toBe(true);

      const dir = medquadDir();
      try {
        const result = await importMedquad(store, dir, { today: '2026-01-15' });
        expect(result.write.answers.added).toBe(2);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const after = await check('MedQuAD import');
      expect(after.size).toBe(imported.size + 3);
    });

    it('the back-fill derives the same values the writes keep', async () => {
      const kept = await stored(store);
      await store.db
        .updateTable('answers')
        .set({ list_search: null, list_reviewed: 0, list_due: null })
        .execute();
      await refreshAnswerListColumns(store.db);
      expect(await stored(store)).toEqual(kept);
    });
  });
}

for (const [name, open] of await storeBackends('list_columns', 'answer list columns')) suite(name, open);
