/** GET/POST /login and POST /logout. */
import { RequestError } from '../../errors.js';
import {
  attemptLogin,
  clearSessionCookie,
  clientAddress,
  csrfValid,
  issueLoginCsrf,
  loginCsrfValid,
  sessionToken,
  setSessionCookie,
  transportProblem,
} from '../auth.js';
import { formBody, LoginForm } from '../bodies.js';
import { type EditorApp, type EditorDeps, html } from '../context.js';
import { LoginPage } from '../pages/login.js';
import { formField } from './guards.js';

export function registerSignIn(app: EditorApp, deps: EditorDeps) {
  const { config, auth, repo } = deps;
  const needsHttps = (text: string) => new RequestError(400, 'Sign-in needs https', text);

  app.get('/login', async (c) => {
    if (c.get('session')) return c.redirect('/editor', 303);
    const problemText = transportProblem(c, auth);
    if (problemText) throw needsHttps(problemText);
    const next = safeNext(c.req.query('next'));
    return html(c, <LoginPage config={config} csrf={issueLoginCsrf(c, auth)} next={next} />);
  });

  app.post('/login', async (c) => {
    const problemText = transportProblem(c, auth);
    if (problemText) throw needsHttps(problemText);
    const body = await formBody(c, LoginForm);
    const username = body.username ?? '';
    const next = safeNext(body.next ?? '');
    if (!loginCsrfValid(c, body._csrf ?? '')) {
      throw new RequestError(
        403,
        'Sign-in refused',
        'The sign-in form expired or did not come from this site.',
        { hint: 'Reload the sign-in page and try again.', back: '/login' },
      );
    }
    const outcome = await attemptLogin(repo, username, body.password ?? '', clientAddress(c, auth), auth);
    if (!outcome.ok) {
      return html(
        c,
        <LoginPage
          config={config}
          csrf={issueLoginCsrf(c, auth)}
          error={outcome.message}
          username={username}
          next={next}
        />,
        outcome.status,
      );
    }
    setSessionCookie(c, outcome.token, auth);
    return c.redirect(next ?? '/editor', 303);
  });

  app.post('/logout', async (c) => {
    const s = c.get('session');
    const token = sessionToken(c);
    if (!s || !token) return c.redirect('/login', 303);
    if (!csrfValid(s, c.req.header('x-csrf-token') ?? (await formField(c, '_csrf')))) {
      throw new RequestError(
        403,
        'Request refused',
        'The form’s security token is missing or wrong, so you are still signed in.',
      );
    }
    await repo.deleteSession(token);
    await repo.auditLogout(s.user.username);
    clearSessionCookie(c, auth);
    return c.redirect('/login', 303);
  });
}

/** Only same-site editor paths are followed after sign-in (no open redirects). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/editor(\/[\w\-/]*)?$/.test(next) ? next : undefined;
}
