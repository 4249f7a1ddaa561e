/**
 * create-condition (audit `create` on entity `condition`): a new condition with only its slug
 * and name, as the gap queue makes one when patients ask about a condition the site does not
 * have yet; the editor fills in synonyms and summary later (or the content folder does).
 */
import { WorkflowError } from '../errors.js';
import { audit, type WorkflowAction } from './context.js';

export interface CreateConditionInput {
  slug: string;
  name: string;
  /** Where the request came from, kept in the audit row ('gap queue'). */
  from: string;
}

export const createCondition: WorkflowAction<CreateConditionInput, void> = {
  name: 'create',
  async check(ctx, input) {
    if (await ctx.tx.findCondition(input.slug)) {
      throw new WorkflowError(
        'duplicate',
        `the condition "${input.slug}" exists already`,
        'use the existing condition',
      );
    }
  },
  async execute(ctx, input) {
    await ctx.tx.upsertCondition({ slug: input.slug, name: input.name, synonyms: [], summary: '' });
    await audit(ctx, 'create', 'condition', input.slug, {
      detail: { from: input.from, name: input.name },
    });
  },
};
