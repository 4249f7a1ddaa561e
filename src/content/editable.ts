/** The Markdown an editor edits (and the linter checks): the answer file minus review and updated. */

import { serialiseAnswer } from './parse.js';
import type { Answer } from './schema.js';

export function editableMarkdown(answer: Answer): string {
  const { review: _r, updated: _u, ...rest } = answer;
  return serialiseAnswer(rest as Answer);
}
