/**
 * The search index the static export ships for client-side search (/search-index.json, read by
 * /assets/search.js), and the same scoring used server-side when no search engine is wired in.
 * Deliberately simple — word overlap weighted by field — so the browser script can mirror it in a
 * few lines; the real ranking lives in src/search.
 */
import type { Reviewer } from '../content/index.js';
import type { AnswerView } from '../store/index.js';
import type { SiteConfig } from './config.js';
import { answerPath, badgeFor, badgeText } from './model.js';

export interface SearchIndexDoc {
  /** "<condition>/<answer>" */
  id: string;
  question: string;
  condition: string;
  synonyms: string[];
  tldr: string;
  path: string;
  review: string;
}

export interface SearchIndex {
  version: 1;
  docs: SearchIndexDoc[];
}

export function searchIndexDoc(
  view: AnswerView,
  synonyms: readonly string[],
  reviewers: ReadonlyMap<string, Reviewer>,
  config: SiteConfig,
): SearchIndexDoc {
  const a = view.revision.answer;
  return {
    id: `${view.conditionSlug}/${view.slug}`,
    question: a.question,
    condition: view.conditionName,
    synonyms: [...synonyms],
    tldr: a.tldr,
    path: answerPath(view.conditionSlug, view.slug),
    review: badgeText(badgeFor(view, reviewers, config)),
  };
}

const STOP = new Set(
  'a an and are can do does for from how i in is it my of on or the to what when where which who why with you your'.split(
    ' ',
  ),
);

/** Lower-case words of 2+ letters without stop words; the browser script uses the same rule. */
export function searchWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => w.length > 1 && !STOP.has(w));
}

export interface SearchHit {
  doc: SearchIndexDoc;
  score: number;
}

/**
 * Scores each document by the query words it contains: condition name and synonyms weigh 3, the
 * question 2, the TL;DR 1; a word matches a prefix of 4+ letters ("diabet" ~ "diabetes").
 */
export function searchDocs(index: SearchIndex, query: string, limit = 10): SearchHit[] {
  const q = [...new Set(searchWords(query))];
  if (!q.length) return [];
  const hits: SearchHit[] = [];
  for (const doc of index.docs) {
    const fields: [string[], number][] = [
      [searchWords(`${doc.condition} ${doc.synonyms.join(' ')}`), 3],
      [searchWords(doc.question), 2],
      [searchWords(doc.tldr), 1],
    ];
    let score = 0;
    for (const word of q) {
      let best = 0;
      for (const [words, weight] of fields) {
        if (words.some((w) => w === word || (word.length >= 4 && w.startsWith(word)))) {
          best = Math.max(best, weight);
        }
      }
      score += best;
    }
    if (score > 0) hits.push({ doc, score: score / (q.length * 3) });
  }
  return hits.sort((x, y) => y.score - x.score || x.doc.id.localeCompare(y.doc.id)).slice(0, limit);
}
