/**
 * What the store holds, for `medbrief stats`: conditions, synonyms, answers by aspect and by
 * publisher, imported vs reviewed, and what bulk imports recorded (documents, MedQuAD qtypes).
 */
import { type Kysely, sql } from 'kysely';
import { ASPECTS } from '../content/index.js';
import { countRows } from './count.js';
import type { Database } from './db.js';

export interface StoreStats {
  conditions: number;
  synonyms: number;
  answers: number;
  published: number;
  byAspect: Record<string, number>;
  /** Imported answers by publisher code; answers written here count under "(own)". */
  byPublisher: Record<string, number>;
  imported: number;
  /** Answers whose published revision carries an approval bound to its exact content hash. */
  reviewed: number;
  importedNotReviewed: number;
  /** Documents recorded by bulk imports, by collection. */
  importedDocuments: Record<string, number>;
  /** Imported source records (MedQuAD pairs), including those linked as duplicates. */
  origins: { answer: number; duplicate: number };
  /** MedQuAD question types of all imported pairs (answers and linked duplicates). */
  qtypes: Record<string, number>;
}

function toRecord(rows: { k: string | null; n: number | string | bigint }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of rows) out[r.k ?? '(none)'] = Number(r.n);
  return out;
}

function count(db: Kysely<Database>, table: keyof Database): Promise<number> {
  return countRows(db.selectFrom(table));
}

/** The columns the stats count rows by, per table. */
interface Counted {
  answers: 'aspect';
  answer_origins: 'role' | 'qtype';
  import_documents: 'collection';
}

/** Rows of `table` counted by the value of one of its columns. */
async function countBy<T extends keyof Counted>(
  db: Kysely<Database>,
  table: T,
  column: Counted[T],
): Promise<Record<string, number>> {
  const by = sql.ref(column);
  return toRecord(
    await db
      .selectFrom(table as keyof Counted)
      .select([sql<string | null>`${by}`.as('k'), sql<number>`count(*)`.as('n')])
      .groupBy(by)
      .execute(),
  );
}

export async function collectStats(db: Kysely<Database>): Promise<StoreStats> {
  const byAspect: Record<string, number> = {};
  for (const a of ASPECTS) byAspect[a] = 0;
  Object.assign(byAspect, await countBy(db, 'answers', 'aspect'));
  const byPublisher = toRecord(
    await db
      .selectFrom('answers as a')
      .leftJoin('answer_origins as o', (j) => j.onRef('o.answer_id', '=', 'a.id').on('o.role', '=', 'answer'))
      .select([sql<string>`coalesce(o.publisher, '(own)')`.as('k'), (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(sql`coalesce(o.publisher, '(own)')`)
      .execute(),
  );
  const imported = await countRows(db.selectFrom('answers').where('origin', 'is not', null));
  const reviewedRows = await db
    .selectFrom('answers as a')
    .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('approvals as p')
          .whereRef('p.answer_id', '=', 'a.id')
          .whereRef('p.hash', '=', 'r.hash')
          .select('p.id'),
      ),
    )
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      sql<number>`sum(case when a.origin is not null then 1 else 0 end)`.as('imported'),
    ])
    .executeTakeFirstOrThrow();
  const published = await countRows(db.selectFrom('answers').where('published_revision_id', 'is not', null));
  const roles = await countBy(db, 'answer_origins', 'role');
  return {
    conditions: await count(db, 'conditions'),
    synonyms: await count(db, 'condition_synonyms'),
    answers: await count(db, 'answers'),
    published,
    byAspect,
    byPublisher,
    imported,
    reviewed: Number(reviewedRows.n),
    importedNotReviewed: imported - Number(reviewedRows.imported ?? 0),
    importedDocuments: await countBy(db, 'import_documents', 'collection'),
    origins: { answer: roles.answer ?? 0, duplicate: roles.duplicate ?? 0 },
    qtypes: await countBy(db, 'answer_origins', 'qtype'),
  };
}
