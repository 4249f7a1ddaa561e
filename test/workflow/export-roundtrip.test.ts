/** Git round trip: export the published site, import it into a fresh store, get the same state. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exportContentFiles, writeContentFiles } from '../../src/cli/commands/export.js';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { reviewBadgeFor } from '../../src/content/index.js';
import { type AnswerView, openSqliteStore, type Store } from '../../src/store/index.js';
import { workflowRepo } from '../../src/workflow/index.js';
import { repoRoot } from '../helpers/corpus.js';
import { createTeam } from '../store/workflow-users.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function state(store: Store) {
  const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
  const views: AnswerView[] = await store.allPublishedAnswers();
  return views
    .map((v) => ({
      path: `${v.conditionSlug}/${v.slug}`,
      hash: v.revision.hash,
      badge: reviewBadgeFor({
        hash: v.revision.hash,
        approvals: v.approvals,
        reviewers,
        updated: v.updated,
        origin: v.origin,
        today: '2026-11-25',
      }),
    }))
    .sort((a, b) => a.path.localeCompare(b.path));
}

describe('medbrief export → import', () => {
  it('gives identical hashes and badges in a fresh store, including reviews done in the editor', async () => {
    const a = await openSqliteStore(join(dir, 'a.db'));
    await importContentFolder(a, join(repoRoot, 'demo', 'content'), 'test');
    // A review done through the workflow (not in git) must travel too.
    const repo = workflowRepo(a);
    const { ann, rita: rev, ed } = await createTeam(repo, { rita: 'demo-reviewer-2', rob: 'demo-reviewer' });
    const target =
      (await a.getPublishedAnswer('gout', 'treatment')) ?? (await a.allPublishedAnswers({ limit: 1 }))[0]!;
    const saved = await repo.saveRevision(
      target.id,
      target.revision.id,
      {
        ...target.revision.answer,
        tldr: `${target.revision.answer.tldr} Ask your doctor which option suits you.`,
      },
      ann,
    );
    await repo.transition(target.id, ann, { action: 'submit' });
    await repo.transition(target.id, rev, { action: 'approve', revisionId: saved.revision.id });
    await repo.transition(target.id, ed, { action: 'publish' });
    // And an unpublished draft on another answer must not leak into the export.
    const other = (await a.allPublishedAnswers({ limit: 2 }))[1]!;
    await repo.saveRevision(
      other.id,
      other.revision.id,
      { ...other.revision.answer, tldr: 'DRAFT ONLY.' },
      ann,
    );

    const out = join(dir, 'out');
    const files = await exportContentFiles(a);
    writeContentFiles(out, files);
    expect(readFileSync(join(out, `${target.conditionSlug}/${target.slug}.md`), 'utf8')).toContain(
      `revision: ${saved.revision.hash}`,
    );
    expect([...files.values()].some((t) => t.includes('DRAFT ONLY.'))).toBe(false);

    const b = await openSqliteStore(join(dir, 'b.db'));
    await importContentFolder(b, out, 'test');
    const [sa, sb] = [await state(a), await state(b)];
    expect(sb).toEqual(sa);
    expect(sa.length).toBeGreaterThan(30);
    expect(sa.find((x) => x.hash === saved.revision.hash)?.badge).toMatchObject({
      kind: 'reviewed',
      reviewer: { id: 'demo-reviewer-2' },
    });
    // Exporting the imported store gives the same files: a fixpoint.
    expect(await exportContentFiles(b)).toEqual(files);
    await a.close();
    await b.close();
  });
});
