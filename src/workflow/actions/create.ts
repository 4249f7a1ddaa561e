/** create: a new answer with its first revision, as a draft. */
import type { Answer } from '../../content/index.js';
import { WorkflowError } from '../errors.js';
import { canTransition } from '../transitions.js';
import { audit, type WorkflowAction } from './context.js';
import { prepareContent } from './prepare.js';

export interface CreateInput {
  answer: Answer;
}

export interface CreateResult {
  id: number;
  revision: { id: number; hash: string };
}

export const create: WorkflowAction<CreateInput, CreateResult> = {
  name: 'create',
  async check(ctx, { answer }) {
    const allowed = canTransition(ctx.actor.role, 'draft', 'edit');
    if (!allowed.allowed) throw new WorkflowError('forbidden', allowed.message);
    const slug = answer.slug ?? answer.aspect;
    const cond = await ctx.tx.findCondition(answer.condition);
    if (!cond) {
      throw new WorkflowError(
        'not-found',
        `no condition "${answer.condition}"`,
        'create the condition first, or pick an existing one',
      );
    }
    const dup = await ctx.tx.findAnswer(cond.id, slug);
    if (dup) {
      throw new WorkflowError(
        'duplicate',
        `${answer.condition}/${slug} already exists (answer ${dup.id})`,
        'edit that answer, or give this one a different "slug:"',
      );
    }
  },
  async execute(ctx, input) {
    const content = prepareContent(ctx, input.answer);
    const slug = content.slug ?? content.aspect;
    const cond = (await ctx.tx.findCondition(content.condition))!;
    const id = await ctx.tx.insertAnswer({
      conditionId: cond.id,
      slug,
      aspect: content.aspect,
      state: 'draft',
      origin: content.origin ?? null,
    });
    const revision = await ctx.tx.insertRevision(id, content, ctx.actor.username, null);
    await ctx.tx.updateAnswer(id, { currentRevisionId: revision.id });
    await audit(ctx, 'create', 'answer', id, {
      to: 'draft',
      hash: revision.hash,
      detail: { revision: revision.id, path: `${content.condition}/${slug}` },
    });
    return { id, revision };
  },
};
