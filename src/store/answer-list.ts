/**
 * The editor's answer list: search (question, condition), filters (state, aspect, publisher,
 * reviewed or not, review due), sorting and pagination done by the database, so the page stays
 * fast with tens of thousands of imported answers. One query for the page, one for the count;
 * the same SQL on SQLite and PostgreSQL.
 */
import { type Kysely, type SelectQueryBuilder, sql } from 'kysely';
import { ASPECTS } from '../content/index.js';
import type { Database } from './db.js';
import { ANSWER_STATES as STATES } from './types.js';

export const ANSWER_SORTS = ['updated', 'question', 'condition', 'due'] as const;
export type AnswerSort = (typeof ANSWER_SORTS)[number];

export interface AnswerListQuery {
  /** Words to find in the question or the condition's name (case-insensitive, all must match). */
  q?: string;
  state?: string;
  aspect?: string;
  condition?: string;
  /** Publisher code of imported answers (origin.publisher). */
  publisher?: string;
  /** 'yes': the working revision carries an approval bound to its hash; 'no': it does not. */
  reviewed?: 'yes' | 'no';
  /** 'overdue': review date passed; 'soon': passed or within `withinDays`. Published answers only. */
  due?: 'overdue' | 'soon';
  withinDays?: number;
  today: string;
  sort?: AnswerSort;
  desc?: boolean;
  page?: number;
  perPage?: number;
}

export interface AnswerListRow {
  id: number;
  conditionSlug: string;
  conditionName: string;
  slug: string;
  aspect: string;
  state: string;
  question: string;
  publisher: string | null;
  reviewed: boolean;
  published: boolean;
  /** Next review date of a published answer (bound approval, else schedule, else creation day). */
  due: string | null;
  updatedAt: string;
}

export interface AnswerListPage {
  rows: AnswerListRow[];
  total: number;
  page: number;
  perPage: number;
  pages: number;
}

/** Normalises untrusted query parameters (from a URL) into a query; unknown values are ignored. */
export function answerListQuery(params: Record<string, string | undefined>, today: string): AnswerListQuery {
  const pick = <T extends string>(v: string | undefined, allowed: readonly T[]) =>
    v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
  const page = Math.max(1, Math.min(100_000, Number.parseInt(params.page ?? '1', 10) || 1));
  const perPage = Math.max(10, Math.min(200, Number.parseInt(params.per ?? '50', 10) || 50));
  return {
    q: params.q?.trim().slice(0, 200) || undefined,
    state: pick(params.state, STATES),
    aspect: pick(params.aspect, ASPECTS),
    condition: params.condition?.trim() || undefined,
    publisher: params.publisher?.trim().slice(0, 80) || undefined,
    reviewed: pick(params.reviewed, ['yes', 'no'] as const),
    due: pick(params.due, ['overdue', 'soon'] as const),
    today,
    sort: pick(params.sort, ANSWER_SORTS) ?? 'updated',
    desc: params.dir ? params.dir !== 'asc' : (pick(params.sort, ANSWER_SORTS) ?? 'updated') === 'updated',
    page,
    perPage,
  };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

type Tables = Database & {
  a: Database['answers'];
  c: Database['conditions'];
  r: Database['revisions'];
  pr: Database['revisions'];
  s: Database['review_schedule'];
};

export async function listAnswerPage(db: Kysely<Database>, query: AnswerListQuery): Promise<AnswerListPage> {
  const perPage = query.perPage ?? 50;
  const page = query.page ?? 1;
  // The next review of a published answer: the approval bound to the published hash, else the
  // staggered schedule, else the day it was created (same rule as the review-due queue).
  const due = sql<string | null>`case when a.published_revision_id is null then null else coalesce(
    (select ap.next_review from approvals ap where ap.answer_id = a.id and ap.hash = pr.hash
      order by ap.reviewed_on desc, ap.id desc limit 1),
    s.due_on, substr(a.created_at, 1, 10)) end`;
  const reviewed = sql<number>`case when exists (select 1 from approvals ap2 where ap2.answer_id = a.id and ap2.hash = r.hash) then 1 else 0 end`;
  const publisher = sql<
    string | null
  >`(select o.publisher from answer_origins o where o.answer_id = a.id and o.role = 'answer' limit 1)`;

  const needsCurrent = Boolean(query.q || query.reviewed || query.sort === 'question');
  const needsDue = Boolean(query.due || query.sort === 'due');
  type Q = SelectQueryBuilder<Tables, 'a' | 'c' | 'r' | 'pr' | 's', object>;
  // Only the joins a filter or the sort needs: counting 16k rows costs what it joins.
  // Every answer has its condition (NOT NULL foreign key), so the join only matters when a filter
  // or the sort reads the condition.
  const needsCondition = Boolean(query.q || query.condition || query.sort === 'condition');
  let base = db.selectFrom('answers as a') as unknown as Q;
  if (needsCondition) base = base.innerJoin('conditions as c', 'c.id', 'a.condition_id') as unknown as Q;
  if (needsCurrent) base = base.leftJoin('revisions as r', 'r.id', 'a.current_revision_id') as unknown as Q;
  if (needsDue)
    base = base
      .leftJoin('revisions as pr', 'pr.id', 'a.published_revision_id')
      .leftJoin('review_schedule as s', 's.answer_id', 'a.id') as unknown as Q;
  if (query.state) base = base.where('a.state', '=', query.state);
  if (query.aspect) base = base.where('a.aspect', '=', query.aspect);
  if (query.condition) base = base.where('c.slug', '=', query.condition);
  if (query.q) {
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = `%${escapeLike(word)}%`;
      base = base.where((eb) =>
        eb.or([
          eb(sql`lower(r.question)`, 'like', sql`${like} escape '\\'`),
          eb(sql`lower(c.name)`, 'like', sql`${like} escape '\\'`),
          eb(sql`c.slug`, 'like', sql`${like} escape '\\'`),
        ]),
      );
    }
  }
  if (query.publisher) {
    const p = query.publisher;
    // IN rather than a correlated EXISTS: both databases read the publisher's answers from the
    // answer_origins_publisher index once instead of probing it for every answer.
    base = base.where('a.id', 'in', (eb) =>
      eb
        .selectFrom('answer_origins as o')
        .select('o.answer_id')
        .where('o.publisher', '=', p)
        .where('o.role', '=', 'answer'),
    );
  }
  if (query.reviewed) base = base.where(reviewed, '=', query.reviewed === 'yes' ? 1 : 0);
  if (query.due) {
    const limit = query.due === 'overdue' ? query.today : addDays(query.today, query.withinDays ?? 30);
    base = base.where(due, query.due === 'overdue' ? '<' : '<=', limit);
  }

  const count = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const total = Number(count?.n ?? 0);
  const dir = query.desc ? 'desc' : 'asc';
  const sortColumn = {
    updated: sql`a.updated_at`,
    question: sql`lower(r.question)`,
    condition: sql`lower(c.name)`,
    due: sql`coalesce(${due}, '9999-12-31')`,
  }[query.sort ?? 'updated'];
  // First the page's ids (cheap columns only), then the details of those rows alone.
  const ids = (
    await base
      .select('a.id')
      .orderBy(sortColumn, dir)
      .orderBy('a.id', dir)
      .limit(perPage)
      .offset((page - 1) * perPage)
      .execute()
  ).map((r) => r.id);
  const details = ids.length
    ? await (
        db
          .selectFrom('answers as a')
          .innerJoin('conditions as c', 'c.id', 'a.condition_id')
          .leftJoin('revisions as r', 'r.id', 'a.current_revision_id')
          .leftJoin('revisions as pr', 'pr.id', 'a.published_revision_id')
          .leftJoin('review_schedule as s', 's.answer_id', 'a.id') as unknown as Q
      )
        .select([
          'a.id',
          'a.slug',
          'a.aspect',
          'a.state',
          'a.updated_at',
          'a.published_revision_id',
          'c.slug as condition_slug',
          'c.name as condition_name',
          'r.question',
          due.as('due'),
          reviewed.as('reviewed'),
          publisher.as('publisher'),
        ])
        .where('a.id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(details.map((d) => [d.id, d]));
  const rows = ids.map((id) => byId.get(id)!);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      conditionSlug: r.condition_slug,
      conditionName: r.condition_name,
      slug: r.slug,
      aspect: r.aspect,
      state: r.state,
      question: r.question ?? '',
      publisher: r.publisher,
      reviewed: Number(r.reviewed) === 1,
      published: r.published_revision_id !== null,
      due: r.due,
      updatedAt: r.updated_at,
    })),
    total,
    page,
    perPage,
    pages: Math.max(1, Math.ceil(total / perPage)),
  };
}
