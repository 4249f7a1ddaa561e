/**
 * start-gap-draft: "Start a draft" from the gap queue as ONE transaction — the condition when the
 * site does not have it yet (create-condition), the draft answer (create), the patients' questions
 * as a comment the author sees (comment) and the group marked drafted (decide-gap). Each step is
 * the existing action with its own check and audit row; a crash or refusal part way leaves none
 * of them, so a gap is never left open beside a draft made for it.
 */
import type { Answer } from '../../content/index.js';
import { comment } from './comment.js';
import type { WorkflowAction } from './context.js';
import { runInTx } from './context.js';
import { type CreateResult, create } from './create.js';
import { createCondition } from './create-condition.js';
import { decideGap } from './decide-gap.js';

export interface StartGapDraftInput {
  /** The gap group (focus and aspect as the queue names them). */
  gap: { focus: string; aspect: string };
  /** A condition to create first, when the store has none for the answer's condition. */
  newCondition: { slug: string; name: string } | null;
  answer: Answer;
  /** The comment listing the patients' questions, or '' for none. */
  note: string;
}

export const startGapDraft: WorkflowAction<StartGapDraftInput, CreateResult> = {
  name: 'create',
  async check() {
    // Each step checks itself, inside the transaction, after the steps before it.
  },
  async execute(ctx, input) {
    if (input.newCondition) {
      await runInTx(ctx, createCondition, { ...input.newCondition, from: 'gap queue' });
    }
    const created = await runInTx(ctx, create, { answer: input.answer });
    if (input.note) await runInTx(ctx, comment, { answerId: created.id, comment: input.note });
    await runInTx(ctx, decideGap, {
      focus: input.gap.focus,
      aspect: input.gap.aspect,
      status: 'drafted',
      reason: null,
      targetFocus: null,
      targetAspect: null,
      answerId: created.id,
    });
    return created;
  },
};
