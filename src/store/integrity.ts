/**
 * Store integrity check, run after crashes and restores: the database's own checks, then ours —
 * every revision hashes to its recorded hash, every answer's revision pointers and every base
 * revision stay within the answer, every approval names the hash of the revision it approved.
 */
import { sql } from 'kysely';
import { verifyRevisionHashes } from './backup.js';
import { kyselyOf } from './kysely-store.js';
import type { Store } from './types.js';

export interface IntegrityReport {
  ok: boolean;
  problems: string[];
  revisionsChecked: number;
}

export async function checkIntegrity(anyStore: Store): Promise<IntegrityReport> {
  const store = kyselyOf(anyStore);
  const problems: string[] = [];
  const db = store.db;
  if (store.dialect === 'sqlite') {
    const ic = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
    const msgs = ic.rows.map((r) => r.integrity_check).filter((m) => m !== 'ok');
    problems.push(...msgs.map((m) => `integrity_check: ${m}`));
    const fk = await sql<{ table: string; rowid: number; parent: string }>`PRAGMA foreign_key_check`.execute(
      db,
    );
    problems.push(
      ...fk.rows.map((r) => `foreign key: ${r.table} row ${r.rowid} points to a missing ${r.parent} row`),
    );
  }
  let revisionsChecked = 0;
  try {
    revisionsChecked = await verifyRevisionHashes(db);
  } catch (err) {
    problems.push((err as Error).message);
  }
  const pointers = await sql<{ id: number; which: string }>`
    SELECT a.id, 'current' AS which FROM answers a LEFT JOIN revisions r ON r.id = a.current_revision_id
      WHERE a.current_revision_id IS NOT NULL AND (r.id IS NULL OR r.answer_id <> a.id)
    UNION ALL
    SELECT a.id, 'published' AS which FROM answers a LEFT JOIN revisions r ON r.id = a.published_revision_id
      WHERE a.published_revision_id IS NOT NULL AND (r.id IS NULL OR r.answer_id <> a.id)`.execute(db);
  problems.push(
    ...pointers.rows.map(
      (p) => `answer ${p.id}: ${p.which} revision is missing or belongs to another answer`,
    ),
  );
  const chain = await sql<{ id: number }>`
    SELECT r.id FROM revisions r JOIN revisions b ON b.id = r.base_revision_id
    WHERE b.answer_id <> r.answer_id OR b.id >= r.id`.execute(db);
  problems.push(
    ...chain.rows.map((r) => `revision ${r.id}: base revision belongs to another answer or is newer`),
  );
  const orphans = await sql<{ id: number }>`
    SELECT a.id FROM answers a WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.answer_id = a.id)`.execute(
    db,
  );
  problems.push(...orphans.rows.map((a) => `answer ${a.id} has no revision`));
  const approvals = await sql<{ id: number }>`
    SELECT p.id FROM approvals p JOIN revisions r ON r.id = p.revision_id
    WHERE r.hash <> p.hash OR r.answer_id <> p.answer_id`.execute(db);
  problems.push(
    ...approvals.rows.map((p) => `approval ${p.id} does not match the hash of the revision it names`),
  );
  return { ok: problems.length === 0, problems, revisionsChecked };
}
