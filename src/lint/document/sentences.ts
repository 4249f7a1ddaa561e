/**
 * Sentence splitting with exact offsets. Handles abbreviations ("e.g.", "approx.", "Dr."),
 * decimals ("2.5"), initials ("J. Smith"), and citations placed after the full stop
 * ("… likely.[1]", "… likely. [^nbdps]"), which belong to the sentence they follow.
 */
import type { Span } from './document.js';

const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'approx',
  'vs',
  'dr',
  'mr',
  'mrs',
  'ms',
  'prof',
  'st',
  'fig',
  'figs',
  'no',
  'nos',
  'al',
  'cf',
  'jr',
  'sr',
  'inc',
  'ltd',
  'co',
  'u.s',
  'u.k',
  'ca',
  'est',
  'vol',
  'p',
  'pp',
  'ed',
  'eds',
  'dept',
  'univ',
  'mt',
  'ft',
  'resp',
  'incl',
  'esp',
  'viz',
  'a.k.a',
  'min',
  'max',
  'avg',
  'wk',
  'wks',
  'yr',
  'yrs',
  'mo',
  'mos',
]);

/** A citation right after sentence-ending punctuation: [^id], [1], [1, 2], [1–3], superscripts. */
const TRAILING_CITATION = /^(?:\s?\[\^[^\]\s]+\]|\[\d+(?:\s*[,–-]\s*\d+)*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)/;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i]!)) i--;
  const token = text.slice(i + 1, dot).toLowerCase();
  if (!token) return false;
  if (ABBREVIATIONS.has(token)) return true;
  // A single capital letter is an initial ("J. Smith"), unless it ends a sentence like "vitamin A."
  if (
    /^[a-z]$/.test(token) &&
    /[A-Z]/.test(text[dot - 1]!) &&
    /^\s+[A-Z][a-z]/.test(text.slice(dot + 1, dot + 4))
  ) {
    return i < 0 || text[i] === ' ';
  }
  // Internal dots ("U.S.A", "e.g") mark an abbreviation.
  return token.includes('.') && token.length <= 6;
}

/** Splits `text[start, end)` into sentence spans (trimmed, never empty). */
export function splitSentences(text: string, start = 0, end = text.length): Span[] {
  const out: Span[] = [];
  let sentenceStart = start;
  const push = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && /\s/.test(text[a]!)) a++;
    while (b > a && /\s/.test(text[b - 1]!)) b--;
    if (b > a) out.push({ start: a, end: b });
  };
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      if (ch === '.') {
        if (/\d/.test(text[i - 1] ?? '') && /\d/.test(text[i + 1] ?? '')) {
          i++;
          continue;
        }
        if (isAbbreviation(text, i)) {
          i++;
          continue;
        }
      }
      // Consume repeated punctuation, closing quotes/brackets and trailing citations.
      let j = i + 1;
      for (;;) {
        while (j < end && (text[j] === '.' || text[j] === '!' || text[j] === '?' || CLOSERS.has(text[j]!)))
          j++;
        const m = TRAILING_CITATION.exec(text.slice(j, Math.min(end, j + 40)));
        if (m && j < end) j += m[0].length;
        else break;
      }
      if (j >= end) break;
      if (/\s/.test(text[j]!)) {
        let k = j;
        while (k < end && /\s/.test(text[k]!)) k++;
        const next = text[k] ?? '';
        if (k >= end || /[A-Z0-9"“'‘([*_#>\-–•]/.test(next) || /\p{Lu}/u.test(next)) {
          push(sentenceStart, j);
          sentenceStart = k;
          i = k;
          continue;
        }
      }
      i = j;
      continue;
    }
    i++;
  }
  push(sentenceStart, end);
  return out;
}
