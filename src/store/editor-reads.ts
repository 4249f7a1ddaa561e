/**
 * The editor's reads: answer lists, one answer with its revisions, approvals and comments, the
 * audit log, and the rows behind the review-due queue. Read-only; writes go through StoreTx.
 */
import type { Kysely } from 'kysely';
import { type AnswerListPage, type AnswerListQuery, listAnswerPage } from './answer-list.js';
import type { Database } from './db.js';
import { type TaskGroup, tasksFor } from './editor-tasks.js';
import { notificationsFor, unreadNotificationCount } from './inbox.js';
import type { NotificationRecord } from './outbox.js';
import { answersWithCondition, approvalsByAnswer, approvalsOf, commentsOf, revisionById } from './rows.js';
import type {
  AnswerState,
  ApprovalRecord,
  AuditRow,
  CommentRecord,
  RevisionRecord,
  Role,
  ScheduledPublication,
} from './types.js';

export interface EditorAnswerSummary {
  id: number;
  conditionSlug: string;
  conditionName: string;
  slug: string;
  aspect: string;
  state: AnswerState;
  question: string;
  currentRevisionId: number | null;
  publishedRevisionId: number | null;
  updatedAt: string;
}

export interface EditorAnswer extends EditorAnswerSummary {
  conditionIntervalMonths: number | null;
  current: RevisionRecord | null;
  published: RevisionRecord | null;
  approvals: ApprovalRecord[];
  comments: CommentRecord[];
}

/** A published answer with what decides its next review (see workflow's reviewDue). */
export interface ReviewRow {
  answerId: number;
  conditionSlug: string;
  slug: string;
  question: string;
  hash: string;
  author: string;
  createdAt: string;
  scheduledDue: string | null;
  owner: string | null;
  approvals: { hash: string; reviewerId: string; reviewed: string; nextReview: string }[];
}

export class EditorReads {
  constructor(private readonly db: Kysely<Database>) {}

  private async revision(id: number): Promise<RevisionRecord> {
    const rev = await revisionById(this.db, id);
    if (!rev) throw new Error(`revision ${id} not found`);
    return rev;
  }

  getRevision(id: number): Promise<RevisionRecord | null> {
    return revisionById(this.db, id);
  }

  listComments(answerId: number): Promise<CommentRecord[]> {
    return commentsOf(this.db, answerId);
  }

  async listApprovals(answerId: number): Promise<ApprovalRecord[]> {
    return approvalsOf(this.db, answerId);
  }

  private summaryQuery() {
    return answersWithCondition(this.db)
      .leftJoin('revisions as r', 'r.id', 'a.current_revision_id')
      .select([
        'a.current_revision_id',
        'a.published_revision_id',
        'a.updated_at',
        'c.review_interval_months',
        'r.question',
      ]);
  }

  async listAnswers(
    filter: { state?: AnswerState; condition?: string; limit?: number; offset?: number } = {},
  ): Promise<EditorAnswerSummary[]> {
    let q = this.summaryQuery().orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc');
    if (filter.state) q = q.where('a.state', '=', filter.state);
    if (filter.condition) q = q.where('c.slug', '=', filter.condition);
    q = q.limit(filter.limit ?? 200).offset(filter.offset ?? 0);
    return (await q.execute()).map(summaryFromRow);
  }

  async getAnswer(answerId: number): Promise<EditorAnswer | null> {
    const r = await this.summaryQuery().where('a.id', '=', answerId).executeTakeFirst();
    if (!r) return null;
    return {
      ...summaryFromRow(r),
      conditionIntervalMonths: r.review_interval_months,
      current: r.current_revision_id === null ? null : await this.revision(r.current_revision_id),
      published: r.published_revision_id === null ? null : await this.revision(r.published_revision_id),
      approvals: await this.listApprovals(answerId),
      comments: await this.listComments(answerId),
    };
  }

  /** One page of the editor's answer list (filters, sort and counts: ./answer-list.ts). */
  answerPage(query: AnswerListQuery): Promise<AnswerListPage> {
    return listAnswerPage(this.db, query);
  }

  /** A user's "My tasks" groups (./editor-tasks.ts). */
  tasksFor(user: { username: string; role: Role }, today: string): Promise<TaskGroup[]> {
    return tasksFor(this.db, user, today);
  }

  /** A person's latest notifications, newest first; `beforeId` pages back (./inbox.ts). */
  notificationsFor(username: string, limit?: number, beforeId?: number): Promise<NotificationRecord[]> {
    return notificationsFor(this.db, username, limit, beforeId);
  }

  /** How many of a person's notifications they have not read. */
  unreadNotificationCount(username: string): Promise<number> {
    return unreadNotificationCount(this.db, username);
  }

  // ------------------------------------------------------------ audit log

  async listAudit(
    filter: { entity?: string; entityId?: string; actor?: string; limit?: number; offset?: number } = {},
  ): Promise<AuditRow[]> {
    let q = this.db.selectFrom('audit_events').selectAll().orderBy('id', 'desc');
    if (filter.entity) q = q.where('entity', '=', filter.entity);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    if (filter.actor) q = q.where('actor', '=', filter.actor);
    if (filter.limit !== undefined) q = q.limit(filter.limit).offset(filter.offset ?? 0);
    return (await q.execute()).map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      from: r.from_state,
      to: r.to_state,
      hash: r.hash,
      detail: r.detail === null ? null : (JSON.parse(r.detail) as unknown),
    }));
  }

  // ------------------------------------------------------------ scheduled publication

  async scheduledPublication(answerId: number): Promise<ScheduledPublication | null> {
    const r = await this.db
      .selectFrom('scheduled_publications')
      .selectAll()
      .where('answer_id', '=', answerId)
      .executeTakeFirst();
    return r ? publicationFromRow(r) : null;
  }

  /** Schedules due at `atIso` or before, earliest first. */
  async duePublications(atIso: string): Promise<ScheduledPublication[]> {
    const rows = await this.db
      .selectFrom('scheduled_publications')
      .selectAll()
      .where('publish_at', '<=', atIso)
      .orderBy('publish_at')
      .execute();
    return rows.map(publicationFromRow);
  }

  /** Every published answer with its schedule and approvals, in answer order. */
  async reviewRows(): Promise<ReviewRow[]> {
    const rows = await answersWithCondition(this.db)
      .innerJoin('revisions as r', 'r.id', 'a.published_revision_id')
      .leftJoin('review_schedule as s', 's.answer_id', 'a.id')
      .select(['a.created_at', 'r.question', 'r.hash', 'r.author', 's.due_on', 's.owner'])
      .orderBy('a.id')
      .execute();
    const approvals = await approvalsByAnswer(
      this.db,
      rows.map((r) => r.id),
    );
    return rows.map((r) => ({
      answerId: r.id,
      conditionSlug: r.condition_slug,
      slug: r.slug,
      question: r.question,
      hash: r.hash,
      author: r.author,
      createdAt: r.created_at,
      scheduledDue: r.due_on,
      owner: r.owner,
      approvals: approvals.get(r.id) ?? [],
    }));
  }
}

function publicationFromRow(r: {
  answer_id: number;
  revision_id: number;
  publish_at: string;
  created_by: string;
}): ScheduledPublication {
  return {
    answerId: r.answer_id,
    revisionId: r.revision_id,
    publishAt: r.publish_at,
    createdBy: r.created_by,
  };
}

function summaryFromRow(r: {
  id: number;
  condition_slug: string;
  condition_name: string;
  slug: string;
  aspect: string;
  state: string;
  question: string | null;
  current_revision_id: number | null;
  published_revision_id: number | null;
  updated_at: string;
}): EditorAnswerSummary {
  return {
    id: r.id,
    conditionSlug: r.condition_slug,
    conditionName: r.condition_name,
    slug: r.slug,
    aspect: r.aspect,
    state: r.state as AnswerState,
    question: r.question ?? '',
    currentRevisionId: r.current_revision_id,
    publishedRevisionId: r.published_revision_id,
    updatedAt: r.updated_at,
  };
}
