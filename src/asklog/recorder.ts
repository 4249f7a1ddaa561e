/**
 * The recorder: what the ask path calls. `record()` only appends to an in-memory queue and
 * returns (it never throws, never waits for the database); scrubbing and the write happen
 * afterwards in one batch. A failed write is counted and reported, never raised to the asker.
 * The queue is bounded: when the database is slow or down, the oldest questions are dropped
 * (counted) instead of growing memory.
 */

import { slugify } from '../content/index.js';
import { classifyAspect } from '../search/aspect.js';
import { guessFocus } from './guess.js';
import { type AskLogRepo, hourBucket, type NewAskRow } from './repo.js';
import { scrubText } from './scrub.js';
import { type AskEvent, UNKNOWN } from './types.js';

export interface AskRecorderStats {
  recorded: number;
  written: number;
  failed: number;
  dropped: number;
}

export interface AskRecorderOptions {
  /** Questions held while a write is in progress (default 10,000). */
  maxQueue?: number;
  /** Where failed writes are reported (default: nowhere; they are counted). */
  onError?: (err: unknown) => void;
}

/** Anything that can take a batch of scrubbed rows. */
export type AskSink = Pick<AskLogRepo, 'insertAsks'>;

export class AskRecorder {
  readonly stats: AskRecorderStats = { recorded: 0, written: 0, failed: 0, dropped: 0 };
  private queue: AskEvent[] = [];
  private running: Promise<void> | null = null;
  private scheduled = false;
  private closed = false;
  private readonly maxQueue: number;

  constructor(
    private readonly sink: AskSink,
    private readonly options: AskRecorderOptions = {},
  ) {
    this.maxQueue = options.maxQueue ?? 10_000;
  }

  /** Queues one ask. Returns at once; never throws. */
  record(event: AskEvent): void {
    try {
      if (this.closed) return;
      this.stats.recorded++;
      if (this.queue.length >= this.maxQueue) {
        this.queue.shift();
        this.stats.dropped++;
      }
      this.queue.push({ ...event, at: event.at ?? new Date() });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => {
          this.scheduled = false;
          void this.flush();
        });
      }
    } catch {
      this.stats.failed++;
    }
  }

  /** Writes what is queued; resolves when the queue is empty (errors are counted, not thrown). */
  async flush(): Promise<void> {
    while (this.running) await this.running;
    if (this.queue.length === 0) return;
    const batch = this.queue;
    this.queue = [];
    this.running = (async () => {
      try {
        await this.sink.insertAsks(batch.map(toRow));
        this.stats.written += batch.length;
      } catch (err) {
        this.stats.failed += batch.length;
        try {
          this.options.onError?.(err);
        } catch {
          // a failing reporter must not break the recorder either
        }
      } finally {
        this.running = null;
      }
    })();
    await this.running;
    if (this.queue.length > 0) await this.flush();
  }

  /** Writes what is left and stops taking new asks. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
  }
}

function toRow(e: AskEvent): NewAskRow {
  const question = scrubText(e.question);
  return {
    hour: hourBucket(e.at),
    channel: e.channel,
    // Guessing runs here, after the answer has gone, never on the ask path.
    focus: e.focus ?? guessFromPhrase(e.focusPhrase) ?? guessFocus(question) ?? UNKNOWN, // scrubbed words: never a name
    focusKnown: e.focusKnown,
    aspect: e.aspect ?? classifyAspect(e.question).top ?? UNKNOWN,
    outcome: e.outcome,
    answerRef: e.answerRef,
    score: e.score,
    reason: e.reason,
    question,
  };
}

/** The engine's own reading of the topic, when it is words and not personal data. */
function guessFromPhrase(phrase: string | null | undefined): string | null {
  if (!phrase) return null;
  const clean = scrubText(phrase);
  if (clean.includes('[')) return null;
  return slugify(clean.slice(0, 80)) || null;
}
