/**
 * Medical jargon a lay reader may not know, each with a plain equivalent: the editable vocabulary
 * in src/lint/terms/jargon.yaml (a clinician changes that file, not this code).
 */
import { readTermsFile } from './files.js';

function readJargon(): Record<string, string> {
  const data = readTermsFile('jargon.yaml');
  const out: Record<string, string> = {};
  for (const [term, plain] of Object.entries(data)) {
    if (typeof plain !== 'string' || !plain.trim())
      throw new Error(
        `src/lint/terms/jargon.yaml: "${term}" needs its plain words ("${term}: <plain words>")`,
      );
    out[term.trim().toLowerCase()] = plain.trim();
  }
  return out;
}

export const JARGON: Readonly<Record<string, string>> = readJargon();

/** Terms in longest-first order, for one alternation that prefers multi-word terms. */
export const JARGON_TERMS: readonly string[] = Object.keys(JARGON).sort((a, b) => b.length - a.length);
