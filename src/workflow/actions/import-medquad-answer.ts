/**
 * import-medquad-answer: one planned MedQuAD answer into the store. New: a published answer
 * under the first free slug, its origin linked, a staggered first-review date from the policy.
 * Known (by origin key): a new revision when the import's text changed, unless someone edited
 * the answer here since (local edits are never overwritten). Duplicate source records are
 * linked to the answer either way. The MedQuAD writer batches these per condition.
 */
import { type Answer, canonicalJson, type Origin } from '../../content/index.js';
import type { WorkflowAction } from './context.js';
import { today } from './context.js';

export interface MedquadAnswerInput {
  conditionId: number;
  originKey: string;
  origin: Origin;
  qtype: string;
  /** The answer already imported from this origin key, if any. */
  existingId?: number;
  /** The answer's content for a given slug. */
  answerFor: (slug: string) => Answer;
  /** Slugs to try for a new answer, in order; `taken` is updated. */
  slugCandidates: Iterable<string>;
  taken: Set<string>;
  duplicates: { originKey: string; origin: Origin; qtype: string }[];
  /** Origin keys already linked (duplicates among them are not linked again). */
  known: ReadonlyMap<string, number>;
  /** Review interval for the staggered first review (default: the policy's). */
  intervalMonths?: number;
  /** YYYY-MM-DD the stagger starts after (default: today). */
  today?: string;
}

export interface MedquadAnswerResult {
  answerId: number;
  outcome: 'added' | 'updated' | 'unchanged' | 'kept-local-edit';
}

export const importMedquadAnswer: WorkflowAction<MedquadAnswerInput, MedquadAnswerResult> = {
  name: 'import',
  async check() {},
  async execute(ctx, input) {
    const { tx, actor } = ctx;
    let result: MedquadAnswerResult;
    if (input.existingId !== undefined) {
      const row = (await tx.lockAnswer(input.existingId))!;
      const current = (await tx.getRevision(row.currentRevisionId!))!;
      const answer = input.answerFor(row.slug);
      if (canonicalJson(current.answer) === canonicalJson(answer)) {
        result = { answerId: row.id, outcome: 'unchanged' };
      } else if (current.author !== actor.username) {
        result = { answerId: row.id, outcome: 'kept-local-edit' };
      } else {
        const rev = await tx.insertRevision(row.id, answer, actor.username, current.id);
        const published = row.publishedRevisionId === current.id;
        await tx.updateAnswer(row.id, {
          currentRevisionId: rev.id,
          ...(published ? { publishedRevisionId: rev.id } : {}),
          origin: input.origin,
        });
        await tx.appendAudit({
          actor: actor.username,
          action: 'import',
          entity: 'answer',
          entityId: row.id,
          from: row.state,
          to: row.state,
          hash: rev.hash,
          detail: { origin: input.originKey },
        });
        result = { answerId: row.id, outcome: 'updated' };
      }
    } else {
      let slug = '';
      for (const s of input.slugCandidates) {
        if (!input.taken.has(s)) {
          slug = s;
          break;
        }
      }
      input.taken.add(slug);
      const answer = input.answerFor(slug);
      const answerId = await tx.insertAnswer({
        conditionId: input.conditionId,
        slug,
        aspect: answer.aspect,
        state: 'published',
        origin: input.origin,
      });
      const rev = await tx.insertRevision(answerId, answer, actor.username, null);
      await tx.updateAnswer(answerId, { currentRevisionId: rev.id, publishedRevisionId: rev.id });
      await tx.linkOrigins([
        { originKey: input.originKey, answerId, origin: input.origin, qtype: input.qtype, role: 'answer' },
      ]);
      await tx.setSchedule(
        answerId,
        ctx.policy.staggeredDue(input.originKey, input.today ?? today(ctx), input.intervalMonths),
        null,
      );
      await tx.appendAudit({
        actor: actor.username,
        action: 'import',
        entity: 'answer',
        entityId: answerId,
        from: null,
        to: 'published',
        hash: rev.hash,
        detail: { origin: input.originKey },
      });
      result = { answerId, outcome: 'added' };
    }
    await tx.linkOrigins(
      input.duplicates
        .filter((d) => !input.known.has(d.originKey))
        .map((d) => ({ ...d, answerId: result.answerId, role: 'duplicate' as const })),
    );
    return result;
  },
};
