/**
 * The editor's view of the linter (src/lint): messages for the edit form and preview, and the
 * publishing gate (no publishing while error-severity messages remain).
 */
import { hasErrors, type LintMessage, lintAnswer } from '../../lint/index.js';

export type EditorLintMessage = Pick<
  LintMessage,
  'ruleId' | 'severity' | 'message' | 'hint' | 'line' | 'column'
>;

export function lintForEditor(
  markdown: string,
  options: { today: string; reviewers: string[] },
): EditorLintMessage[] {
  return lintAnswer(markdown, { file: 'answer.md', today: options.today, reviewers: options.reviewers }).map(
    (m) => ({
      ruleId: m.ruleId,
      severity: m.severity,
      message: m.message,
      hint: m.hint,
      line: m.line,
      column: m.column,
    }),
  );
}

export function blocksPublishing(messages: readonly EditorLintMessage[]): boolean {
  return hasErrors(messages as LintMessage[]);
}
