/**
 * The Ask page's data: a question → AskView. Uses the search engine when one is wired in
 * (AppOptions.ask, e.g. src/search's createAskEngine), else a plain word-match fallback over the
 * same index the static export ships, which abstains rather than guess.
 */
import { type AskView, conditionPath, searchDocs } from '../site/index.js';
import type { PublishedSite } from './published.js';

/** The part of src/search's AskResult this page reads (structurally compatible with it). */
export interface AskResultLike {
  abstained: boolean;
  message?: string;
  redFlag: { kind: string; message: string } | null;
  results: { answerId: string }[];
  nearestConditions: { slug: string; name: string }[];
}

export type AskFn = (question: string) => Promise<AskResultLike> | AskResultLike;

/** Share of query words the fallback must match before it shows an answer. */
export const FALLBACK_MIN_SCORE = 0.5;
const MAX_HITS = 10;

export function fallbackAsk(site: PublishedSite): AskFn {
  return (question) => {
    const hits = searchDocs(site.searchIndex, question, 50);
    const good = hits.filter((h) => h.score >= FALLBACK_MIN_SCORE).slice(0, MAX_HITS);
    const nearest = new Map<string, string>();
    for (const h of hits) {
      const slug = h.doc.id.split('/')[0]!;
      if (!nearest.has(slug)) nearest.set(slug, h.doc.condition);
    }
    return {
      abstained: good.length === 0,
      message: good.length ? undefined : 'No answer we have matches your question closely enough.',
      redFlag: null,
      results: good.map((h) => ({ answerId: h.doc.id })),
      nearestConditions: [...nearest].slice(0, 5).map(([slug, name]) => ({ slug, name })),
    };
  };
}

export async function askView(query: string, ask: AskFn, site: PublishedSite): Promise<AskView> {
  const q = query.trim();
  if (!q) return { query: '', urgent: null, hits: [], abstained: false, nearest: [] };
  const result = await ask(q);
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
    nearest: result.nearestConditions.map((c) => ({ name: c.name, path: conditionPath(c.slug) })),
  };
}
