/**
 * Runs before every editor route: loads the session, sends visitors without one to sign in
 * (401 under /editor/api), and refuses any write whose CSRF token is missing or wrong.
 */
import { RequestError } from '../../errors.js';
import { csrfValid, loadSession } from '../auth.js';
import type { C, EditorApp, EditorDeps } from '../context.js';

export function registerGuards(app: EditorApp, deps: EditorDeps) {
  const session = loadSession(deps.repo);
  for (const path of ['/login', '/logout', '/editor', '/editor/*']) {
    app.use(path, async (c, next) => (c.get('session') === undefined ? session(c, next) : next()));
  }
  app.use('/editor/*', async (c, next) => {
    const s = c.get('session');
    const api = c.req.path.startsWith('/editor/api/');
    if (!s) {
      if (api)
        throw new RequestError(
          401,
          'Unauthorized',
          'Sign in first: POST /login, then send the session cookie.',
        );
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const submitted = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
      if (!csrfValid(s, submitted)) {
        const text = 'The form’s security token is missing or wrong, so nothing was changed.';
        if (api) throw new RequestError(403, 'Forbidden', `${text} Send the x-csrf-token header.`);
        throw new RequestError(403, 'Request refused', text, {
          hint: 'Go back, reload the page and try again.',
        });
      }
    }
    await next();
  });
  app.use('/editor', async (c, next) => {
    if (!c.get('session')) return c.redirect('/login?next=%2Feditor', 303);
    await next();
  });
}

export async function formField(c: C, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data'))
    return undefined;
  const body = await c.req.parseBody();
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}
