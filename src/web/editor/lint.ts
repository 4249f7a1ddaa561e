/**
 * The editor's view of the linter (src/lint): messages for the edit form and preview. The
 * publishing gate is the publish action's (src/workflow/actions/publish.ts).
 */
import { runRules } from '../../lint/engine.js';
import { documentFromMarkdown, type LintDocument, type LintMessage } from '../../lint/index.js';

export type EditorLintMessage = Pick<
  LintMessage,
  'ruleId' | 'severity' | 'message' | 'hint' | 'line' | 'column'
>;

export interface EditorLintOptions {
  today: string;
  reviewers: string[];
}

/** The editor's answer file as the linter reads it (live checks reuse it for the counts). */
export function editorDocument(markdown: string): LintDocument {
  return documentFromMarkdown(markdown, 'answer.md');
}

/** Lints a document built by editorDocument, as `lintAnswer` would lint its file. */
export function lintEditorDocument(doc: LintDocument, options: EditorLintOptions): EditorLintMessage[] {
  return runRules(doc, { shared: { today: options.today, reviewers: options.reviewers } }).map((m) => ({
    ruleId: m.ruleId,
    severity: m.severity,
    message: m.message,
    hint: m.hint,
    line: m.line,
    column: m.column,
  }));
}

export function lintForEditor(markdown: string, options: EditorLintOptions): EditorLintMessage[] {
  return lintEditorDocument(editorDocument(markdown), options);
}
