/**
 * The app behind the security tests: the store fixture bundle, one account per role (plus a
 * second reviewer, so approvals never fall foul of four-eyes), a signed-in session per role, and
 * requests made in-process with `app.request` (a loopback URL, as in development).
 */

import { type Answer, serialiseAnswer } from '../../src/content/index.js';
import { openSqliteStore, type Store, type WorkflowUser } from '../../src/store/index.js';
import { createApp } from '../../src/web/index.js';
import { importBundle, type WorkflowRepo, workflowRepo } from '../../src/workflow/index.js';
import { bundle } from '../store/fixtures.js';
import type { MatrixRequest, MatrixRole } from './auth-matrix.js';

export const PASSWORDS = {
  author: 'author password 1',
  reviewer: 'reviewer password 2',
  otherReviewer: 'other reviewer password 3',
  editor: 'editor password 4',
  admin: 'admin password 5',
};

export interface Session {
  cookie: string;
  csrf: string;
}

export interface MatrixContext {
  store: Store;
  repo: WorkflowRepo;
  app: ReturnType<typeof createApp>['app'];
  users: Record<'author' | 'reviewer' | 'otherReviewer' | 'editor' | 'admin', WorkflowUser>;
  passwords: typeof PASSWORDS;
  /** An answer every signed-in role may read. */
  anyAnswerId: number;
  markdownOf(answer: Answer): string;
  /** A fresh sign-in form: its CSRF cookie and token. */
  loginForm(): Promise<{ cookie: string; token: string }>;
  /** A new session for the role (none for anonymous). */
  session(role: MatrixRole): Promise<Session>;
  send(req: MatrixRequest, session?: Session): Promise<Response>;
  close(): Promise<void>;
}

export async function startMatrixSite(): Promise<MatrixContext> {
  const store = await openSqliteStore(':memory:');
  await importBundle(store, bundle(), { actor: 'test' });
  const repo = workflowRepo(store);
  const add = (username: string, role: WorkflowUser['role'], password: string, reviewerId?: string) =>
    repo.createUser({ username, name: username, role, password, reviewerId }, 'test');
  const users = {
    author: await add('ann', 'author', PASSWORDS.author),
    reviewer: await add('rita', 'reviewer', PASSWORDS.reviewer, 'demo-paed'),
    otherReviewer: await add('rob', 'reviewer', PASSWORDS.otherReviewer, 'demo-gp'),
    editor: await add('ed', 'editor', PASSWORDS.editor),
    admin: await add('ada', 'admin', PASSWORDS.admin),
  };
  const { app } = createApp({ store, logError: (err) => console.error(err) });
  const anyAnswerId = (await repo.listAnswers({ condition: 'sacral-agenesis' }))[0]!.id;

  const send = async (req: MatrixRequest, session?: Session): Promise<Response> => {
    const headers = new Headers(req.headers);
    if (session) {
      const cookie = headers.get('cookie');
      headers.set('cookie', cookie ? `${cookie}; ${session.cookie}` : session.cookie);
    }
    let body: string | undefined;
    if (req.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(req.form).toString();
    } else if (req.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(req.json);
    }
    return app.request(req.path, { method: req.method ?? 'GET', headers, body });
  };

  return {
    store,
    repo,
    app,
    users,
    passwords: PASSWORDS,
    anyAnswerId,
    markdownOf: (a) => {
      const { review: _r, updated: _u, ...rest } = a;
      return serialiseAnswer(rest as Answer);
    },
    async loginForm() {
      const res = await app.request('/login');
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(';')[0]!)
        .join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
      return { cookie, token };
    },
    async session(role) {
      if (role === 'anonymous') return { cookie: '', csrf: '' };
      const s = await repo.createSession(users[role].id, 60 * 60 * 1000);
      return { cookie: `medbrief_session=${s.token}`, csrf: s.csrfToken };
    },
    send,
    close: () => store.close(),
  };
}

/** The distinct `METHOD path` routes the app answers (middleware-only `ALL` entries excluded). */
export function appRoutes(app: MatrixContext['app']): string[] {
  const keys = app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)];
}
