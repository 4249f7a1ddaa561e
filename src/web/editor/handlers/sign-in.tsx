/** GET/POST /login, POST /logout, and GET/POST /account/setup/<token> (choosing a password from a one-time link). */
import { WorkflowError } from '../../../workflow/index.js';
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
import { AccountSetupForm, formBody, LoginForm } from '../bodies.js';
import { type C, type EditorApp, type EditorDeps, html } from '../context.js';
import { AccountSetupPage, LoginPage } from '../pages/login.js';
import { formField } from './guards.js';

export function registerSignIn(app: EditorApp, deps: EditorDeps) {
  const { config, auth, repo } = deps;
  const needsHttps = (text: string) => new RequestError(400, 'Sign-in needs https', text);

  app.get('/login', async (c) => {
    if (c.get('session')) return c.redirect('/editor', 303);
    const problemText = transportProblem(c, auth);
    if (problemText) throw needsHttps(problemText);
    const next = safeNext(c.req.query('next'));
    const notice =
      c.req.query('notice') === 'password-set' ? 'Your password is saved. Sign in with it now.' : undefined;
    return html(
      c,
      <LoginPage
        config={config}
        csrf={issueLoginCsrf(c, auth)}
        next={next}
        {...(notice ? { notice } : {})}
      />,
    );
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

  // ------------------------------------------- one-time links (invitation, reset)

  const linkGone = () =>
    new RequestError(
      410,
      'Link no longer valid',
      'This link has already been used, has expired, or the account is no longer active.',
      { hint: 'Ask an admin of your editorial team for a new link.', back: '/login' },
    );
  const linkPage = async (c: C, error?: string, status: 200 | 422 = 200) => {
    const token = c.req.param('token') ?? '';
    const link = await repo.accountLinkFor(token);
    if (!link) throw linkGone();
    c.header('referrer-policy', 'no-referrer'); // the token must not leave in a Referer header
    c.header('cache-control', 'no-store');
    return html(
      c,
      <AccountSetupPage
        config={config}
        csrf={issueLoginCsrf(c, auth)}
        action={`/account/setup/${token}`}
        username={link.user.username}
        name={link.user.name}
        purpose={link.purpose}
        {...(error ? { error } : {})}
      />,
      status,
    );
  };

  app.get('/account/setup/:token', async (c) => {
    const problemText = transportProblem(c, auth);
    if (problemText) throw needsHttps(problemText);
    return linkPage(c);
  });

  app.post('/account/setup/:token', async (c) => {
    const problemText = transportProblem(c, auth);
    if (problemText) throw needsHttps(problemText);
    const body = await formBody(c, AccountSetupForm);
    if (!(await repo.accountLinkFor(c.req.param('token')))) throw linkGone();
    if (!loginCsrfValid(c, body._csrf ?? '')) {
      throw new RequestError(403, 'Request refused', 'The form expired or did not come from this site.', {
        hint: 'Open the link again and choose your password.',
      });
    }
    if (body.password !== body.repeat) return linkPage(c, 'The two passwords are not the same.', 422);
    try {
      await repo.setPasswordWithLink(c.req.param('token'), body.password ?? '');
    } catch (err) {
      if (err instanceof WorkflowError && err.code === 'invalid') return linkPage(c, err.message, 422);
      if (err instanceof WorkflowError && err.code === 'not-found') throw linkGone();
      throw err;
    }
    return c.redirect('/login?notice=password-set', 303);
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
