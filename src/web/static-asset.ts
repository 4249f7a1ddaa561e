/** A stylesheet or script served from memory, cached by browsers for `maxAgeSeconds`. */
import type { Context } from 'hono';

const TYPES = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' } as const;

export function staticAsset(body: string, type: keyof typeof TYPES, maxAgeSeconds: number) {
  const headers = { 'content-type': TYPES[type], 'cache-control': `public, max-age=${maxAgeSeconds}` };
  return (c: Context) => c.body(body, 200, headers);
}
