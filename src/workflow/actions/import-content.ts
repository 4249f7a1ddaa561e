/**
 * import-content: one answer from a content folder (git) becomes the published revision of its
 * answer. Content in git is the published site: a changed file becomes a new published
 * revision, an unchanged one changes nothing. A review whose `revision` equals the content hash
 * becomes an approval. Files are linted by `medbrief validate`/`import` before they get here.
 */
import { type Answer, addMonths, ContentError, canonicalJson } from '../../content/index.js';
import type { ImportCounts } from '../../store/index.js';
import type { WorkflowAction } from './context.js';

export interface ImportContentInput {
  answer: Answer;
  conditionId: number;
  /** Months until the next review when the file gives no `next_review`. */
  intervalMonths: number;
}

export interface ImportContentResult {
  outcome: keyof ImportCounts;
  approvals: number;
}

export const importContent: WorkflowAction<ImportContentInput, ImportContentResult> = {
  name: 'import',
  async check(ctx, { answer }) {
    if (answer.review && !(await ctx.tx.reviewerExists(answer.review.reviewer)))
      throw unknownReviewer(answer);
  },
  async execute(ctx, { answer: a, conditionId, intervalMonths }) {
    const { tx, actor } = ctx;
    const slug = a.slug ?? a.aspect;
    const existing = await tx.findAnswer(conditionId, slug);
    let answerId: number;
    let outcome: keyof ImportCounts;
    let revision: { id: number; hash: string };
    if (!existing) {
      answerId = await tx.insertAnswer({
        conditionId,
        slug,
        aspect: a.aspect,
        state: 'published',
        origin: a.origin ?? null,
      });
      revision = await tx.insertRevision(answerId, a, actor.username, null);
      outcome = 'added';
    } else {
      answerId = existing.id;
      const current = existing.currentRevisionId ? await tx.getRevision(existing.currentRevisionId) : null;
      if (
        current &&
        canonicalJson(current.answer) === canonicalJson(a) &&
        existing.publishedRevisionId === current.id
      ) {
        revision = { id: current.id, hash: current.hash };
        outcome = 'unchanged';
      } else {
        revision = await tx.insertRevision(answerId, a, actor.username, current?.id ?? null);
        outcome = 'updated';
      }
    }
    if (outcome !== 'unchanged') {
      await tx.updateAnswer(answerId, {
        currentRevisionId: revision.id,
        publishedRevisionId: revision.id,
        state: 'published',
        aspect: a.aspect,
        origin: a.origin ?? null,
      });
      await tx.appendAudit({
        actor: actor.username,
        action: 'import',
        entity: 'answer',
        entityId: answerId,
        from: existing?.state ?? null,
        to: 'published',
        hash: revision.hash,
      });
    }
    let approvals = 0;
    const review = a.review;
    if (review?.revision && review.revision === revision.hash) {
      const already = (await tx.approvalsFor(answerId)).some(
        (x) => x.hash === revision.hash && x.reviewerId === review.reviewer && x.reviewed === review.reviewed,
      );
      if (!already) {
        await tx.insertApproval({
          answerId,
          revisionId: revision.id,
          hash: revision.hash,
          reviewerId: review.reviewer,
          reviewed: review.reviewed,
          nextReview: review.next_review ?? addMonths(review.reviewed, intervalMonths),
        });
        await tx.appendAudit({
          actor: actor.username,
          action: 'approve',
          entity: 'answer',
          entityId: answerId,
          hash: revision.hash,
          detail: { reviewer: review.reviewer, reviewed: review.reviewed, via: 'content-import' },
        });
        approvals++;
      }
    }
    return { outcome, approvals };
  },
};

export function unknownCondition(a: Answer): ContentError {
  return new ContentError([
    {
      code: 'unknown-condition',
      message: `answer "${a.question}" names condition "${a.condition}", which does not exist`,
      file: `${a.condition}/${a.slug ?? a.aspect}.md`,
      line: 0,
      column: 0,
      hint: `add ${a.condition}/condition.md or correct the "condition" field`,
    },
  ]);
}

function unknownReviewer(a: Answer): ContentError {
  return new ContentError([
    {
      code: 'unknown-reviewer',
      message: `review names reviewer "${a.review?.reviewer}", who is not in reviewers.yaml`,
      file: `${a.condition}/${a.slug ?? a.aspect}.md`,
      line: 0,
      column: 0,
      hint: 'add the reviewer to reviewers.yaml or correct review.reviewer',
    },
  ]);
}
