/**
 * Every route × every role against the one table in auth-matrix.ts. The route list comes from
 * the app itself, so a route added without deciding who may use it fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFigures } from '../helpers/figures.js';
import { AUTH_MATRIX, type Expected, ROLES } from './auth-matrix.js';
import { appRoutes, type MatrixContext, startMatrixSite } from './matrix-site.js';

let ctx: MatrixContext;
beforeAll(async () => {
  ctx = await startMatrixSite();
});
afterAll(() => ctx?.close());

function outcome(res: Response): Expected {
  const location = res.headers.get('location') ?? '';
  if (res.status === 303 && location.startsWith('/login?next=')) return 'login';
  return res.status;
}

describe('authorisation matrix', () => {
  it('has exactly one row per route the app serves', () => {
    const routes = appRoutes(ctx.app);
    const missing = routes.filter((r) => !(r in AUTH_MATRIX));
    const stale = Object.keys(AUTH_MATRIX).filter((r) => !routes.includes(r));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('gives every role exactly the status the table says, on every route', async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [route, row] of Object.entries(AUTH_MATRIX)) {
      for (const role of ROLES) {
        const session = await ctx.session(role);
        const req = await row.request(ctx, session.csrf);
        const res = await ctx.send(req, role === 'anonymous' ? undefined : session);
        const got = outcome(res);
        cells++;
        if (got !== row.expect[role]) {
          mismatches.push(
            `${route} as ${role}: expected ${row.expect[role]}, got ${got} (${(await res.text()).slice(0, 160)})`,
          );
        }
      }
    }
    recordFigures('auth-matrix', {
      routes: Object.keys(AUTH_MATRIX).length,
      roles: ROLES.length,
      cells,
      mismatches: mismatches.length,
    });
    expect(cells).toBe(Object.keys(AUTH_MATRIX).length * ROLES.length);
    expect(mismatches).toEqual([]);
  }, 120_000);

  it('a refused write changes nothing (the author cannot publish, the editor cannot approve)', async () => {
    const row = AUTH_MATRIX['POST /editor/answers/:id/transition']!;
    const session = await ctx.session('author');
    const req = await row.request(ctx, session.csrf);
    const id = Number(/answers\/(\d+)/.exec(req.path)![1]);
    const before = await ctx.repo.getAnswer(id);
    expect((await ctx.send(req, session)).status).toBe(403);
    const after = await ctx.repo.getAnswer(id);
    expect(after!.state).toBe('approved');
    expect(after!.publishedRevisionId).toBe(before!.publishedRevisionId);
  });
});
