/** A problem found in content: what, where, and how to fix it. */
export interface ContentProblem {
  /** Stable machine-readable code, e.g. `front-matter-invalid`, `unknown-aspect`. */
  code: string;
  message: string;
  file: string;
  /** 1-based line (0 when the problem concerns the whole file). */
  line: number;
  column: number;
  hint?: string;
}

/** Thrown when content cannot be accepted; carries every problem found, not just the first. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** `file:line:column: message (hint)` — the format editors and terminals link to. */
export function formatProblem(p: ContentProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}:${p.column}` : p.file;
  return `${where}: ${p.message}${p.hint ? `\n  hint: ${p.hint}` : ''}`;
}
