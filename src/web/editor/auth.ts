/**
 * Sign-in, sessions and CSRF for the editor. Sessions live in the database (any web process can
 * serve any request); the cookie holds a random token whose SHA-256 is the session id. Every
 * POST carries the session's CSRF token (form field `_csrf` or header `x-csrf-token`).
 *
 * Cookies: HttpOnly, SameSite=Lax, Path=/, and Secure whenever the request came over https.
 * Plain http is accepted only on loopback hosts (localhost development) unless insecure cookies
 * are switched on explicitly (`insecureCookies` / MEDBRIEF_INSECURE_COOKIES=1).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { SessionInfo } from '../../store/index.js';
import {
  dummyHash,
  randomToken,
  sameSecret,
  verifyPassword,
  type WorkflowRepo,
} from '../../workflow/index.js';

export const SESSION_COOKIE = 'medbrief_session';
export const LOGIN_CSRF_COOKIE = 'medbrief_login_csrf';
export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

export interface AuthOptions {
  /** Allow sign-in over plain http from non-loopback hosts (never in production). */
  insecureCookies?: boolean;
  /** Trust X-Forwarded-Proto / X-Forwarded-For from a reverse proxy. */
  trustProxy?: boolean;
  /** Failed attempts allowed per user name, and per client address, within the window. */
  maxFailuresPerUser?: number;
  maxFailuresPerAddress?: number;
  throttleWindowMs?: number;
}

export type EditorEnv = { Variables: { session: SessionInfo | null } };

export const GENERIC_LOGIN_FAILURE = 'Wrong user name or password.';

function isHttps(c: Context, options: AuthOptions): boolean {
  if (options.trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0]?.trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

function isLoopback(c: Context): boolean {
  const host = new URL(c.req.url).hostname;
  return host === 'localhost' || host === '127.0.0.1' || host === '[::1]' || host === '::1';
}

/** Null when cookies can be set safely here; otherwise why not. */
export function transportProblem(c: Context, options: AuthOptions): string | null {
  if (isHttps(c, options) || isLoopback(c) || options.insecureCookies) return null;
  return 'Sign-in needs https: session cookies are never sent over plain http except to localhost. Serve the site over https (or, for a test system only, set MEDBRIEF_INSECURE_COOKIES=1).';
}

function cookieOptions(c: Context, options: AuthOptions, maxAgeSeconds: number) {
  return {
    httpOnly: true,
    sameSite: 'Lax' as const,
    path: '/',
    secure: isHttps(c, options),
    maxAge: maxAgeSeconds,
  };
}

export function clientAddress(c: Context, options: AuthOptions): string {
  if (options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'unknown';
}

/** Loads the session named by the cookie (or null) into c.var.session. */
export function loadSession(repo: WorkflowRepo): MiddlewareHandler<EditorEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    c.set('session', token ? await repo.getSession(token) : null);
    await next();
  };
}

/** A fresh token for the sign-in form, mirrored in a short-lived cookie (double submit). */
export function issueLoginCsrf(c: Context, options: AuthOptions): string {
  const token = randomToken();
  setCookie(c, LOGIN_CSRF_COOKIE, token, { ...cookieOptions(c, options, 600), sameSite: 'Strict' });
  return token;
}

export function loginCsrfValid(c: Context, submitted: string | undefined): boolean {
  const expected = getCookie(c, LOGIN_CSRF_COOKIE);
  return Boolean(expected && submitted && sameSecret(expected, submitted));
}

export function csrfValid(session: SessionInfo, submitted: string | undefined): boolean {
  return Boolean(submitted && sameSecret(session.csrfToken, submitted));
}

export type LoginOutcome =
  | { ok: true; token: string; session: SessionInfo }
  | { ok: false; status: 401 | 429; message: string };

/**
 * Checks a user name and password. Unknown users and wrong passwords get the same message and
 * the same work (a scrypt verification against a dummy hash), so neither timing nor wording
 * tells which accounts exist. Failures are counted per user name and per address in the
 * database, so throttling holds across processes and restarts.
 */
export async function attemptLogin(
  repo: WorkflowRepo,
  username: string,
  password: string,
  address: string,
  options: AuthOptions,
): Promise<LoginOutcome> {
  const name = username.trim().toLowerCase();
  const keys = [`user:${name}`, `ip:${address}`];
  const window = options.throttleWindowMs ?? 15 * 60 * 1000;
  const since = new Date(Date.now() - window).toISOString();
  const [userFailures, addressFailures] = await Promise.all(keys.map((k) => repo.recentFailures(k, since)));
  if (
    userFailures! >= (options.maxFailuresPerUser ?? 5) ||
    addressFailures! >= (options.maxFailuresPerAddress ?? 20)
  ) {
    await repo.auditLogin(name, false, { reason: 'throttled', address });
    return {
      ok: false,
      status: 429,
      message: `Too many failed sign-in attempts. Wait ${Math.round(window / 60000)} minutes and try again, or ask an admin to reset your password.`,
    };
  }
  const found = await repo.passwordHashFor(name);
  const valid = await verifyPassword(password, found?.hash ?? (await dummyHash()));
  if (!found || !valid || found.user.disabled) {
    await repo.recordLoginAttempt(keys, false);
    await repo.auditLogin(name, false, { address });
    return { ok: false, status: 401, message: GENERIC_LOGIN_FAILURE };
  }
  await repo.recordLoginAttempt(keys, true);
  const s = await repo.createSession(found.user.id, SESSION_TTL_MS);
  await repo.auditLogin(name, true, { address });
  return {
    ok: true,
    token: s.token,
    session: { user: found.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt },
  };
}

export function setSessionCookie(c: Context, token: string, options: AuthOptions): void {
  setCookie(c, SESSION_COOKIE, token, cookieOptions(c, options, SESSION_TTL_MS / 1000));
  deleteCookie(c, LOGIN_CSRF_COOKIE, { path: '/' });
}

export function clearSessionCookie(c: Context, options: AuthOptions): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c, options), httpOnly: true });
}

export function sessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}
