/**
 * Default-BM25 baselines over the same documents and queries: MiniSearch, Orama and SQLite FTS5,
 * each with its library defaults (no fuzzy matching, no boosts), the question text as given.
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

/** FTS5 with its default bm25(); the question becomes an OR of quoted words (MATCH syntax is not user input). */
export function fts5Baseline(docs: SearchDocument[]): Baseline {
  const t = performance.now();
  const db = new Database(':memory:');
  db.exec('CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, question, names, tldr, body)');
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
      const words = [...new Set(q.toLowerCase().match(/[a-z0-9]+/g) ?? [])].slice(0, 64);
      if (words.length === 0) return [];
      const match = words.map((w) => `"${w}"`).join(' OR ');
      return (stmt.all(match, limit) as { id: string }[]).map((r) => r.id);
    },
  };
}
