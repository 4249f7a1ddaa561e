/**
 * KyselyTx: the StoreTx (declared in ./types.ts) over one Kysely transaction. Workflow actions
 * (src/workflow/actions) and the bulk importers write only through it, so every write of
 * answers, revisions, approvals, schedules and audit events has exactly one implementation —
 * which also keeps the answer list's derived columns current (refreshAnswerListColumns).
 * Obtain one with `store.write(label, async (tx) => …)`: all of it commits or none of it does.
 */
import type { Transaction } from 'kysely';
import {
  type Answer,
  type Condition,
  canonicalJson,
  contentHash,
  type Origin,
  type Reviewer,
} from '../content/index.js';
import { KyselyAccountTx } from './account-tx.js';
import { refreshAnswerListColumns } from './answer-list.js';
import { type AuditEvent, appendAudit } from './audit.js';
import type { Database } from './db.js';
import { KyselyGapTx } from './gap-tx.js';
import { ImportLedger } from './import-ledger.js';
import { KyselyOutboxTx } from './outbox.js';
import { KyselyPublicationTx } from './publication-tx.js';
import {
  answersWithCondition,
  approvalsOf,
  revisionById,
  synonymsOf,
  upsertCondition,
  upsertReviewer,
} from './rows.js';
import type {
  AnswerChanges,
  AnswerLock,
  AnswerState,
  ApprovalRecord,
  NewApproval,
  NewComment,
  OriginLink,
  RevisionRecord,
  StoreTx,
} from './types.js';

export class KyselyTx implements StoreTx {
  readonly imports: ImportLedger;
  readonly outbox: KyselyOutboxTx;
  readonly accounts: KyselyAccountTx;
  readonly publications: KyselyPublicationTx;
  readonly gaps: KyselyGapTx;
  constructor(
    private readonly trx: Transaction<Database>,
    readonly dialect: 'sqlite' | 'postgres',
    readonly at: string,
  ) {
    this.imports = new ImportLedger(trx, at);
    this.outbox = new KyselyOutboxTx(trx, at);
    this.accounts = new KyselyAccountTx(trx, at);
    this.publications = new KyselyPublicationTx(trx, at);
    this.gaps = new KyselyGapTx(trx, at);
  }

  private lockQuery() {
    return answersWithCondition(this.trx).select([
      'a.condition_id',
      'a.current_revision_id',
      'a.published_revision_id',
      'c.review_interval_months',
    ]);
  }

  private async lockWhere(q: ReturnType<KyselyTx['lockQuery']>): Promise<AnswerLock | null> {
    // PostgreSQL: hold the row until commit so concurrent edits queue and see the winner's
    // revision. SQLite: write transactions are already serialised by the connection.
    const row = await (this.dialect === 'postgres' ? q.forUpdate('a') : q).executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      conditionId: row.condition_id,
      conditionSlug: row.condition_slug,
      conditionIntervalMonths: row.review_interval_months,
      slug: row.slug,
      aspect: row.aspect,
      state: row.state as AnswerState,
      currentRevisionId: row.current_revision_id,
      publishedRevisionId: row.published_revision_id,
    };
  }

  lockAnswer(answerId: number) {
    return this.lockWhere(this.lockQuery().where('a.id', '=', answerId));
  }

  findAnswer(conditionId: number, slug: string) {
    return this.lockWhere(
      this.lockQuery().where('a.condition_id', '=', conditionId).where('a.slug', '=', slug),
    );
  }

  async insertAnswer(row: {
    conditionId: number;
    slug: string;
    aspect: string;
    state: AnswerState;
    origin: Origin | null;
  }): Promise<number> {
    const ins = await this.trx
      .insertInto('answers')
      .values({
        condition_id: row.conditionId,
        slug: row.slug,
        aspect: row.aspect,
        state: row.state,
        origin: row.origin ? canonicalJson(row.origin) : null,
        created_at: this.at,
        updated_at: this.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return ins.id;
  }

  async updateAnswer(answerId: number, changes: AnswerChanges): Promise<void> {
    await this.trx
      .updateTable('answers')
      .set({
        ...(changes.state !== undefined ? { state: changes.state } : {}),
        ...(changes.currentRevisionId !== undefined
          ? { current_revision_id: changes.currentRevisionId }
          : {}),
        ...(changes.publishedRevisionId !== undefined
          ? { published_revision_id: changes.publishedRevisionId }
          : {}),
        ...(changes.aspect !== undefined ? { aspect: changes.aspect } : {}),
        ...(changes.origin !== undefined
          ? { origin: changes.origin ? canonicalJson(changes.origin) : null }
          : {}),
        updated_at: this.at,
      })
      .where('id', '=', answerId)
      .execute();
    await refreshAnswerListColumns(this.trx, [answerId]);
  }

  async answerSlugs(conditionId: number): Promise<Set<string>> {
    const rows = await this.trx
      .selectFrom('answers')
      .select('slug')
      .where('condition_id', '=', conditionId)
      .execute();
    return new Set(rows.map((r) => r.slug));
  }

  /** The one place revisions (and their sources) are inserted. */
  async insertRevision(
    answerId: number,
    answer: Answer,
    author: string,
    baseRevisionId: number | null,
  ): Promise<{ id: number; hash: string }> {
    const hash = contentHash(answer);
    const rev = await this.trx
      .insertInto('revisions')
      .values({
        answer_id: answerId,
        hash,
        question: answer.question,
        tldr: answer.tldr,
        body: answer.body,
        content: canonicalJson(answer),
        author,
        created_at: this.at,
        base_revision_id: baseRevisionId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    let position = 0;
    for (const s of answer.sources) {
      await this.trx
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

  getRevision(revisionId: number): Promise<RevisionRecord | null> {
    return revisionById(this.trx, revisionId);
  }

  async revisionLineage(answerId: number) {
    const rows = await this.trx
      .selectFrom('revisions')
      .select(['id', 'author', 'base_revision_id', 'hash'])
      .where('answer_id', '=', answerId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      author: r.author,
      baseRevisionId: r.base_revision_id,
      hash: r.hash,
    }));
  }

  /** The one place approvals are inserted. */
  async insertApproval(a: NewApproval): Promise<void> {
    await this.trx
      .insertInto('approvals')
      .values({
        answer_id: a.answerId,
        revision_id: a.revisionId,
        hash: a.hash,
        reviewer_id: a.reviewerId,
        reviewed_on: a.reviewed,
        next_review: a.nextReview,
        created_at: this.at,
      })
      .execute();
    await refreshAnswerListColumns(this.trx, [a.answerId]);
  }

  approvalsFor(answerId: number): Promise<ApprovalRecord[]> {
    return approvalsOf(this.trx, answerId);
  }

  async insertComment(c: NewComment): Promise<void> {
    await this.trx
      .insertInto('comments')
      .values({
        answer_id: c.answerId,
        revision_id: c.revisionId,
        author: c.author,
        kind: c.kind,
        body: c.body,
        created_at: this.at,
      })
      .execute();
  }

  async setSchedule(answerId: number, dueOn: string, owner: string | null): Promise<void> {
    await this.trx.deleteFrom('review_schedule').where('answer_id', '=', answerId).execute();
    await this.trx
      .insertInto('review_schedule')
      .values({ answer_id: answerId, due_on: dueOn, owner, updated_at: this.at })
      .execute();
    await refreshAnswerListColumns(this.trx, [answerId]);
  }

  async clearSchedule(answerId: number): Promise<void> {
    await this.trx.deleteFrom('review_schedule').where('answer_id', '=', answerId).execute();
    await refreshAnswerListColumns(this.trx, [answerId]);
  }

  async unscheduledPublished(): Promise<number[]> {
    const rows = await this.trx
      .selectFrom('answers as a')
      .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
      .leftJoin('review_schedule as s', 's.answer_id', 'a.id')
      .select(['a.id', 'r.hash'])
      .where('s.answer_id', 'is', null)
      .orderBy('a.id')
      .execute();
    const reviewed = new Set(
      (await this.trx.selectFrom('approvals').select(['answer_id', 'hash']).execute()).map(
        (a) => `${a.answer_id} ${a.hash}`,
      ),
    );
    return rows.filter((r) => !reviewed.has(`${r.id} ${r.hash}`)).map((r) => r.id);
  }

  appendAudit(event: AuditEvent): Promise<void> {
    return appendAudit(this.trx, event, this.at);
  }

  async findCondition(slug: string) {
    const row = await this.trx
      .selectFrom('conditions')
      .select(['id', 'slug', 'review_interval_months'])
      .where('slug', '=', slug)
      .executeTakeFirst();
    return row ? { id: row.id, slug: row.slug, reviewIntervalMonths: row.review_interval_months } : null;
  }

  upsertCondition(c: Condition) {
    return upsertCondition(this.trx, c, this.at);
  }

  async conditionsBySlug(slugs: string[]): Promise<Condition[]> {
    if (!slugs.length) return [];
    const rows = await this.trx
      .selectFrom('conditions')
      .selectAll()
      .where('slug', 'in', slugs)
      .orderBy('id')
      .execute();
    const out: Condition[] = [];
    for (const row of rows) {
      out.push({
        slug: row.slug,
        name: row.name,
        synonyms: (await synonymsOf(this.trx, row.id)).map((s) => s.name),
        summary: row.summary,
        codes: JSON.parse(row.codes) as Condition['codes'],
        review_interval_months: row.review_interval_months ?? undefined,
      });
    }
    return out;
  }

  upsertReviewer(r: Reviewer) {
    return upsertReviewer(this.trx, r);
  }

  async reviewerExists(id: string): Promise<boolean> {
    return Boolean(
      await this.trx.selectFrom('reviewers').select('id').where('id', '=', id).executeTakeFirst(),
    );
  }

  async reviewerIds(): Promise<string[]> {
    return (await this.trx.selectFrom('reviewers').select('id').orderBy('id').execute()).map((r) => r.id);
  }

  async linkOrigins(links: OriginLink[]): Promise<void> {
    if (!links.length) return;
    await this.trx
      .insertInto('answer_origins')
      .values(
        links.map((l) => ({
          origin_key: l.originKey,
          answer_id: l.answerId,
          collection: l.origin.collection,
          publisher: l.origin.publisher,
          document_id: l.origin.documentId ?? '',
          pair_id: l.origin.pairId ?? '',
          qtype: l.qtype,
          url: l.origin.url ?? null,
          role: l.role,
          created_at: this.at,
        })),
      )
      .execute();
  }

  async answersByOrigin(originKeys: string[]): Promise<Map<string, number>> {
    const known = new Map<string, number>();
    for (let i = 0; i < originKeys.length; i += 500) {
      const rows = await this.trx
        .selectFrom('answer_origins')
        .select(['origin_key', 'answer_id'])
        .where('origin_key', 'in', originKeys.slice(i, i + 500))
        .execute();
      for (const r of rows) known.set(r.origin_key, r.answer_id);
    }
    return known;
  }
}
