/**
 * CSRF on every state-changing route the app serves (POST/PUT/PATCH/DELETE from `app.routes`):
 * with no token, a forged token, or another session's token the request is refused with 403 and
 * nothing in the database changes; with the right token the same request succeeds (so the
 * refusal is about the token, not about the request).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../helpers/figures.js';
import { sqlStore } from '../helpers/store-db.js';
import { AUTH_MATRIX, type MatrixRole, ROLES } from './auth-matrix.js';
import { appRoutes, type MatrixContext, startMatrixSite } from './matrix-site.js';

/** Routes that change nothing on behalf of a session, and why no CSRF token applies. */
const EXEMPT: Record<string, string> = {
  'POST /mcp': 'public, read-only JSON-RPC; it reads no cookie, so a forged cross-site request gains nothing',
  'DELETE /mcp': 'always 405',
  'POST /login': 'no session yet: protected by the double-submit sign-in token (tested below)',
  'POST /account/setup/:token':
    'no session: the one-time link token is the credential, plus the double-submit form token (test/workflow/account-links.test.ts)',
  'POST /feedback':
    'anonymous readers have no session or token; it reads no cookie and only adds a vote (rate-limited per client, honeypot, size cap: test/asklog/feedback.test.ts)',
};

let ctx: MatrixContext;
beforeAll(async () => {
  ctx = await startMatrixSite();
});
afterAll(() => ctx?.close());

/** Row counts of every table a write could touch. */
async function snapshot(): Promise<Record<string, number | string>> {
  const db = sqlStore(ctx.store).db;
  const out: Record<string, number | string> = {};
  for (const t of [
    'answers',
    'revisions',
    'approvals',
    'audit_events',
    'sessions',
    'comments',
    'users',
    'edit_locks',
  ]) {
    const r = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(t)}`.execute(db);
    out[t] = Number(r.rows[0]!.n);
  }
  const states = await sql<{ s: string }>`
    SELECT group_concat(id || ':' || state || ':' || coalesce(current_revision_id, '-') || ':' || coalesce(published_revision_id, '-')) AS s
    FROM answers`.execute(db);
  out.states = states.rows[0]!.s;
  return out;
}

describe('CSRF', () => {
  const writes = () => appRoutes(ctx.app).filter((r) => /^(POST|PUT|PATCH|DELETE) /.test(r));

  it('covers every state-changing route (or names why it is exempt)', () => {
    expect(writes().length).toBeGreaterThan(5);
    for (const r of writes()) expect(AUTH_MATRIX[r] ?? EXEMPT[r], r).toBeDefined();
  });

  it('refuses a missing, forged or foreign token with 403 and changes nothing', async () => {
    let refused = 0;
    const checked: string[] = [];
    for (const route of writes()) {
      if (EXEMPT[route]) continue;
      const row = AUTH_MATRIX[route]!;
      // a role the table lets through
      const role = ROLES.find(
        (r) => r !== 'anonymous' && [200, 201, 303].includes(row.expect[r] as number),
      ) as MatrixRole;
      expect(role, route).toBeDefined();
      const victim = await ctx.session(role);
      const other = await ctx.session(role === 'editor' ? 'admin' : 'editor');
      for (const [label, token] of [
        ['missing', ''],
        ['forged', 'x'.repeat(victim.csrf.length)],
        ['another session’s', other.csrf],
      ] as const) {
        const req = await row.request(ctx, token);
        const before = await snapshot();
        const res = await ctx.send(req, victim);
        expect(res.status, `${route} with ${label} token`).toBe(403);
        expect(await snapshot(), `${route} with ${label} token changed data`).toEqual(before);
        refused++;
      }
      const ok = await ctx.send(await row.request(ctx, victim.csrf), victim);
      expect([200, 201, 303], `${route} with the right token`).toContain(ok.status);
      checked.push(route);
    }
    recordFigures('csrf', { routes: checked.length, refusedRequests: refused, exempt: Object.keys(EXEMPT) });
    expect(checked.length).toBeGreaterThanOrEqual(6);
  }, 60_000);

  it('sign-in refuses a form without its double-submit token, or with one from another form', async () => {
    const a = await ctx.loginForm();
    const b = await ctx.loginForm();
    const body = (token: string) =>
      new URLSearchParams({ _csrf: token, username: 'ed', password: ctx.passwords.editor }).toString();
    const post = (cookie: string, token: string) =>
      ctx.app.request('/login', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: body(token),
      });
    expect((await post('', a.token)).status).toBe(403);
    expect((await post(a.cookie, b.token)).status).toBe(403);
    expect((await post(a.cookie, a.token)).status).toBe(303);
  });

  it('the MCP endpoint ignores cookies: a signed-in request gets exactly what an anonymous one gets', async () => {
    const req = await AUTH_MATRIX['POST /mcp']!.request(ctx, '');
    const anonymous = await (await ctx.send(req)).json();
    const signedIn = await (await ctx.send(req, await ctx.session('admin'))).json();
    expect(signedIn).toEqual(anonymous);
  });
});
