/**
 * Sessions and sign-in: no session fixation, logout and role changes end sessions, cookies carry
 * the right flags, the password policy holds, and repeated failures are throttled (per user name
 * and per address) even for the right password.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from '../../src/workflow/index.js';
import { type MatrixContext, startMatrixSite } from './matrix-site.js';

let ctx: MatrixContext;
beforeEach(async () => {
  ctx = await startMatrixSite();
});
afterEach(() => ctx?.close());

const SESSION = /medbrief_session=([^;]*)/;

async function signIn(username: string, password: string, extraCookie = '', base = 'http://localhost') {
  const form = await ctx.app.request(`${base}/login`);
  const cookie = form.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const res = await ctx.app.request(`${base}/login`, {
    method: 'POST',
    headers: {
      cookie: [cookie, extraCookie].filter(Boolean).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: token, username, password }).toString(),
  });
  const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('medbrief_session='));
  return { res, setCookie, token: setCookie ? SESSION.exec(setCookie)![1]! : null };
}

async function whoAmI(token: string): Promise<string | null> {
  const res = await ctx.app.request('/editor/api/session', {
    headers: { cookie: `medbrief_session=${token}` },
  });
  if (res.status !== 200) return null;
  return ((await res.json()) as { user: { username: string } }).user.username;
}

describe('session fixation', () => {
  it('a planted session id is never adopted: sign-in always issues a new token', async () => {
    const planted = 'attacker-chosen-value-0123456789abcdef';
    const { res, token } = await signIn('ed', ctx.passwords.editor, `medbrief_session=${planted}`);
    expect(res.status).toBe(303);
    expect(token).not.toBe(planted);
    expect(await whoAmI(planted)).toBeNull();
    expect(await whoAmI(token!)).toBe('ed');
  });

  it('a valid session planted by another user is not upgraded when the victim signs in', async () => {
    const attacker = await signIn('ann', ctx.passwords.author);
    const victim = await signIn('ed', ctx.passwords.editor, `medbrief_session=${attacker.token}`);
    expect(victim.token).not.toBe(attacker.token);
    expect(await whoAmI(attacker.token!)).toBe('ann');
    expect(await whoAmI(victim.token!)).toBe('ed');
  });
});

describe('session end', () => {
  it('logout deletes the session on the server: the old cookie no longer works anywhere', async () => {
    const { token } = await signIn('ed', ctx.passwords.editor);
    const info = (await (
      await ctx.app.request('/editor/api/session', { headers: { cookie: `medbrief_session=${token}` } })
    ).json()) as { csrfToken: string };
    const out = await ctx.app.request('/logout', {
      method: 'POST',
      headers: { cookie: `medbrief_session=${token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: info.csrfToken }).toString(),
    });
    expect(out.status).toBe(303);
    expect(out.headers.getSetCookie().join()).toMatch(/medbrief_session=;.*Max-Age=0/i);
    expect(await whoAmI(token!)).toBeNull();
    const page = await ctx.app.request('/editor', { headers: { cookie: `medbrief_session=${token}` } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(/^\/login/);
  });

  it('a role change or a new password ends the user’s sessions', async () => {
    const a = await signIn('ed', ctx.passwords.editor);
    await ctx.repo.setRole('ed', 'author', 'admin-test');
    expect(await whoAmI(a.token!)).toBeNull();
    const b = await signIn('ann', ctx.passwords.author);
    await ctx.repo.setPassword('ann', 'a brand new password', 'admin-test');
    expect(await whoAmI(b.token!)).toBeNull();
  });
});

describe('cookies', () => {
  it('are HttpOnly, SameSite and scoped to the site; Secure over https', async () => {
    const local = await signIn('ed', ctx.passwords.editor);
    expect(local.setCookie).toMatch(/HttpOnly/i);
    expect(local.setCookie).toMatch(/SameSite=Lax/i);
    expect(local.setCookie).toMatch(/Path=\//);
    const https = await signIn('ed', ctx.passwords.editor, '', 'https://medbrief.example');
    expect(https.res.status).toBe(303);
    expect(https.setCookie).toMatch(/;\s*Secure/i);
  });

  it('sign-in over plain http to a public host is refused (the cookie would travel in clear)', async () => {
    const res = await ctx.app.request('http://medbrief.example/login');
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/needs https/);
    expect(res.headers.getSetCookie()).toEqual([]);
  });
});

describe('password policy', () => {
  it(`refuses passwords shorter than ${MIN_PASSWORD_LENGTH} characters, with the rule in the message`, async () => {
    await expect(
      ctx.repo.createUser({ username: 'shorty', name: 'S', role: 'author', password: 'short' }, 'test'),
    ).rejects.toThrow(new RegExp(`${MIN_PASSWORD_LENGTH} characters`));
    await expect(ctx.repo.setPassword('ann', 'x'.repeat(MIN_PASSWORD_LENGTH - 1), 'test')).rejects.toThrow(
      /characters/,
    );
    expect(await ctx.repo.getUser('shorty')).toBeNull();
  });

  it('never stores or shows the password: only a salted scrypt hash', async () => {
    const found = await ctx.repo.passwordHashFor('ed');
    expect(found!.hash).toMatch(/^scrypt\$\d+\$\d+\$\d+\$[^$]+\$[^$]+$/);
    expect(found!.hash).not.toContain(ctx.passwords.editor);
    const other = await ctx.repo.passwordHashFor('ann');
    expect(other!.hash.split('$')[4]).not.toBe(found!.hash.split('$')[4]);
  });
});

describe('login throttling', () => {
  it('after 5 failures for a user name even the right password gets 429, with the same answer for unknown users', async () => {
    for (let i = 0; i < 5; i++) {
      const { res } = await signIn('ed', `wrong password ${i}`);
      expect(res.status).toBe(401);
      expect(await res.text()).toContain('Wrong user name or password.');
    }
    const blocked = await signIn('ed', ctx.passwords.editor);
    expect(blocked.res.status).toBe(429);
    expect(blocked.token).toBeNull();
    const unknown = await signIn('nobody-here', 'whatever password');
    expect(unknown.res.status).toBe(401);
    expect(await unknown.res.text()).toContain('Wrong user name or password.');
  }, 30_000);

  it('after 20 failures from one address every user name from there gets 429', async () => {
    for (let i = 0; i < 20; i++) expect((await signIn(`guess-${i}`, 'wrong password')).res.status).toBe(401);
    expect((await signIn('ann', ctx.passwords.author)).res.status).toBe(429);
  }, 60_000);
});
