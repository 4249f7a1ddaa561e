/** An in-process app on 127.0.0.1:<free port> over a temporary SQLite store with a team. */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { createApp, type RunningServer, startServer } from '../../src/web/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import { bundle } from '../store/fixtures.js';
import { createTeam } from '../store/workflow-users.js';

export { createTeam, PASSWORDS } from '../store/workflow-users.js';

export interface TestSite {
  store: Store;
  repo: WorkflowRepo;
  server: RunningServer;
  close(): Promise<void>;
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
