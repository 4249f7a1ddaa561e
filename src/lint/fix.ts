/** Applying fixes: non-overlapping replacements, last to first, then re-lint (like eslint's passes). */
import type { Fix, LintMessage } from './types.js';

export interface FixResult {
  output: string;
  applied: number;
}

/** Applies the fixes of `messages` to `text`; overlapping fixes after the first are left for a later pass. */
export function applyFixes(text: string, messages: readonly LintMessage[]): FixResult {
  const fixes = messages
    .map((m) => m.fix)
    .filter((f): f is Fix => Boolean(f))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const chosen: Fix[] = [];
  let lastEnd = -1;
  for (const f of fixes) {
    if (f.start < lastEnd || f.start < 0 || f.end > text.length) continue;
    chosen.push(f);
    lastEnd = Math.max(f.end, f.start + 1);
  }
  let output = text;
  for (const f of chosen.reverse()) output = output.slice(0, f.start) + f.text + output.slice(f.end);
  return { output, applied: chosen.length };
}
