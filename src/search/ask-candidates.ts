/**
 * Stage 2 of ask(): candidate answers — the BM25F top hits for the weighted query terms, plus
 * every answer of the conditions the message names (so a long, noisy message cannot push its
 * own condition's pages out) — and how strongly each named condition is the focus.
 */
import type { AskParts, ParsedQuery } from './ask-parse.js';

const MAX_FOCUS_CONDITIONS = 4;

export interface Candidates {
  /** Answer index → BM25F score. */
  bm25: Map<number, number>;
  /** The query's attainable BM25F maximum, words the corpus never saw included. */
  maxScore: number;
  /** Postings visited. */
  work: number;
  /** Conditions the message names, focus first. */
  focusSlugs: string[];
  /** Condition → focus strength (0..1). */
  focusStrength: Map<string, number>;
}

export function candidateStage(parts: AskParts, q: ParsedQuery): Candidates {
  const { parsed, focusSlug, focusMatches, queryTerms } = q;
  const { hits, maxScore: known, work } = parts.index.search(queryTerms, parts.candidates);
  // Words of the question the corpus has never seen ("laptop", "hamlet") still count against
  // coverage: the question asks about something no answer mentions.
  const maxScore = known + parts.unknownMass(q.mainWords);
  const bm25 = new Map<number, number>(hits.map((h) => [h.doc, h.score]));
  const focusSlugs = [
    ...(focusSlug ? [focusSlug] : []),
    ...focusMatches.map((f) => f.slug),
    ...parsed.otherConditions.map((c) => c.slug),
  ].filter((s, i, all) => all.indexOf(s) === i);
  for (const slug of focusSlugs.slice(0, MAX_FOCUS_CONDITIONS)) {
    for (const d of parts.byCondition.get(slug) ?? []) {
      if (!bm25.has(d)) bm25.set(d, parts.index.scoreDoc(queryTerms, d));
    }
  }
  const focusStrength = new Map<string, number>();
  if (focusSlug) focusStrength.set(focusSlug, Math.max(0.3, parsed.focus.strength ?? 0.5));
  for (const f of focusMatches) if (!focusStrength.has(f.slug)) focusStrength.set(f.slug, f.strength * 0.8);
  for (const c of parsed.otherConditions) if (!focusStrength.has(c.slug)) focusStrength.set(c.slug, 0.15);
  return { bm25, maxScore, work, focusSlugs, focusStrength };
}
