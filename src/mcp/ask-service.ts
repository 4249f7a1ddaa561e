/**
 * The question-answering dependency of ask_medbrief, kept narrow so that the engine behind
 * /api/v1/ask (src/search's AskEngine) plugs in as it is, and tests can pass a stub.
 */
import { createAskEngine, documentsFromStore } from '../search/index.js';
import type { Store } from '../store/index.js';

export interface AskServiceResult {
  abstained: boolean;
  reason?: string | null;
  redFlag: { kind: string; message: string } | null;
  /** Ranked answers; answerId is "<conditionSlug>/<answerSlug>". */
  results: { answerId: string; score: number }[];
  nearestConditions: { slug: string; name: string }[];
  message?: string;
}

/** Structurally satisfied by src/search's AskEngine. */
export interface AskService {
  ask(question: string, options?: { limit?: number }): AskServiceResult | Promise<AskServiceResult>;
}

/** An AskService, or a way to get one when first needed (building an index takes a moment). */
export type AskServiceSource = AskService | (() => Promise<AskService>);

/**
 * The search engine over the store's published answers, built once on first use. Content
 * published after that is picked up on the next start (or when the caller passes its own engine).
 */
export function lazyEngineFromStore(store: Store, options: { emergencyNumber?: string } = {}) {
  let engine: Promise<AskService> | null = null;
  return (): Promise<AskService> => {
    engine ??= documentsFromStore(store).then((docs) => createAskEngine(docs, options));
    // A failed build is not cached: the next call tries again.
    engine.catch(() => {
      engine = null;
    });
    return engine;
  };
}

export function resolveAskService(source: AskServiceSource): () => Promise<AskService> {
  return typeof source === 'function' ? source : () => Promise.resolve(source);
}
