/**
 * The HTML answer screens: new, view, review (with a diff), edit, history, and the transition
 * form. Each handler parses its input, calls the workflow, and redirects or renders.
 */
import { feedbackPanelFor } from '../../../asklog/web.js';
import { label, StaleRevisionError, wordDiff } from '../../../workflow/index.js';
import { AnswerForm, checkAnswerSize, formBody, TransitionForm } from '../bodies.js';
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
import { editableMarkdown, newAnswerTemplate, parseEditorMarkdown } from '../markdown.js';
import { AnswerPage } from '../pages/answer.js';
import { EditPage } from '../pages/edit.js';
import { HistoryPage } from '../pages/history.js';

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
};

export function registerAnswers(app: EditorApp, deps: EditorDeps) {
  const { config, repo, store } = deps;

  app.get('/editor/new', async (c) => {
    const markdown = newAnswerTemplate(
      c.req.query('condition') ?? 'condition-slug',
      c.req.query('aspect') ?? 'overview',
    );
    return html(
      c,
      <EditPage
        config={config}
        session={c.get('session')!}
        title="New answer"
        action="/editor/new"
        markdown={markdown}
        baseRevisionId={null}
        back="/editor"
      />,
    );
  });

  app.post('/editor/new', async (c) => {
    const s = c.get('session')!;
    const body = await formBody(c, AnswerForm);
    const markdown = checkAnswerSize(body.markdown);
    const parsed = parseEditorMarkdown(markdown);
    const form = {
      config,
      session: s,
      title: 'New answer',
      action: '/editor/new',
      markdown,
      baseRevisionId: null,
      back: '/editor',
    };
    if (!parsed.ok) return html(c, <EditPage {...form} problems={parsed.problems} />, 422);
    if (body.intent !== 'save') {
      const lint = await lintMarkdown(deps, markdown);
      return html(c, <EditPage {...form} lint={lint} preview={parsed.answer} />);
    }
    const created = await repo.createAnswer(parsed.answer, s.user);
    return c.redirect(`/editor/answers/${created.id}?notice=created`, 303);
  });

  const answerPage = async (c: C, review: boolean) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const lint = a.current ? await lintMarkdown(deps, editableMarkdown(a.current.answer)) : [];
    let diff: { ops: ReturnType<typeof wordDiff>; against: string } | undefined;
    if (review && a.current) {
      // Compare with what readers see now, else with the last approved revision, else the first.
      const approved = a.approvals.at(-1);
      const baseId = a.publishedRevisionId ?? approved?.revisionId ?? null;
      const base = baseId ? await repo.getRevision(baseId) : null;
      diff = {
        ops: wordDiff(base ? editableMarkdown(base.answer) : '', editableMarkdown(a.current.answer)),
        against: base
          ? `revision #${base.id} (${a.publishedRevisionId === base.id ? 'public' : 'last approved'})`
          : 'nothing (new answer)',
      };
    }
    const notice = NOTICES[c.req.query('notice') ?? ''];
    return html(
      c,
      <AnswerPage
        config={config}
        session={c.get('session')!}
        answer={a}
        lint={lint}
        review={diff}
        notice={notice}
        feedback={await feedbackPanelFor(deps.store, a)}
      />,
    );
  };

  app.get('/editor/answers/:id', (c) => answerPage(c, false));
  app.get('/editor/answers/:id/review', (c) => answerPage(c, true));

  app.get('/editor/answers/:id/edit', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a?.current) throw notFound(c);
    return html(
      c,
      <EditPage
        config={config}
        session={c.get('session')!}
        title={`Edit: ${a.question}`}
        action={`/editor/answers/${a.id}/edit`}
        markdown={editableMarkdown(a.current.answer)}
        baseRevisionId={a.current.id}
        back={`/editor/answers/${a.id}`}
      />,
    );
  });

  app.post('/editor/answers/:id/edit', async (c) => {
    const s = c.get('session')!;
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const body = await formBody(c, AnswerForm);
    const markdown = checkAnswerSize(body.markdown);
    const base = body.base_revision_id ?? null;
    const form = {
      config,
      session: s,
      title: `Edit: ${a.question}`,
      action: `/editor/answers/${a.id}/edit`,
      markdown,
      baseRevisionId: base,
      back: `/editor/answers/${a.id}`,
    };
    const parsed = parseEditorMarkdown(markdown);
    if (!parsed.ok) return html(c, <EditPage {...form} problems={parsed.problems} />, 422);
    if (body.intent !== 'save') {
      const lint = await lintMarkdown(deps, markdown);
      return html(c, <EditPage {...form} lint={lint} preview={parsed.answer} />);
    }
    try {
      const saved = await repo.saveRevision(a.id, base, parsed.answer, s.user);
      return c.redirect(`/editor/answers/${a.id}?notice=${saved.created ? 'saved' : 'unchanged'}`, 303);
    } catch (err) {
      if (!(err instanceof StaleRevisionError)) throw err;
      const conflict = {
        currentId: err.current.id,
        author: err.current.author,
        createdAt: err.current.createdAt,
        ops: wordDiff(editableMarkdown(err.current.answer), markdown),
      };
      // The form now builds on the current revision: saving again is a deliberate merge.
      return html(c, <EditPage {...form} baseRevisionId={err.current.id} conflict={conflict} />, 409);
    }
  });

  app.get('/editor/answers/:id/history', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const revisions = await store.listRevisions(a.id);
    const from = revisions.find((r) => r.id === Number(c.req.query('from')));
    const to = revisions.find((r) => r.id === Number(c.req.query('to')));
    const diff =
      from && to
        ? { from, to, ops: wordDiff(editableMarkdown(from.answer), editableMarkdown(to.answer)) }
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
