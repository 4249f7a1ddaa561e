/** An app with the question log on, over SQLite or PostgreSQL, with an author, editor and reviewer signed in. */

import { Writable } from 'node:stream';
import { pino } from 'pino';
import { type AskLogRepo, RateLimiter } from '../../src/asklog/index.js';
import { createApp } from '../../src/web/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import type { SqlStore } from '../helpers/store-db.js';
import { bundle } from '../store/fixtures.js';

export interface LoggedSite {
  store: SqlStore;
  repo: WorkflowRepo;
  asklog: AskLogRepo;
  app: ReturnType<typeof createApp>['app'];
  /** Everything the request logger wrote. */
  logs: string[];
  flush(): Promise<void>;
  stats(): { recorded: number; written: number; failed: number; dropped: number };
  session(role: 'author' | 'editor' | 'reviewer'): Promise<{ cookie: string; csrf: string }>;
  form(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export async function startLoggedSite(open: () => Promise<SqlStore>, limit = 10): Promise<LoggedSite> {
  const store = await open();
  await importBundle(store, bundle(), { actor: 'test' });
  const repo = workflowRepo(store);
  const users = {
    author: await repo.createUser(
      { username: 'ann', name: 'Ann', role: 'author', password: 'ann password 1' },
      'test',
    ),
    editor: await repo.createUser(
      { username: 'ed', name: 'Ed', role: 'editor', password: 'ed password 22' },
      'test',
    ),
    reviewer: await repo.createUser(
      {
        username: 'rita',
        name: 'Rita',
        role: 'reviewer',
        password: 'rita password 3',
        reviewerId: 'demo-paed',
      },
      'test',
    ),
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const { app, askLog } = createApp({
    store,
    logger: pino({ level: 'info' }, sink),
    askLog: { enabled: true },
    feedback: { trustProxy: true, limiter: new RateLimiter({ limit }) },
  });
  if (!askLog) throw new Error('ask log not started');
  return {
    store,
    repo,
    asklog: askLog.repo,
    app,
    logs,
    flush: () => askLog.recorder.flush(),
    stats: () => ({ ...askLog.recorder.stats }),
    async session(role) {
      const s = await repo.createSession(users[role].id, 3_600_000);
      return { cookie: `medbrief_session=${s.token}`, csrf: s.csrfToken };
    },
    form: async (path, fields, headers = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(fields).toString(),
      }),
    async close() {
      await askLog.close();
      await store.close();
    },
  };
}
