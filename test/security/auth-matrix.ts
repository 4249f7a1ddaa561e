/**
 * THE authorisation table: every route of the app × every role → the status it must get.
 * Keys are exactly `METHOD path` as Hono lists them in `app.routes`, so a new route without a
 * row here fails the matrix test until someone decides who may use it.
 *
 * `login` means "303 to /login?next=…" (an HTML page that needs a session). Each row also says
 * how to make a concrete, valid request for it; state-changing rows prepare fresh state per cell
 * so one role's success cannot change what the next role sees.
 */
import { answer } from '../store/fixtures.js';
import type { MatrixContext } from './matrix-site.js';

export const ROLES = ['anonymous', 'author', 'reviewer', 'editor', 'admin'] as const;
export type MatrixRole = (typeof ROLES)[number];
export type Expected = number | 'login';

export interface MatrixRequest {
  path: string;
  method?: string;
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
}

export interface MatrixRow {
  /** Builds the request; `csrf` is the caller's session token (empty for anonymous). */
  request: (ctx: MatrixContext, csrf: string) => Promise<MatrixRequest> | MatrixRequest;
  expect: Record<MatrixRole, Expected>;
}

const all = (status: Expected): Record<MatrixRole, Expected> => ({
  anonymous: status,
  author: status,
  reviewer: status,
  editor: status,
  admin: status,
});
/** Pages for signed-in staff: anonymous readers are sent to sign in. */
const staffPage = (status = 200): Record<MatrixRole, Expected> => ({ ...all(status), anonymous: 'login' });
/** The JSON API for signed-in staff: anonymous callers get 401. */
const staffApi = (status = 200): Record<MatrixRole, Expected> => ({ ...all(status), anonymous: 401 });

const get = (path: string) => (): MatrixRequest => ({ path });

let serial = 0;
/** A new draft answer (own slug), so every cell edits its own answer. */
async function freshDraft(ctx: MatrixContext): Promise<number> {
  serial++;
  const a = answer({ slug: `matrix-${serial}`, question: `What is matrix question ${serial}?` });
  return (await ctx.repo.createAnswer(a, ctx.users.author)).id;
}
/** A new author account, so every cell changes its own user. */
async function freshUser(ctx: MatrixContext): Promise<string> {
  serial++;
  const username = `matrix-u${serial}`;
  await ctx.repo.createUser(
    { username, name: `Matrix user ${serial}`, role: 'author', password: 'matrix password 1' },
    'test',
  );
  return username;
}
async function freshInReview(ctx: MatrixContext): Promise<{ id: number; revisionId: number }> {
  const id = await freshDraft(ctx);
  await ctx.repo.transition(id, ctx.users.author, { action: 'submit' });
  return { id, revisionId: (await ctx.repo.getAnswer(id))!.currentRevisionId! };
}
async function freshApproved(ctx: MatrixContext): Promise<{ id: number; revisionId: number }> {
  const r = await freshInReview(ctx);
  await ctx.repo.transition(r.id, ctx.users.otherReviewer, { action: 'approve', revisionId: r.revisionId });
  return r;
}
async function editableMarkdown(ctx: MatrixContext, id: number): Promise<{ base: number; markdown: string }> {
  const a = (await ctx.repo.getAnswer(id))!;
  const markdown = ctx.markdownOf(a.current!.answer).replace('Diabetes', 'Diabetes in the mother');
  return { base: a.currentRevisionId!, markdown };
}

const publicApi = [
  '/openapi.json',
  '/docs',
  '/conditions',
  '/conditions/:slug',
  '/conditions/:slug/:answer',
  '/answers',
  '/reviewers',
];
const concreteApi = (p: string) => p.replace(':slug', 'sacral-agenesis').replace(':answer', 'causes');

export const AUTH_MATRIX: Record<string, MatrixRow> = {
  'GET /healthz': { request: get('/healthz'), expect: all(200) },
  'GET /readyz': { request: get('/readyz'), expect: all(200) },
  ...Object.fromEntries(
    publicApi.flatMap((p) => [
      [`GET /api/v1${p}`, { request: get(`/api/v1${concreteApi(p)}`), expect: all(200) }],
      [`GET /api${p}`, { request: get(`/api${concreteApi(p)}`), expect: all(200) }],
    ]),
  ),
  // Question answering is public and read-only.
  'GET /api/v1/ask': { request: get('/api/v1/ask?q=what+causes+sacral+agenesis'), expect: all(200) },
  'GET /api/ask': { request: get('/api/ask?q=what+causes+sacral+agenesis'), expect: all(200) },
  // Look-up by diagnosis code (Infobutton) is public and read-only.
  'GET /api/v1/connect': {
    request: get(
      '/api/v1/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=E11.65&knowledgeResponseType=application/json',
    ),
    expect: all(200),
  },
  'GET /api/connect': {
    request: get(
      '/api/connect?mainSearchCriteria.v.cs=2.16.840.1.113883.6.90&mainSearchCriteria.v.c=E11.65&knowledgeResponseType=application/json',
    ),
    expect: all(200),
  },
  // MCP is public and read-only; it takes no cookies, so a session changes nothing.
  'POST /mcp': {
    request: () => ({
      path: '/mcp',
      method: 'POST',
      headers: { accept: 'application/json, text/event-stream' },
      json: { jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} },
    }),
    expect: all(200),
  },
  'GET /mcp': { request: get('/mcp'), expect: all(405) },
  'DELETE /mcp': { request: () => ({ path: '/mcp', method: 'DELETE' }), expect: all(405) },

  'GET /login': { request: get('/login'), expect: { ...all(303), anonymous: 200 } },
  'POST /login': {
    request: async (ctx) => {
      const { cookie, token } = await ctx.loginForm();
      return {
        path: '/login',
        method: 'POST',
        headers: { cookie },
        form: { _csrf: token, username: 'ed', password: ctx.passwords.editor },
      };
    },
    expect: all(303),
  },
  'POST /logout': {
    request: (_ctx, csrf) => ({ path: '/logout', method: 'POST', form: { _csrf: csrf } }),
    expect: all(303),
  },

  'GET /editor': { request: get('/editor'), expect: staffPage() },
  'GET /editor/new': { request: get('/editor/new'), expect: staffPage() },
  'POST /editor/new': {
    request: (ctx, csrf) => {
      serial++;
      const a = answer({ slug: `matrix-new-${serial}`, question: `What is new question ${serial}?` });
      return {
        path: '/editor/new',
        method: 'POST',
        form: { _csrf: csrf, intent: 'save', markdown: ctx.markdownOf(a) },
      };
    },
    expect: staffPage(303),
  },
  'GET /editor/answers/:id': {
    request: (ctx) => ({ path: `/editor/answers/${ctx.anyAnswerId}` }),
    expect: staffPage(),
  },
  'GET /editor/answers/:id/review': {
    request: (ctx) => ({ path: `/editor/answers/${ctx.anyAnswerId}/review` }),
    expect: staffPage(),
  },
  'GET /editor/answers/:id/edit': {
    request: (ctx) => ({ path: `/editor/answers/${ctx.anyAnswerId}/edit` }),
    expect: staffPage(),
  },
  'POST /editor/answers/:id/edit': {
    request: async (ctx, csrf) => {
      const id = await freshDraft(ctx);
      const { base, markdown } = await editableMarkdown(ctx, id);
      return {
        path: `/editor/answers/${id}/edit`,
        method: 'POST',
        form: { _csrf: csrf, intent: 'save', base_revision_id: String(base), markdown },
      };
    },
    expect: staffPage(303),
  },
  'GET /editor/answers/:id/history': {
    request: (ctx) => ({ path: `/editor/answers/${ctx.anyAnswerId}/history` }),
    expect: staffPage(),
  },
  // Publishing is the editor's (and admin's) call.
  'POST /editor/answers/:id/transition': {
    request: async (ctx, csrf) => {
      const { id, revisionId } = await freshApproved(ctx);
      return {
        path: `/editor/answers/${id}/transition`,
        method: 'POST',
        form: { _csrf: csrf, action: 'publish', revision_id: String(revisionId) },
      };
    },
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 303, admin: 303 },
  },
  'GET /editor/queue': { request: get('/editor/queue'), expect: staffPage() },
  'GET /editor/audit': {
    request: get('/editor/audit'),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 200, admin: 200 },
  },
  'GET /editor/api/session': { request: get('/editor/api/session'), expect: staffApi() },
  'GET /editor/api/answers/:id': {
    request: (ctx) => ({ path: `/editor/api/answers/${ctx.anyAnswerId}` }),
    expect: staffApi(),
  },
  'PUT /editor/api/answers/:id': {
    request: async (ctx, csrf) => {
      const id = await freshDraft(ctx);
      const { base, markdown } = await editableMarkdown(ctx, id);
      return {
        path: `/editor/api/answers/${id}`,
        method: 'PUT',
        headers: { 'x-csrf-token': csrf },
        json: { baseRevisionId: base, markdown },
      };
    },
    expect: staffApi(201),
  },
  // Approval is clinical: reviewers only (and never their own text — the author is someone else here).
  'POST /editor/api/answers/:id/transition': {
    request: async (ctx, csrf) => {
      const { id, revisionId } = await freshInReview(ctx);
      return {
        path: `/editor/api/answers/${id}/transition`,
        method: 'POST',
        headers: { 'x-csrf-token': csrf },
        json: { action: 'approve', revisionId },
      };
    },
    expect: { anonymous: 401, author: 403, reviewer: 200, editor: 403, admin: 403 },
  },

  // The gap queue: authors and editors (and admins) work on it; reviewers do not.
  'GET /editor/gaps': {
    request: get('/editor/gaps?since=30d'),
    expect: { anonymous: 'login', author: 200, reviewer: 403, editor: 200, admin: 200 },
  },
  'POST /editor/gaps/draft': {
    request: (_ctx, csrf) => {
      serial++;
      return {
        path: '/editor/gaps/draft',
        method: 'POST',
        form: { _csrf: csrf, focus: `matrix-gap-${serial}`, aspect: 'causes' },
      };
    },
    expect: { anonymous: 'login', author: 303, reviewer: 403, editor: 303, admin: 303 },
  },
  'POST /editor/gaps/scope': {
    request: (_ctx, csrf) => ({
      path: '/editor/gaps/scope',
      method: 'POST',
      form: { _csrf: csrf, focus: 'matrix-scope', aspect: 'causes', reason: 'not a medical question' },
    }),
    expect: { anonymous: 'login', author: 303, reviewer: 403, editor: 303, admin: 303 },
  },
  'POST /editor/gaps/merge': {
    request: (_ctx, csrf) => ({
      path: '/editor/gaps/merge',
      method: 'POST',
      form: { _csrf: csrf, focus: 'matrix-merge', aspect: 'causes', target: 'sacral-agenesis|causes' },
    }),
    expect: { anonymous: 'login', author: 303, reviewer: 403, editor: 303, admin: 303 },
  },
  // Page feedback is anonymous: anyone may send it (limited per client, not per role).
  'POST /feedback': {
    request: async (ctx) => {
      const view = await ctx.store.getPublishedAnswer('sacral-agenesis', 'causes');
      return {
        path: '/feedback',
        method: 'POST',
        form: { revision: String(view!.revision.id), helpful: 'yes' },
      };
    },
    expect: all(303),
  },

  // The editor's screens added for the form editor, tasks and accounts.
  'GET /editor/tasks': { request: get('/editor/tasks'), expect: staffPage() },
  'GET /editor/api/tasks': { request: get('/editor/api/tasks'), expect: staffApi() },
  // Each person marks their own notifications read.
  'POST /editor/notifications/read': {
    request: (_ctx, csrf) => ({
      path: '/editor/notifications/read',
      method: 'POST',
      form: { _csrf: csrf, up_to: '1000000' },
    }),
    expect: staffPage(303),
  },
  'POST /editor/api/check': {
    request: (_ctx, csrf) => ({
      path: '/editor/api/check',
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
      json: {
        form: { question: 'Why?', condition: 'sacral-agenesis', aspect: 'causes', tldr: 'T.', body: 'B.' },
      },
    }),
    expect: staffApi(),
  },
  'POST /editor/api/answers/:id/lock': {
    request: async (ctx, csrf) => ({
      path: `/editor/api/answers/${await freshDraft(ctx)}/lock`,
      method: 'POST',
      headers: { 'x-csrf-token': csrf },
    }),
    expect: staffApi(),
  },
  // Accounts and reviewer profiles: admins only.
  'GET /editor/accounts': {
    request: get('/editor/accounts'),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 200 },
  },
  'POST /editor/accounts': {
    request: (_ctx, csrf) => {
      serial++;
      return {
        path: '/editor/accounts',
        method: 'POST',
        form: { _csrf: csrf, username: `matrix-user-${serial}`, name: `Matrix ${serial}`, role: 'author' },
      };
    },
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 201 },
  },
  'POST /editor/accounts/:username/role': {
    request: async (ctx, csrf) => {
      const u = await freshUser(ctx);
      return { path: `/editor/accounts/${u}/role`, method: 'POST', form: { _csrf: csrf, role: 'editor' } };
    },
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 303 },
  },
  'POST /editor/accounts/:username/reset': {
    request: async (ctx, csrf) => ({
      path: `/editor/accounts/${await freshUser(ctx)}/reset`,
      method: 'POST',
      form: { _csrf: csrf },
    }),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 200 },
  },
  'POST /editor/accounts/:username/reset-link': {
    request: async (ctx, csrf) => ({
      path: `/editor/accounts/${await freshUser(ctx)}/reset-link`,
      method: 'POST',
      form: { _csrf: csrf },
    }),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 200 },
  },
  // A one-time link is its own credential: anyone holding a valid one may open it, signed in or
  // not; the POST also needs the form's cookie token, so a bare POST is refused (403).
  'GET /account/setup/:token': {
    request: async (ctx) => {
      const { token } = await ctx.repo.createAccountLink(await freshUser(ctx), 'invite', 'test');
      return { path: `/account/setup/${token}` };
    },
    expect: all(200),
  },
  'POST /account/setup/:token': {
    request: async (ctx) => {
      const { token } = await ctx.repo.createAccountLink(await freshUser(ctx), 'invite', 'test');
      return {
        path: `/account/setup/${token}`,
        method: 'POST',
        form: { password: 'a new password 1', repeat: 'a new password 1' },
      };
    },
    expect: all(403),
  },
  'POST /editor/accounts/:username/deactivate': {
    request: async (ctx, csrf) => ({
      path: `/editor/accounts/${await freshUser(ctx)}/deactivate`,
      method: 'POST',
      form: { _csrf: csrf },
    }),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 303 },
  },
  'POST /editor/accounts/:username/reactivate': {
    request: async (ctx, csrf) => ({
      path: `/editor/accounts/${await freshUser(ctx)}/reactivate`,
      method: 'POST',
      form: { _csrf: csrf },
    }),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 303 },
  },
  'POST /editor/reviewers/:id': {
    request: (_ctx, csrf) => ({
      path: '/editor/reviewers/demo-gp',
      method: 'POST',
      form: { _csrf: csrf, name: 'Dr Demo GP', credentials: 'MBBS (demo)', registration_body: 'GMC' },
    }),
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 403, admin: 303 },
  },
  // Scheduling publication is the editor's (and admin's) call, like publishing.
  'POST /editor/answers/:id/schedule': {
    request: async (ctx, csrf) => {
      const { id, revisionId } = await freshApproved(ctx);
      return {
        path: `/editor/answers/${id}/schedule`,
        method: 'POST',
        form: {
          _csrf: csrf,
          publish_at: '2099-01-01T09:00',
          tz: 'Europe/London',
          revision_id: String(revisionId),
        },
      };
    },
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 303, admin: 303 },
  },
  'POST /editor/answers/:id/schedule/cancel': {
    request: async (ctx, csrf) => {
      const { id } = await freshApproved(ctx);
      return { path: `/editor/answers/${id}/schedule/cancel`, method: 'POST', form: { _csrf: csrf } };
    },
    expect: { anonymous: 'login', author: 403, reviewer: 403, editor: 303, admin: 303 },
  },
  'GET /assets/editor.css': { request: get('/assets/editor.css'), expect: all(200) },
  'GET /assets/editor.js': { request: get('/assets/editor.js'), expect: all(200) },
  'GET /assets/site.css': { request: get('/assets/site.css'), expect: all(200) },
  'GET /assets/search.js': { request: get('/assets/search.js'), expect: all(200) },
  'GET /': { request: get('/'), expect: all(200) },
  'GET /conditions': { request: get('/conditions'), expect: all(301) },
  'GET /conditions/:slug': { request: get('/conditions/sacral-agenesis'), expect: all(200) },
  'GET /conditions/:slug/:answer': { request: get('/conditions/sacral-agenesis/causes'), expect: all(200) },
  'GET /about/medical-review': { request: get('/about/medical-review'), expect: all(200) },
  'GET /reviewers/:id': { request: get('/reviewers/demo-gp'), expect: all(200) },
  'GET /ask': { request: get('/ask?q=what+causes+sacral+agenesis'), expect: all(200) },
  'GET /sitemap.xml': { request: get('/sitemap.xml'), expect: all(200) },
  // Parts exist only above the sitemap split size; this small site has none, for anyone.
  'GET /:part{sitemap-[0-9]+\\.xml}': { request: get('/sitemap-1.xml'), expect: all(404) },
  'GET /robots.txt': { request: get('/robots.txt'), expect: all(200) },
  'GET /feed.xml': { request: get('/feed.xml'), expect: all(200) },
};
