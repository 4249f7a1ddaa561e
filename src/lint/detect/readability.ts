/**
 * Readability grades. Flesch–Kincaid grade level (Kincaid et al., 1975) and SMOG (McLaughlin,
 * 1969), the two formulas health-literacy guidance uses most. Syllables come from `syllable`.
 */
import { syllable } from 'syllable';
import { wordsOf } from './prose.js';

export interface Readability {
  words: number;
  sentences: number;
  syllables: number;
  polysyllables: number;
  fleschKincaidGrade: number;
  smogGrade: number;
}

/** Syllable counts are slow to compute and words repeat: remember them (bounded). */
const syllableCache = new Map<string, number>();
function syllablesOf(word: string): number {
  const key = word.toLowerCase();
  let n = syllableCache.get(key);
  if (n === undefined) {
    n = Math.max(1, syllable(key));
    if (syllableCache.size > 50_000) syllableCache.clear();
    syllableCache.set(key, n);
  }
  return n;
}

export function readabilityOf(sentences: readonly string[]): Readability {
  let words = 0;
  let syllables = 0;
  let polysyllables = 0;
  let counted = 0;
  for (const s of sentences) {
    const ws = wordsOf(s).filter((w) => /\p{L}/u.test(w));
    if (!ws.length) continue;
    counted++;
    for (const w of ws) {
      const n = syllablesOf(w);
      words++;
      syllables += n;
      if (n >= 3) polysyllables++;
    }
  }
  const sentencesN = Math.max(1, counted);
  const fk = words ? 0.39 * (words / sentencesN) + 11.8 * (syllables / words) - 15.59 : 0;
  const smog = 1.043 * Math.sqrt(polysyllables * (30 / sentencesN)) + 3.1291;
  return {
    words,
    sentences: counted,
    syllables,
    polysyllables,
    fleschKincaidGrade: Math.round(fk * 10) / 10,
    smogGrade: Math.round(smog * 10) / 10,
  };
}
