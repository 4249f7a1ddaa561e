/**
 * The Store implemented once over Kysely; the SQLite and PostgreSQL adapters only supply the
 * connection and dialect. Reads build AnswerViews; writes run in transactions.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import {
  type Answer,
  type Approval,
  ASPECTS,
  addMonths,
  type Condition,
  type ContentBundle,
  ContentError,
  canonicalJson,
  contentHash,
  DEFAULT_REVIEW_INTERVAL_MONTHS,
  type Origin,
  type Reviewer,
  slugify,
} from '../content/index.js';
import type { Database } from './db.js';
import type {
  AnswerState,
  AnswerView,
  ConditionRecord,
  ConditionSummary,
  ImportCounts,
  ImportOptions,
  ImportReport,
  ListOptions,
  RevisionRecord,
  Store,
} from './types.js';

type Db = Kysely<Database> | Transaction<Database>;

const ASPECT_ORDER = new Map<string, number>(ASPECTS.map((a, i) => [a, i]));

function counts(): ImportCounts {
  return { added: 0, updated: 0, unchanged: 0 };
}

function nowIso(): string {
  return new Date().toISOString();
}

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

  // ---------------------------------------------------------------- import

  async importBundle(bundle: ContentBundle, options: ImportOptions): Promise<ImportReport> {
    return this.db.transaction().execute(async (trx) => {
      const report: ImportReport = {
        conditions: counts(),
        answers: counts(),
        reviewers: counts(),
        approvals: 0,
      };
      for (const r of bundle.reviewers) report.reviewers[await upsertReviewer(trx, r)]++;
      const conditionIds = new Map<string, { id: number; interval: number | null }>();
      for (const c of bundle.conditions) {
        const { outcome, id } = await upsertCondition(trx, c);
        report.conditions[outcome]++;
        conditionIds.set(c.slug, { id, interval: c.review_interval_months ?? null });
      }
      const reviewerIds = new Set(
        (await trx.selectFrom('reviewers').select('id').execute()).map((r) => r.id),
      );
      for (const a of bundle.answers) {
        let cond = conditionIds.get(a.condition);
        if (!cond) {
          const row = await trx
            .selectFrom('conditions')
            .select(['id', 'review_interval_months'])
            .where('slug', '=', a.condition)
            .executeTakeFirst();
          if (!row) throw unknownCondition(a);
          cond = { id: row.id, interval: row.review_interval_months };
        }
        if (a.review && !reviewerIds.has(a.review.reviewer)) throw unknownReviewer(a);
        const interval = cond.interval ?? options.reviewIntervalMonths ?? DEFAULT_REVIEW_INTERVAL_MONTHS;
        const r = await saveImportedAnswer(trx, cond.id, a, options.actor, interval);
        report.answers[r.outcome]++;
        report.approvals += r.approvals;
      }
      return report;
    });
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

  async countConditions(): Promise<number> {
    const r = await this.db
      .selectFrom('conditions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
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
    return this.db
      .selectFrom('answers as a')
      .innerJoin('conditions as c', 'c.id', 'a.condition_id')
      .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
      .select([
        'a.id',
        'a.slug',
        'a.aspect',
        'a.state',
        'a.origin',
        'c.slug as condition_slug',
        'c.name as condition_name',
        'r.id as rev_id',
        'r.hash as rev_hash',
        'r.content as rev_content',
        'r.author as rev_author',
        'r.created_at as rev_created_at',
        'r.base_revision_id as rev_base',
      ]);
  }

  private async toViews(rows: AnswerRow[]): Promise<AnswerView[]> {
    const approvals = new Map<number, Approval[]>();
    const ids = rows.map((r) => r.id);
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      const found = await this.db
        .selectFrom('approvals')
        .select(['answer_id', 'hash', 'reviewer_id', 'reviewed_on', 'next_review'])
        .where('answer_id', 'in', chunk)
        .orderBy('id')
        .execute();
      for (const a of found) {
        const list = approvals.get(a.answer_id) ?? [];
        list.push({
          hash: a.hash,
          reviewerId: a.reviewer_id,
          reviewed: a.reviewed_on,
          nextReview: a.next_review,
        });
        approvals.set(a.answer_id, list);
      }
    }
    return rows.map((r) => {
      const answer = JSON.parse(r.rev_content) as Answer;
      const own = approvals.get(r.id) ?? [];
      const bound = own
        .filter((a) => a.hash === r.rev_hash)
        .sort((x, y) => (x.reviewed < y.reviewed ? 1 : -1))[0];
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

  async countPublishedAnswers(): Promise<number> {
    const r = await this.db
      .selectFrom('answers')
      .where('published_revision_id', 'is not', null)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async listReviewers(): Promise<Reviewer[]> {
    const rows = await this.db.selectFrom('reviewers').selectAll().orderBy('name').execute();
    return rows.map(toReviewer);
  }

  async getReviewer(id: string): Promise<Reviewer | null> {
    const row = await this.db.selectFrom('reviewers').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReviewer(row) : null;
  }

  async listRevisions(answerId: number): Promise<RevisionRecord[]> {
    const rows = await this.db
      .selectFrom('revisions')
      .selectAll()
      .where('answer_id', '=', answerId)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      answerId: r.answer_id,
      hash: r.hash,
      answer: JSON.parse(r.content) as Answer,
      author: r.author,
      createdAt: r.created_at,
      baseRevisionId: r.base_revision_id,
    }));
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

function toReviewer(row: {
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

function unknownCondition(a: Answer): ContentError {
  return new ContentError([
    {
      code: 'unknown-condition',
      message: `answer "${a.question}" names condition "${a.condition}", which does not exist`,
      file: `${a.condition}/${a.slug ?? a.aspect}.md`,
      line: 0,
      column: 0,
      hint: `add ${a.condition}/condition.md or correct the "condition" field`,
    },
  ]);
}

function unknownReviewer(a: Answer): ContentError {
  return new ContentError([
    {
      code: 'unknown-reviewer',
      message: `review names reviewer "${a.review?.reviewer}", who is not in reviewers.yaml`,
      file: `${a.condition}/${a.slug ?? a.aspect}.md`,
      line: 0,
      column: 0,
      hint: 'add the reviewer to reviewers.yaml or correct review.reviewer',
    },
  ]);
}

async function upsertReviewer(trx: Db, r: Reviewer): Promise<keyof ImportCounts> {
  const row = {
    id: r.id,
    name: r.name,
    credentials: r.credentials,
    bio: r.bio ?? null,
    demo: r.demo ? 1 : 0,
  };
  const existing = await trx.selectFrom('reviewers').selectAll().where('id', '=', r.id).executeTakeFirst();
  if (!existing) {
    await trx.insertInto('reviewers').values(row).execute();
    return 'added';
  }
  if (canonicalJson(existing) === canonicalJson(row)) return 'unchanged';
  await trx.updateTable('reviewers').set(row).where('id', '=', r.id).execute();
  return 'updated';
}

/** Inserts or updates a condition with its synonyms and codes. */
export async function upsertCondition(
  trx: Db,
  c: Condition,
): Promise<{ outcome: keyof ImportCounts; id: number }> {
  const now = nowIso();
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
    const oldSyn = (
      await trx.selectFrom('condition_synonyms').select('name').where('condition_id', '=', id).execute()
    ).map((s) => s.name);
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

/** Appends an immutable revision (with its sources) and returns its id. */
export async function insertRevision(
  trx: Db,
  answerId: number,
  answer: Answer,
  author: string,
  baseRevisionId: number | null,
): Promise<{ id: number; hash: string }> {
  const hash = contentHash(answer);
  const rev = await trx
    .insertInto('revisions')
    .values({
      answer_id: answerId,
      hash,
      question: answer.question,
      tldr: answer.tldr,
      body: answer.body,
      content: canonicalJson(answer),
      author,
      created_at: nowIso(),
      base_revision_id: baseRevisionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  let position = 0;
  for (const s of answer.sources) {
    await trx
      .insertInto('revision_sources')
      .values({
        revision_id: rev.id,
        position: position++,
        source_id: s.id,
        title: s.title,
        url: s.url,
        publisher: s.publisher ?? null,
        accessed: s.accessed,
      })
      .execute();
  }
  return { id: rev.id, hash };
}

export async function audit(
  trx: Db,
  event: {
    actor: string;
    action: string;
    entity: string;
    entityId: string | number;
    from?: string | null;
    to?: string | null;
    hash?: string | null;
    detail?: unknown;
  },
): Promise<void> {
  await trx
    .insertInto('audit_events')
    .values({
      at: nowIso(),
      actor: event.actor,
      action: event.action,
      entity: event.entity,
      entity_id: String(event.entityId),
      from_state: event.from ?? null,
      to_state: event.to ?? null,
      hash: event.hash ?? null,
      detail: event.detail === undefined ? null : JSON.stringify(event.detail),
    })
    .execute();
}

/**
 * Saves an answer read from a content folder as the published revision of its answer. Content
 * in git is the published site: a changed file becomes a new published revision, an unchanged
 * one changes nothing. A review whose `revision` equals the content hash becomes an approval.
 */
async function saveImportedAnswer(
  trx: Db,
  conditionId: number,
  a: Answer,
  actor: string,
  intervalMonths: number,
): Promise<{ outcome: keyof ImportCounts; approvals: number }> {
  const slug = a.slug ?? a.aspect;
  const now = nowIso();
  const existing = await trx
    .selectFrom('answers')
    .selectAll()
    .where('condition_id', '=', conditionId)
    .where('slug', '=', slug)
    .executeTakeFirst();
  let answerId: number;
  let outcome: keyof ImportCounts;
  let revision: { id: number; hash: string };
  const origin = a.origin ? canonicalJson(a.origin) : null;
  if (!existing) {
    const ins = await trx
      .insertInto('answers')
      .values({
        condition_id: conditionId,
        slug,
        aspect: a.aspect,
        state: 'published',
        origin,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    answerId = ins.id;
    revision = await insertRevision(trx, answerId, a, actor, null);
    outcome = 'added';
  } else {
    answerId = existing.id;
    const current = existing.current_revision_id
      ? await trx
          .selectFrom('revisions')
          .select(['id', 'hash', 'content'])
          .where('id', '=', existing.current_revision_id)
          .executeTakeFirst()
      : undefined;
    if (current && current.content === canonicalJson(a) && existing.published_revision_id === current.id) {
      revision = { id: current.id, hash: current.hash };
      outcome = 'unchanged';
    } else {
      revision = await insertRevision(trx, answerId, a, actor, current?.id ?? null);
      outcome = 'updated';
    }
  }
  if (outcome !== 'unchanged') {
    await trx
      .updateTable('answers')
      .set({
        current_revision_id: revision.id,
        published_revision_id: revision.id,
        state: 'published',
        aspect: a.aspect,
        origin,
        updated_at: now,
      })
      .where('id', '=', answerId)
      .execute();
    await audit(trx, {
      actor,
      action: 'import',
      entity: 'answer',
      entityId: answerId,
      from: existing?.state ?? null,
      to: 'published',
      hash: revision.hash,
    });
  }
  let approvals = 0;
  const review = a.review;
  if (review?.revision && review.revision === revision.hash) {
    const already = await trx
      .selectFrom('approvals')
      .select('id')
      .where('answer_id', '=', answerId)
      .where('hash', '=', revision.hash)
      .where('reviewer_id', '=', review.reviewer)
      .where('reviewed_on', '=', review.reviewed)
      .executeTakeFirst();
    if (!already) {
      await trx
        .insertInto('approvals')
        .values({
          answer_id: answerId,
          revision_id: revision.id,
          hash: revision.hash,
          reviewer_id: review.reviewer,
          reviewed_on: review.reviewed,
          next_review: review.next_review ?? addMonths(review.reviewed, intervalMonths),
          created_at: now,
        })
        .execute();
      await audit(trx, {
        actor,
        action: 'approve',
        entity: 'answer',
        entityId: answerId,
        hash: revision.hash,
        detail: { reviewer: review.reviewer, reviewed: review.reviewed, via: 'content-import' },
      });
      approvals++;
    }
  }
  return { outcome, approvals };
}
