/**
 * The hook between the one shared ask engine and the question log: a wrapper around the engine
 * provider that page, API and MCP each get with their channel. It asks the engine exactly as the
 * caller did (the result's `parsed` already says which focus and aspect the engine read) and
 * hands the outcome to the recorder, which does everything else later. Ranking code is not touched.
 *
 * A caller opts out for one request with `withoutAskLog(fn)` (the API's `log=false`).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { AskEngine } from '../search/engine.js';
import type { EngineProvider } from '../search/provider.js';
import type { AskOptions, AskResult } from '../search/types.js';
import type { AskRecorder } from './recorder.js';
import type { AskChannel, AskEvent } from './types.js';

const optOut = new AsyncLocalStorage<true>();

/** Runs `fn` with recording switched off for every ask it makes. */
export function withoutAskLog<T>(fn: () => T): T {
  return optOut.run(true, fn);
}

/** An engine provider whose engines record every ask on `channel`. */
export function loggedEngine(
  provider: EngineProvider,
  recorder: AskRecorder,
  channel: AskChannel,
): EngineProvider {
  const wrapped = new WeakMap<AskEngine, AskEngine>();
  return async () => {
    const engine = await provider();
    let w = wrapped.get(engine);
    if (!w) {
      w = wrapEngine(engine, recorder, channel);
      wrapped.set(engine, w);
    }
    return w;
  };
}

function wrapEngine(engine: AskEngine, recorder: AskRecorder, channel: AskChannel): AskEngine {
  const w = Object.create(engine) as AskEngine;
  w.ask = (question: string, options: AskOptions = {}): AskResult => {
    if (optOut.getStore()) return engine.ask(question, options);
    const result = engine.ask(question, options);
    try {
      recorder.record(askEvent(channel, question, result));
    } catch {
      recorder.stats.failed++;
    }
    return result;
  };
  return w;
}

export function askEvent(channel: AskChannel, question: string, r: AskResult): AskEvent {
  const top = r.results[0];
  const parsed = r.parsed;
  const named = parsed?.focus.kind === 'condition' ? parsed.focus.slug : undefined;
  const focus = named ?? (!r.abstained ? top?.condition : undefined) ?? null;
  const aspect = parsed?.aspect ?? (!r.abstained ? top?.aspect : undefined) ?? null;
  return {
    channel,
    question,
    focus,
    focusKnown: focus !== null,
    focusPhrase: focus === null ? (parsed?.focus.phrase ?? null) : null,
    aspect,
    outcome: r.redFlag ? 'red_flag' : r.abstained ? 'abstained' : 'answered',
    answerRef: top?.answerId ?? null,
    score: top?.score ?? null,
    reason: r.reason ?? null,
  };
}

/**
 * Middleware for GET /api/v1/ask: `log=false` (or 0/no/off) keeps this request out of the log;
 * any other value than true/false is refused with a 400 that says what is allowed.
 */
export function askLogOptOut(): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.query('log');
    if (raw === undefined) return next();
    const v = raw.trim().toLowerCase();
    if (['false', '0', 'no', 'off'].includes(v)) return withoutAskLog(() => next());
    if (['true', '1', 'yes', 'on', ''].includes(v)) return next();
    return c.body(
      JSON.stringify({
        type: 'about:blank',
        title: 'Invalid log',
        status: 400,
        detail: `log must be true or false (got ${JSON.stringify(raw.slice(0, 40))}); log=false keeps this question out of the question log.`,
        instance: c.req.path,
      }),
      400,
      { 'content-type': 'application/problem+json; charset=utf-8' },
    );
  };
}
