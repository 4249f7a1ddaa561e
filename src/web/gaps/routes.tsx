/**
 * HTTP routes of the question log: the editor's gap queue (/editor/gaps, for authors, editors
 * and admins) with its actions and exports, and the public page-feedback form (POST /feedback).
 */
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DraftError, startDraftFromGap } from '../../asklog/draft.js';
import { aspectLabel, gapReport, gapsToCsv, gapsToJson, groupKey } from '../../asklog/gaps.js';
import { RateLimiter } from '../../asklog/rate-limit.js';
import { AskLogRepo, hourBucket } from '../../asklog/repo.js';
import { scrubText } from '../../asklog/scrub.js';
import { renderDocument, type SiteConfig } from '../../site/index.js';
import type { Store } from '../../store/index.js';
import {
  decideGap,
  type GapDecisionInput,
  parseWindow,
  type ReviewDueItem,
  WorkflowError,
  type WorkflowRepo,
  type WorkflowRepoOptions,
  workflowRepo,
} from '../../workflow/index.js';
import { clientAddress, csrfValid, type EditorEnv, loadSession } from '../editor/auth.js';
import { MessagePage } from '../editor/pages/message.js';
import { FEEDBACK_COMMENT_MAX, FeedbackMessage, FeedbackPanel, GapsPage, HONEYPOT_FIELD } from './pages.js';

type C = Context<EditorEnv>;

const GAP_ROLES = new Set(['author', 'editor', 'admin']);
const NOTICES: Record<string, string> = {
  drafted: 'Draft created. The patients’ questions are attached to it as a comment.',
  scoped: 'Marked as not in scope; the group is hidden.',
  merged: 'Merged.',
};

export interface GapRouteOptions {
  repo?: WorkflowRepoOptions;
  /** Whether questions are being recorded (the page says so when they are not). */
  logEnabled?: boolean;
}

export function gapRoutes(store: Store, config: SiteConfig, options: GapRouteOptions = {}) {
  const asklog = new AskLogRepo(store);
  const workflow = workflowRepo(store, {
    defaultIntervalMonths: config.reviewIntervalMonths,
    ...options.repo,
  });
  const app = new Hono<EditorEnv>();
  const session = loadSession(workflow);
  app.use('/editor/gaps', async (c, next) => (c.get('session') === undefined ? session(c, next) : next()));
  app.use('/editor/gaps/*', async (c, next) => (c.get('session') === undefined ? session(c, next) : next()));

  const message = async (c: C, status: number, title: string, text: string, hint?: string) =>
    c.html(
      await renderDocument(
        <MessagePage
          config={config}
          session={c.get('session')}
          status={status}
          title={title}
          message={text}
          hint={hint}
          back="/editor/gaps"
        />,
      ),
      status as 200,
    );

  // Who may see and act on gaps; and CSRF on every POST (also checked by the editor's own guard).
  const guard = async (c: C, next: () => Promise<void>) => {
    const s = c.get('session');
    if (!s) return c.redirect(`/login?next=${encodeURIComponent('/editor/gaps')}`, 303);
    if (!GAP_ROLES.has(s.user.role)) {
      return message(
        c,
        403,
        'Not allowed',
        `The gap queue is open to authors and editors; you are signed in as ${s.user.role}.`,
      );
    }
    if (c.req.method === 'POST') {
      const body = await c.req.parseBody();
      const token = c.req.header('x-csrf-token') ?? (typeof body._csrf === 'string' ? body._csrf : undefined);
      if (!csrfValid(s, token)) {
        return message(
          c,
          403,
          'Request refused',
          'The form’s security token is missing or wrong, so nothing was changed.',
        );
      }
    }
    await next();
  };
  app.use('/editor/gaps', guard);
  app.use('/editor/gaps/*', guard);

  const period = (c: C) => {
    const raw = c.req.query('since') ?? '30d';
    const days = Math.min(365, Math.max(1, parseWindow(raw) ?? 30));
    return days;
  };

  app.get('/editor/gaps', async (c) => {
    const days = period(c);
    const format = c.req.query('format');
    const since = new Date(Date.now() - days * 86_400_000);
    const report = await gapReport(asklog, store, {
      since,
      includeHidden: format === 'csv' || format === 'json',
    });
    if (format === 'csv' || format === 'json') {
      return c.body(format === 'csv' ? gapsToCsv(report) : gapsToJson(report), 200, {
        'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        'content-disposition': `attachment; filename="medbrief-gaps-${config.today()}.${format}"`,
        'cache-control': 'no-store',
      });
    }
    const targets = report.groups
      .filter((g) => g.focus !== 'unknown')
      .map((g) => ({
        key: groupKey(g.focus, g.aspect),
        label: `${g.condition?.name ?? g.focus} × ${aspectLabel(g.aspect)}`,
      }));
    return c.html(
      await renderDocument(
        <GapsPage
          config={config}
          session={c.get('session')!}
          report={report}
          days={days}
          notice={NOTICES[c.req.query('notice') ?? '']}
          targets={targets}
          logEnabled={options.logEnabled ?? true}
        />,
      ),
    );
  });

  const groupFrom = async (c: C) => {
    const body = await c.req.parseBody();
    const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
    return {
      focus: text('focus').slice(0, 200),
      aspect: text('aspect').slice(0, 60),
      reason: text('reason').trim().slice(0, 300),
      target: text('target').slice(0, 300),
      since: `${period(c)}d`,
      back: `/editor/gaps?since=${encodeURIComponent(text('since') || '30d')}`,
    };
  };

  app.post('/editor/gaps/draft', async (c) => {
    const s = c.get('session')!;
    const g = await groupFrom(c);
    if (!g.focus || !g.aspect)
      return message(c, 400, 'Cannot do that', 'The form did not say which group to draft.');
    const since = new Date(Date.now() - 365 * 86_400_000);
    const report = await gapReport(asklog, store, { since, includeHidden: true });
    const group = report.groups.find((x) => x.focus === g.focus && x.aspect === g.aspect);
    try {
      const result = await startDraftFromGap(store, workflow, s.user, {
        focus: g.focus,
        aspect: g.aspect,
        examples: group?.examples ?? [],
      });
      return c.redirect(`/editor/answers/${result.answerId}?notice=created`, 303);
    } catch (err) {
      if (err instanceof DraftError) return message(c, 400, 'Cannot start a draft', err.message, err.hint);
      if (err instanceof WorkflowError)
        return message(c, err.status, 'Cannot start a draft', err.message, err.hint);
      throw err;
    }
  });

  /** A sentence for the page from an action's message ("a merge needs …" → "A merge needs ….") */
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;

  /** Records a decision on a group (decide-gap); one the action refuses is the form's 400 page. */
  const decide = async (c: C, title: string, input: GapDecisionInput, back: string, notice: string) => {
    try {
      await workflow.run(decideGap, input, c.get('session')!.user);
    } catch (err) {
      if (err instanceof WorkflowError && err.code === 'invalid')
        return message(c, 400, title, sentence(err.message), err.hint && sentence(err.hint));
      throw err;
    }
    return c.redirect(`${back}&notice=${notice}`, 303);
  };
  const none = { targetFocus: null, targetAspect: null, answerId: null };

  app.post('/editor/gaps/scope', async (c) => {
    const g = await groupFrom(c);
    return decide(
      c,
      'Cannot mark as not in scope',
      { focus: g.focus, aspect: g.aspect, status: 'not_in_scope', reason: scrubText(g.reason), ...none },
      g.back,
      'scoped',
    );
  });

  app.post('/editor/gaps/merge', async (c) => {
    const g = await groupFrom(c);
    const [targetFocus = null, targetAspect = null] = g.target ? g.target.split('|') : [];
    return decide(
      c,
      'Cannot merge',
      {
        focus: g.focus,
        aspect: g.aspect,
        status: 'merged',
        reason: null,
        ...none,
        targetFocus,
        targetAspect,
      },
      g.back,
      'merged',
    );
  });

  return app;
}

export interface FeedbackRouteOptions {
  limiter?: RateLimiter;
  /** Trust X-Forwarded-For (behind a reverse proxy) for the rate limit's client key. */
  trustProxy?: boolean;
  /** Largest accepted form body in bytes (default 16 KiB; larger is refused with 413). */
  maxBytes?: number;
}

/** POST /feedback: anonymous "Was this page helpful?" answers, bound to the revision shown. */
export function feedbackRoutes(store: Store, config: SiteConfig, options: FeedbackRouteOptions = {}) {
  const asklog = new AskLogRepo(store);
  const limiter = options.limiter ?? new RateLimiter({ limit: 10, windowMs: 60_000 });
  const app = new Hono();
  const page = async (c: Context, status: number, title: string, text: string, back?: string) =>
    c.html(
      await renderDocument(
        <FeedbackMessage config={config} status={status} title={title} message={text} back={back} />,
      ),
      status as 200,
    );

  app.post(
    '/feedback',
    async (c, next) => {
      const key = clientAddress(c, { trustProxy: options.trustProxy });
      if (!limiter.allow(key)) {
        c.header('retry-after', String(limiter.retryAfter(key)));
        return page(
          c,
          429,
          'Too many submissions',
          'Thank you, but we have had a lot of feedback from your connection just now. Please try again in a minute.',
        );
      }
      await next();
    },
    bodyLimit({
      maxSize: options.maxBytes ?? 16 * 1024,
      onError: (c) =>
        page(
          c,
          413,
          'Feedback too long',
          `Feedback is limited to ${FEEDBACK_COMMENT_MAX} characters. Please shorten it and try again.`,
        ),
    }),
    async (c) => {
      const type = c.req.header('content-type') ?? '';
      if (!type.includes('application/x-www-form-urlencoded') && !type.includes('multipart/form-data')) {
        return page(c, 415, 'Send the form', 'Feedback is sent with the form on an answer page.');
      }
      const body = await c.req.parseBody();
      const text = (k: string) => (typeof body[k] === 'string' ? (body[k] as string) : '');
      const revisionId = Number(text('revision'));
      const helpful = text('helpful');
      const back = safePath(text('path'));
      if (!Number.isInteger(revisionId) || revisionId <= 0 || (helpful !== 'yes' && helpful !== 'no')) {
        return page(c, 400, 'Feedback not understood', 'Choose Yes or No on the answer page.', back);
      }
      // Bots fill every field; people never see this one. Pretend it worked, record nothing.
      if (text(HONEYPOT_FIELD).trim() !== '')
        return c.redirect(`${back ?? '/'}?feedback=thanks#feedback`, 303);
      const reads = store.editorReads();
      const revision = await reads.getRevision(revisionId);
      const target = revision ? await reads.getAnswer(revision.answerId) : null;
      if (!target || target.publishedRevisionId === null) {
        return page(
          c,
          404,
          'Page not found',
          'That answer is not on the site any more, so the feedback was not recorded.',
        );
      }
      const comment = helpful === 'no' ? scrubText(text('comment').slice(0, FEEDBACK_COMMENT_MAX * 2)) : '';
      await asklog.insertFeedback({
        answerId: target.id,
        revisionId,
        helpful: helpful === 'yes',
        comment: comment || null,
        hour: hourBucket(),
      });
      return c.redirect(`/conditions/${target.conditionSlug}/${target.slug}?feedback=thanks#feedback`, 303);
    },
  );
  return app;
}

function safePath(p: string): string | undefined {
  return /^\/conditions\/[a-z0-9-]+\/[a-z0-9-]+$/.test(p) ? p : undefined;
}

/** The editor answer page's feedback panel (current and earlier revisions). */
export async function feedbackPanelFor(
  store: Store,
  answer: { id: number; current: { id: number } | null; published: { id: number } | null },
) {
  const summaries = await new AskLogRepo(store).feedbackFor(answer.id);
  return (
    <FeedbackPanel
      summaries={summaries}
      currentRevisionId={answer.current?.id ?? null}
      publishedRevisionId={answer.published?.id ?? null}
    />
  );
}

export type QueueItem = ReviewDueItem & { negativeFeedback: number };

/**
 * The review queue with reader feedback: answers with "not helpful" feedback since their last
 * review come first (most first), even when their review is not due yet; then the due ones.
 */
export async function reviewQueueWithFeedback(
  store: Store,
  workflow: WorkflowRepo,
  options: { withinDays: number; today: string },
): Promise<QueueItem[]> {
  const all = await workflow.reviewDue({ ...options, includeAll: true });
  const negative = await new AskLogRepo(store).negativeSinceReview(all.map((i) => i.answerId));
  const items = all
    .map((i) => ({ ...i, negativeFeedback: negative.get(i.answerId) ?? 0 }))
    .filter((i) => i.status !== 'ok' || i.negativeFeedback > 0);
  // stable: the due order within each part is kept
  return [
    ...items.filter((i) => i.negativeFeedback > 0).sort((a, b) => b.negativeFeedback - a.negativeFeedback),
    ...items.filter((i) => i.negativeFeedback === 0),
  ];
}
