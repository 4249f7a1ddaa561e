/**
 * The HTTP application: public pages and the JSON API. Errors never reach a reader as a stack
 * trace: ./errors.tsx answers every error, as problem+json under /api and /editor/api, else as a page.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type Logger, pino } from 'pino';
import {
  type AskLogService,
  type AskLogSettings,
  askLogOptOut,
  loggedEngine,
  startAskLog,
} from '../asklog/index.js';
import { connectService } from '../connect/index.js';
import { mountMcp } from '../mcp/http.js';
import { type EngineProvider, searchService } from '../search/index.js';
import { defaultSiteConfig, ErrorPage, renderDocument, type SiteConfig } from '../site/index.js';
import type { Store } from '../store/index.js';
import { askRoutes, mountApi, problem } from './api/index.js';
import { editorRoutes } from './editor/index.js';
import { errorHandler, MAX_REQUEST_BYTES, RequestError } from './errors.js';
import { type FeedbackRouteOptions, feedbackRoutes, gapRoutes } from './gaps/routes.js';
import { healthRoutes, type Lifecycle } from './health.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { pageRoutes } from './pages.js';
import { reviewerCache } from './reviewers.js';

export interface AppOptions {
  store: Store;
  config?: Partial<SiteConfig>;
  /** Where unexpected errors are reported (default: stderr). */
  logError?: (err: unknown, path: string) => void;
  /** Structured request logs (default: none; `medbrief serve` logs JSON lines to stdout). */
  logger?: Logger;
  /** Shared with the process: readiness turns false when shutdown begins. */
  lifecycle?: Lifecycle;
  /** The search engine behind /ask, /api/v1/ask and MCP (default: built from the store, kept fresh). */
  search?: EngineProvider;
  /** The question log (off unless enabled; `medbrief serve --demo` turns it on). */
  askLog?: AskLogSettings;
  /** Page feedback: rate limit and whether to trust X-Forwarded-For for the client key. */
  feedback?: FeedbackRouteOptions;
  /** The database URL or path: keeps the built search index in the search cache (src/search/cache.ts). */
  searchCacheKey?: string;
}

export function createApp(options: AppOptions) {
  const config = defaultSiteConfig(options.config);
  const { store } = options;
  const logger = options.logger ?? pino({ level: 'silent' });
  const logError =
    options.logError ??
    ((err: unknown, path: string) => {
      if (options.logger) logger.error({ err, path }, 'unhandled error');
      else console.error(`error serving ${path}:`, err);
    });
  const reviewers = reviewerCache(store);
  const app = new Hono();
  app.use('*', requestLog(logger));
  app.use('*', securityHeaders());
  app.use(
    '*',
    bodyLimit({
      maxSize: MAX_REQUEST_BYTES,
      onError: () => {
        throw new RequestError(
          413,
          'Content Too Large',
          `The request body is larger than ${MAX_REQUEST_BYTES / 1024} KiB.`,
          {
            hint: 'Send a shorter answer file; split long answers into several.',
          },
        );
      },
    }),
  );
  app.route('/', healthRoutes(store, options.lifecycle ?? { ready: true }));

  // /api/v1 is the versioned API; the unversioned /api/... paths are aliases (same handlers).
  // One search engine for the Ask page, /api/v1/ask and MCP, rebuilt when published content changes.
  const search =
    options.search ??
    searchService(store, {
      emergencyNumber: config.emergencyNumber,
      ...(options.searchCacheKey ? { databaseKey: options.searchCacheKey } : {}),
    });
  // The question log records each channel's asks (scrubbed); off unless enabled.
  const askLog: AskLogService | null = options.askLog?.enabled
    ? startAskLog(store, options.askLog, (what, err) => logger.warn({ err }, what))
    : null;
  const on = (channel: 'page' | 'api' | 'mcp') =>
    askLog ? loggedEngine(search, askLog.recorder, channel) : search;
  // One code-lookup index for /api/v1/connect and MCP lookup_by_code, rebuilt when content changes.
  const connect = connectService(store, config);
  mountApi(app, store, config, reviewers, connect);
  app.use('/api/v1/ask', askLogOptOut());
  app.use('/api/ask', askLogOptOut());
  app.route('/api/v1', askRoutes(on('api')));
  app.route('/api', askRoutes(on('api'))); // unversioned alias, like the other /api paths
  mountMcp(app, { store, config, ask: on('mcp'), connect }); // MCP for AI assistants, Streamable HTTP at /mcp
  app.route('/', editorRoutes(store, config)); // editor UI, sign-in, /editor/api
  app.route('/', gapRoutes(store, config, { logEnabled: askLog !== null })); // gap queue
  app.route('/', feedbackRoutes(store, config, options.feedback)); // "Was this page helpful?"
  const pageSearch = on('page');
  app.route(
    '/',
    pageRoutes(store, config, reviewers, { ask: async (q, o) => (await pageSearch()).ask(q, o) }),
  );

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) {
      return problem(404, 'Not Found', `No API resource at ${c.req.path}.`, c.req.path);
    }
    return c.html(await renderDocument(<ErrorPage config={config} status={404} path={c.req.path} />), 404);
  });

  app.onError(errorHandler(config, logError));

  return { app, config, search, askLog };
}
