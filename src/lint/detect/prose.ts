/** Prose as a reader sees it: without citations, URLs, Markdown syntax and list markers. */

export function proseOf(text: string): string {
  return text
    .replace(/\[\^[^\]\s[]{1,100}\]/g, '')
    .replace(/\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]/g, '')
    .replace(/!?\[([^\][]{0,500})\]\([^()]{0,2000}\)/g, '$1')
    .replace(/https?:\/\/\S+|\bwww\.\S+/g, '')
    .replace(/<[^<>]{1,500}>/g, '')
    .replace(/[*_`#>|]+/g, ' ')
    .replace(/^\s*(?:[-+•·]|\d{1,3}[.)])\s+/gm, '');
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

export function wordsOf(text: string): string[] {
  return proseOf(text).match(WORD) ?? [];
}

export function wordCount(text: string): number {
  return wordsOf(text).length;
}

/** Lower-case, citation-free, punctuation-free form, for comparing sentences and paragraphs. */
export function comparable(text: string): string {
  return wordsOf(text)
    .map((w) => w.toLowerCase().replace(/[’']/g, ''))
    .join(' ');
}
