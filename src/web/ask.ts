/**
 * The Ask page's data: a question → AskView, from the search engine (src/search) the app shares
 * with /api/v1/ask and MCP. Each result is looked up as published now (`hitFor`, from the store),
 * so an answer published a moment ago shows as soon as the engine finds it, and one unpublished
 * since the engine was built is left out rather than shown stale.
 */

import { type ExplainableResult, explainLines } from '../search/explain.js';
import { type AskHit, type AskView, conditionPath } from '../site/index.js';

/** The part of src/search's AskResult this page reads (structurally compatible with it). */
export interface AskResultLike extends ExplainableResult {
  abstained: boolean;
  message?: string;
  redFlag: { kind: string; message: string } | null;
  results: { answerId: string }[];
  nearestConditions: { slug: string; name: string }[];
  detail?: string;
}

export type AskFn = (
  question: string,
  options?: { explain?: boolean },
) => Promise<AskResultLike> | AskResultLike;

/** Characters of a message the search reads (src/search LIMITS.maxChars). */
const READ_CHARS = 4_000;

/** A result's answer id ("condition/answer") → the hit to show, or null if it is not published. */
export type HitLookup = (answerId: string) => Promise<AskHit | null>;

export async function askView(
  query: string,
  ask: AskFn,
  hitFor: HitLookup,
  options: { explain?: boolean } = {},
): Promise<AskView> {
  const q = query.trim();
  if (!q) return { query: '', urgent: null, hits: [], abstained: false, nearest: [] };
  const result = await ask(q, { explain: options.explain === true });
  const found = await Promise.all(result.results.map((r) => hitFor(r.answerId)));
  const hits = found.filter((h): h is AskHit => h !== null);
  return {
    query: q,
    urgent: result.redFlag?.message ?? null,
    hits,
    abstained: result.abstained || hits.length === 0,
    message: result.message,
    ...(result.detail ? { detail: result.detail } : {}),
    nearest: result.nearestConditions.map((c) => ({ name: c.name, path: conditionPath(c.slug) })),
    ...(result.parsed
      ? {
          read: {
            question: result.parsed.question,
            otherQuestions: result.parsed.otherQuestions,
            truncated: q.length > READ_CHARS,
          },
        }
      : {}),
    ...(options.explain ? { explain: explainLines(result) } : {}),
  };
}
