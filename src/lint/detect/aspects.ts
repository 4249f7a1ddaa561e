/**
 * Which aspect (question type) a question or title asks about, from its wording. Returns every
 * aspect it signals; an empty set means "cannot tell" (for instance "What is X?", which any
 * overview answers), and rules stay silent then. The wording lives with search's in
 * src/content/text/aspects.ts.
 */
import { ASPECT_SIGNALS, COMPATIBLE_ASPECTS } from '../../content/text/aspects.js';

export function aspectsOf(text: string): Set<string> {
  const found = new Set<string>();
  for (const [aspect, re] of ASPECT_SIGNALS) if (re.test(text)) found.add(aspect);
  return found;
}

const COMPATIBLE = COMPATIBLE_ASPECTS as Record<string, readonly string[] | undefined>;

/** True when an answer about `stated` plainly does not answer something asking about `asked`. */
export function aspectsConflict(asked: Set<string>, stated: string): boolean {
  if (!asked.size || asked.has(stated)) return false;
  const ok = COMPATIBLE[stated] ?? [];
  return ![...asked].some((a) => ok.includes(a) || (COMPATIBLE[a] ?? []).includes(stated));
}
