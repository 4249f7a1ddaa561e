/** Review metadata is recorded by approvals, never typed into content; `updated` is today. */
import type { Answer } from '../../content/index.js';
import { type ActionContext, today } from './context.js';

export function prepareContent(ctx: ActionContext, answer: Answer): Answer {
  const { review: _review, ...rest } = answer;
  return { ...rest, updated: today(ctx) };
}
