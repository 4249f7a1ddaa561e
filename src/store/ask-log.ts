/**
 * The question log's tables (asks, gap decisions, page feedback): rows in, rows out. What is
 * recorded, how it is scrubbed and how gaps are read from it is src/asklog's. Gap decisions are
 * written by the decide-gap action through StoreTx.gaps (./gap-tx.ts), with their audit event.
 */
import type { Kysely } from 'kysely';
import { countRows } from './count.js';
import type { Database } from './db.js';
import { kyselyOf } from './kysely-store.js';
import type { Store } from './types.js';

/** What one recorded question says (no IP address, cookie, user id or exact time, ever). */
export type AskChannel = 'page' | 'api' | 'mcp';
export type AskOutcome = 'answered' | 'abstained' | 'red_flag';

export interface AskLogRow {
  id: number;
  hour: string;
  channel: AskChannel;
  focus: string;
  focusKnown: boolean;
  aspect: string;
  outcome: AskOutcome;
  answerRef: string | null;
  score: number | null;
  reason: string | null;
  question: string;
}

/** The hour bucket of an instant: "2026-05-04T13:00Z". Only this is stored, never the time. */
export function hourBucket(at: Date = new Date()): string {
  return `${at.toISOString().slice(0, 13)}:00Z`;
}

export type GapStatus = 'drafted' | 'not_in_scope' | 'merged';

export interface GapDecision {
  focus: string;
  aspect: string;
  status: GapStatus;
  reason: string | null;
  targetFocus: string | null;
  targetAspect: string | null;
  answerId: number | null;
  actor: string;
  decidedAt: string;
}

/** A row to insert: everything but the id. */
export type NewAskRow = Omit<AskLogRow, 'id'>;

export interface FeedbackRow {
  id: number;
  answerId: number;
  revisionId: number;
  helpful: boolean;
  comment: string | null;
  hour: string;
}

export interface FeedbackSummary {
  revisionId: number;
  yes: number;
  no: number;
  comments: { hour: string; text: string }[];
}

export class AskLogRepo {
  private readonly db: Kysely<Database>;

  constructor(store: Store) {
    this.db = kyselyOf(store).db;
  }

  // ------------------------------------------------------------ question log

  async insertAsks(rows: NewAskRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insertInto('ask_log')
      .values(
        rows.map((r) => ({
          hour: r.hour,
          channel: r.channel,
          focus: r.focus,
          focus_known: r.focusKnown ? 1 : 0,
          aspect: r.aspect,
          outcome: r.outcome,
          answer_ref: r.answerRef,
          score: r.score,
          reason: r.reason,
          question: r.question,
        })),
      )
      .execute();
  }

  /** Logged questions with hour ≥ `since` (and < `until` when given), oldest first. */
  async listAsks(options: { since?: string; until?: string; limit?: number } = {}): Promise<AskLogRow[]> {
    let q = this.db.selectFrom('ask_log').selectAll();
    if (options.since) q = q.where('hour', '>=', options.since);
    if (options.until) q = q.where('hour', '<', options.until);
    const rows = await q
      .orderBy('hour')
      .orderBy('id')
      .limit(options.limit ?? 200_000)
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      hour: r.hour,
      channel: r.channel as AskChannel,
      focus: r.focus,
      focusKnown: Number(r.focus_known) === 1,
      aspect: r.aspect,
      outcome: r.outcome as AskOutcome,
      answerRef: r.answer_ref,
      score: r.score === null ? null : Number(r.score),
      reason: r.reason,
      question: r.question,
    }));
  }

  countAsks(): Promise<number> {
    return countRows(this.db.selectFrom('ask_log'));
  }

  /** Deletes logged questions older than `days` days; returns how many. */
  async purge(days: number, now: Date = new Date()): Promise<number> {
    const cutoff = hourBucket(new Date(now.getTime() - days * 86_400_000));
    const r = await this.db.deleteFrom('ask_log').where('hour', '<', cutoff).executeTakeFirst();
    return Number(r.numDeletedRows ?? 0);
  }

  // ------------------------------------------------------------ gap decisions

  async listDecisions(): Promise<GapDecision[]> {
    const rows = await this.db.selectFrom('gap_decisions').selectAll().execute();
    return rows.map((r) => ({
      focus: r.focus,
      aspect: r.aspect,
      status: r.status as GapStatus,
      reason: r.reason,
      targetFocus: r.target_focus,
      targetAspect: r.target_aspect,
      answerId: r.answer_id === null ? null : Number(r.answer_id),
      actor: r.actor,
      decidedAt: r.decided_at,
    }));
  }

  // ------------------------------------------------------------ page feedback

  async insertFeedback(row: Omit<FeedbackRow, 'id'>): Promise<void> {
    await this.db
      .insertInto('page_feedback')
      .values({
        answer_id: row.answerId,
        revision_id: row.revisionId,
        helpful: row.helpful ? 1 : 0,
        comment: row.comment,
        hour: row.hour,
      })
      .execute();
  }

  /** Feedback on an answer, per revision, newest revision first. */
  async feedbackFor(answerId: number): Promise<FeedbackSummary[]> {
    const rows = await this.db
      .selectFrom('page_feedback')
      .selectAll()
      .where('answer_id', '=', answerId)
      .orderBy('revision_id', 'desc')
      .orderBy('id', 'desc')
      .execute();
    const byRevision = new Map<number, FeedbackSummary>();
    for (const r of rows) {
      const id = Number(r.revision_id);
      let s = byRevision.get(id);
      if (!s) {
        s = { revisionId: id, yes: 0, no: 0, comments: [] };
        byRevision.set(id, s);
      }
      if (Number(r.helpful) === 1) s.yes++;
      else s.no++;
      if (r.comment && s.comments.length < 50) s.comments.push({ hour: r.hour, text: r.comment });
    }
    return [...byRevision.values()];
  }

  /** Negative feedback per answer since each answer's last review (or ever, if never reviewed). */
  async negativeSinceReview(answerIds?: number[]): Promise<Map<number, number>> {
    let q = this.db
      .selectFrom('page_feedback as f')
      .leftJoin(
        (eb) =>
          eb
            .selectFrom('approvals')
            .select(['answer_id', (e) => e.fn.max('created_at').as('last')])
            .groupBy('answer_id')
            .as('a'),
        (join) => join.onRef('a.answer_id', '=', 'f.answer_id'),
      )
      .select(['f.answer_id', 'f.hour', 'a.last'])
      .where('f.helpful', '=', 0);
    if (answerIds) {
      if (answerIds.length === 0) return new Map();
      q = q.where('f.answer_id', 'in', answerIds);
    }
    const out = new Map<number, number>();
    for (const r of await q.execute()) {
      // The hour bucket is compared with the review's hour: feedback in the review's own hour counts.
      const last = r.last ? hourBucket(new Date(String(r.last))) : null;
      if (last && r.hour < last) continue;
      const id = Number(r.answer_id);
      out.set(id, (out.get(id) ?? 0) + 1);
    }
    return out;
  }
}
