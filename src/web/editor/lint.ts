/**
 * The editor's view of the linter (src/lint): messages for the edit form and preview. The
 * publishing gate is the publish action's (src/workflow/actions/publish.ts).
 */
import { type LintMessage, lintAnswer } from '../../lint/index.js';

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
