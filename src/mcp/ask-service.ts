/**
 * The question-answering dependency of ask_medbrief, kept narrow so that the engine behind
 * /api/v1/ask (src/search's AskEngine) plugs in as it is, and tests can pass a stub.
 */

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
export type AskServiceSource = AskService | (() => AskService | Promise<AskService>);

export function resolveAskService(source: AskServiceSource): () => Promise<AskService> {
  return typeof source === 'function' ? async () => source() : () => Promise.resolve(source);
}
