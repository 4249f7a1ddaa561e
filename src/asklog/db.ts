/** Tables of the question log, gap decisions and page feedback (migration 004_asklog). */
import type { Generated, Kysely } from 'kysely';
import type { Database } from '../store/db.js';
import type { Store } from '../store/index.js';
import { kyselyOf } from '../store/kysely-store.js';

export interface AskLogTable {
  id: Generated<number>;
  hour: string;
  channel: string;
  focus: string;
  focus_known: number;
  aspect: string;
  outcome: string;
  answer_ref: string | null;
  score: number | null;
  reason: string | null;
  question: string;
}

export interface GapDecisionsTable {
  focus: string;
  aspect: string;
  status: string;
  reason: string | null;
  target_focus: string | null;
  target_aspect: string | null;
  answer_id: number | null;
  actor: string;
  decided_at: string;
}

export interface PageFeedbackTable {
  id: Generated<number>;
  answer_id: number;
  revision_id: number;
  helpful: number;
  comment: string | null;
  hour: string;
}

export interface AskLogDatabase extends Database {
  ask_log: AskLogTable;
  gap_decisions: GapDecisionsTable;
  page_feedback: PageFeedbackTable;
}

export type AskLogDb = Kysely<AskLogDatabase>;

/** The store's query builder, with these tables typed (they live in the same database). */
export function askLogDb(store: Store): AskLogDb {
  return kyselyOf(store).db as unknown as AskLogDb;
}

/** The hour bucket of an instant: "2026-05-04T13:00Z". Only this is stored, never the time. */
export function hourBucket(at: Date = new Date()): string {
  return `${at.toISOString().slice(0, 13)}:00Z`;
}
