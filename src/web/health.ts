/**
 * Liveness and readiness for load balancers: /healthz says the process answers; /readyz says it
 * can serve (the store answers) and is not shutting down.
 */
import { Hono } from 'hono';
import type { Store } from '../store/index.js';

export interface Lifecycle {
  /** Set to false when shutdown begins, so the load balancer stops sending traffic. */
  ready: boolean;
}

export function healthRoutes(store: Store, lifecycle: Lifecycle) {
  const health = new Hono();
  const noStore = { 'cache-control': 'no-store' };
  health.get('/healthz', (c) => c.json({ status: 'ok' }, 200, noStore));
  health.get('/readyz', async (c) => {
    if (!lifecycle.ready) return c.json({ status: 'shutting-down' }, 503, noStore);
    try {
      await Promise.race([
        store.countConditions(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('store timeout')), 2000).unref()),
      ]);
      return c.json({ status: 'ready', store: store.dialect }, 200, noStore);
    } catch {
      return c.json({ status: 'unavailable', reason: 'the store does not answer' }, 503, noStore);
    }
  });
  return health;
}
