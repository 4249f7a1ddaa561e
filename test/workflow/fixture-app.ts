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

export async function startTestSite(open?: () => Promise<Store>): Promise<TestSite> {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-web-'));
  const store = open ? await open() : await openSqliteStore(join(dir, 'site.db'));
  await importBundle(store, bundle(), { actor: 'test' });
  const repo = workflowRepo(store);
  await repo.createUser(
    { username: 'ann', name: 'Ann Author', role: 'author', password: PASSWORDS.ann },
    'test',
  );
  await repo.createUser(
    {
      username: 'rita',
      name: 'Rita Reviewer',
      role: 'reviewer',
      password: PASSWORDS.rita,
      reviewerId: 'demo-paed',
    },
    'test',
  );
  await repo.createUser(
    {
      username: 'rob',
      name: 'Rob Reviewer',
      role: 'reviewer',
      password: PASSWORDS.rob,
      reviewerId: 'demo-gp',
    },
    'test',
  );
  await repo.createUser(
    { username: 'ed', name: 'Ed Editor', role: 'editor', password: PASSWORDS.ed },
    'test',
  );
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
