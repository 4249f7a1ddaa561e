/**
 * Security headers on every route of the app (each row of the auth matrix, as a reader and as an
 * editor) and on error responses: a Content-Security-Policy that allows no inline script, no
 * plugins, no <base> and no framing; nosniff; a referrer policy; no framing by old browsers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH_MATRIX } from './auth-matrix.js';
import { type MatrixContext, startMatrixSite } from './matrix-site.js';

let ctx: MatrixContext;
beforeAll(async () => {
  ctx = await startMatrixSite();
});
afterAll(() => ctx?.close());

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name!.toLowerCase(), values]),
  );
}

function problems(res: Response): string[] {
  const out: string[] = [];
  const csp = res.headers.get('content-security-policy');
  if (!csp) return ['no Content-Security-Policy'];
  const d = directives(csp);
  const scripts = d.get('script-src') ?? d.get('default-src') ?? [];
  if (
    scripts.some((v) => ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'http:', 'https:'].includes(v))
  ) {
    out.push(`script-src allows ${scripts.join(' ')}`);
  }
  if (d.get('object-src')?.join(' ') !== "'none'") out.push('object-src is not none');
  if (!["'none'", "'self'"].includes(d.get('base-uri')?.join(' ') ?? '')) out.push('base-uri unrestricted');
  if (d.get('frame-ancestors')?.join(' ') !== "'none'") out.push('frame-ancestors is not none');
  if (res.headers.get('x-content-type-options') !== 'nosniff') out.push('no nosniff');
  const referrer = res.headers.get('referrer-policy') ?? '';
  if (
    !['no-referrer', 'same-origin', 'strict-origin', 'strict-origin-when-cross-origin'].includes(referrer)
  ) {
    out.push(`referrer-policy "${referrer}"`);
  }
  if (res.headers.get('x-frame-options') !== 'DENY') out.push('no X-Frame-Options: DENY');
  return out;
}

describe('security headers', () => {
  it('are on every route, for readers and staff alike', async () => {
    const found: string[] = [];
    let checked = 0;
    for (const [route, row] of Object.entries(AUTH_MATRIX)) {
      for (const role of ['anonymous', 'editor'] as const) {
        const session = await ctx.session(role);
        const res = await ctx.send(
          await row.request(ctx, session.csrf),
          role === 'anonymous' ? undefined : session,
        );
        checked++;
        for (const p of problems(res)) found.push(`${route} as ${role} (${res.status}): ${p}`);
      }
    }
    expect(checked).toBe(Object.keys(AUTH_MATRIX).length * 2);
    expect(found).toEqual([]);
  }, 60_000);

  it('are on error responses too (404 page, API problem, refused write, method not allowed)', async () => {
    const responses = await Promise.all([
      ctx.app.request('/no/such/page'),
      ctx.app.request('/api/v1/no-such-thing'),
      ctx.app.request('/editor/api/answers/1', { method: 'PUT' }),
      ctx.app.request('/mcp'),
    ]);
    expect(responses.map((r) => r.status)).toEqual([404, 404, 401, 405]);
    for (const res of responses) expect(problems(res)).toEqual([]);
  });

  it('the checker notices a weak policy (so a pass means something)', () => {
    const weak = new Response('', {
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'" },
    });
    expect(problems(weak)).toEqual(
      expect.arrayContaining([
        "script-src allows 'self' 'unsafe-inline'",
        'object-src is not none',
        'frame-ancestors is not none',
        'no nosniff',
      ]),
    );
  });
});
