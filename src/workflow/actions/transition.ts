/**
 * What every state change shares: the answer must exist, the transition table must allow the
 * actor's role in the answer's state, and a named revision must still be the current one.
 * Each action file adds its own rule (a comment, an approval, the lint gate) on top.
 */
import type { AnswerLock, RevisionRecord } from '../../store/index.js';
import { StaleRevisionError, WorkflowError } from '../errors.js';
import { notifyTransition } from '../notifications.js';
import { type Action, canTransition, type State } from '../transitions.js';
import { type ActionContext, audit, type WorkflowAction } from './context.js';

export interface TransitionInput {
  answerId: number;
  /** The revision the user looked at; required to approve, checked whenever given. */
  revisionId?: number;
  comment?: string;
}

export interface TransitionResult {
  from: State;
  to: State;
  revisionId: number | null;
  hash: string | null;
}

/** The locked answer and its current revision, after the shared checks. */
export interface Checked {
  row: AnswerLock;
  current: RevisionRecord | null;
  to: State;
  comment: string;
}

export async function lockForAction(
  ctx: ActionContext,
  action: Action,
  input: TransitionInput,
): Promise<Checked> {
  const row = await ctx.tx.lockAnswer(input.answerId);
  if (!row) throw new WorkflowError('not-found', `no answer with id ${input.answerId}`);
  const check = canTransition(ctx.actor.role, row.state, action);
  if (!check.allowed)
    throw new WorkflowError(check.reason === 'wrong-role' ? 'forbidden' : 'wrong-state', check.message);
  const currentId = row.currentRevisionId;
  if (input.revisionId !== undefined && input.revisionId !== currentId) {
    const current = (await ctx.tx.getRevision(currentId!))!;
    const seen = await ctx.tx.getRevision(input.revisionId);
    throw new StaleRevisionError(input.answerId, input.revisionId, current, seen?.answer ?? current.answer);
  }
  const current = currentId === null ? null : await ctx.tx.getRevision(currentId);
  return { row, current, to: check.to ?? row.state, comment: input.comment?.trim() ?? '' };
}

export interface TransitionSpec {
  action: Exclude<Action, 'edit'>;
  /** The action's own rule, after the shared checks. */
  rule?: (ctx: ActionContext, input: TransitionInput, checked: Checked) => Promise<void> | void;
  /** Extra writes; returns more audit detail. */
  apply?: (ctx: ActionContext, input: TransitionInput, checked: Checked) => Promise<Record<string, unknown>>;
  /** Where the public revision pointer goes (undefined: unchanged). */
  published?: (checked: Checked) => number | null | undefined;
  commentKind?: 'comment' | 'request_changes' | 'approve';
}

/** Builds a state-change action from its spec. */
export function transitionAction(spec: TransitionSpec): WorkflowAction<TransitionInput, TransitionResult> {
  return {
    name: spec.action,
    async check(ctx, input) {
      await spec.rule?.(ctx, input, await lockForAction(ctx, spec.action, input));
    },
    async execute(ctx, input) {
      const checked = await lockForAction(ctx, spec.action, input);
      const { row, current, to, comment } = checked;
      let detail: Record<string, unknown> = { revision: row.currentRevisionId };
      if (spec.apply) detail = { ...detail, ...(await spec.apply(ctx, input, checked)) };
      if (comment) {
        await ctx.tx.insertComment({
          answerId: row.id,
          revisionId: row.currentRevisionId,
          author: ctx.actor.username,
          kind: spec.commentKind ?? 'comment',
          body: comment,
        });
        detail.comment = comment;
      }
      if (spec.action !== 'comment') {
        const published = spec.published?.(checked);
        await ctx.tx.updateAnswer(row.id, {
          state: to,
          ...(published !== undefined ? { publishedRevisionId: published } : {}),
        });
      }
      await audit(ctx, spec.action, 'answer', row.id, {
        from: row.state,
        to,
        hash: current?.hash ?? null,
        detail,
      });
      await notifyTransition(ctx.tx, {
        action: spec.action,
        actor: ctx.actor.username,
        answer: row,
        revision: current && { ...current, question: current.answer.question },
        from: row.state,
        to,
        comment,
      });
      return { from: row.state, to, revisionId: row.currentRevisionId, hash: current?.hash ?? null };
    },
  };
}
