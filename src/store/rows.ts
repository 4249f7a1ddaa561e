/** Row ⇄ model conversions and the condition/reviewer upserts shared by the store's writers. */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import {
  type Answer,
  type Approval,
  type Condition,
  canonicalJson,
  type Reviewer,
  slugify,
} from '../content/index.js';
import type { Database } from './db.js';
import type { ApprovalRecord, CommentRecord, ImportCounts, RevisionRecord } from './types.js';

type Db = Kysely<Database> | Transaction<Database>;

export function revisionFromRow(r: {
  id: number;
  answer_id: number;
  hash: string;
  content: string;
  author: string;
  created_at: string;
  base_revision_id: number | null;
}): RevisionRecord {
  return {
    id: r.id,
    answerId: r.answer_id,
    hash: r.hash,
    answer: JSON.parse(r.content) as Answer,
    author: r.author,
    createdAt: r.created_at,
    baseRevisionId: r.base_revision_id,
  };
}

export function toReviewer(row: {
  id: string;
  name: string;
  credentials: string;
  bio: string | null;
  demo: number;
}) {
  const r: Reviewer = { id: row.id, name: row.name, credentials: row.credentials, demo: Boolean(row.demo) };
  if (row.bio) r.bio = row.bio;
  return r;
}

/** A reviewer profile as its `reviewers` row stores it (bio null when absent, demo as 0/1). */
export function reviewerRow(r: Omit<Reviewer, 'demo'> & { demo?: boolean }) {
  return { id: r.id, name: r.name, credentials: r.credentials, bio: r.bio ?? null, demo: r.demo ? 1 : 0 };
}

export async function upsertReviewer(trx: Db, r: Reviewer): Promise<keyof ImportCounts> {
  const row = reviewerRow(r);
  const existing = await trx.selectFrom('reviewers').selectAll().where('id', '=', r.id).executeTakeFirst();
  if (!existing) {
    await trx.insertInto('reviewers').values(row).execute();
    return 'added';
  }
  if (canonicalJson(existing) === canonicalJson(row)) return 'unchanged';
  await trx.updateTable('reviewers').set(row).where('id', '=', r.id).execute();
  return 'updated';
}

/** A condition's stored synonyms, name and slug. */
export function synonymsOf(db: Db, conditionId: number) {
  return db
    .selectFrom('condition_synonyms')
    .select(['name', 'slug'])
    .where('condition_id', '=', conditionId)
    .execute();
}

/** Inserts or updates a condition with its synonyms and codes. */
export async function upsertCondition(
  trx: Db,
  c: Condition,
  now: string,
): Promise<{ outcome: keyof ImportCounts; id: number }> {
  const fields = {
    name: c.name,
    summary: c.summary ?? '',
    codes: canonicalJson(c.codes ?? {}),
    review_interval_months: c.review_interval_months ?? null,
  };
  // Synonyms as stored: one per slug, never the condition's own slug.
  const synonyms = new Map<string, string>();
  for (const name of c.synonyms) {
    const slug = slugify(name);
    if (slug && slug !== c.slug && !synonyms.has(slug)) synonyms.set(slug, name);
  }
  const existing = await trx
    .selectFrom('conditions')
    .selectAll()
    .where('slug', '=', c.slug)
    .executeTakeFirst();
  let id: number;
  let outcome: keyof ImportCounts;
  if (!existing) {
    const ins = await trx
      .insertInto('conditions')
      .values({ slug: c.slug, ...fields, created_at: now, updated_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = ins.id;
    outcome = 'added';
  } else {
    id = existing.id;
    const oldSyn = (await synonymsOf(trx, id)).map((s) => s.name);
    const same =
      existing.name === fields.name &&
      existing.summary === fields.summary &&
      existing.codes === fields.codes &&
      existing.review_interval_months === fields.review_interval_months &&
      canonicalJson(oldSyn.sort()) === canonicalJson([...synonyms.values()].sort());
    if (same) return { outcome: 'unchanged', id };
    await trx
      .updateTable('conditions')
      .set({ ...fields, updated_at: now })
      .where('id', '=', id)
      .execute();
    outcome = 'updated';
  }
  await trx.deleteFrom('condition_synonyms').where('condition_id', '=', id).execute();
  for (const [slug, name] of synonyms) {
    await trx.insertInto('condition_synonyms').values({ condition_id: id, name, slug }).execute();
  }
  await trx.deleteFrom('condition_codes').where('condition_id', '=', id).execute();
  for (const [system, value] of Object.entries(c.codes ?? {})) {
    for (const code of new Set(Array.isArray(value) ? value : [value])) {
      if (code) await trx.insertInto('condition_codes').values({ condition_id: id, system, code }).execute();
    }
  }
  return { outcome, id };
}

/** Answers joined to their condition, with the columns every answer listing shows. */
export function answersWithCondition(db: Db) {
  return db
    .selectFrom('answers as a')
    .innerJoin('conditions as c', 'c.id', 'a.condition_id')
    .select([
      'a.id',
      'a.slug',
      'a.aspect',
      'a.state',
      'c.slug as condition_slug',
      'c.name as condition_name',
    ]);
}

/** Every row of `table` that belongs to one answer, in insertion order. */
function rowsOfAnswer<T extends 'revisions' | 'approvals' | 'comments'>(
  db: Db,
  table: T,
  answerId: number,
): Promise<Selectable<Database[T]>[]> {
  return db
    .selectFrom(table as 'revisions' | 'approvals' | 'comments')
    .selectAll()
    .where(sql.ref('answer_id'), '=', answerId)
    .orderBy(sql.ref('id'))
    .execute() as Promise<Selectable<Database[T]>[]>;
}

export async function approvalsOf(db: Db, answerId: number): Promise<ApprovalRecord[]> {
  return (await rowsOfAnswer(db, 'approvals', answerId)).map((r) => ({
    id: r.id,
    revisionId: r.revision_id,
    hash: r.hash,
    reviewerId: r.reviewer_id,
    reviewed: r.reviewed_on,
    nextReview: r.next_review,
  }));
}

export async function revisionsOf(db: Db, answerId: number): Promise<RevisionRecord[]> {
  return (await rowsOfAnswer(db, 'revisions', answerId)).map(revisionFromRow);
}

export async function commentsOf(db: Db, answerId: number): Promise<CommentRecord[]> {
  return (await rowsOfAnswer(db, 'comments', answerId)).map((r) => ({
    id: r.id,
    answerId: r.answer_id,
    revisionId: r.revision_id,
    author: r.author,
    kind: r.kind as CommentRecord['kind'],
    body: r.body,
    createdAt: r.created_at,
  }));
}

export async function revisionById(db: Db, id: number): Promise<RevisionRecord | null> {
  const r = await db.selectFrom('revisions').selectAll().where('id', '=', id).executeTakeFirst();
  return r ? revisionFromRow(r) : null;
}

/** The approvals of many answers (hash, reviewer and dates), by answer id, in insertion order. */
export async function approvalsByAnswer(db: Db, ids: number[]): Promise<Map<number, Approval[]>> {
  const out = new Map<number, Approval[]>();
  for (let i = 0; i < ids.length; i += 500) {
    const found = await db
      .selectFrom('approvals')
      .select(['answer_id', 'hash', 'reviewer_id', 'reviewed_on', 'next_review'])
      .where('answer_id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const a of found) {
      const list = out.get(a.answer_id) ?? [];
      list.push({
        hash: a.hash,
        reviewerId: a.reviewer_id,
        reviewed: a.reviewed_on,
        nextReview: a.next_review,
      });
      out.set(a.answer_id, list);
    }
  }
  return out;
}
