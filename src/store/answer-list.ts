/**
 * The editor's answer list: search (question, condition), filters (state, aspect, publisher,
 * reviewed or not, review due), sorting and pagination done by the database, so the page stays
 * fast with tens of thousands of imported answers. One query for the page, one for the count;
 * the same SQL on SQLite and PostgreSQL.
 */
import { type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
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

/**
 * Re-derives the answer list's columns on `answers` (list_search, list_reviewed, list_due) from
 * the rows they summarise: for the given answers, or for all of them (migration back-fill, bulk
 * loads that bypass StoreTx). StoreTx calls it after every write that can change them — answer
 * pointers and state, approvals, review schedules — inside the same transaction.
 *   list_search: the current revision's question in lower case (what search and sort read);
 *   list_reviewed: 1 when an approval is bound to the current revision's hash;
 *   list_due: for a published answer, the latest approval bound to the published hash, else the
 *     staggered schedule, else the day the answer was created (the review-due queue's rule).
 */
export async function refreshAnswerListColumns(
  db: Kysely<Database> | Transaction<Database>,
  answerIds?: readonly number[],
): Promise<void> {
  if (answerIds && !answerIds.length) return;
  const where = answerIds ? sql`WHERE answers.id IN (${sql.join(answerIds)})` : sql``;
  await sql`UPDATE answers SET
    list_search = (SELECT lower(r.question) FROM revisions r WHERE r.id = answers.current_revision_id),
    list_reviewed = CASE WHEN EXISTS (SELECT 1 FROM approvals ap
        JOIN revisions r ON r.id = answers.current_revision_id
        WHERE ap.answer_id = answers.id AND ap.hash = r.hash) THEN 1 ELSE 0 END,
    list_due = CASE WHEN answers.published_revision_id IS NULL THEN NULL ELSE COALESCE(
      (SELECT ap.next_review FROM approvals ap JOIN revisions pr ON pr.id = answers.published_revision_id
        WHERE ap.answer_id = answers.id AND ap.hash = pr.hash
        ORDER BY ap.reviewed_on DESC, ap.id DESC LIMIT 1),
      (SELECT s.due_on FROM review_schedule s WHERE s.answer_id = answers.id),
      substr(answers.created_at, 1, 10)) END
    ${where}`.execute(db);
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
};

export async function listAnswerPage(db: Kysely<Database>, query: AnswerListQuery): Promise<AnswerListPage> {
  const perPage = query.perPage ?? 50;
  const page = query.page ?? 1;
  const publisher = sql<
    string | null
  >`(select o.publisher from answer_origins o where o.answer_id = a.id and o.role = 'answer' limit 1)`;

  type Q = SelectQueryBuilder<Tables, 'a' | 'c', object>;
  // Filters and sorts read columns of `answers` alone (list_* are kept current by StoreTx), so
  // counting 16k rows joins nothing; only the condition sort joins conditions (every answer has
  // one: NOT NULL foreign key, so the join drops no row).
  let base = db.selectFrom('answers as a') as unknown as Q;
  if (query.sort === 'condition')
    base = base.innerJoin('conditions as c', 'c.id', 'a.condition_id') as unknown as Q;
  if (query.state) base = base.where('a.state', '=', query.state);
  if (query.aspect) base = base.where('a.aspect', '=', query.aspect);
  if (query.condition) {
    const slug = query.condition;
    base = base.where('a.condition_id', 'in', (eb) =>
      eb.selectFrom('conditions as c').select('c.id').where('c.slug', '=', slug),
    );
  }
  if (query.q) {
    for (const word of query.q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8)) {
      const like = sql<string>`${`%${escapeLike(word)}%`} escape '\\'`;
      // The question, or a condition whose name or slug has the word (read once, not per answer).
      base = base.where((eb) =>
        eb.or([
          eb('a.list_search', 'like', like),
          eb('a.condition_id', 'in', (sub) =>
            sub
              .selectFrom('conditions as c')
              .select('c.id')
              .where((w) => w.or([w(sql`lower(c.name)`, 'like', like), w(sql`c.slug`, 'like', like)])),
          ),
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
  if (query.reviewed) base = base.where('a.list_reviewed', '=', query.reviewed === 'yes' ? 1 : 0);
  if (query.due) {
    const limit = query.due === 'overdue' ? query.today : addDays(query.today, query.withinDays ?? 30);
    base = base.where('a.list_due', query.due === 'overdue' ? '<' : '<=', limit);
  }

  const count = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirst();
  const total = Number(count?.n ?? 0);
  const dir = query.desc ? 'desc' : 'asc';
  const sortColumn = {
    updated: sql`a.updated_at`,
    question: sql`a.list_search`,
    condition: sql`lower(c.name)`,
    due: sql`coalesce(a.list_due, '9999-12-31')`,
  }[query.sort ?? 'updated'];
  // First the page's ids (cheap columns only; none past the last match), then those rows' details.
  const ids = (
    (page - 1) * perPage >= total
      ? []
      : await base
          .select('a.id')
          .orderBy(sortColumn, dir)
          .orderBy('a.id', dir)
          .limit(perPage)
          .offset((page - 1) * perPage)
          .execute()
  ).map((r) => r.id);
  const details = ids.length
    ? await db
        .selectFrom('answers as a')
        .innerJoin('conditions as c', 'c.id', 'a.condition_id')
        .leftJoin('revisions as r', 'r.id', 'a.current_revision_id')
        .select([
          'a.id',
          'a.slug',
          'a.aspect',
          'a.state',
          'a.updated_at',
          'a.published_revision_id',
          'r.question',
          'a.list_due as due',
          'a.list_reviewed as reviewed',
          'c.slug as condition_slug',
          'c.name as condition_name',
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
