/**
 * A per-client rate limit held in memory (fixed one-minute windows). Readers are anonymous, so
 * the key is the client address; it is never written anywhere. The table is bounded: when it is
 * full, windows that have ended are dropped, then the oldest keys.
 */
export interface RateLimitOptions {
  /** Requests allowed per window per client (default 10). */
  limit?: number;
  windowMs?: number;
  /** Clients tracked at once (default 50,000). */
  maxClients?: number;
  now?: () => number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { start: number; count: number }>();
  readonly limit: number;
  readonly windowMs: number;
  private readonly maxClients: number;
  private readonly now: () => number;

  constructor(options: RateLimitOptions = {}) {
    this.limit = options.limit ?? 10;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxClients = options.maxClients ?? 50_000;
    this.now = options.now ?? Date.now;
  }

  /** True when this request is allowed (and counts it). */
  allow(key: string): boolean {
    const now = this.now();
    const entry = this.hits.get(key);
    if (!entry || now - entry.start >= this.windowMs) {
      if (!entry && this.hits.size >= this.maxClients) this.evict(now);
      this.hits.delete(key);
      this.hits.set(key, { start: now, count: 1 });
      return true;
    }
    entry.count++;
    return entry.count <= this.limit;
  }

  /** Seconds until this client may try again. */
  retryAfter(key: string): number {
    const entry = this.hits.get(key);
    if (!entry) return 0;
    return Math.max(1, Math.ceil((entry.start + this.windowMs - this.now()) / 1000));
  }

  get size(): number {
    return this.hits.size;
  }

  private evict(now: number): void {
    for (const [k, v] of this.hits) if (now - v.start >= this.windowMs) this.hits.delete(k);
    // Map iteration order is insertion order: the first keys are the oldest windows.
    for (const k of this.hits.keys()) {
      if (this.hits.size < this.maxClients) break;
      this.hits.delete(k);
    }
  }
}
