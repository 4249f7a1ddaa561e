/**
 * A TL;DR candidate from an answer: its first sentences up to a word budget, never cutting a
 * sentence. The result is flagged `tldr_derived: true` until an editor approves it.
 */
import { sentenceTexts } from '../../content/text/sentences.js';

/**
 * The sentences of a paragraph, by the one splitter shared with the linter and search
 * (src/content/text/sentences.ts): abbreviations and initials ("e.g.", "Dr.", "T. solium") do
 * not end a sentence; a capital letter that names a kind does ("hepatitis A. It spreads…").
 */
export function splitSentences(text: string): string[] {
  return sentenceTexts(text);
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
