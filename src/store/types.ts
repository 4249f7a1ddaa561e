/**
 * The Store contract. Every adapter (SQLite, PostgreSQL) passes the same contract tests
 * (test/store/contract.ts). All methods are async so adapters with network I/O fit.
 */
import type { Answer, Approval, Condition, Origin, Reviewer } from '../content/index.js';
import type { AccountTx } from './account-tx.js';
import type { AccountStore } from './accounts.js';
import type { AuditEvent } from './audit.js';
import type { EditorReads } from './editor-reads.js';
import type { GapTx } from './gap-tx.js';
import type { ImportLedger } from './import-ledger.js';
import type { OutboxStore, OutboxTx } from './outbox.js';
import type { PublicationTx } from './publication-tx.js';
import type { StoreStats } from './stats.js';

export const ANSWER_STATES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'archived',
] as const;
export type AnswerState = (typeof ANSWER_STATES)[number];

/** What an editor may do to an answer; which role may do it from which state is workflow's table. */
export const ANSWER_ACTIONS = [
  'edit',
  'submit',
  'request_changes',
  'approve',
  'publish',
  'unpublish',
  'archive',
  'restore',
  'comment',
] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];

/** Editorial roles; what each may do is decided by src/workflow/transitions.ts. */
export const ROLES = ['author', 'reviewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface ApprovalRecord {
  id: number;
  revisionId: number;
  hash: string;
  reviewerId: string;
  reviewed: string;
  nextReview: string;
}

export interface CommentRecord {
  id: number;
  answerId: number;
  revisionId: number | null;
  author: string;
  kind: 'comment' | 'request_changes' | 'approve';
  body: string;
  createdAt: string;
}

/** A comment to record: its id and time come from the store. */
export type NewComment = Omit<CommentRecord, 'id' | 'createdAt'>;

/** One row of the audit log as read back. */
export interface AuditRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  from: string | null;
  to: string | null;
  hash: string | null;
  detail: unknown;
}

export interface WriteOptions {
  /** The transaction's clock (default: the real time). */
  now?: () => Date;
}

export interface ConditionSummary {
  slug: string;
  name: string;
  synonyms: string[];
  /** Published answers of this condition. */
  answerCount: number;
}

export interface ConditionRecord extends Condition {
  id: number;
  createdAt: string;
  updatedAt: string;
}

export interface RevisionRecord {
  id: number;
  answerId: number;
  hash: string;
  answer: Answer;
  author: string;
  createdAt: string;
  baseRevisionId: number | null;
}

/** An answer as readers see it: its shown revision and every approval recorded for it. */
export interface AnswerView {
  id: number;
  conditionSlug: string;
  conditionName: string;
  slug: string;
  aspect: Answer['aspect'];
  state: AnswerState;
  origin: Origin | null;
  /** The revision shown to the public (published), or the current one for editors. */
  revision: RevisionRecord;
  approvals: Approval[];
  /** Date of the last content change (front matter `updated`, else revision date). */
  updated: string;
  /** Next review due (from the bound approval), or null when none is bound. */
  nextReview: string | null;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport {
  conditions: ImportCounts;
  answers: ImportCounts;
  reviewers: ImportCounts;
  approvals: number;
}

export interface ImportOptions {
  /** Who is recorded as the author of new revisions and in the audit log. */
  actor: string;
  /** Review interval (months) when neither the file nor the condition gives a next review. */
  reviewIntervalMonths?: number;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs `fn` in one write transaction: everything it writes through `tx` commits together, or
   * nothing does. `label` names the write in errors and hooks. Workflow actions
   * (src/workflow/actions) are the usual callers.
   */
  write<T>(label: string, fn: (tx: StoreTx) => Promise<T>, options?: WriteOptions): Promise<T>;
  /** Users, sessions and login attempts (rules in src/workflow/accounts.ts). */
  accounts(now?: () => Date): AccountStore;
  /** The editor's read queries. */
  editorReads(): EditorReads;
  /** Counts for `medbrief stats`. */
  stats(): Promise<StoreStats>;
  /** The notification outbox, for delivery runs and listings (rows are added by actions). */
  outbox(): OutboxStore;

  listConditions(options?: ListOptions & { prefix?: string }): Promise<ConditionSummary[]>;
  countConditions(): Promise<number>;
  /** Finds a condition by its slug, or by the slug of one of its synonyms. */
  findCondition(slug: string): Promise<ConditionRecord | null>;
  /** Published answers of a condition, ordered by aspect vocabulary then slug. */
  listPublishedAnswers(conditionSlug: string): Promise<AnswerView[]>;
  getPublishedAnswer(conditionSlug: string, answerSlug: string): Promise<AnswerView | null>;
  /** Every published answer, in a stable order (for search indexes, sitemaps, exports). */
  allPublishedAnswers(options?: ListOptions): Promise<AnswerView[]>;
  countPublishedAnswers(): Promise<number>;

  listReviewers(): Promise<Reviewer[]>;
  getReviewer(id: string): Promise<Reviewer | null>;
  listRevisions(answerId: number): Promise<RevisionRecord[]>;

  /**
   * A short string that changes whenever published content, approvals or conditions change:
   * caches built from the store (the search index) compare it to know when to rebuild.
   */
  contentVersion(): Promise<string>;

  getMeta(key: string): Promise<string | null>;
  setMeta(key: string, value: string): Promise<void>;

  close(): Promise<void>;
}

// ------------------------------------------------------------ write transactions

/**
 * StoreTx: the narrow, typed face of one write transaction (`store.write(label, fn)`).
 * Implemented over Kysely in ./tx.ts; tests implement it in memory.
 */
/** An answer row as a write sees it (locked for the transaction on PostgreSQL). */
export interface AnswerLock {
  id: number;
  conditionId: number;
  conditionSlug: string;
  conditionIntervalMonths: number | null;
  slug: string;
  aspect: string;
  state: AnswerState;
  currentRevisionId: number | null;
  publishedRevisionId: number | null;
}

export interface AnswerChanges {
  state?: AnswerState;
  currentRevisionId?: number;
  publishedRevisionId?: number | null;
  aspect?: string;
  origin?: Origin | null;
}

export interface NewApproval {
  answerId: number;
  revisionId: number;
  hash: string;
  reviewerId: string;
  reviewed: string;
  nextReview: string;
}

export interface OriginLink {
  originKey: string;
  answerId: number;
  origin: Origin;
  qtype: string;
  role: 'answer' | 'duplicate';
}

/** "Publish revision R of answer A at T", as `createdBy` scheduled it. */
export interface ScheduledPublication {
  answerId: number;
  revisionId: number;
  publishAt: string;
  createdBy: string;
}

export interface StoreTx {
  readonly dialect: 'sqlite' | 'postgres';
  /** The transaction's clock (ISO timestamp), the same for every row it writes. */
  readonly at: string;

  // answers
  lockAnswer(answerId: number): Promise<AnswerLock | null>;
  findAnswer(conditionId: number, slug: string): Promise<AnswerLock | null>;
  insertAnswer(row: {
    conditionId: number;
    slug: string;
    aspect: string;
    state: AnswerState;
    origin: Origin | null;
  }): Promise<number>;
  updateAnswer(answerId: number, changes: AnswerChanges): Promise<void>;
  answerSlugs(conditionId: number): Promise<Set<string>>;

  // revisions
  insertRevision(
    answerId: number,
    answer: Answer,
    author: string,
    baseRevisionId: number | null,
  ): Promise<{ id: number; hash: string }>;
  getRevision(revisionId: number): Promise<RevisionRecord | null>;
  /** Every revision of an answer (id, author, base, hash), for the four-eyes rule. */
  revisionLineage(
    answerId: number,
  ): Promise<{ id: number; author: string; baseRevisionId: number | null; hash: string }[]>;

  // approvals, comments, schedule, audit
  insertApproval(approval: NewApproval): Promise<void>;
  approvalsFor(answerId: number): Promise<ApprovalRecord[]>;
  insertComment(c: NewComment): Promise<void>;
  setSchedule(answerId: number, dueOn: string, owner: string | null): Promise<void>;
  clearSchedule(answerId: number): Promise<void>;
  /** Published answers with no schedule and no approval bound to their published hash. */
  unscheduledPublished(): Promise<number[]>;
  appendAudit(event: AuditEvent): Promise<void>;

  // conditions, reviewers, origins
  findCondition(
    slug: string,
  ): Promise<{ id: number; slug: string; reviewIntervalMonths: number | null } | null>;
  upsertCondition(c: Condition): Promise<{ outcome: keyof ImportCounts; id: number }>;
  /** The stored conditions with these exact slugs, with their synonyms and codes, in id order. */
  conditionsBySlug(slugs: string[]): Promise<Condition[]>;
  upsertReviewer(r: Reviewer): Promise<keyof ImportCounts>;
  reviewerExists(id: string): Promise<boolean>;
  reviewerIds(): Promise<string[]>;
  linkOrigins(links: OriginLink[]): Promise<void>;
  /** Answer ids of already imported origin keys. */
  answersByOrigin(originKeys: string[]): Promise<Map<string, number>>;

  /** Bookkeeping of bulk imports (runs, documents, condition matching). */
  readonly imports: ImportLedger;
  /** The notification outbox: rows added here commit with the transition they announce. */
  readonly outbox: OutboxTx;
  /** Users, sessions, one-time links and reviewer details, for the account actions. */
  readonly accounts: AccountTx;
  /** Scheduled publications (one per answer), for the scheduling actions. */
  readonly publications: PublicationTx;
  /** Decisions on groups of unanswered questions, for the decide-gap action. */
  readonly gaps: GapTx;
}
