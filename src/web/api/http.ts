/**
 * HTTP caching and CORS for the read-only API. Written here rather than taken from hono/etag
 * because a 304 must carry the same Cache-Control, Vary and CORS headers as the 200 it stands for.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Public data that changes when editors publish: short freshness, then revalidate by ETag. */
export const API_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

export function etagFor(body: string | Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 §13.1.2: weak comparison; "*" matches any current representation. */
export function ifNoneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const plain = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === plain);
}

/** Cross-origin reads are welcome (open data); nothing else is offered, and no credentials. */
export const cors: MiddlewareHandler = async (c, next) => {
  if (c.req.method === 'OPTIONS') {
    return new Response(null, {
      status: 204,
      headers: {
        'access-control-allow-origin': '*',
        'access-control-allow-methods': 'GET, HEAD, OPTIONS',
        'access-control-allow-headers': 'If-None-Match, Accept',
        'access-control-max-age': '86400',
      },
    });
  }
  await next();
  c.res.headers.set('access-control-allow-origin', '*');
  c.res.headers.set('access-control-expose-headers', 'ETag, Link');
};

/** Strong ETag over the exact bytes, Cache-Control, and 304 on a matching If-None-Match. */
export const conditionalGet: MiddlewareHandler = async (c, next) => {
  await next();
  if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
  const body = new Uint8Array(await c.res.clone().arrayBuffer());
  const etag = etagFor(body);
  const headers = new Headers(c.res.headers);
  headers.set('etag', etag);
  if (!headers.has('cache-control')) headers.set('cache-control', API_CACHE_CONTROL);
  headers.append('vary', 'Accept-Encoding');
  if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) {
    headers.delete('content-type');
    headers.delete('content-length');
    c.res = new Response(null, { status: 304, headers });
    return;
  }
  c.res = new Response(body, { status: 200, headers });
};
