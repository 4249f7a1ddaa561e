/**
 * The Store contract. Every adapter (SQLite, PostgreSQL) passes the same contract tests
 * (test/store/contract.ts). All methods are async so adapters with network I/O fit.
 */
import type { Answer, Approval, Condition, ContentBundle, Origin, Reviewer } from '../content/index.js';

export type AnswerState = 'draft' | 'in_review' | 'changes_requested' | 'approved' | 'published' | 'archived';

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
  /** Imports a whole content bundle in one transaction: all or nothing. */
  importBundle(bundle: ContentBundle, options: ImportOptions): Promise<ImportReport>;

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
