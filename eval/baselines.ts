/**
 * Default-BM25 baselines over the same documents and queries: MiniSearch, Orama and SQLite FTS5,
 * each with its library defaults (no fuzzy matching, no boosts), the question text as given
 * (FTS5: porter tokenizer, stopwords removed, words OR-ed).
 */

import { create, insertMultiple, search } from '@orama/orama';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import type { SearchDocument } from '../src/search/index.js';

export interface Baseline {
  name: string;
  buildMs: number;
  search(question: string, limit: number): string[];
}

const flat = (d: SearchDocument) => ({
  id: d.answerId,
  question: d.question,
  names: [d.conditionName, ...d.synonyms].join(' ; '),
  tldr: d.tldr,
  body: d.body,
});

export function miniSearchBaseline(docs: SearchDocument[]): Baseline {
  const t = performance.now();
  const ms = new MiniSearch({ fields: ['question', 'names', 'tldr', 'body'] });
  ms.addAll(docs.map(flat));
  const buildMs = performance.now() - t;
  return {
    name: 'minisearch',
    buildMs,
    search: (q, limit) =>
      ms
        .search(q.slice(0, 4_000))
        .slice(0, limit)
        .map((r) => String(r.id)),
  };
}

export async function oramaBaseline(docs: SearchDocument[]): Promise<Baseline> {
  const t = performance.now();
  const db = create({
    schema: { question: 'string', names: 'string', tldr: 'string', body: 'string' } as const,
  });
  await insertMultiple(db, docs.map(flat), 1_000);
  const buildMs = performance.now() - t;
  return {
    name: 'orama',
    buildMs,
    search: (q, limit) => {
      const r = search(db, { term: q.slice(0, 4_000), limit }) as { hits: { id: string }[] };
      return r.hits.map((h) => h.id);
    },
  };
}

/**
 * English stopwords removed from FTS5 queries: the NLTK English list (Bird, Klein & Loper,
 * "Natural Language Processing with Python", 2009), without its apostrophe forms.
 */
export const FTS5_STOPWORDS: ReadonlySet<string> = new Set(
  (
    'i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her ' +
    'hers herself it its itself they them their theirs themselves what which who whom this that these ' +
    'those am is are was were be been being have has had having do does did doing a an the and but if ' +
    'or because as until while of at by for with about against between into through during before after ' +
    'above below to from up down in out on off over under again further then once here there when where ' +
    'why how all any both each few more most other some such no nor not only own same so than too very ' +
    's t can will just don should now d ll m o re ve y ain aren couldn didn doesn hadn hasn haven isn ma ' +
    'mightn mustn needn shan shouldn wasn weren won wouldn'
  ).split(' '),
);

/** The FTS5 query for a message: its distinct non-stopword words, each quoted, OR-ed. */
export function fts5Query(message: string, maxWords = 256): string | null {
  const words = [...new Set(message.toLowerCase().match(/[a-z0-9]+/g) ?? [])]
    .filter((w) => !FTS5_STOPWORDS.has(w))
    .slice(0, maxWords);
  return words.length === 0 ? null : words.map((w) => `"${w}"`).join(' OR ');
}

/**
 * SQLite FTS5 with the porter tokenizer and its default bm25(); the query is the whole message's
 * words without stopwords, OR-ed (MATCH syntax is never user input: every word is quoted).
 */
export function fts5Baseline(docs: SearchDocument[]): Baseline {
  const t = performance.now();
  const db = new Database(':memory:');
  db.exec(
    "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, question, names, tldr, body, tokenize = 'porter unicode61')",
  );
  const insert = db.prepare('INSERT INTO docs (id, question, names, tldr, body) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (const d of docs.map(flat)) insert.run(d.id, d.question, d.names, d.tldr, d.body);
  })();
  const buildMs = performance.now() - t;
  const stmt = db.prepare('SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT ?');
  return {
    name: 'sqlite-fts5',
    buildMs,
    search: (q, limit) => {
      const match = fts5Query(q);
      return match ? (stmt.all(match, limit) as { id: string }[]).map((r) => r.id) : [];
    },
  };
}
