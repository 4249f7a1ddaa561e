/**
 * The HTTP application: public pages and the JSON API. Errors never reach a reader as a stack
 * trace: they are logged and answered with a plain 500 page (or problem+json under /api).
 */
import { Hono } from 'hono';
import { defaultSiteConfig, ErrorPage, renderDocument, type SiteConfig } from '../site/index.js';
import type { Store } from '../store/index.js';
import { apiRoutes, problem } from './api.js';
import { pageRoutes } from './pages.js';
import { reviewerCache } from './reviewers.js';

export interface AppOptions {
  store: Store;
  config?: Partial<SiteConfig>;
  /** Where unexpected errors are reported (default: stderr). */
  logError?: (err: unknown, path: string) => void;
}

export function createApp(options: AppOptions) {
  const config = defaultSiteConfig(options.config);
  const { store } = options;
  const logError =
    options.logError ?? ((err: unknown, path: string) => console.error(`error serving ${path}:`, err));
  const reviewers = reviewerCache(store);
  const app = new Hono();

  app.route('/api', apiRoutes(store, config, reviewers));
  app.route('/', pageRoutes(store, config, reviewers));

  app.notFound(async (c) => {
    if (c.req.path.startsWith('/api/')) {
      return problem(404, 'Not Found', `No API resource at ${c.req.path}.`, c.req.path);
    }
    return c.html(await renderDocument(<ErrorPage config={config} status={404} path={c.req.path} />), 404);
  });

  app.onError(async (err, c) => {
    logError(err, c.req.path);
    if (c.req.path.startsWith('/api/')) {
      return problem(500, 'Internal Server Error', 'The server could not complete this request.', c.req.path);
    }
    return c.html(await renderDocument(<ErrorPage config={config} status={500} path={c.req.path} />), 500);
  });

  return { app, config };
}
