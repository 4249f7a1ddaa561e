/**
 * The Store implemented once over Kysely; the SQLite and PostgreSQL adapters only supply the
 * connection and dialect. Reads build AnswerViews; every write runs in `write()`, through the
 * narrow StoreTx (./tx.ts).
 */
import { type Kysely, sql } from 'kysely';
import {
  type Answer,
  ASPECTS,
  boundApproval,
  type Condition,
  type Origin,
  type Reviewer,
} from '../content/index.js';
import { AccountStore } from './accounts.js';
import { countRows } from './count.js';
import type { Database } from './db.js';
import { EditorReads } from './editor-reads.js';
import { OutboxStore } from './outbox.js';
import { answersWithCondition, approvalsByAnswer, revisionsOf, toReviewer } from './rows.js';
import { collectStats, type StoreStats } from './stats.js';
import { KyselyTx } from './tx.js';
import type {
  AnswerState,
  AnswerView,
  ConditionRecord,
  ConditionSummary,
  ListOptions,
  RevisionRecord,
  Store,
  StoreTx,
  WriteOptions,
} from './types.js';

const ASPECT_ORDER = new Map<string, number>(ASPECTS.map((a, i) => [a, i]));

interface AnswerRow {
  id: number;
  slug: string;
  aspect: string;
  state: string;
  origin: string | null;
  condition_slug: string;
  condition_name: string;
  rev_id: number;
  rev_hash: string;
  rev_content: string;
  rev_author: string;
  rev_created_at: string;
  rev_base: number | null;
}

export class KyselyStore implements Store {
  constructor(
    readonly db: Kysely<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    private readonly onClose: () => Promise<void> = async () => {},
  ) {}

  async close(): Promise<void> {
    await this.db.destroy();
    await this.onClose();
  }

  // ---------------------------------------------------------------- writes

  async write<T>(label: string, fn: (tx: StoreTx) => Promise<T>, options: WriteOptions = {}): Promise<T> {
    const at = (options.now?.() ?? new Date()).toISOString();
    try {
      return await this.db.transaction().execute((trx) => fn(new KyselyTx(trx, this.dialect, at)));
    } catch (err) {
      if (err instanceof Error && !(err as { writeLabel?: string }).writeLabel)
        Object.assign(err, { writeLabel: label });
      throw err;
    }
  }

  accounts(now?: () => Date): AccountStore {
    return new AccountStore(this.db, now);
  }

  editorReads(): EditorReads {
    return new EditorReads(this.db);
  }

  stats(): Promise<StoreStats> {
    return collectStats(this.db);
  }

  outbox(): OutboxStore {
    return new OutboxStore(this.db);
  }

  // ---------------------------------------------------------------- reads

  async listConditions(options: ListOptions & { prefix?: string } = {}): Promise<ConditionSummary[]> {
    let q = this.db
      .selectFrom('conditions as c')
      .select((eb) => [
        'c.id',
        'c.slug',
        'c.name',
        eb
          .selectFrom('answers as a')
          .whereRef('a.condition_id', '=', 'c.id')
          .where('a.published_revision_id', 'is not', null)
          .select(eb.fn.countAll<number>().as('n'))
          .as('answer_count'),
      ])
      .orderBy('c.name')
      .orderBy('c.slug');
    if (options.prefix) q = q.where('c.name', 'like', `${options.prefix.replace(/[%_\\]/g, '')}%`);
    if (options.limit !== undefined) q = q.limit(options.limit).offset(options.offset ?? 0);
    const rows = await q.execute();
    const synonyms = await this.synonymsFor(rows.map((r) => r.id));
    return rows.map((r) => ({
      slug: r.slug,
      name: r.name,
      synonyms: synonyms.get(r.id) ?? [],
      answerCount: Number(r.answer_count ?? 0),
    }));
  }

  countConditions(): Promise<number> {
    return countRows(this.db.selectFrom('conditions'));
  }

  private async synonymsFor(ids: number[]): Promise<Map<number, string[]>> {
    const out = new Map<number, string[]>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (!chunk.length) continue;
      const rows = await this.db
        .selectFrom('condition_synonyms')
        .select(['condition_id', 'name'])
        .where('condition_id', 'in', chunk)
        .orderBy('condition_id')
        .orderBy('name')
        .execute();
      for (const r of rows) {
        const list = out.get(r.condition_id) ?? [];
        list.push(r.name);
        out.set(r.condition_id, list);
      }
    }
    return out;
  }

  async findCondition(slug: string): Promise<ConditionRecord | null> {
    let row = await this.db.selectFrom('conditions').selectAll().where('slug', '=', slug).executeTakeFirst();
    if (!row) {
      row = await this.db
        .selectFrom('conditions as c')
        .innerJoin('condition_synonyms as s', 's.condition_id', 'c.id')
        .selectAll('c')
        .where('s.slug', '=', slug)
        .orderBy('c.id')
        .executeTakeFirst();
    }
    if (!row) return null;
    const synonyms = (await this.synonymsFor([row.id])).get(row.id) ?? [];
    const codes = JSON.parse(row.codes) as Condition['codes'];
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      synonyms,
      codes: codes && Object.keys(codes).length ? codes : undefined,
      summary: row.summary,
      review_interval_months: row.review_interval_months ?? undefined,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }

  private publishedQuery() {
    return answersWithCondition(this.db)
      .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
      .select([
        'a.origin',
        'r.id as rev_id',
        'r.hash as rev_hash',
        'r.content as rev_content',
        'r.author as rev_author',
        'r.created_at as rev_created_at',
        'r.base_revision_id as rev_base',
      ]);
  }

  private async toViews(rows: AnswerRow[]): Promise<AnswerView[]> {
    const approvals = await approvalsByAnswer(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => {
      const answer = JSON.parse(r.rev_content) as Answer;
      const own = approvals.get(r.id) ?? [];
      const bound = boundApproval(own, r.rev_hash);
      return {
        id: r.id,
        conditionSlug: r.condition_slug,
        conditionName: r.condition_name,
        slug: r.slug,
        aspect: r.aspect as Answer['aspect'],
        state: r.state as AnswerState,
        origin: r.origin ? (JSON.parse(r.origin) as Origin) : null,
        revision: {
          id: r.rev_id,
          answerId: r.id,
          hash: r.rev_hash,
          answer,
          author: r.rev_author,
          createdAt: r.rev_created_at,
          baseRevisionId: r.rev_base,
        },
        approvals: own,
        updated: answer.updated ?? r.rev_created_at.slice(0, 10),
        nextReview: bound?.nextReview ?? null,
      };
    });
  }

  private static sortViews(views: AnswerView[]): AnswerView[] {
    return views.sort(
      (x, y) =>
        (ASPECT_ORDER.get(x.aspect) ?? 99) - (ASPECT_ORDER.get(y.aspect) ?? 99) ||
        x.slug.localeCompare(y.slug),
    );
  }

  async listPublishedAnswers(conditionSlug: string): Promise<AnswerView[]> {
    const rows = await this.publishedQuery().where('c.slug', '=', conditionSlug).execute();
    return KyselyStore.sortViews(await this.toViews(rows));
  }

  async getPublishedAnswer(conditionSlug: string, answerSlug: string): Promise<AnswerView | null> {
    const rows = await this.publishedQuery()
      .where('c.slug', '=', conditionSlug)
      .where('a.slug', '=', answerSlug)
      .execute();
    return (await this.toViews(rows))[0] ?? null;
  }

  async allPublishedAnswers(options: ListOptions = {}): Promise<AnswerView[]> {
    let q = this.publishedQuery().orderBy('a.id');
    if (options.limit !== undefined) q = q.limit(options.limit).offset(options.offset ?? 0);
    return this.toViews(await q.execute());
  }

  countPublishedAnswers(): Promise<number> {
    return countRows(this.db.selectFrom('answers').where('published_revision_id', 'is not', null));
  }

  async listReviewers(): Promise<Reviewer[]> {
    const rows = await this.db.selectFrom('reviewers').selectAll().orderBy('name').execute();
    return rows.map(toReviewer);
  }

  async getReviewer(id: string): Promise<Reviewer | null> {
    const row = await this.db.selectFrom('reviewers').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReviewer(row) : null;
  }

  listRevisions(answerId: number): Promise<RevisionRecord[]> {
    return revisionsOf(this.db, answerId);
  }

  async contentVersion(): Promise<string> {
    const r = await sql<Record<string, unknown>>`
      SELECT (SELECT MAX(id) FROM revisions) AS r, (SELECT MAX(id) FROM approvals) AS a,
             (SELECT COALESCE(SUM(published_revision_id), 0) FROM answers) AS p,
             (SELECT COUNT(*) FROM answers WHERE published_revision_id IS NOT NULL) AS n,
             (SELECT COUNT(*) FROM conditions) AS c, (SELECT MAX(updated_at) FROM conditions) AS u`.execute(
      this.db,
    );
    const row = r.rows[0] ?? {};
    return ['r', 'a', 'p', 'n', 'c', 'u'].map((k) => String(row[k] ?? '')).join(':');
  }

  async getMeta(key: string): Promise<string | null> {
    const r = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return r?.value ?? null;
  }

  async setMeta(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

/**
 * The Kysely store behind a Store, for the store's own modules (backup, integrity, codes, the
 * question log, edit locks); nothing outside src/store calls it (tests: test/helpers/store-db.ts).
 */
export function kyselyOf(store: Store): KyselyStore {
  if (!(store instanceof KyselyStore))
    throw new Error('this operation needs a SQL store opened with openStore()');
  return store;
}
