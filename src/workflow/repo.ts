/**
 * WorkflowRepo: the editorial workflow over one store, as the editor, the CLI and tests use it.
 * Accounts come from ./accounts.ts, reads from the store's EditorReads, and every write runs an
 * action from ./actions in one transaction — this class only picks the action and the actor.
 */
import { type Answer, boundApproval, todayIso } from '../content/index.js';
import type { EditorReads, ScheduledPublication, Store, WorkflowUser } from '../store/index.js';
import { Accounts } from './accounts.js';
import {
  type ActionEnv,
  type CreateResult,
  create,
  type LintGate,
  notifyReviewDue,
  runAction,
  type SaveResult,
  saveRevision,
  staggerReviews,
  TRANSITION_ACTIONS,
  type TransitionResult,
  type WorkflowAction,
} from './actions/index.js';
import { WorkflowError } from './errors.js';
import type { ReviewDueNotice } from './notifications.js';
import { type DueStatus, dueStatus, reviewPolicy } from './policy.js';
import type { Action } from './transitions.js';

export interface WorkflowRepoOptions {
  /** Review interval (months) when the condition sets none. */
  defaultIntervalMonths?: number;
  /** Clock, injectable for tests. */
  now?: () => Date;
  /** Called inside each write transaction just before it commits (crash tests, benchmarks). */
  beforeCommit?: (what: string) => Promise<void>;
  /** The publishing lint gate (default: every rule, today's date). */
  lint?: LintGate;
}

export interface TransitionRequest {
  action: Action;
  /** The revision the user looked at; required to approve, checked whenever given. */
  revisionId?: number;
  comment?: string;
}

export interface ReviewDueItem {
  answerId: number;
  conditionSlug: string;
  slug: string;
  question: string;
  due: string;
  status: DueStatus;
  /** Where the due date comes from: the bound approval, a staggered schedule, or neither yet. */
  basis: 'approval' | 'schedule' | 'unscheduled';
  reviewedOn: string | null;
  reviewerId: string | null;
  owner: string;
}

type ActingUser = Pick<WorkflowUser, 'username' | 'role' | 'reviewerId'>;

/** Who runs the jobs no person starts (review scheduling, review-due notices). */
const system = (username = 'system'): ActingUser => ({ username, role: 'admin', reviewerId: null });

export class WorkflowRepo extends Accounts {
  private readonly reads: EditorReads;

  constructor(
    store: Store,
    private readonly options: WorkflowRepoOptions = {},
  ) {
    super(store, options.now);
    this.reads = store.editorReads();
  }

  get dialect() {
    return this.store.dialect;
  }

  today(): string {
    return todayIso(this.now());
  }

  private env(user: ActingUser): ActionEnv {
    return {
      actor: { username: user.username, role: user.role, reviewerId: user.reviewerId },
      now: this.now,
      policy: reviewPolicy(this.options.defaultIntervalMonths),
      lint: this.options.lint,
      beforeCommit: this.options.beforeCommit,
    };
  }

  // ---------------------------------------------------------------- writes

  /** Runs any action as `user`, with this repository's clock, review policy and lint gate. */
  run<I, O>(action: WorkflowAction<I, O>, input: I, user: ActingUser): Promise<O> {
    return runAction(this.store, action, input, this.env(user));
  }

  createAnswer(answer: Answer, user: WorkflowUser): Promise<CreateResult> {
    return this.run(create, { answer }, user);
  }

  saveRevision(
    answerId: number,
    baseRevisionId: number | null,
    answer: Answer,
    user: WorkflowUser,
  ): Promise<SaveResult> {
    return this.run(saveRevision, { answerId, baseRevisionId, answer }, user);
  }

  /** Applies a workflow action (submit, request changes, approve, publish, …) in one transaction. */
  transition(answerId: number, user: WorkflowUser, input: TransitionRequest): Promise<TransitionResult> {
    if (input.action === 'edit') throw new WorkflowError('invalid', 'save a revision to edit');
    const action = TRANSITION_ACTIONS[input.action];
    if (!action) throw new WorkflowError('invalid', `unknown action "${input.action}"`);
    return this.run(action, { answerId, revisionId: input.revisionId, comment: input.comment }, user);
  }

  /** Spreads first reviews of unscheduled published answers over one interval (after a bulk import). */
  staggerUnscheduled(
    options: { start?: string; intervalMonths?: number; owner?: string } = {},
  ): Promise<number> {
    return this.run(staggerReviews, options, system(options.owner));
  }

  /**
   * Adds the review_due notices for these queue items (the notify-review-due action, as the
   * system); repeats add nothing. Resolves to how many outbox rows were new.
   */
  async notifyReviewDue(items: readonly ReviewDueNotice[]): Promise<number> {
    if (!items.length) return 0;
    return this.run(notifyReviewDue, { items }, system());
  }

  // ----------------------------------------------------------------- reads

  listAnswers(filter: Parameters<EditorReads['listAnswers']>[0] = {}) {
    return this.reads.listAnswers(filter);
  }

  getAnswer(answerId: number) {
    return this.reads.getAnswer(answerId);
  }

  getRevision(id: number) {
    return this.reads.getRevision(id);
  }

  listComments(answerId: number) {
    return this.reads.listComments(answerId);
  }

  listApprovals(answerId: number) {
    return this.reads.listApprovals(answerId);
  }

  scheduledPublication(answerId: number): Promise<ScheduledPublication | null> {
    return this.reads.scheduledPublication(answerId);
  }

  duePublications(at: Date): Promise<ScheduledPublication[]> {
    return this.reads.duePublications(at.toISOString());
  }

  listAudit(filter: Parameters<EditorReads['listAudit']>[0] = {}) {
    return this.reads.listAudit(filter);
  }

  /**
   * Published answers with their next review date: from the approval bound to the published
   * revision's hash, else from the staggered first-review schedule, else (never scheduled) the
   * day the answer was created — so an unreviewed page is never silently absent from the queue.
   */
  async reviewDue(options: {
    withinDays: number;
    today?: string;
    includeAll?: boolean;
  }): Promise<ReviewDueItem[]> {
    const today = options.today ?? this.today();
    const items: ReviewDueItem[] = [];
    for (const r of await this.reads.reviewRows()) {
      const bound = boundApproval(r.approvals, r.hash);
      const due = bound?.nextReview ?? r.scheduledDue ?? r.createdAt.slice(0, 10);
      const status = dueStatus(due, today, options.withinDays);
      if (status === 'ok' && !options.includeAll) continue;
      items.push({
        answerId: r.answerId,
        conditionSlug: r.conditionSlug,
        slug: r.slug,
        question: r.question,
        due,
        status,
        basis: bound ? 'approval' : r.scheduledDue ? 'schedule' : 'unscheduled',
        reviewedOn: bound?.reviewed ?? null,
        reviewerId: bound?.reviewerId ?? null,
        owner: r.owner ?? r.author,
      });
    }
    return items.sort((x, y) => (x.due < y.due ? -1 : x.due > y.due ? 1 : x.answerId - y.answerId));
  }
}

/** The workflow repository of a store opened with openStore (SQLite or PostgreSQL). */
export function workflowRepo(store: Store, options: WorkflowRepoOptions = {}): WorkflowRepo {
  return new WorkflowRepo(store, options);
}
