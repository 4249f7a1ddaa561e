/**
 * One structured log line per request with a request id (taken from a well-formed incoming
 * `x-request-id`, else generated) that is echoed back so a report can be traced in the logs.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { Logger } from 'pino';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,128}$/;

export function requestLog(logger: Logger): MiddlewareHandler {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    c.set('requestId' as never, id as never);
    const start = performance.now();
    try {
      await next();
    } finally {
      c.res.headers.set('x-request-id', id);
      const status = c.res.status;
      const fields = {
        reqId: id,
        method: c.req.method,
        path: loggablePath(c.req.path),
        status,
        ms: Math.round((performance.now() - start) * 10) / 10,
      };
      if (status >= 500) logger.error(fields, 'request failed');
      else logger.info(fields, 'request');
    }
  };
}

/** A one-time account link's token is a password: it never goes into the log. */
export function loggablePath(path: string): string {
  return path.replace(/^\/account\/setup\/[^/]+/, '/account/setup/[token]');
}
