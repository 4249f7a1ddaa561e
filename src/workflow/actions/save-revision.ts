/**
 * save-revision: an edit becomes a new immutable revision if and only if the revision it was
 * based on is still the current one; otherwise StaleRevisionError carries both versions so the
 * user can merge (never a lost update). Identical text creates nothing. The answer becomes a
 * draft again: an earlier approval no longer covers the new words.
 */
import { type Answer, contentHash } from '../../content/index.js';
import type { AnswerState } from '../../store/index.js';
import { StaleRevisionError, WorkflowError } from '../errors.js';
import { canTransition } from '../transitions.js';
import { type ActionContext, audit, type WorkflowAction } from './context.js';
import { prepareContent } from './prepare.js';

export interface SaveInput {
  answerId: number;
  baseRevisionId: number | null;
  answer: Answer;
}

export interface SaveResult {
  revision: { id: number; hash: string };
  /** false when the text was identical to the current revision (no revision is created). */
  created: boolean;
  state: AnswerState;
}

async function checked(ctx: ActionContext, input: SaveInput) {
  const content = prepareContent(ctx, input.answer);
  const row = await ctx.tx.lockAnswer(input.answerId);
  if (!row) throw new WorkflowError('not-found', `no answer with id ${input.answerId}`);
  const allowed = canTransition(ctx.actor.role, row.state, 'edit');
  if (!allowed.allowed)
    throw new WorkflowError(allowed.reason === 'wrong-role' ? 'forbidden' : 'wrong-state', allowed.message);
  const path = `${content.condition}/${content.slug ?? content.aspect}`;
  if (path !== `${row.conditionSlug}/${row.slug}`) {
    throw new WorkflowError(
      'invalid',
      `this answer is ${row.conditionSlug}/${row.slug}; the edit names ${path}`,
      'keep "condition", "aspect" and "slug" as they are (create a new answer to move content)',
    );
  }
  if (row.currentRevisionId !== input.baseRevisionId) {
    const current = (await ctx.tx.getRevision(row.currentRevisionId!))!;
    throw new StaleRevisionError(input.answerId, input.baseRevisionId, current, content);
  }
  return { row, content, to: allowed.to ?? row.state };
}

export const saveRevision: WorkflowAction<SaveInput, SaveResult> = {
  name: 'edit',
  async check(ctx, input) {
    await checked(ctx, input);
  },
  async execute(ctx, input) {
    const { row, content, to } = await checked(ctx, input);
    const hash = contentHash(content);
    if (row.currentRevisionId !== null) {
      const cur = (await ctx.tx.getRevision(row.currentRevisionId))!;
      if (cur.hash === hash)
        return { revision: { id: cur.id, hash: cur.hash }, created: false, state: row.state };
    }
    const revision = await ctx.tx.insertRevision(row.id, content, ctx.actor.username, input.baseRevisionId);
    await ctx.tx.updateAnswer(row.id, { currentRevisionId: revision.id, state: to });
    await audit(ctx, 'edit', 'answer', row.id, {
      from: row.state,
      to,
      hash: revision.hash,
      detail: { revision: revision.id, base: input.baseRevisionId },
    });
    return { revision, created: true, state: to };
  },
};
