/**
 * The engine's defaults, in one place, for every channel (CLI, web page and API, MCP, eval):
 * how many answers, how many BM25F candidates are re-ranked, and the abstention threshold —
 * the one chosen on the tune part of the real-question evaluation and shipped with the
 * confidence model (models/confidence.json), never a second constant.
 */
import { loadShippedConfidenceModel } from './confidence.js';

export interface AskDefaults {
  /** Answers returned when the caller does not say. */
  readonly limit: number;
  /** Most answers one call may ask for. */
  readonly maxLimit: number;
  /** BM25F candidates re-ranked per question. */
  readonly candidates: number;
  /** Abstain when the confidence of the top answer is below this. */
  readonly abstainThreshold: number;
}

export const ASK_DEFAULTS: AskDefaults = Object.freeze({
  limit: 5,
  maxLimit: 50,
  candidates: 100,
  abstainThreshold: loadShippedConfidenceModel().threshold,
});

/** A caller's limit clamped to 1..maxLimit (a missing or unreadable one is the default). */
export function clampLimit(limit: unknown, defaults: AskDefaults = ASK_DEFAULTS): number {
  const n = Math.floor(Number(limit ?? defaults.limit)) || defaults.limit;
  return Math.max(1, Math.min(defaults.maxLimit, n));
}
