/**
 * The answer editor: the structured form (default) or the raw Markdown file, switchable without
 * losing anything; live checks beside each field (with script), "Preview and check" (without);
 * the preview is the public page's own article component; a 409 shows the readable diff.
 */
import type { ContentProblem, ReviewBadge } from '../../../content/index.js';
import { AnswerArticle, type SiteConfig } from '../../../site/index.js';
import type { AnswerView, SessionInfo } from '../../../store/index.js';
import type { ReadableDiff } from '../../../workflow/index.js';
import type { FieldProblem, FormValues } from '../answer-form.js';
import type { LiveMessage, LiveStats } from '../live-check.js';
import { AnswerFormFields, gradeText, notesFrom } from './answer-form.js';
import { ReadableDiffView } from './diff.js';
import { CsrfField, EditorLayout, ProblemList } from './layout.js';

export type EditMode = 'form' | 'markdown';

export interface EditLockInfo {
  username: string;
  name: string;
  since: string;
}

export interface EditFormProps {
  config: SiteConfig;
  session: SessionInfo;
  title: string;
  action: string;
  mode: EditMode;
  values: FormValues;
  markdown: string;
  baseRevisionId: number | null;
  conditions: readonly { slug: string; name: string }[];
  fieldProblems?: FieldProblem[];
  problems?: ContentProblem[];
  lint?: LiveMessage[];
  stats?: LiveStats;
  preview?: { view: AnswerView; badge: ReviewBadge };
  conflict?: {
    currentId: number;
    author: string;
    createdAt: string;
    /** What the other person changed (the base both started from → their revision). */
    theirs: ReadableDiff | null;
    /** What saving the form now would change in the current revision. */
    diff: ReadableDiff;
    /** Parts both changed (this author's words kept) and parts taken from the other revision. */
    conflicts: string[];
    taken: string[];
    /** The answer file exactly as this author submitted it. */
    submitted: string;
    currentHref: string;
  };
  lock?: EditLockInfo | null;
  lockUrl?: string;
  back?: string;
}

export function EditPage(props: EditFormProps) {
  const notes = notesFrom(props.fieldProblems, props.mode === 'form' ? props.lint : []);
  const answerNotes = notes.filter((n) => n.field === '');
  return (
    <EditorLayout
      config={props.config}
      title={props.title}
      path={props.action}
      session={props.session}
      scripts={['/assets/editor.js']}
    >
      <h1>{props.title}</h1>
      {props.lock ? (
        <p class="lock" role="status">
          {props.lock.name} ({props.lock.username}) has been editing this answer since{' '}
          {props.lock.since.slice(11, 16)} UTC on {props.lock.since.slice(0, 10)}. You can still edit; if you
          both save, the second save is stopped and shown the differences.
        </p>
      ) : null}
      {props.conflict ? (
        <section class="problems" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Someone else saved this answer while you were editing</h2>
          <p>
            Revision #{props.conflict.currentId} by {props.conflict.author} (
            {props.conflict.createdAt.slice(0, 16).replace('T', ' ')} UTC) is now current. Your text was{' '}
            <strong>not</strong> saved and nothing was lost.
          </p>
          <ul>
            <li>
              {props.conflict.taken.length
                ? `Taken from their revision, because only they changed it: ${props.conflict.taken.join(', ')}.`
                : 'Nothing was taken from their revision.'}
            </li>
            <li>
              {props.conflict.conflicts.length
                ? `You both changed: ${props.conflict.conflicts.join(', ')}. The form keeps your words there: compare with theirs below and settle it before saving.`
                : 'You did not both change the same part.'}
            </li>
          </ul>
          <p>
            The form below now holds the merged answer, based on revision #{props.conflict.currentId}. Check
            it, then save again — or{' '}
            <a href={props.conflict.currentHref}>discard your changes and open the current revision</a>.
          </p>
          {props.conflict.theirs ? <h3 class="conflict-part">What {props.conflict.author} changed</h3> : null}
          {props.conflict.theirs ? (
            <ReadableDiffView
              diff={props.conflict.theirs}
              mode="side"
              title={`what ${props.conflict.author} changed (the revision you both started from, before; theirs, after)`}
            />
          ) : null}
          <h3 class="conflict-part">What saving the form below changes in the current revision</h3>
          <ReadableDiffView
            diff={props.conflict.diff}
            mode="side"
            title="what saving the form changes (the current revision, before; the merged answer, after)"
          />
          <details>
            <summary>Your answer file exactly as you submitted it</summary>
            <label for="submitted-file">
              Your submitted answer file (read only; copy from it as you need)
            </label>
            <textarea id="submitted-file" readonly rows={12}>
              {props.conflict.submitted}
            </textarea>
          </details>
        </section>
      ) : null}
      <ProblemList
        title="This answer cannot be saved yet"
        items={[
          ...(props.problems ?? []).map((p) => ({
            line: p.line,
            column: p.column,
            message: p.message,
            hint: p.hint,
          })),
          ...(props.fieldProblems ?? []).map((p) => ({
            line: 0,
            column: 0,
            message: p.message,
            hint: p.hint,
          })),
        ]}
      />
      <form
        method="post"
        action={props.action}
        data-answer-form=""
        data-lock={props.lockUrl}
        novalidate
        aria-describedby="live-summary"
      >
        <CsrfField token={props.session.csrfToken} />
        <input type="hidden" name="mode" value={props.mode} />
        <input
          type="hidden"
          name="base_revision_id"
          value={props.baseRevisionId === null ? '' : String(props.baseRevisionId)}
        />
        <fieldset class="tabs">
          <legend class="visually-hidden">How to edit</legend>
          <button
            type="submit"
            name="intent"
            value="view-form"
            aria-pressed={props.mode === 'form' ? 'true' : 'false'}
          >
            Form
          </button>
          <button
            type="submit"
            name="intent"
            value="view-markdown"
            aria-pressed={props.mode === 'markdown' ? 'true' : 'false'}
          >
            Markdown file
          </button>
        </fieldset>
        <p id="live-summary" class="counts" aria-live="polite">
          {props.lint
            ? `Checks: ${props.lint.filter((m) => m.severity === 'error').length} errors, ${props.lint.filter((m) => m.severity === 'warn').length} warnings.`
            : ''}
        </p>
        <ul class="field-messages" id="msg-answer" aria-live="polite">
          {answerNotes.map((n) => (
            <li class={n.severity === 'warn' ? 'lint-warn' : 'lint-error'}>
              {n.message}
              {n.hint ? <span class="fix">How to fix: {n.hint}</span> : null}
            </li>
          ))}
        </ul>
        {props.mode === 'form' ? (
          <AnswerFormFields
            values={props.values}
            notes={notes}
            conditions={props.conditions}
            stats={props.stats}
          />
        ) : (
          <div class="field">
            <label for="f-markdown">Answer file (YAML front matter and Markdown body)</label>
            <span class="help" id="f-markdown-help">
              The same answer as the form, as one file. Switching back to the form keeps everything.
            </span>
            <textarea
              id="f-markdown"
              name="markdown"
              rows={26}
              spellcheck
              aria-describedby="f-markdown-help msg-markdown"
            >
              {`\n${props.markdown}`}
            </textarea>
            <p class="counts">
              <output id="count-tldr">
                {props.stats ? `TL;DR ${props.stats.tldrWords} of ${props.stats.tldrBudget} words` : ''}
              </output>{' '}
              <output id="count-body">
                {props.stats ? `body ${props.stats.bodyWords} of ${props.stats.bodyBudget} words` : ''}
              </output>{' '}
              <output id="grade">{props.stats ? gradeText(props.stats) : ''}</output>
            </p>
            <ul class="field-messages" id="msg-markdown" aria-live="polite">
              {(props.lint ?? []).map((m) => (
                <li class={m.severity === 'warn' ? 'lint-warn' : 'lint-error'}>
                  <strong>{m.severity === 'warn' ? 'Warning' : 'Error'}:</strong> Line {m.line}: {m.message} [
                  {m.ruleId}]{m.hint ? <span class="fix">How to fix: {m.hint}</span> : null}
                </li>
              ))}
            </ul>
          </div>
        )}
        <p>
          <button type="submit" name="intent" value="preview">
            Preview and check
          </button>{' '}
          <button type="submit" name="intent" value="save" class="primary">
            Save revision
          </button>{' '}
          {props.back ? <a href={props.back}>Cancel</a> : null}
        </p>
      </form>
      {props.lint && !props.lint.length ? <p class="notice">The linter found nothing to improve.</p> : null}
      {props.preview ? (
        <section class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading" class="preview-label">
            Preview: the public page as it would appear
          </h2>
          <AnswerArticle config={props.config} view={props.preview.view} badge={props.preview.badge} />
        </section>
      ) : null}
    </EditorLayout>
  );
}
