/**
 * The Ask page's data: a question → AskView, from the search engine (src/search) the app shares
 * with /api/v1/ask and MCP. Results are shown from the published site's index entries.
 */

import { type ExplainableResult, explainLines } from '../search/explain.js';
import { type AskView, conditionPath } from '../site/index.js';
import type { PublishedSite } from './published.js';

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

export async function askView(
  query: string,
  ask: AskFn,
  site: PublishedSite,
  options: { explain?: boolean } = {},
): Promise<AskView> {
  const q = query.trim();
  if (!q) return { query: '', urgent: null, hits: [], abstained: false, nearest: [] };
  const result = await ask(q, { explain: options.explain === true });
  const docs = new Map(site.searchIndex.docs.map((d) => [d.id, d]));
  const hits = result.results.flatMap((r) => {
    const d = docs.get(r.answerId);
    return d
      ? [{ question: d.question, path: d.path, conditionName: d.condition, tldr: d.tldr, review: d.review }]
      : [];
  });
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
