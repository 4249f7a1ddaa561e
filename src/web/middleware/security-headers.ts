/**
 * Security headers on every response. Pages need no script: the policy allows none, styles only
 * from our own stylesheet, and no framing. JSON-LD blocks are data, not script, and are unaffected.
 */
import type { MiddlewareHandler } from 'hono';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const h = c.res.headers;
    if (!h.has('content-security-policy')) h.set('content-security-policy', CONTENT_SECURITY_POLICY);
    h.set('x-content-type-options', 'nosniff');
    if (!h.has('referrer-policy')) h.set('referrer-policy', 'strict-origin-when-cross-origin'); // a page may be stricter
    h.set('x-frame-options', 'DENY');
    h.set('permissions-policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    h.set('cross-origin-opener-policy', 'same-origin');
  };
}
