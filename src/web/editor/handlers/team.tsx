/**
 * The team screens: "My tasks" (with the count in the navigation on every editor page) and the
 * admin's account management. The editor's stylesheet and script are served here too.
 */

import { z } from 'zod';
import { taskCount } from '../../../store/editor-tasks.js';
import { NOTIFICATIONS_PAGE, type SessionInfo } from '../../../store/index.js';
import { canManageUsers, isRole, randomToken, WorkflowError } from '../../../workflow/index.js';
import { RequestError } from '../../errors.js';
import { staticAsset } from '../../static-asset.js';
import { EDITOR_CSS, EDITOR_JS } from '../assets.js';
import { formBody } from '../bodies.js';
import { type C, type EditorApp, type EditorDeps, html } from '../context.js';
import { AccountsPage, type OneTimeSecret } from '../pages/accounts.js';
import { setNavCounts } from '../pages/layout.js';
import { TasksPage } from '../pages/tasks.js';

const ASSET_MAX_AGE = 300;
const text = z
  .string()
  .optional()
  .transform((v) => (v ?? '').trim());

const AddAccount = z.object({
  username: text,
  name: text,
  role: text,
  reviewer_id: text,
  credentials: text,
  sign_in: text,
});
const RoleChange = z.object({ role: text, reviewer_id: text });
const ProfileForm = z.object({
  name: text,
  credentials: text,
  registration_body: text,
  registration_number: text,
  photo_alt: text,
});

/** A password people can read out: four groups of five letters and digits (~100 bits). */
function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = Buffer.from(randomToken(24), 'base64url');
  let out = '';
  for (let i = 0; i < 20; i++) out += alphabet[bytes[i]! % alphabet.length];
  return out.match(/.{5}/g)!.join('-');
}

export function registerTeam(app: EditorApp, deps: EditorDeps) {
  const { config, repo } = deps;
  const reads = deps.store.editorReads();

  app.get('/assets/editor.css', staticAsset(EDITOR_CSS, 'css', ASSET_MAX_AGE));
  app.get('/assets/editor.js', staticAsset(EDITOR_JS, 'js', ASSET_MAX_AGE));

  // The counts beside "My tasks" and "Notifications", on every editor page.
  const navCounts = async (s: SessionInfo) =>
    setNavCounts(s, {
      tasks: taskCount(await reads.tasksFor(s.user, config.today())),
      notices: await reads.unreadNotificationCount(s.user.username),
    });
  app.use('/editor/*', async (c, next) => {
    const s = c.get('session');
    if (s && (c.req.method === 'GET' || c.req.method === 'POST') && !c.req.path.startsWith('/editor/api/')) {
      await navCounts(s);
    }
    await next();
  });
  app.use('/editor', async (c, next) => {
    const s = c.get('session');
    if (s) await navCounts(s);
    await next();
  });

  app.get('/editor/tasks', async (c) => {
    const s = c.get('session')!;
    const groups = await reads.tasksFor(s.user, config.today());
    const editorial = s.user.role === 'editor' || s.user.role === 'admin';
    const outbox = editorial ? await deps.store.outbox().counts() : null;
    // One page of notifications; ?before=<id> pages back through older ones (one row more than a
    // page is read to know whether there are older ones).
    const before = Number(c.req.query('before'));
    const beforeId = Number.isSafeInteger(before) && before > 0 ? before : undefined;
    const rows = await reads.notificationsFor(s.user.username, NOTIFICATIONS_PAGE + 1, beforeId);
    const notices = rows.slice(0, NOTIFICATIONS_PAGE);
    const olderHref =
      rows.length > NOTIFICATIONS_PAGE
        ? `/editor/tasks?before=${notices.at(-1)!.id}#notifications`
        : undefined;
    return html(
      c,
      <TasksPage
        config={config}
        session={s}
        groups={groups}
        outbox={outbox}
        notices={notices}
        unread={await reads.unreadNotificationCount(s.user.username)}
        olderHref={olderHref}
        newestHref={beforeId ? '/editor/tasks#notifications' : undefined}
        notice={c.req.query('notice')}
      />,
    );
  });

  app.get('/editor/api/tasks', async (c) => {
    const s = c.get('session')!;
    const groups = await reads.tasksFor(s.user, config.today());
    const notices = await reads.notificationsFor(s.user.username);
    return c.json({
      count: taskCount(groups),
      groups,
      unread: await reads.unreadNotificationCount(s.user.username),
      notifications: notices.map((n) => ({
        id: n.id,
        event: n.event,
        createdAt: n.createdAt,
        read: n.readAt !== null,
        data: n.payload,
      })),
    });
  });

  // Marks what the person has seen read (up to the newest row the page showed, so a notice that
  // arrived meanwhile stays unread).
  const ReadForm = z.object({ up_to: z.string().regex(/^\d+$/, 'expected a notification number') });
  app.post('/editor/notifications/read', async (c) => {
    const s = c.get('session')!;
    const body = await formBody(c, ReadForm);
    await deps.store.outbox().markRead(s.user.username, Number(body.up_to), new Date().toISOString());
    return c.redirect('/editor/tasks?notice=read#notifications', 303);
  });

  // ------------------------------------------------------------ accounts

  const admin = (c: C) => {
    const s = c.get('session')!;
    if (!canManageUsers(s.user.role)) {
      throw new RequestError(
        403,
        'Not allowed',
        `Accounts are managed by admins; you are signed in as ${s.user.role}.`,
      );
    }
    return s;
  };

  const accountsPage = async (
    c: C,
    extra: { secret?: OneTimeSecret; notice?: string } = {},
    status = 200,
  ) => {
    const s = admin(c);
    return html(
      c,
      <AccountsPage
        config={config}
        session={s}
        users={await repo.listUsers()}
        profiles={await repo.listReviewerProfiles()}
        {...extra}
      />,
      status,
    );
  };

  /** A one-time link for `username` to choose a password, as the URL to send them. */
  const accountLink = async (username: string, purpose: 'invite' | 'reset', actor: string) => {
    const { token, expiresAt } = await repo.createAccountLink(username, purpose, actor);
    return { url: `${config.baseUrl.replace(/\/+$/, '')}/account/setup/${token}`, expiresAt };
  };

  const NOTICES: Record<string, string> = {
    role: 'Role changed. Their sessions ended; the new rights apply from their next sign-in.',
    deactivate: 'Account deactivated and signed out everywhere.',
    reactivate: 'Account reactivated. They can sign in with their password.',
    profile: 'Reviewer profile saved.',
  };

  app.get('/editor/accounts', (c) => accountsPage(c, { notice: NOTICES[c.req.query('notice') ?? ''] }));

  app.post('/editor/accounts', async (c) => {
    const s = admin(c);
    const body = await formBody(c, AddAccount);
    if (!isRole(body.role))
      throw new WorkflowError('invalid', `unknown role "${body.role}"`, 'choose a role from the list');
    if (!body.name)
      throw new WorkflowError('invalid', 'the full name is empty', 'type the name shown in the editor');
    let reviewerId = body.reviewer_id || null;
    if (body.role === 'reviewer' && !reviewerId && body.credentials) {
      reviewerId = body.username;
      await repo.saveReviewerProfile(
        { id: reviewerId, name: body.name, credentials: body.credentials },
        s.user.username,
      );
    }
    // With an invitation the account gets a random password nobody sees until they choose theirs.
    const password = oneTimePassword();
    await repo.createUser(
      { username: body.username, name: body.name, role: body.role, password, reviewerId },
      s.user.username,
    );
    if (body.sign_in === 'password') {
      return accountsPage(c, { secret: { username: body.username, password, what: 'created' } }, 201);
    }
    const link = await accountLink(body.username, 'invite', s.user.username);
    return accountsPage(c, { secret: { username: body.username, link, what: 'created' } }, 201);
  });

  app.post('/editor/accounts/:username/role', async (c) => {
    const s = admin(c);
    const body = await formBody(c, RoleChange);
    if (!isRole(body.role)) throw new WorkflowError('invalid', `unknown role "${body.role}"`);
    await repo.setRole(c.req.param('username'), body.role, s.user.username, body.reviewer_id || undefined);
    return c.redirect('/editor/accounts?notice=role', 303);
  });

  app.post('/editor/accounts/:username/reset', async (c) => {
    const s = admin(c);
    const username = c.req.param('username');
    const password = oneTimePassword();
    await repo.setPassword(username, password, s.user.username);
    return accountsPage(c, { secret: { username, password, what: 'reset' } });
  });

  app.post('/editor/accounts/:username/reset-link', async (c) => {
    const s = admin(c);
    const username = c.req.param('username');
    const link = await accountLink(username, 'reset', s.user.username);
    return accountsPage(c, { secret: { username, link, what: 'reset' } });
  });

  for (const action of ['deactivate', 'reactivate'] as const) {
    app.post(`/editor/accounts/:username/${action}`, async (c) => {
      const s = admin(c);
      await repo.setUserActive(c.req.param('username'), action === 'reactivate', s.user.username);
      return c.redirect(`/editor/accounts?notice=${action}`, 303);
    });
  }

  app.post('/editor/reviewers/:id', async (c) => {
    const s = admin(c);
    const id = c.req.param('id');
    const body = await formBody(c, ProfileForm);
    const existing = (await repo.listReviewerProfiles()).find((p) => p.id === id);
    if (!existing) throw new WorkflowError('not-found', `no reviewer profile "${id}"`);
    if (!body.name || !body.credentials) {
      throw new WorkflowError('invalid', 'a reviewer profile needs a name and credentials', 'fill in both');
    }
    await repo.saveReviewerProfile(
      {
        id,
        name: body.name,
        credentials: body.credentials,
        bio: existing.bio ?? undefined,
        demo: existing.demo,
      },
      s.user.username,
    );
    await repo.saveReviewerDetails(
      id,
      {
        registrationBody: body.registration_body || null,
        registrationNumber: body.registration_number || null,
        photoAlt: body.photo_alt || null,
      },
      s.user.username,
    );
    return c.redirect('/editor/accounts?notice=profile', 303);
  });
}
