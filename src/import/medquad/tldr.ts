/**
 * A TL;DR candidate from an answer: its first sentences up to a word budget, never cutting a
 * sentence. The result is flagged `tldr_derived: true` until an editor approves it.
 */

/** Abbreviations after which a full stop does not end a sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'no',
  'approx',
  'fig',
  'al',
  'u.s',
  'inc',
  'jr',
  'sr',
  'ca',
]);

/** Splits prose into sentences at ". ", "! " or "? " followed by a capital, digit or quote. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  const re = /[.!?]["')\]]*\s+(?=["'([]?[A-Z0-9])/g;
  let start = 0;
  for (const m of text.matchAll(re)) {
    const end = (m.index ?? 0) + m[0].trimEnd().length;
    const candidate = text.slice(start, end);
    const lastWord = /([A-Za-z.]+)[.!?]["')\]]*$/.exec(candidate)?.[1]?.toLowerCase() ?? '';
    // "e.g. Fever", "Dr. Smith", "U.S. Food…" do not end sentences; a single capital does
    // ("hepatitis A. It spreads…"), and "T. solium" never splits (lower case follows).
    if (m[0][0] === '.' && (ABBREVIATIONS.has(lastWord) || /\.[a-z]$/i.test(lastWord))) {
      continue;
    }
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = text.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

export const DEFAULT_TLDR_WORDS = 50;

/**
 * The first sentences of the first prose paragraphs that fit in `maxWords`. At least one whole
 * sentence is always taken, even when it alone is longer than the budget: a TL;DR that stops
 * mid-sentence would misquote the publisher. A sentence that introduces a list (ends with ":")
 * ends the TL;DR, because the list it announces is not part of it.
 */
export function deriveTldr(
  paragraphs: { kind: 'p' | 'li'; text: string }[],
  maxWords = DEFAULT_TLDR_WORDS,
): string {
  const taken: string[] = [];
  let words = 0;
  for (const p of paragraphs) {
    if (p.kind !== 'p') {
      if (taken.length) break;
      continue;
    }
    for (const s of splitSentences(p.text)) {
      const n = wordCount(s);
      if (taken.length && words + n > maxWords) return taken.join(' ');
      if (s.endsWith(':')) return taken.length ? taken.join(' ') : s;
      taken.push(s);
      words += n;
    }
    // Short headings ("Key Points", "Overview") are not sentences: skip them when they come first.
    if (taken.length === 1 && !/[.!?]["')\]]*$/.test(taken[0]!) && wordCount(taken[0]!) <= 4) {
      taken.length = 0;
      words = 0;
    }
  }
  return taken.join(' ');
}
