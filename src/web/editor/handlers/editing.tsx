/**
 * Writing an answer: the new-answer and edit screens (structured form or raw Markdown, one
 * switch away from each other), "Preview and check", saving with the 409 conflict view, the
 * live-check JSON endpoint the page's script calls while the author types, and the soft lock.
 */

import { stringify } from 'yaml';
import { z } from 'zod';
import { type Answer, AnswerSchema, type Approval, contentHash } from '../../../content/index.js';
import { badgeFor } from '../../../site/index.js';
import { type AnswerView, type EditorAnswer, editLocks } from '../../../store/index.js';
import { mergeAnswers, readableDiff, StaleRevisionError } from '../../../workflow/index.js';
import { MAX_ANSWER_BYTES, RequestError, tooLarge } from '../../errors.js';
import { answerFromForm, type FormValues, formValues, toFormValues } from '../answer-form.js';
import { jsonBody } from '../bodies.js';
import { CheckBusyError, type CheckPool, CheckTimeoutError } from '../check-pool.js';
import {
  type C,
  type EditorApp,
  type EditorDeps,
  html,
  loadAnswer,
  notFound,
  reviewerIds,
} from '../context.js';
import type { LiveResult } from '../live-check.js';
import { editableMarkdown, parseEditorMarkdown } from '../markdown.js';
import { type EditFormProps, type EditMode, EditPage } from '../pages/edit.js';

const CheckJson = z
  .object({
    markdown: z.string().optional(),
    form: z.record(z.string(), z.string()).optional(),
  })
  .refine((b) => b.markdown !== undefined || b.form !== undefined, 'send "markdown" or "form"');
const CHECK_EXAMPLE = 'JSON {"form": {"question": "…", "body": "…", …}} or {"markdown": "<the answer file>"}';

/** Field labels for diffs, from the form definitions (one wording everywhere). */
export const DIFF_LABELS: Record<string, string> = {
  question: 'Question',
  tldr: 'TL;DR',
  condition: 'Condition',
  aspect: 'Aspect',
  slug: 'URL segment',
  audience: 'Audience',
  tldr_derived: 'TL;DR taken from the text',
  origin: 'Imported from',
  lint: 'Linter settings',
};

/** A merged part as people name it: "TL;DR", "paragraph 2 of the answer text", "source nhs". */
function partLabel(part: string): string {
  const words = /^words in body ¶(\d+)$/.exec(part);
  if (words) return `words in paragraph ${words[1]} of the answer text`;
  const para = /^body ¶(\d+)$/.exec(part);
  if (para) return `paragraph ${para[1]} of the answer text`;
  if (part === 'body') return 'the answer text';
  if (part === 'sources' || part.startsWith('source ')) return part;
  return DIFF_LABELS[part] ?? part;
}

function sizeOf(values: FormValues | string): number {
  if (typeof values === 'string') return Buffer.byteLength(values, 'utf8');
  let n = 0;
  for (const v of Object.values(values)) n += Buffer.byteLength(v, 'utf8');
  return n;
}

function checkSize(what: FormValues | string) {
  const bytes = sizeOf(what);
  if (bytes > MAX_ANSWER_BYTES) throw tooLarge('answer', bytes, MAX_ANSWER_BYTES);
}

/** A Markdown file for a form that does not validate yet: every typed value is kept. */
function draftMarkdown(draft: Record<string, unknown>): string {
  const { body, ...fm } = draft;
  const data = Object.fromEntries(
    Object.entries(fm).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
  return `---\n${stringify(data, { lineWidth: 100 })}---\n${typeof body === 'string' ? body : ''}`;
}

export function registerEditing(app: EditorApp, deps: EditorDeps, pool: CheckPool) {
  const { config, repo, store } = deps;
  const locks = editLocks(store);

  const conditions = async () =>
    (await store.listConditions({ limit: 5000 })).map((x) => ({ slug: x.slug, name: x.name }));
  const checkOptions = async () => ({ today: config.today(), reviewers: await reviewerIds(deps) });

  const runChecks = async (input: { form?: FormValues; markdown?: string }): Promise<LiveResult> => {
    try {
      return await pool.check(input, await checkOptions());
    } catch (err) {
      if (err instanceof CheckTimeoutError || err instanceof CheckBusyError) {
        throw new RequestError(422, 'Checks unavailable', err.message, {
          hint: 'shorten very long paragraphs or try again; saving is still possible',
        });
      }
      throw err;
    }
  };

  /** The preview: the public article component over a view built from the unsaved answer. */
  const previewOf = async (answer: Answer, a: EditorAnswer | null) => {
    const reviewers = new Map((await store.listReviewers()).map((r) => [r.id, r]));
    const condition = await store.findCondition(answer.condition);
    const approvals: Approval[] = (a?.approvals ?? []).map((x) => ({
      hash: x.hash,
      reviewerId: x.reviewerId,
      reviewed: x.reviewed,
      nextReview: x.nextReview,
    }));
    const view: AnswerView = {
      id: a?.id ?? 0,
      conditionSlug: answer.condition,
      conditionName: condition?.name ?? answer.condition,
      slug: answer.slug ?? answer.aspect,
      aspect: answer.aspect,
      state: a?.state ?? 'draft',
      origin: answer.origin ?? null,
      revision: {
        id: 0,
        answerId: a?.id ?? 0,
        hash: contentHash(answer),
        answer,
        author: '',
        createdAt: new Date().toISOString(),
        baseRevisionId: null,
      },
      approvals,
      updated: config.today(),
      nextReview: null,
    };
    return { view, badge: badgeFor(view, reviewers, config) };
  };

  const page = async (
    c: C,
    a: EditorAnswer | null,
    props: Partial<EditFormProps> & {
      mode: EditMode;
      values: FormValues;
      markdown: string;
      baseRevisionId: number | null;
    },
    status = 200,
  ) => {
    const s = c.get('session')!;
    const lock = a ? await locks.other(a.id, s.user.username) : null;
    return html(
      c,
      <EditPage
        config={config}
        session={s}
        title={a ? `Edit: ${a.question}` : 'New answer'}
        action={a ? `/editor/answers/${a.id}/edit` : '/editor/new'}
        back={a ? `/editor/answers/${a.id}` : '/editor'}
        conditions={await conditions()}
        lock={lock}
        lockUrl={a ? `/editor/api/answers/${a.id}/lock` : undefined}
        {...props}
      />,
      status,
    );
  };

  const modeOf = (v: unknown): EditMode => (v === 'markdown' ? 'markdown' : 'form');

  app.get('/editor/new', async (c) => {
    const aspect = c.req.query('aspect') ?? 'overview';
    const condition = c.req.query('condition') ?? '';
    const values: FormValues = { condition, aspect, audience: 'patient', question: '', tldr: '', body: '' };
    const markdown = draftMarkdown({ question: '', condition, aspect, tldr: '', body: '' });
    return page(c, null, { mode: modeOf(c.req.query('mode')), values, markdown, baseRevisionId: null });
  });

  app.get('/editor/answers/:id/edit', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a?.current) throw notFound(c);
    const lockBefore = await locks.other(a.id, c.get('session')!.user.username);
    await locks.touch(a.id, c.get('session')!.user.username);
    const res = await page(c, a, {
      mode: modeOf(c.req.query('mode')),
      values: formValues(a.current.answer),
      markdown: editableMarkdown(a.current.answer),
      baseRevisionId: a.current.id,
      lock: lockBefore,
    });
    return res;
  });

  // The edit page's heartbeat: keeps this person's soft lock fresh, says who else is editing.
  app.post('/editor/api/answers/:id/lock', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    const me = c.get('session')!.user.username;
    await locks.touch(a.id, me);
    return c.json({ editing: await locks.other(a.id, me) });
  });

  const post = async (c: C, a: EditorAnswer | null) => {
    const s = c.get('session')!;
    const body = await c.req.parseBody();
    // A post without a mode (scripts, older pages) is the raw Markdown file when it has one.
    const mode =
      body.mode === undefined && typeof body.markdown === 'string' ? 'markdown' : modeOf(body.mode);
    const intent = typeof body.intent === 'string' ? body.intent : 'preview';
    const rawBase = typeof body.base_revision_id === 'string' ? body.base_revision_id : '';
    if (!/^\d*$/.test(rawBase))
      throw new RequestError(400, 'Bad Request', 'base_revision_id: expected a revision number');
    const base = rawBase ? Number(rawBase) : null;

    // One representation in, both out: the form's values and the Markdown file.
    let values: FormValues;
    let markdown: string;
    let answer: Answer | null = null;
    let fieldProblems: EditFormProps['fieldProblems'];
    let problems: EditFormProps['problems'];
    if (mode === 'markdown') {
      markdown = typeof body.markdown === 'string' ? body.markdown.replace(/\r\n?/g, '\n') : '';
      checkSize(markdown);
      const parsed = parseEditorMarkdown(markdown);
      if (parsed.ok) answer = parsed.answer;
      else problems = parsed.problems;
      values = answer ? formValues(answer) : {};
    } else {
      values = toFormValues(body);
      checkSize(values);
      const r = answerFromForm(values);
      if (r.ok) {
        answer = r.answer;
        markdown = editableMarkdown(answer);
      } else {
        fieldProblems = r.problems;
        markdown = draftMarkdown(r.draft);
      }
    }
    const common = { values, markdown, baseRevisionId: base, fieldProblems, problems };

    if (intent === 'view-form' || intent === 'view-markdown') {
      const target: EditMode = intent === 'view-form' ? 'form' : 'markdown';
      if (target === 'form' && mode === 'markdown' && !answer) {
        // The form cannot show a file it cannot read: stay on the file and say why.
        return page(c, a, { ...common, mode: 'markdown' }, 422);
      }
      return page(c, a, { ...common, mode: target, fieldProblems: undefined, problems: undefined });
    }
    if (!answer) return page(c, a, { ...common, mode }, 422);
    if (intent !== 'save') {
      const checks = await runChecks({ markdown });
      return page(c, a, {
        ...common,
        mode,
        lint: checks.messages,
        stats: checks.stats,
        preview: await previewOf(answer, a),
      });
    }
    try {
      if (!a) {
        const created = await repo.createAnswer(answer, s.user);
        return c.redirect(`/editor/answers/${created.id}?notice=created`, 303);
      }
      const saved = await repo.saveRevision(a.id, base, answer, s.user);
      await locks.release(a.id, s.user.username);
      return c.redirect(`/editor/answers/${a.id}?notice=${saved.created ? 'saved' : 'unchanged'}`, 303);
    } catch (err) {
      if (!(err instanceof StaleRevisionError) || !a) throw err;
      const theirs = AnswerSchema.parse(err.current.answer);
      const baseRevision = base === null ? null : await repo.getRevision(base);
      // Both edits started from the base: what only they changed is taken into the form, what
      // both changed keeps this author's words; the file as submitted stays on the page as well.
      let merged = answer;
      let merge: { conflicts: string[]; taken: string[] } = { conflicts: [], taken: [] };
      if (baseRevision && baseRevision.answerId === a.id) {
        const r = mergeAnswers(AnswerSchema.parse(baseRevision.answer), theirs, answer);
        const checked = parseEditorMarkdown(editableMarkdown(r.answer));
        if (checked.ok) {
          merged = checked.answer;
          merge = r;
        }
      }
      const conflict = {
        currentId: err.current.id,
        author: err.current.author,
        createdAt: err.current.createdAt,
        theirs: baseRevision
          ? readableDiff(AnswerSchema.parse(baseRevision.answer), theirs, DIFF_LABELS)
          : null,
        diff: readableDiff(theirs, merged, DIFF_LABELS),
        conflicts: merge.conflicts.map(partLabel),
        taken: merge.taken.map(partLabel),
        submitted: markdown,
        currentHref: `/editor/answers/${a.id}/edit`,
      };
      // The form now builds on the current revision: saving again is a deliberate merge.
      return page(
        c,
        a,
        {
          ...common,
          values: formValues(merged),
          markdown: editableMarkdown(merged),
          mode,
          baseRevisionId: err.current.id,
          conflict,
        },
        409,
      );
    }
  };

  app.post('/editor/new', (c) => post(c, null));
  app.post('/editor/answers/:id/edit', async (c) => {
    const a = await loadAnswer(deps, c);
    if (!a) throw notFound(c);
    return post(c, a);
  });

  app.post('/editor/api/check', async (c) => {
    const body = await jsonBody(c, CheckJson, CHECK_EXAMPLE);
    if (body.markdown !== undefined) checkSize(body.markdown);
    if (body.form) checkSize(body.form);
    return c.json(await runChecks(body.form ? { form: body.form } : { markdown: body.markdown! }));
  });
}
