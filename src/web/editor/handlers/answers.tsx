/**
 * The HTML answer screens: new, view, review (with a diff), edit, history, and the transition
 * form. Each handler parses its input, calls the workflow, and redirects or renders.
 */

import {
  canTransition,
  label,
  type ReadableDiff,
  readableDiff,
  StaleRevisionError,
} from '../../../workflow/index.js';
import { feedbackPanelFor } from '../../gaps/routes.js';
import { formBody, TransitionForm } from '../bodies.js';
import {
  type C,
  type EditorApp,
  type EditorDeps,
  html,
  lintMarkdown,
  loadAnswer,
  message,
  notFound,
  runTransition,
} from '../context.js';
import { editableMarkdown } from '../markdown.js';
import { AnswerPage } from '../pages/answer.js';
import type { DiffMode } from '../pages/diff.js';
import { HistoryPage } from '../pages/history.js';
import { DIFF_LABELS } from './editing.js';

const NOTICES: Record<string, string> = {
  created: 'Draft created.',
  saved: 'Revision saved as a draft. Submit it for review when it is ready.',
  unchanged: 'Nothing changed, so no new revision was saved.',
  submit: 'Submitted for medical review.',
  request_changes: 'Changes requested. The author sees your comment.',
  approve: 'Approved. The approval is bound to this exact revision.',
  publish: 'Published. The public page now shows this revision.',
  unpublish: 'Unpublished. The page is no longer on the site.',
  archive: 'Archived.',
  restore: 'Restored as a draft.',
  comment: 'Comment added.',
  scheduled: 'Publication scheduled. The page goes live at that time; cancel it here if plans change.',
  unscheduled: 'Schedule cancelled. Nothing will be published automatically.',
};

export function registerAnswers(app: EditorApp, deps: EditorDeps) {
  const { config, repo, store } = deps;

  const answerPage = async (c: C, review: boolean) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const lint = a.current ? await lintMarkdown(deps, editableMarkdown(a.current.answer)) : [];
    let diff: { diff: ReadableDiff; against: string; mode: DiffMode } | undefined;
    if (review && a.current) {
      // What a reviewer needs: the changes since the last revision someone reviewed (approved),
      // else since what readers see now, else everything (a new answer).
      const reviewed = [...a.approvals].sort((x, y) => x.id - y.id).at(-1);
      const baseId = reviewed?.revisionId ?? a.publishedRevisionId ?? null;
      const base = baseId ? await repo.getRevision(baseId) : null;
      diff = {
        diff: readableDiff(base ? base.answer : null, a.current.answer, DIFF_LABELS),
        against: base
          ? `revision #${base.id} (${reviewed?.revisionId === base.id ? `last reviewed, by ${reviewed.reviewerId} on ${reviewed.reviewed}` : 'public, never reviewed'})`
          : 'nothing (new answer)',
        mode: c.req.query('view') === 'inline' ? 'inline' : 'side',
      };
    }
    const notice = NOTICES[c.req.query('notice') ?? ''];
    const condition = await store.findCondition(a.conditionSlug);
    return html(
      c,
      <AnswerPage
        config={config}
        session={c.get('session')!}
        answer={a}
        conditionCodes={condition?.codes}
        lint={lint}
        review={diff}
        notice={notice}
        feedback={await feedbackPanelFor(deps.store, a)}
        schedule={{
          pending: await repo.scheduledPublication(a.id),
          allowed: canTransition(c.get('session')!.user.role, 'approved', 'publish').allowed,
        }}
      />,
    );
  };

  app.get('/editor/answers/:id', (c) => answerPage(c, false));
  app.get('/editor/answers/:id/review', (c) => answerPage(c, true));

  app.get('/editor/answers/:id/history', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const revisions = await store.listRevisions(a.id);
    const from = revisions.find((r) => r.id === Number(c.req.query('from')));
    const to = revisions.find((r) => r.id === Number(c.req.query('to')));
    const diff =
      from && to
        ? {
            from,
            to,
            diff: readableDiff(from.answer, to.answer, DIFF_LABELS),
            mode: (c.req.query('view') === 'inline' ? 'inline' : 'side') as DiffMode,
          }
        : undefined;
    return html(
      c,
      <HistoryPage
        config={config}
        session={c.get('session')!}
        answer={a}
        revisions={revisions}
        approvals={a.approvals}
        diff={diff}
      />,
    );
  });

  app.post('/editor/answers/:id/transition', async (c) => {
    const id = Number(c.req.param('id'));
    const body = await formBody(c, TransitionForm);
    try {
      await runTransition(deps, c.get('session')!, id, body.action, body.revision_id, body.comment);
      return c.redirect(`/editor/answers/${id}?notice=${body.action}`, 303);
    } catch (err) {
      if (!(err instanceof StaleRevisionError)) throw err;
      return message(
        deps,
        c,
        409,
        'The answer changed',
        `You looked at revision #${body.revision_id}, but revision #${err.current.id} by ${err.current.author} is now current, so nothing was ${label(body.action as 'approve')}d.`,
        'Open the review screen again to see the current text.',
        `/editor/answers/${id}/review`,
      );
    }
  });
}
