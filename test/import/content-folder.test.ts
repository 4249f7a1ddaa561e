import { describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { ContentError } from '../../src/content/index.js';
import { loadContentFolder } from '../../src/import/markdown/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { importBundle } from '../../src/workflow/index.js';
import { answerFile, contentFolder, tempDir, writeFiles } from '../helpers/content-fixture.js';
import { sqlStore } from '../helpers/store-db.js';

const ASPECTS = ['overview', 'causes', 'symptoms', 'treatment'];

function codes(dir: string): string[] {
  return loadContentFolder(dir).problems.map((p) => p.code);
}

describe('loadContentFolder', () => {
  it('reads conditions, answers and reviewers', () => {
    const dir = writeFiles(tempDir(), contentFolder(['alpha', 'beta'], ASPECTS));
    const { bundle, problems } = loadContentFolder(dir);
    expect(problems).toEqual([]);
    expect(bundle.conditions.map((c) => c.slug)).toEqual(['alpha', 'beta']);
    expect(bundle.answers).toHaveLength(8);
    expect(bundle.reviewers[0]?.demo).toBe(true);
  });

  it('reports a folder name that is not a slug', () => {
    const dir = writeFiles(tempDir(), { 'Bad Name/condition.md': '---\nname: x\n---\n' });
    expect(codes(dir)).toContain('bad-slug');
  });

  it('reports a condition folder without condition.md', () => {
    const dir = writeFiles(tempDir(), { 'alpha/causes.md': answerFile('alpha', 'causes') });
    expect(codes(dir)).toContain('condition-missing');
  });

  it('reports a duplicate answer slug across two files', () => {
    const files = contentFolder(['alpha'], ['causes']);
    files['alpha/why.md'] = answerFile('alpha', 'causes').replace(
      'aspect: causes',
      'aspect: causes\nslug: causes',
    );
    const dir = writeFiles(tempDir(), files);
    expect(codes(dir)).toEqual(expect.arrayContaining(['file-name-mismatch']));
    const files2 = contentFolder(['alpha'], ['causes']);
    files2['alpha/causes2.md'] = answerFile('alpha', 'causes').replace(
      'aspect: causes',
      'aspect: causes\nslug: causes2',
    );
    files2['alpha/causes.md'] = answerFile('alpha', 'causes');
    expect(codes(writeFiles(tempDir(), files2))).toEqual([]);
  });

  it('reports a file whose condition field does not match its folder, at the field line', () => {
    const files = contentFolder(['alpha'], []);
    files['alpha/causes.md'] = answerFile('beta', 'causes');
    const { problems } = loadContentFolder(writeFiles(tempDir(), files));
    expect(problems[0]).toMatchObject({ code: 'condition-mismatch', line: 3 });
  });

  it('reports a review by someone not in reviewers.yaml', () => {
    const files = contentFolder(['alpha'], []);
    files['alpha/causes.md'] = answerFile('alpha', 'causes', {
      review: 'review:\n  reviewer: nobody\n  reviewed: 2026-01-01\n',
    });
    expect(codes(writeFiles(tempDir(), files))).toEqual(['unknown-reviewer']);
  });

  it('reports non-UTF-8 files instead of importing mojibake', () => {
    const files: Record<string, string | Buffer> = contentFolder(['alpha'], []);
    files['alpha/causes.md'] = Buffer.from([...Buffer.from(answerFile('alpha', 'causes')), 0xff, 0xfe]);
    expect(codes(writeFiles(tempDir(), files))).toEqual(['not-utf8']);
  });

  it('reports a missing folder with a hint', () => {
    const { problems } = loadContentFolder('/no/such/folder');
    expect(problems[0]?.hint).toMatch(/medbrief init/);
  });
});

/** Every row of every table the import writes, for before/after comparison. */
async function dump(store: Awaited<ReturnType<typeof openSqliteStore>>) {
  const tables = [
    'conditions',
    'condition_synonyms',
    'answers',
    'revisions',
    'approvals',
    'reviewers',
    'audit_events',
  ];
  const out: Record<string, unknown[]> = {};
  for (const t of tables)
    out[t] = await sqlStore(store)
      .db.selectFrom(t as 'conditions')
      .selectAll()
      .execute();
  return out;
}

describe('importing a content folder', () => {
  it('is all or nothing: one broken file among 20 leaves the store exactly as it was', async () => {
    const store = await openSqliteStore(':memory:');
    await importContentFolder(store, writeFiles(tempDir(), contentFolder(['alpha'], ['overview'])));
    const before = await dump(store);

    const files = contentFolder(['alpha', 'beta', 'gamma', 'delta', 'epsilon'], ASPECTS); // 20 answers
    files['gamma/symptoms.md'] = answerFile('gamma', 'symptoms', { body: 'Broken ref [^missing].' });
    await expect(importContentFolder(store, writeFiles(tempDir(), files))).rejects.toBeInstanceOf(
      ContentError,
    );
    expect(await dump(store)).toEqual(before);
    await store.close();
  });

  it('rolls back a failure inside the transaction too (reviewer unknown to the store)', async () => {
    const store = await openSqliteStore(':memory:');
    const before = await dump(store);
    const files = contentFolder(['alpha', 'beta'], ASPECTS);
    const bundle = loadContentFolder(writeFiles(tempDir(), files)).bundle;
    bundle.reviewers = [];
    bundle.answers[5]!.review = { reviewer: 'ghost', reviewed: '2026-01-01' };
    await expect(importBundle(store, bundle, { actor: 't' })).rejects.toThrow(/ghost/);
    expect(await dump(store)).toEqual(before);
    await store.close();
  });

  it('is idempotent and records a new revision only for changed content', async () => {
    const store = await openSqliteStore(':memory:');
    const dir = writeFiles(tempDir(), contentFolder(['alpha'], ASPECTS));
    const first = await importContentFolder(store, dir);
    expect(first.answers).toEqual({ added: 4, updated: 0, unchanged: 0 });
    const again = await importContentFolder(store, dir);
    expect(again.answers).toEqual({ added: 0, updated: 0, unchanged: 4 });
    writeFiles(dir, { 'alpha/causes.md': answerFile('alpha', 'causes', { body: 'Changed words [^src].' }) });
    const third = await importContentFolder(store, dir);
    expect(third.answers).toEqual({ added: 0, updated: 1, unchanged: 3 });
    const view = await store.getPublishedAnswer('alpha', 'causes');
    const revisions = await store.listRevisions(view!.id);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]!.baseRevisionId).toBe(revisions[0]!.id);
    expect(view!.revision.answer.body).toContain('Changed words');
    await store.close();
  });

  it('refuses to change or delete revisions and audit rows (append-only)', async () => {
    const store = await openSqliteStore(':memory:');
    await importContentFolder(store, writeFiles(tempDir(), contentFolder(['alpha'], ['causes'])));
    await expect(
      sqlStore(store).db.updateTable('revisions').set({ body: 'forged' }).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sqlStore(store).db.deleteFrom('audit_events').execute()).rejects.toThrow(/append-only/);
    await store.close();
  });
});
