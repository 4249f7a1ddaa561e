/**
 * Invitation and reset links, over HTTP as people use them: an admin adds an account with an
 * invitation link (or sends a reset link), the person opens it, chooses a password and signs in;
 * the link then works no more. Expired links, deactivated accounts, mismatched or short passwords
 * and a POST without the form's token are refused with a clear page. On SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { loggablePath } from '../../src/web/middleware/request-log.js';
import { dropSchema, postgresUnreachable, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { startTestSite, type TestSite } from './fixture-app.js';
import { TestClient } from './http-client.js';

const pgUrl = await postgresUrl();

function describeLinks(label: string, open?: () => Promise<TestSite>, cleanup?: () => Promise<void>) {
  describe(`one-time account links (${label})`, () => {
    let site: TestSite;
    let admin: TestClient;
    beforeAll(async () => {
      site = open ? await open() : await startTestSite();
      await site.repo.createUser(
        { username: 'ada', name: 'Ada Admin', role: 'admin', password: 'ada password 5' },
        'test',
      );
      admin = new TestClient(site.server.url);
      expect((await admin.login('ada', 'ada password 5')).status).toBe(303);
    });
    afterAll(async () => {
      await site?.close();
      await cleanup?.();
    });

    /** Opens a link page and returns its form token (the login CSRF cookie is kept by the client). */
    async function openLink(client: TestClient, path: string) {
      const res = await client.fetch(path);
      const page = await res.text();
      return { res, page, csrf: /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '' };
    }

    it('an invited person chooses a password once and signs in with it', async () => {
      const res = await admin.form('/editor/accounts', {
        _csrf: admin.csrf,
        username: 'ivy',
        name: 'Ivy Invited',
        role: 'author',
        sign_in: 'link',
      });
      expect(res.status).toBe(201);
      const page = await res.text();
      expect(page).not.toContain('one-time-password');
      const url = /<code id="one-time-link">([^<]+)<\/code>/.exec(page)?.[1] ?? '';
      const path = new URL(url).pathname;
      expect(path).toMatch(/^\/account\/setup\/[\w-]{20,}$/);

      const ivy = new TestClient(site.server.url);
      const opened = await openLink(ivy, path);
      expect(opened.res.status).toBe(200);
      expect(opened.res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(opened.page).toContain('Welcome, Ivy Invited');
      expect(opened.page).toContain('<strong>ivy</strong>');

      // Mismatched, then too short: the page says why and the link still works.
      let r = await ivy.form(path, {
        _csrf: opened.csrf,
        password: 'a good long password',
        repeat: 'another one',
      });
      expect(r.status).toBe(422);
      expect(await r.text()).toContain('The two passwords are not the same.');
      const again = await openLink(ivy, path);
      r = await ivy.form(path, { _csrf: again.csrf, password: 'short', repeat: 'short' });
      expect(r.status).toBe(422);
      expect(await r.text()).toMatch(/at least \d+ characters/);

      const last = await openLink(ivy, path);
      r = await ivy.form(path, {
        _csrf: last.csrf,
        password: 'ivy chose this 1',
        repeat: 'ivy chose this 1',
      });
      expect(r.status).toBe(303);
      expect(r.headers.get('location')).toBe('/login?notice=password-set');
      expect(await (await ivy.fetch('/login?notice=password-set')).text()).toContain(
        'Your password is saved',
      );
      expect((await ivy.login('ivy', 'ivy chose this 1')).status).toBe(303);

      // Spent: the same link now answers 410 with what to do, for GET and POST.
      const spent = await new TestClient(site.server.url).fetch(path);
      expect(spent.status).toBe(410);
      expect(await spent.text()).toContain('Ask an admin');
      const reuse = await ivy.form(path, {
        _csrf: last.csrf,
        password: 'ivy tries again 1',
        repeat: 'ivy tries again 1',
      });
      expect(reuse.status).toBe(410);
      expect((await new TestClient(site.server.url).login('ivy', 'ivy tries again 1')).status).not.toBe(303);

      const audit = await site.repo.listAudit({ entity: 'user', entityId: 'ivy' });
      const actions = audit.map((e) => e.action);
      expect(actions).toContain('account-link');
      expect(actions).toContain('password-change');
    });

    it('a reset link replaces the password and ends the old sessions', async () => {
      const ann = new TestClient(site.server.url);
      expect((await ann.login('ann', 'ann password 1')).status).toBe(303);
      const res = await admin.form('/editor/accounts/ann/reset-link', { _csrf: admin.csrf });
      expect(res.status).toBe(200);
      const path = new URL(/<code id="one-time-link">([^<]+)<\/code>/.exec(await res.text())![1]!).pathname;
      const visitor = new TestClient(site.server.url);
      const { page, csrf } = await openLink(visitor, path);
      expect(page).toContain('New password for Ann Author');
      const r = await visitor.form(path, {
        _csrf: csrf,
        password: 'ann new password 2',
        repeat: 'ann new password 2',
      });
      expect(r.status).toBe(303);
      // The session Ann had before is gone; the new password works, the old one does not.
      expect((await ann.fetch('/editor')).status).toBe(303);
      expect((await new TestClient(site.server.url).login('ann', 'ann password 1')).status).not.toBe(303);
      expect((await new TestClient(site.server.url).login('ann', 'ann new password 2')).status).toBe(303);
    });

    it('refuses expired links, links of deactivated accounts, a newer link voiding an older one, and a POST without the form token', async () => {
      const expired = await site.repo.createAccountLink('rob', 'reset', 'test', -1_000);
      expect((await new TestClient(site.server.url).fetch(`/account/setup/${expired.token}`)).status).toBe(
        410,
      );

      const older = await site.repo.createAccountLink('rob', 'reset', 'test');
      const newer = await site.repo.createAccountLink('rob', 'reset', 'test');
      expect((await new TestClient(site.server.url).fetch(`/account/setup/${older.token}`)).status).toBe(410);
      expect((await new TestClient(site.server.url).fetch(`/account/setup/${newer.token}`)).status).toBe(200);

      const bare = await new TestClient(site.server.url).form(`/account/setup/${newer.token}`, {
        password: 'rob new password 3',
        repeat: 'rob new password 3',
      });
      expect(bare.status).toBe(403);

      const deactivated = await admin.form('/editor/accounts/rob/deactivate', { _csrf: admin.csrf });
      expect(deactivated.status).toBe(303);
      expect((await new TestClient(site.server.url).fetch(`/account/setup/${newer.token}`)).status).toBe(410);
      expect((await new TestClient(site.server.url).fetch('/account/setup/not-a-real-token')).status).toBe(
        410,
      );
    });
  });
}

describeLinks('SQLite');
if (pgUrl) {
  const schema = uniqueSchema('links');
  describeLinks(
    'PostgreSQL',
    () => startTestSite(() => openPostgresStore(pgUrl, { schema })),
    () => dropSchema(pgUrl, schema),
  );
} else {
  postgresUnreachable('one-time account links (PostgreSQL)');
}

describe('the request log', () => {
  it('never records a link token', () => {
    expect(loggablePath('/account/setup/abcDEF123_-xyz')).toBe('/account/setup/[token]');
    expect(loggablePath('/editor/accounts')).toBe('/editor/accounts');
  });
});
