/**
 * Runs live checks (lint, word counts, reading grade) in a worker thread, so a slow check on a
 * long or pathological answer cannot hold up other requests: the server's event loop only
 * posts a message and waits. A check that runs past its time limit is abandoned (the worker is
 * terminated and replaced) and the caller gets a clear error; a full queue refuses new work
 * instead of growing without bound.
 */
import { Worker } from 'node:worker_threads';
import type { LiveInput, LiveOptions, LiveResult } from './live-check.js';

export class CheckTimeoutError extends Error {}
export class CheckBusyError extends Error {}

export interface CheckPoolOptions {
  /** Milliseconds one check may take (default 3000). */
  timeoutMs?: number;
  /** Checks waiting at most (default 64). */
  maxQueue?: number;
  /** Another worker script (tests use one that can be made slow). */
  worker?: URL;
}

interface Job {
  id: number;
  input: LiveInput;
  options: LiveOptions;
  resolve: (r: LiveResult) => void;
  reject: (e: Error) => void;
}

/** How to start the worker: the compiled script, or (TypeScript sources under tsx/vitest) through tsx. */
function workerSource(override?: URL): { source: string | URL; eval: boolean } {
  const url =
    override ??
    new URL(import.meta.url.endsWith('.ts') ? './check-worker.ts' : './check-worker.js', import.meta.url);
  if (!url.pathname.endsWith('.ts')) return { source: url, eval: false };
  // Node 20 does not apply `--import tsx` to a worker's entry module; register tsx's loader first.
  const load = `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`;
  return { source: load, eval: true };
}

export class CheckPool {
  private worker: Worker | null = null;
  private running: Job | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly queue: Job[] = [];
  private serial = 0;
  private closed = false;
  /** The worker has loaded the linter; time limits start counting only then. */
  private ready = false;
  readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly workerOverride?: URL;

  constructor(options: CheckPoolOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.maxQueue = options.maxQueue ?? 64;
    this.workerOverride = options.worker;
  }

  check(input: LiveInput, options: LiveOptions): Promise<LiveResult> {
    if (this.closed) return Promise.reject(new Error('the check pool is closed'));
    if (this.queue.length >= this.maxQueue) {
      return Promise.reject(new CheckBusyError('too many checks are waiting; try again in a moment'));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ id: ++this.serial, input, options, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Worker {
    const { source, eval: isEval } = workerSource(this.workerOverride);
    const w = new Worker(source, { eval: isEval });
    w.unref();
    w.on('message', (msg: { id: number; ready?: true; result?: LiveResult; error?: string }) => {
      if (msg.ready) {
        this.ready = true;
        this.pump();
        return;
      }
      const job = this.running;
      if (!job || job.id !== msg.id) return;
      this.finish();
      if (msg.error !== undefined) job.reject(new Error(msg.error));
      else job.resolve(msg.result!);
      this.pump();
    });
    w.on('error', (err) => {
      if (this.worker === w) this.fail(err);
    });
    w.on('exit', () => {
      if (this.worker !== w) return; // replaced after a timeout: already reported
      this.worker = null;
      this.ready = false;
      if (this.running) this.fail(new Error('the check worker stopped'));
    });
    return w;
  }

  private finish() {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = null;
  }

  private fail(err: Error) {
    const job = this.running;
    this.finish();
    job?.reject(err);
    this.pump();
  }

  private pump() {
    if (this.running || this.closed || !this.queue.length) return;
    if (!this.worker) {
      this.ready = false;
      this.worker = this.spawn();
    }
    if (!this.ready) return;
    const job = this.queue.shift()!;
    this.running = job;
    this.timer = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      this.ready = false;
      this.fail(new CheckTimeoutError(`the checks took longer than ${this.timeoutMs} ms and were stopped`));
      void w?.terminate();
    }, this.timeoutMs);
    this.worker.postMessage({ id: job.id, input: job.input, options: job.options });
  }

  /** Starts the worker now, so the first check does not wait for it to load. */
  warm(): void {
    if (!this.worker && !this.closed) {
      this.ready = false;
      this.worker = this.spawn();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error('the check pool is closed'));
    this.finish();
    await this.worker?.terminate();
    this.worker = null;
  }
}
