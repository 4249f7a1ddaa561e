/** The Markdown an editor edits: the answer file minus what the tool records (review, updated). */
import { type Answer, type ContentProblem, editableMarkdown, parseAnswer } from '../../content/index.js';

export { editableMarkdown };

export function parseEditorMarkdown(
  text: string,
): { ok: true; answer: Answer } | { ok: false; problems: ContentProblem[] } {
  const r = parseAnswer(text.replace(/\r\n?/g, '\n'), 'answer.md');
  return r.ok ? { ok: true, answer: r.value.answer } : { ok: false, problems: r.problems };
}

/** A starting file for a new answer. */
export function newAnswerTemplate(condition: string, aspect: string): string {
  return `---
question: ${aspect === 'overview' ? 'What is …?' : '…?'}
condition: ${condition}
aspect: ${aspect}
tldr: >-
  Two or three plain sentences that answer the question.
sources: []
---
The answer in Markdown. Cite statistics with footnotes such as [^source-id].
`;
}
