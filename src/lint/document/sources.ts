/**
 * Entries of a page's sources list, as pages print them in plain text: "1. NHS. Gout overview.
 * https://www.nhs.uk/conditions/gout/", a title on one line and its URL (or "Available at: …")
 * on the next, a URL wrapped onto the next line, a bare address ("nhs.uk/conditions/gout"), a DOI
 * or PMID instead of a URL. A DOI or PMID is a locator a reader can follow, so it counts as the
 * entry's URL.
 */
import type { SourceEntry } from './document.js';

const TLD = '(?:gov|org|com|net|edu|int|uk|eu|info|io|ca|au|nz|ie)';
/** The first locator in a line: a URL, "www.…", a bare address with a path or a known domain, a DOI, a PMID. */
const LOCATOR = new RegExp(
  [
    String.raw`https?:\/\/[^\s)\]>]+`,
    String.raw`\bwww\.[^\s)\]>]+`,
    String.raw`\bdoi:\s*10\.\d{4,9}\/[^\s)\]>]+`,
    String.raw`\bPMID:?\s*\d{5,9}\b`,
    String.raw`(?<![@\w.-])(?:[a-z0-9-]{1,63}\.){1,4}${TLD}(?:\/[^\s)\]>]*)?(?![\w@-])`,
  ].join('|'),
  'i',
);
/** A line that only carries a locator for the entry above it. */
const LOCATOR_LINE = new RegExp(
  String.raw`^\s*(?:<\s*)?(?:https?:\/\/|www\.|doi:|(?:available\s+(?:at|from|online)|url|link|web\s*site|retrieved\s+from|accessed|pmid)\b|(?:[a-z0-9-]{1,63}\.){1,4}${TLD}(?:\/\S*)?\s*$)`,
  'i',
);
/** The number an entry starts with: "[1]", "1.", "1)", "^1", a superscript. */
const NUMBER = /^\s*(?:\[(\d+)\]|\^?(\d+)[.)]?|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)\s*/;
/** A line that starts an entry of its own (a number or a list marker). */
const OWN_ENTRY = /^\s*(?:\[\d{1,3}\]|\^?\d{1,3}[.)](?:\s|$)|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|[-*+•·▪◦]\s)/;
const ACCESSED = /\b(?:accessed|retrieved|viewed)\b/i;

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

/** Lines of an entry joined: a URL wrapped onto the next line is rejoined, other breaks are spaces. */
function joinLines(raw: string): string {
  const parts = raw.split('\n');
  let out = parts[0]!;
  for (const part of parts.slice(1)) {
    const tail = part.trim();
    const lastToken = /\S+$/.exec(out)?.[0] ?? '';
    const wrapped = /^(?:https?:\/\/|www\.)\S*[/\-_=?&#]$/i.test(lastToken) && tail && !/\s/.test(tail);
    out = wrapped ? out + tail : `${out} ${tail}`;
  }
  return out;
}

/** Reads one entry spanning text[start, end) (one line, or an entry with its continuation lines). */
export function readSourceEntry(text: string, start: number, contentStart: number, end: number): SourceEntry {
  const line = joinLines(text.slice(start, end));
  const num = NUMBER.exec(line);
  const url = LOCATOR.exec(line)?.[0].replace(/[.,;:]+$/, '');
  const accessed = ACCESSED.test(line) ? 'yes' : undefined;
  const rest = line
    .slice(num ? num[0].length : contentStart - start)
    .replace(LOCATOR, '')
    .replace(/\b(?:accessed|retrieved|viewed)\b.*$/i, '')
    .replace(/\[([^\][]*)\]\(\s*\)/g, '$1') // a Markdown link whose URL was taken out
    .replace(/<\s*>|\(\s*\)|\[\s*\]/g, '')
    .replace(/[\s([<]+$/, '') // an opening bracket left by a locator or "(accessed …)"
    .replace(/\b(?:available\s+(?:at|from|online)\s*:?|(?:url|link|web\s*site|doi|pmid)\s*:)\s*$/i, '')
    .replace(/^[-*•\s]+|[\s.,;:-]+$/g, '');
  return {
    id: num ? (num[1] ?? num[2]) : undefined,
    title: words(rest) >= 2 ? rest : undefined,
    url,
    accessed,
    span: { start, end },
  };
}

/** A line that is a sources entry of its own or a locator ("1. …", "- …", "https://…", "Available at: …"). */
export function looksLikeSourceLine(line: string): boolean {
  return OWN_ENTRY.test(line) || LOCATOR_LINE.test(line);
}

/**
 * Whether the line text[start, end) continues the entry above it rather than starting a new one:
 * it has no number or list marker of its own, and it only carries a locator ("https://…",
 * "Available at: …"), or finishes a URL wrapped at the end of the line above, or the entry above
 * is numbered and still lacks its title or URL.
 */
export function continuesSource(text: string, start: number, end: number, prev: SourceEntry): boolean {
  const line = text.slice(start, end);
  // An entry is a few lines at most: a long run of lines is a list, not one entry (bounded work).
  if (OWN_ENTRY.test(line) || prev.span.end - prev.span.start > 2000) return false;
  if (LOCATOR_LINE.test(line)) return true;
  const above = text.slice(prev.span.start, prev.span.end);
  const lastToken = /\S+$/.exec(above)?.[0] ?? '';
  if (/^(?:https?:\/\/|www\.)\S*[/\-_=?&#]$/i.test(lastToken) && !/\s/.test(line.trim())) return true;
  return prev.id !== undefined && (!prev.title || !prev.url);
}
