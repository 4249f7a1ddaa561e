/** An in-process app on 127.0.0.1:<free port> over a temporary SQLite store with a team. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { createApp, type RunningServer, startServer } from '../../src/web/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import { bundle } from '../store/fixtures.js';

export const PASSWORDS = {
  ann: 'ann password 1',
  rita: 'rita password 2',
  rob: 'rob password 3',
  ed: 'ed password 4',
};

export interface TestSite {
  store: Store;
  repo: WorkflowRepo;
  server: RunningServer;
  close(): Promise<void>;
}

/** The test team (author ann, reviewers rita and rob, editor ed), with PASSWORDS. */
export async function createTeam(repo: WorkflowRepo) {
  const ann = await repo.createUser(
    { username: 'ann', name: 'Ann Author', role: 'author', password: PASSWORDS.ann },
    'test',
  );
  const rita = await repo.createUser(
    {
      username: 'rita',
      name: 'Rita Reviewer',
      role: 'reviewer',
      password: PASSWORDS.rita,
      reviewerId: 'demo-paed',
    },
    'test',
  );
  const rob = await repo.createUser(
    {
      username: 'rob',
      name: 'Rob Reviewer',
      role: 'reviewer',
      password: PASSWORDS.rob,
      reviewerId: 'demo-gp',
    },
    'test',
  );
  const ed = await repo.createUser(
    { username: 'ed', name: 'Ed Editor', role: 'editor', password: PASSWORDS.ed },
    'test',
  );
  return { ann, rita, rob, ed };
}

/** "What causes gout?" as an author writes it (the gap-loop tests publish it). */
export const GOUT_CAUSES = `---
question: What causes gout?
condition: gout
aspect: causes
tldr: >-
  Gout is caused by too much uric acid in the blood. The acid forms crystals in a joint, which
  then becomes hot, swollen and painful.
sources:
  - id: nhs-gout
    title: Gout
    url: https://www.nhs.uk/conditions/gout/
    publisher: NHS
    accessed: 2026-03-30
---
Gout happens when uric acid builds up and forms sharp crystals in and around a joint [^nhs-gout].
`;

export async function startTestSite(open?: () => Promise<Store>): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-web-'));
  const store = open ? await open() : await openSqliteStore(join(dir, 'site.db'));
  await importBundle(store, bundle(), { actor: 'test' });
  const repo = workflowRepo(store);
  await createTeam(repo);
  const { app } = createApp({ store, logError: (err) => console.error(err) });
  const server = await startServer(app, 0, '127.0.0.1');
  return {
    store,
    repo,
    server,
    async close() {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
