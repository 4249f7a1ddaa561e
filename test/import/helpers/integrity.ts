/** Store integrity after an import, checked with plain SQL (not through the importer). */
import Database from 'better-sqlite3';
import { type Answer, contentHash } from '../../../src/content/index.js';
import type { XmlFileCounts } from './xml-counts.js';

export interface IntegrityResult {
  problems: string[];
  documents: number;
  answers: number;
  origins: number;
  conditions: number;
  synonyms: number;
}

export function checkImportIntegrity(file: string, expected: Map<string, XmlFileCounts>): IntegrityResult {
  const db = new Database(file);
  try {
    const problems: string[] = [];
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') problems.push(`integrity_check: ${ok}`);
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) problems.push(`foreign_key_check: ${fk.length} violations`);
    const answers = db
      .prepare(
        `SELECT a.id, r.hash, r.content, (SELECT count(*) FROM revisions x WHERE x.answer_id = a.id) AS revisions
         FROM answers a LEFT JOIN revisions r ON r.id = a.current_revision_id`,
      )
      .all() as { id: number; hash: string | null; content: string | null; revisions: number }[];
    for (const a of answers) {
      if (a.revisions < 1 || !a.content) problems.push(`answer ${a.id} has no current revision`);
      else if (contentHash(JSON.parse(a.content) as Answer) !== a.hash)
        problems.push(`answer ${a.id}: hash differs from content`);
    }
    const orphans = db
      .prepare(
        'SELECT count(*) AS n FROM answers a WHERE NOT EXISTS (SELECT 1 FROM answer_origins o WHERE o.answer_id = a.id)',
      )
      .get() as { n: number };
    if (orphans.n) problems.push(`${orphans.n} imported answers have no origin record`);
    // Every document is all or nothing: recorded documents have all their pairs, others none.
    const recorded = new Set(
      (db.prepare('SELECT document_key FROM import_documents').all() as { document_key: string }[]).map(
        (r) => r.document_key,
      ),
    );
    const perDocument = new Map<string, number>();
    for (const r of db
      .prepare(
        'SELECT publisher, document_id, count(*) AS n FROM answer_origins GROUP BY publisher, document_id',
      )
      .all() as { publisher: string; document_id: string; n: number }[]) {
      perDocument.set(`medquad:${r.publisher}:${r.document_id}`, r.n);
    }
    for (const [key, counts] of expected) {
      const have = perDocument.get(key) ?? 0;
      if (recorded.has(key) && have !== counts.nonEmptyAnswers) {
        problems.push(`${key}: recorded as imported with ${have} of ${counts.nonEmptyAnswers} pairs`);
      }
      if (!recorded.has(key) && have)
        problems.push(`${key}: ${have} pairs written but the document is not recorded`);
    }
    const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    return {
      problems,
      documents: recorded.size,
      answers: answers.length,
      origins: n('SELECT count(*) AS n FROM answer_origins'),
      conditions: n('SELECT count(*) AS n FROM conditions'),
      synonyms: n('SELECT count(*) AS n FROM condition_synonyms'),
    };
  } finally {
    db.close();
  }
}
