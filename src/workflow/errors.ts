/**
 * Typed workflow errors. Each carries a stable code and the HTTP status it maps to, and says
 * what went wrong and what to do next.
 */
import type { Answer } from '../content/index.js';

export type WorkflowErrorCode =
  | 'not-found'
  | 'forbidden'
  | 'wrong-state'
  | 'four-eyes'
  | 'stale-revision'
  | 'invalid'
  | 'lint-errors'
  | 'duplicate';

const STATUS: Record<WorkflowErrorCode, number> = {
  'not-found': 404,
  forbidden: 403,
  'wrong-state': 409,
  'four-eyes': 403,
  'stale-revision': 409,
  invalid: 422,
  'lint-errors': 422,
  duplicate: 409,
};

export class WorkflowError extends Error {
  readonly status: number;
  constructor(
    readonly code: WorkflowErrorCode,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'WorkflowError';
    this.status = STATUS[code];
  }
}

export interface RevisionSnapshot {
  id: number;
  hash: string;
  author: string;
  createdAt: string;
  answer: Answer;
}

/**
 * An edit was based on a revision that is no longer the current one. Carries both versions so
 * the caller can show a word-level diff and let the user merge by hand — never a lost update.
 */
export class StaleRevisionError extends WorkflowError {
  constructor(
    readonly answerId: number,
    readonly baseRevisionId: number | null,
    readonly current: RevisionSnapshot,
    readonly attempted: Answer,
  ) {
    super(
      'stale-revision',
      `answer ${answerId} changed since you started editing: you edited revision ${baseRevisionId ?? 'none'}, ` +
        `but revision ${current.id} by ${current.author} is now current`,
      'compare your text with the current revision, merge your changes into it, and save again',
    );
  }
}
