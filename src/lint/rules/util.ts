/** Small helpers shared by rules (pure functions over a LintDocument). */
import { z } from 'zod';
import type { LintDocument, Paragraph, PartName, Sentence } from '../document/document.js';

/** Parts that carry the answer's prose (what a reader reads as the answer). */
export const PROSE_PARTS: readonly PartName[] = ['tldr', 'body'];

export function proseSentences(doc: LintDocument): Sentence[] {
  return doc.sentences.filter(
    (s) => PROSE_PARTS.includes(s.part) && isProseParagraph(doc.paragraphs[s.paragraph]!),
  );
}

export function isProseParagraph(p: Paragraph): boolean {
  return p.kind === 'paragraph' || p.kind === 'list-item' || p.kind === 'blockquote';
}

export function proseParagraphs(doc: LintDocument): Paragraph[] {
  return doc.paragraphs.filter((p) => PROSE_PARTS.includes(p.part) && isProseParagraph(p));
}

export function sentencesOf(doc: LintDocument, p: Paragraph): Sentence[] {
  return doc.sentences.slice(p.firstSentence, p.firstSentence + p.sentenceCount);
}

/** The sentence before and after `s` in reading order (within prose), for "nearby" checks. */
export function neighbours(list: readonly Sentence[], index: number, radius = 1): Sentence[] {
  return list.slice(Math.max(0, index - radius), index + radius + 1);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The options of a rule that has none. */
export const NoOptions = z.object({});
export type NoOptions = z.infer<typeof NoOptions>;
