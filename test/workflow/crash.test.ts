/** kill -9 in the middle of a transition or an edit leaves the previous consistent state. */

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { importBundle, workflowRepo } from '../../src/workflow/index.js';
import { repoRoot } from '../helpers/corpus.js';
import { bundle } from '../store/fixtures.js';
import { createTeam } from '../store/workflow-users.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the child until it is inside the transaction, then kills it with SIGKILL. */
function killMidTransaction(
  file: string,
  id: number,
  what: 'publish' | 'edit',
): Promise<NodeJS.Signals | null> {
  return new Promise((resolve, reject) => {
    // `node --import tsx` (not the tsx wrapper) so the signal reaches the process holding the transaction.
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'fixtures', 'crash-child.ts'), file, String(id), what],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('in-transaction')) child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) =>
      signal ? resolve(signal) : reject(new Error(`child exited ${code}: ${err}`)),
    );
    setTimeout(() => child.kill('SIGKILL'), 20_000);
  });
}

async function setup(file: string) {
  const store = await openSqliteStore(file);
  await importBundle(store, bundle(), { actor: 'test' });
  const repo = workflowRepo(store);
  const { ann, rita } = await createTeam(repo);
  const id = (await repo.listAnswers({ condition: 'sacral-agenesis' })).find(
    (a) => a.slug === 'symptoms',
  )!.id;
  const a = (await repo.getAnswer(id))!;
  const saved = await repo.saveRevision(
    id,
    a.currentRevisionId,
    { ...a.current!.answer, tldr: 'Reviewed summary.' },
    ann,
  );
  await repo.transition(id, ann, { action: 'submit' });
  await repo.transition(id, rita, { action: 'approve', revisionId: saved.revision.id });
  await store.close();
  return id;
}

async function snapshot(file: string, id: number) {
  const store = await openSqliteStore(file);
  const repo = workflowRepo(store);
  const a = (await repo.getAnswer(id))!;
  const snap = {
    state: a.state,
    current: a.currentRevisionId,
    published: a.publishedRevisionId,
    revisions: (await store.listRevisions(id)).length,
    audit: (await repo.listAudit()).length,
    public: (await store.getPublishedAnswer('sacral-agenesis', 'symptoms'))?.revision.id ?? null,
  };
  await store.close();
  return snap;
}

describe('crash safety', () => {
  it.each(['publish', 'edit'] as const)(
    'kill -9 during %s leaves the previous state',
    async (what) => {
      const file = join(dir, `${what}.db`);
      const id = await setup(file);
      const before = await snapshot(file, id);
      expect(before.state).toBe('approved');
      expect(await killMidTransaction(file, id, what)).toBe('SIGKILL');
      const after = await snapshot(file, id);
      expect(after).toEqual(before);
      // And the store still works: the same action completes normally afterwards.
      const store = await openSqliteStore(file);
      const repo = workflowRepo(store);
      if (what === 'publish') await repo.transition(id, (await repo.getUser('ed'))!, { action: 'publish' });
      else
        await repo.saveRevision(
          id,
          before.current,
          { ...(await repo.getAnswer(id))!.current!.answer, tldr: 'Now saved.' },
          (await repo.getUser('ann'))!,
        );
      expect((await repo.getAnswer(id))!.state).toBe(what === 'publish' ? 'published' : 'draft');
      await store.close();
    },
    60_000,
  );
});
