/**
 * GET /api/v1/ask?q=…&limit=…&explain=1 — the AskResult as JSON. Bad input is answered with a
 * 400 problem+json that says what to change; it never reaches the engine.
 *
 * Mount: `app.route('/api/v1', askRoutes(getEngine))`, or `app.get('/api/v1/ask', askApiHandler(getEngine))`.
 */
import { type Context, Hono } from 'hono';
import { ASK_DEFAULTS, type AskEngine, type EngineProvider, LIMITS } from '../../search/index.js';

export const MAX_API_LIMIT = ASK_DEFAULTS.maxLimit;

function problem(c: Context, status: 400 | 503, title: string, detail: string): Response {
  return c.body(
    JSON.stringify({ type: 'about:blank', title, status, detail, instance: c.req.path }),
    status,
    {
      'content-type': 'application/problem+json; charset=utf-8',
    },
  );
}

export function askApiHandler(getEngine: EngineProvider) {
  return async (c: Context): Promise<Response> => {
    const q = (c.req.query('q') ?? '').trim();
    if (q.length === 0) return problem(c, 400, 'Missing question', 'Add the question as ?q=… (URL-encoded).');
    if (q.length > LIMITS.maxChars) {
      return problem(
        c,
        400,
        'Question too long',
        `The question has ${q.length} characters; the limit is ${LIMITS.maxChars}. Keep the part that asks something.`,
      );
    }
    const rawLimit = c.req.query('limit');
    let limit = ASK_DEFAULTS.limit;
    if (rawLimit !== undefined) {
      limit = Number(rawLimit);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_API_LIMIT) {
        return problem(c, 400, 'Invalid limit', `limit must be a whole number from 1 to ${MAX_API_LIMIT}.`);
      }
    }
    const explain = ['1', 'true', 'yes'].includes((c.req.query('explain') ?? '').toLowerCase());
    let engine: AskEngine;
    try {
      engine = await getEngine();
    } catch (err) {
      return problem(
        c,
        503,
        'Search unavailable',
        `The search index could not be loaded: ${(err as Error).message}`,
      );
    }
    const result = engine.ask(q, { limit, explain });
    c.header('cache-control', 'no-store');
    return c.json({ question: q, ...result });
  };
}

/** A sub-app answering GET /ask; mount it under /api/v1. */
export function askRoutes(getEngine: EngineProvider): Hono {
  const app = new Hono();
  app.get('/ask', askApiHandler(getEngine));
  return app;
}
