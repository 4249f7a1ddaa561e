/**
 * The editor: server-rendered pages that work without JavaScript (every action is a form POST
 * with a CSRF token), plus a small JSON API under /editor/api for scripts and tests. Rules live
 * in src/workflow and persistence in the store's WorkflowRepo; handlers only translate HTTP.
 */
import { type Context, Hono } from 'hono';
import { renderDocument, type SiteConfig } from '../../site/index.js';
import { type SessionInfo, type Store, type WorkflowRepoOptions, workflowRepo } from '../../store/index.js';
import {
  auditToCsv,
  auditToJson,
  canReadAudit,
  isAction,
  isState,
  label,
  parseWindow,
  StaleRevisionError,
  WorkflowError,
  wordDiff,
} from '../../workflow/index.js';
import {
  type AuthOptions,
  attemptLogin,
  clearSessionCookie,
  clientAddress,
  csrfValid,
  type EditorEnv,
  issueLoginCsrf,
  loadSession,
  loginCsrfValid,
  sessionToken,
  setSessionCookie,
  transportProblem,
} from './auth.js';
import { blocksPublishing, lintForEditor } from './lint.js';
import { editableMarkdown, newAnswerTemplate, parseEditorMarkdown } from './markdown.js';
import { AnswerPage } from './pages/answer.js';
import { AuditPage } from './pages/audit.js';
import { EditPage } from './pages/edit.js';
import { HistoryPage } from './pages/history.js';
import { ListPage, type ListRow } from './pages/list.js';
import { LoginPage } from './pages/login.js';
import { MessagePage } from './pages/message.js';
import { QueuePage } from './pages/queue.js';

export interface EditorOptions extends AuthOptions {
  repo?: WorkflowRepoOptions;
}

type C = Context<EditorEnv>;

const NOTICES: Record<string, string> = {
  created: 'Draft created.',
  saved: 'Revision saved as a draft. Submit it for review when it is ready.',
  unchanged: 'Nothing changed, so no new revision was saved.',
  submit: 'Submitted for medical review.',
  request_changes: 'Changes requested. The author sees your comment.',
  approve: 'Approved. The approval is bound to this exact revision.',
  publish: 'Published. The public page now shows this revision.',
  unpublish: 'Unpublished. The page is no longer on the site.',
  archive: 'Archived.',
  restore: 'Restored as a draft.',
  comment: 'Comment added.',
};

export function editorRoutes(store: Store, config: SiteConfig, options: EditorOptions = {}) {
  const auth: AuthOptions = { insecureCookies: process.env.MEDBRIEF_INSECURE_COOKIES === '1', ...options };
  const repo = workflowRepo(store, { defaultIntervalMonths: config.reviewIntervalMonths, ...options.repo });
  const app = new Hono<EditorEnv>();
  const session = loadSession(repo);
  for (const path of ['/login', '/logout', '/editor', '/editor/*']) {
    app.use(path, async (c, next) => (c.get('session') === undefined ? session(c, next) : next()));
  }

  const html = async (c: C, page: Parameters<typeof renderDocument>[0], status = 200) =>
    c.html(await renderDocument(page), status as 200);

  const message = (c: C, status: number, title: string, text: string, hint?: string, back?: string) =>
    html(
      c,
      <MessagePage
        config={config}
        session={c.get('session')}
        status={status}
        title={title}
        message={text}
        hint={hint}
        back={back}
      />,
      status,
    );

  const isApi = (c: C) => c.req.path.startsWith('/editor/api/');

  const problem = (
    c: C,
    status: number,
    title: string,
    detail: string,
    extra: Record<string, unknown> = {},
  ) => c.json({ type: 'about:blank', title, status, detail, instance: c.req.path, ...extra }, status as 400);

  /** A workflow refusal, in words, as a page or a problem document. */
  const refuse = (c: C, err: unknown) => {
    if (!(err instanceof WorkflowError)) throw err;
    const title =
      err.status === 403
        ? 'Not allowed'
        : err.status === 404
          ? 'Not found'
          : err.status === 409
            ? 'Conflict'
            : 'Cannot do that';
    if (isApi(c)) return problem(c, err.status, title, err.message, { code: err.code, hint: err.hint });
    return message(c, err.status, title, err.message, err.hint);
  };

  const reviewerIds = async () => (await store.listReviewers()).map((r) => r.id);

  // ------------------------------------------------------------ guards

  app.use('/editor/*', async (c, next) => {
    const s = c.get('session');
    if (!s) {
      if (isApi(c))
        return problem(c, 401, 'Unauthorized', 'Sign in first: POST /login, then send the session cookie.');
      return c.redirect(`/login?next=${encodeURIComponent(c.req.path)}`, 303);
    }
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      const submitted = c.req.header('x-csrf-token') ?? (await formField(c, '_csrf'));
      if (!csrfValid(s, submitted)) {
        const text = 'The form’s security token is missing or wrong, so nothing was changed.';
        if (isApi(c)) return problem(c, 403, 'Forbidden', `${text} Send the x-csrf-token header.`);
        return message(c, 403, 'Request refused', text, 'Go back, reload the page and try again.');
      }
    }
    await next();
  });
  app.use('/editor', async (c, next) => {
    if (!c.get('session')) return c.redirect('/login?next=%2Feditor', 303);
    await next();
  });

  // ------------------------------------------------------ sign in / out

  app.get('/login', async (c) => {
    if (c.get('session')) return c.redirect('/editor', 303);
    const problemText = transportProblem(c, auth);
    if (problemText) return message(c, 400, 'Sign-in needs https', problemText);
    const next = safeNext(c.req.query('next'));
    return html(c, <LoginPage config={config} csrf={issueLoginCsrf(c, auth)} next={next} />);
  });

  app.post('/login', async (c) => {
    const problemText = transportProblem(c, auth);
    if (problemText) return message(c, 400, 'Sign-in needs https', problemText);
    const body = await c.req.parseBody();
    const username = String(body.username ?? '');
    const next = safeNext(String(body.next ?? ''));
    if (!loginCsrfValid(c, String(body._csrf ?? ''))) {
      return message(
        c,
        403,
        'Sign-in refused',
        'The sign-in form expired or did not come from this site.',
        'Reload the sign-in page and try again.',
        '/login',
      );
    }
    const outcome = await attemptLogin(
      repo,
      username,
      String(body.password ?? ''),
      clientAddress(c, auth),
      auth,
    );
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
      return message(
        c,
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

  // ------------------------------------------------------------- pages

  app.get('/editor', async (c) => {
    const s = c.get('session')!;
    const state = c.req.query('state');
    const condition = c.req.query('condition') || undefined;
    const due = c.req.query('due');
    const answers = await repo.listAnswers({
      state: state && isState(state) ? state : undefined,
      condition,
      limit: 500,
    });
    const schedule = new Map(
      (await repo.reviewDue({ withinDays: 30, includeAll: true })).map((i) => [i.answerId, i]),
    );
    let rows: ListRow[] = answers.map((a) => {
      const item = schedule.get(a.id);
      return { ...a, due: item?.due ?? null, dueStatus: item?.status ?? null };
    });
    if (due === 'overdue') rows = rows.filter((r) => r.dueStatus === 'overdue');
    if (due === 'soon') rows = rows.filter((r) => r.dueStatus === 'overdue' || r.dueStatus === 'due-soon');
    const conditions = (await store.listConditions()).map((x) => ({ slug: x.slug, name: x.name }));
    return html(
      c,
      <ListPage
        config={config}
        session={s}
        rows={rows}
        filter={{ state, condition, due }}
        conditions={conditions}
      />,
    );
  });

  app.get('/editor/new', async (c) => {
    const s = c.get('session')!;
    const markdown = newAnswerTemplate(
      c.req.query('condition') ?? 'condition-slug',
      c.req.query('aspect') ?? 'overview',
    );
    return html(
      c,
      <EditPage
        config={config}
        session={s}
        title="New answer"
        action="/editor/new"
        markdown={markdown}
        baseRevisionId={null}
        back="/editor"
      />,
    );
  });

  app.post('/editor/new', async (c) => {
    const s = c.get('session')!;
    const body = await c.req.parseBody();
    const markdown = String(body.markdown ?? '');
    const parsed = parseEditorMarkdown(markdown);
    const form = {
      config,
      session: s,
      title: 'New answer',
      action: '/editor/new',
      markdown,
      baseRevisionId: null,
      back: '/editor',
    };
    if (!parsed.ok) return html(c, <EditPage {...form} problems={parsed.problems} />, 422);
    if (body.intent !== 'save') {
      const lint = lintForEditor(markdown, { today: config.today(), reviewers: await reviewerIds() });
      return html(c, <EditPage {...form} lint={lint} preview={parsed.answer} />);
    }
    try {
      const created = await repo.createAnswer(parsed.answer, s.user);
      return c.redirect(`/editor/answers/${created.id}?notice=created`, 303);
    } catch (err) {
      return refuse(c, err);
    }
  });

  const loadAnswer = async (c: C) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id <= 0) return null;
    return repo.getAnswer(id);
  };

  const answerPage = async (c: C, review: boolean) => {
    const s = c.get('session')!;
    const a = await loadAnswer(c);
    if (!a) return message(c, 404, 'Not found', `There is no answer ${c.req.param('id')}.`);
    const lint = a.current
      ? lintForEditor(editableMarkdown(a.current.answer), {
          today: config.today(),
          reviewers: await reviewerIds(),
        })
      : [];
    let diff: { ops: ReturnType<typeof wordDiff>; against: string } | undefined;
    if (review && a.current) {
      // Compare with what readers see now, else with the last approved revision, else the first.
      const approved = a.approvals.at(-1);
      const baseId = a.publishedRevisionId ?? approved?.revisionId ?? null;
      const base = baseId ? await repo.getRevision(baseId) : null;
      diff = {
        ops: wordDiff(base ? editableMarkdown(base.answer) : '', editableMarkdown(a.current.answer)),
        against: base
          ? `revision #${base.id} (${a.publishedRevisionId === base.id ? 'public' : 'last approved'})`
          : 'nothing (new answer)',
      };
    }
    const notice = NOTICES[c.req.query('notice') ?? ''];
    return html(
      c,
      <AnswerPage config={config} session={s} answer={a} lint={lint} review={diff} notice={notice} />,
    );
  };

  app.get('/editor/answers/:id', (c) => answerPage(c, false));
  app.get('/editor/answers/:id/review', (c) => answerPage(c, true));

  app.get('/editor/answers/:id/edit', async (c) => {
    const s = c.get('session')!;
    const a = await loadAnswer(c);
    if (!a?.current) return message(c, 404, 'Not found', `There is no answer ${c.req.param('id')}.`);
    return html(
      c,
      <EditPage
        config={config}
        session={s}
        title={`Edit: ${a.question}`}
        action={`/editor/answers/${a.id}/edit`}
        markdown={editableMarkdown(a.current.answer)}
        baseRevisionId={a.current.id}
        back={`/editor/answers/${a.id}`}
      />,
    );
  });

  app.post('/editor/answers/:id/edit', async (c) => {
    const s = c.get('session')!;
    const a = await loadAnswer(c);
    if (!a) return message(c, 404, 'Not found', `There is no answer ${c.req.param('id')}.`);
    const body = await c.req.parseBody();
    const markdown = String(body.markdown ?? '');
    const base = body.base_revision_id ? Number(body.base_revision_id) : null;
    const form = {
      config,
      session: s,
      title: `Edit: ${a.question}`,
      action: `/editor/answers/${a.id}/edit`,
      markdown,
      baseRevisionId: base,
      back: `/editor/answers/${a.id}`,
    };
    const parsed = parseEditorMarkdown(markdown);
    if (!parsed.ok) return html(c, <EditPage {...form} problems={parsed.problems} />, 422);
    if (body.intent !== 'save') {
      const lint = lintForEditor(markdown, { today: config.today(), reviewers: await reviewerIds() });
      return html(c, <EditPage {...form} lint={lint} preview={parsed.answer} />);
    }
    try {
      const saved = await repo.saveRevision(a.id, base, parsed.answer, s.user);
      return c.redirect(`/editor/answers/${a.id}?notice=${saved.created ? 'saved' : 'unchanged'}`, 303);
    } catch (err) {
      if (err instanceof StaleRevisionError) {
        const conflict = {
          currentId: err.current.id,
          author: err.current.author,
          createdAt: err.current.createdAt,
          ops: wordDiff(editableMarkdown(err.current.answer), markdown),
        };
        // The form now builds on the current revision: saving again is a deliberate merge.
        return html(c, <EditPage {...form} baseRevisionId={err.current.id} conflict={conflict} />, 409);
      }
      return refuse(c, err);
    }
  });

  app.get('/editor/answers/:id/history', async (c) => {
    const s = c.get('session')!;
    const a = await loadAnswer(c);
    if (!a) return message(c, 404, 'Not found', `There is no answer ${c.req.param('id')}.`);
    const revisions = await store.listRevisions(a.id);
    const from = revisions.find((r) => r.id === Number(c.req.query('from')));
    const to = revisions.find((r) => r.id === Number(c.req.query('to')));
    const diff =
      from && to
        ? { from, to, ops: wordDiff(editableMarkdown(from.answer), editableMarkdown(to.answer)) }
        : undefined;
    return html(
      c,
      <HistoryPage
        config={config}
        session={s}
        answer={a}
        revisions={revisions}
        approvals={a.approvals}
        diff={diff}
      />,
    );
  });

  /** Runs a transition; publishing is refused while lint errors remain. */
  const runTransition = async (
    s: SessionInfo,
    id: number,
    action: string,
    revisionId: number | undefined,
    comment: string,
  ) => {
    if (!isAction(action) || action === 'edit')
      throw new WorkflowError('invalid', `unknown action "${action}"`);
    if (action === 'publish') {
      const a = await repo.getAnswer(id);
      if (a?.current) {
        const lint = lintForEditor(editableMarkdown(a.current.answer), {
          today: config.today(),
          reviewers: await reviewerIds(),
        });
        if (blocksPublishing(lint)) {
          const n = lint.filter((m) => m.severity === 'error').length;
          throw new WorkflowError(
            'lint-errors',
            `cannot publish: the linter reports ${n} error${n === 1 ? '' : 's'} in this revision`,
            'fix them in a new revision (which then needs review again), or ask the team to adjust the rule',
          );
        }
      }
    }
    return repo.transition(id, s.user, { action, revisionId, comment });
  };

  app.post('/editor/answers/:id/transition', async (c) => {
    const s = c.get('session')!;
    const id = Number(c.req.param('id'));
    const body = await c.req.parseBody();
    const action = String(body.action ?? '');
    const revisionId = body.revision_id ? Number(body.revision_id) : undefined;
    try {
      await runTransition(s, id, action, revisionId, String(body.comment ?? ''));
      return c.redirect(`/editor/answers/${id}?notice=${action}`, 303);
    } catch (err) {
      if (err instanceof StaleRevisionError) {
        return message(
          c,
          409,
          'The answer changed',
          `You looked at revision #${revisionId}, but revision #${err.current.id} by ${err.current.author} is now current, so nothing was ${label(action as 'approve')}d.`,
          'Open the review screen again to see the current text.',
          `/editor/answers/${id}/review`,
        );
      }
      return refuse(c, err);
    }
  });

  app.get('/editor/queue', async (c) => {
    const s = c.get('session')!;
    const within = parseWindow(c.req.query('within') ?? '30d') ?? 30;
    const today = config.today();
    const items = await repo.reviewDue({ withinDays: within, today });
    return html(c, <QueuePage config={config} session={s} items={items} withinDays={within} today={today} />);
  });

  app.get('/editor/audit', async (c) => {
    const s = c.get('session')!;
    if (!canReadAudit(s.user.role)) {
      return message(
        c,
        403,
        'Not allowed',
        `The audit log is open to editors and admins; you are signed in as ${s.user.role}.`,
      );
    }
    const filter = {
      entity: c.req.query('entity') || undefined,
      entityId: c.req.query('id') || undefined,
      actor: c.req.query('actor') || undefined,
    };
    const format = c.req.query('format');
    if (format === 'csv' || format === 'json') {
      const rows = await repo.listAudit(filter);
      const stamp = config.today();
      return c.body(format === 'csv' ? auditToCsv(rows) : auditToJson(rows), 200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="medbrief-audit-${stamp}.${format}"`,
      });
    }
    const rows = await repo.listAudit({ ...filter, limit: 500 });
    const query = Object.entries(filter)
      .filter(([, v]) => v)
      .map(([k, v]) => `&${k === 'entityId' ? 'id' : k}=${encodeURIComponent(v!)}`)
      .join('');
    return html(c, <AuditPage config={config} session={s} rows={rows} query={query} />);
  });

  // ------------------------------------------------------------- JSON API

  app.get('/editor/api/session', (c) => {
    const s = c.get('session')!;
    return c.json({ user: s.user, csrfToken: s.csrfToken, expiresAt: s.expiresAt });
  });

  app.get('/editor/api/answers/:id', async (c) => {
    const a = await loadAnswer(c);
    if (!a) return problem(c, 404, 'Not Found', `There is no answer ${c.req.param('id')}.`);
    const { current, published, ...rest } = a;
    return c.json({
      ...rest,
      current: current && {
        id: current.id,
        hash: current.hash,
        author: current.author,
        markdown: editableMarkdown(current.answer),
      },
      published: published && { id: published.id, hash: published.hash },
    });
  });

  app.put('/editor/api/answers/:id', async (c) => {
    const s = c.get('session')!;
    const id = Number(c.req.param('id'));
    const body = (await c.req.json().catch(() => null)) as {
      baseRevisionId?: number | null;
      markdown?: string;
    } | null;
    if (!body || typeof body.markdown !== 'string' || body.baseRevisionId === undefined) {
      return problem(
        c,
        400,
        'Bad Request',
        'Send JSON {"baseRevisionId": <id of the revision you edited>, "markdown": "<the answer file>"}.',
      );
    }
    const parsed = parseEditorMarkdown(body.markdown);
    if (!parsed.ok)
      return problem(c, 422, 'Unprocessable Content', 'The answer file has problems.', {
        problems: parsed.problems,
      });
    try {
      const saved = await repo.saveRevision(id, body.baseRevisionId, parsed.answer, s.user);
      return c.json(
        { revision: saved.revision, created: saved.created, state: saved.state },
        saved.created ? 201 : 200,
      );
    } catch (err) {
      if (err instanceof StaleRevisionError) {
        const ops = wordDiff(editableMarkdown(err.current.answer), body.markdown);
        return problem(c, 409, 'Conflict', err.message, {
          code: err.code,
          hint: err.hint,
          current: {
            id: err.current.id,
            hash: err.current.hash,
            author: err.current.author,
            markdown: editableMarkdown(err.current.answer),
          },
          diff: ops,
        });
      }
      return refuse(c, err);
    }
  });

  app.post('/editor/api/answers/:id/transition', async (c) => {
    const s = c.get('session')!;
    const body = (await c.req.json().catch(() => null)) as {
      action?: string;
      revisionId?: number;
      comment?: string;
    } | null;
    if (!body?.action)
      return problem(
        c,
        400,
        'Bad Request',
        'Send JSON {"action": "submit" | "approve" | …, "revisionId": n, "comment": "…"}.',
      );
    try {
      const result = await runTransition(
        s,
        Number(c.req.param('id')),
        body.action,
        body.revisionId,
        body.comment ?? '',
      );
      return c.json(result);
    } catch (err) {
      if (err instanceof StaleRevisionError) {
        return problem(c, 409, 'Conflict', err.message, {
          code: err.code,
          current: { id: err.current.id, hash: err.current.hash },
        });
      }
      return refuse(c, err);
    }
  });

  return app;
}

/** Only same-site editor paths are followed after sign-in (no open redirects). */
function safeNext(next: string | undefined): string | undefined {
  return next && /^\/editor(\/[\w\-/]*)?$/.test(next) ? next : undefined;
}

async function formField(c: C, name: string): Promise<string | undefined> {
  const type = c.req.header('content-type') ?? '';
  if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data'))
    return undefined;
  const body = await c.req.parseBody();
  const v = body[name];
  return typeof v === 'string' ? v : undefined;
}
