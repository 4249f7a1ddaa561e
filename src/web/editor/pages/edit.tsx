/** The edit form (also used for new answers and for a 409 conflict), with preview and lint. */
import { raw } from 'hono/html';
import type { Answer, ContentProblem } from '../../../content/index.js';
import { renderMarkdown, type SiteConfig } from '../../../site/index.js';
import type { SessionInfo } from '../../../store/index.js';
import type { DiffOp } from '../../../workflow/index.js';
import type { EditorLintMessage } from '../lint.js';
import { CsrfField, DiffView, EditorLayout, ProblemList } from './layout.js';

export interface EditFormProps {
  config: SiteConfig;
  session: SessionInfo;
  title: string;
  action: string;
  markdown: string;
  baseRevisionId: number | null;
  problems?: ContentProblem[];
  lint?: EditorLintMessage[];
  preview?: Answer;
  conflict?: { currentId: number; author: string; createdAt: string; ops: DiffOp[] };
  back?: string;
}

export function EditPage(props: EditFormProps) {
  return (
    <EditorLayout config={props.config} title={props.title} path={props.action} session={props.session}>
      <h1>{props.title}</h1>
      {props.conflict ? (
        <section class="problems" role="alert" aria-labelledby="conflict-heading">
          <h2 id="conflict-heading">Someone else saved this answer while you were editing</h2>
          <p>
            Revision #{props.conflict.currentId} by {props.conflict.author} (
            {props.conflict.createdAt.slice(0, 16).replace('T', ' ')}) is now current. Your text was{' '}
            <strong>not</strong> saved and nothing was lost: it is still in the box below. Compare, merge what
            you need, and save again.
          </p>
          <p>
            Differences from the current revision to your text (<del>removed</del>, <ins>added</ins>):
          </p>
          <DiffView ops={props.conflict.ops} label="your changes compared with the current revision" />
        </section>
      ) : null}
      <ProblemList
        title="This file cannot be saved yet"
        items={(props.problems ?? []).map((p) => ({
          line: p.line,
          column: p.column,
          message: p.message,
          hint: p.hint,
        }))}
      />
      <form method="post" action={props.action}>
        <CsrfField token={props.session.csrfToken} />
        <input
          type="hidden"
          name="base_revision_id"
          value={props.baseRevisionId === null ? '' : String(props.baseRevisionId)}
        />
        <p>
          <label for="markdown">Answer file (YAML front matter and Markdown body)</label>
          <textarea id="markdown" name="markdown" rows={24} spellcheck>
            {props.markdown}
          </textarea>
        </p>
        <p>
          <button type="submit" name="intent" value="preview">
            Preview and check
          </button>{' '}
          <button type="submit" name="intent" value="save">
            Save revision
          </button>{' '}
          {props.back ? <a href={props.back}>Cancel</a> : null}
        </p>
      </form>
      {props.lint ? (
        props.lint.length ? (
          <ProblemList title="Lint messages" items={props.lint} />
        ) : (
          <p class="notice">The linter found nothing to improve.</p>
        )
      ) : null}
      {props.preview ? (
        <section class="preview" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <h3>{props.preview.question}</h3>
          <p>
            <strong>Short answer:</strong> {props.preview.tldr}
          </p>
          {raw(renderMarkdown(props.preview.body, props.preview.sources))}
        </section>
      ) : null}
    </EditorLayout>
  );
}
