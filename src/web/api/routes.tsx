/**
 * /api/v1: read-only JSON over the published content. The same sub-app is mounted at /api for
 * the unversioned paths (aliases, same handlers).
 */

import type { Context } from 'hono';
import { Hono } from 'hono';
import { type ConnectProvider, connectService } from '../../connect/index.js';
import type { Reviewer } from '../../content/index.js';
import type { SiteConfig } from '../../site/index.js';
import { renderDocument } from '../../site/index.js';
import type { Store } from '../../store/index.js';
import { connectHandler } from './connect.js';
import { ApiDocsPage } from './docs.js';
import { conditionalGet, cors } from './http.js';
import { openApiDocument } from './openapi.js';
import { notFoundProblem, problem } from './problem.js';
import {
  answerJson,
  answerSummaryJson,
  conditionDetailJson,
  conditionSummaryJson,
  linkHeader,
  pagination,
} from './resources.js';
import { type AnswerList, type ConditionList, PageQuerySchema, type ReviewerList } from './schemas.js';

function pageQuery(c: Context) {
  const parsed = PageQuerySchema.safeParse({ limit: c.req.query('limit'), offset: c.req.query('offset') });
  if (parsed.success) return parsed.data;
  return problem(
    400,
    'Bad Request',
    'The query parameters are not valid; see "errors".',
    c.req.path,
    parsed.error.issues.map((i) => ({ name: String(i.path[0] ?? ''), reason: i.message })),
  );
}

/**
 * Mounts the API on an app: CORS and conditional GET for everything under /api/ (once, also for
 * routes other modules mount later, such as /api/v1/ask), the versioned routes at /api/v1, and
 * the same handlers at /api for the unversioned paths.
 */
export function mountApi(
  app: Hono,
  store: Store,
  config: SiteConfig,
  reviewers: () => Promise<Map<string, Reviewer>>,
  connect: ConnectProvider = connectService(store, config),
): void {
  app.use('/api/*', cors, conditionalGet);
  const api = apiV1Routes(store, config, reviewers, connect);
  app.route('/api/v1', api);
  app.route('/api', api);
}

/** The versioned routes alone (no middleware); mount with mountApi. */
export function apiV1Routes(
  store: Store,
  config: SiteConfig,
  reviewers: () => Promise<Map<string, Reviewer>>,
  connect: ConnectProvider = connectService(store, config),
) {
  const api = new Hono();
  const base = `${config.baseUrl}/api/v1`;

  api.get('/openapi.json', (c) => c.json(openApiDocument(config.baseUrl)));
  api.get('/docs', async (c) =>
    c.html(await renderDocument(<ApiDocsPage config={config} document={openApiDocument(config.baseUrl)} />)),
  );

  api.get('/conditions', async (c) => {
    const q = pageQuery(c);
    if (q instanceof Response) return q;
    const [total, conditions] = await Promise.all([
      store.countConditions(),
      store.listConditions({ limit: q.limit, offset: q.offset }),
    ]);
    const body: ConditionList = {
      conditions: conditions.map((x) => conditionSummaryJson(x, config)),
      pagination: pagination(`${base}/conditions`, total, q.limit, q.offset),
    };
    const link = linkHeader(body.pagination);
    if (link) c.header('link', link);
    return c.json(body);
  });

  api.get('/conditions/:slug', async (c) => {
    const condition = await store.findCondition(c.req.param('slug'));
    if (!condition) return notFoundProblem(c.req.path);
    const answers = await store.listPublishedAnswers(condition.slug);
    return c.json(conditionDetailJson(condition, answers, await reviewers(), config));
  });

  api.get('/conditions/:slug/:answer', async (c) => {
    const condition = await store.findCondition(c.req.param('slug'));
    const view = condition ? await store.getPublishedAnswer(condition.slug, c.req.param('answer')) : null;
    if (!view) return notFoundProblem(c.req.path);
    return c.json(answerJson(view, await reviewers(), config));
  });

  api.get('/answers', async (c) => {
    const q = pageQuery(c);
    if (q instanceof Response) return q;
    const [total, views, map] = await Promise.all([
      store.countPublishedAnswers(),
      store.allPublishedAnswers({ limit: q.limit, offset: q.offset }),
      reviewers(),
    ]);
    const body: AnswerList = {
      answers: views.map((v) => answerSummaryJson(v, map, config)),
      pagination: pagination(`${base}/answers`, total, q.limit, q.offset),
    };
    const link = linkHeader(body.pagination);
    if (link) c.header('link', link);
    return c.json(body);
  });

  api.get('/connect', connectHandler(connect, config));

  api.get('/reviewers', async (c) => {
    const body: ReviewerList = { reviewers: [...(await reviewers()).values()] };
    return c.json(body);
  });

  // Unknown paths fall through to the app's notFound, which answers problem+json under /api/, so
  // other modules can mount more /api/v1 routes (e.g. search's /api/v1/ask) after this one.
  return api;
}
