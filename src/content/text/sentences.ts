/**
 * The one sentence splitter, with exact offsets. Handles abbreviations ("e.g.", "approx.", "Dr."),
 * decimals ("2.5"), initials ("J. Smith"), a capital letter that ends a sentence ("hepatitis A. It
 * spreads…"), and citations placed after the full stop ("… likely.[1]", "… likely. [^nbdps]"),
 * which belong to the sentence they follow.
 *
 * Linear time: every character is visited a bounded number of times (look-backs and look-aheads
 * are capped), and a run-on "sentence" is cut at `maxLength` so that what callers do per sentence
 * stays bounded too.
 */

export interface SentenceSpan {
  start: number;
  end: number;
}

export interface SplitOptions {
  /** Longest sentence returned; longer runs are cut at a space (or hard, when there is none). */
  maxLength?: number;
  /**
   * A sentence may start with any character, not only a capital, digit or quote: people typing a
   * message often write no capitals ("my son has gout. what causes it?").
   */
  anyCase?: boolean;
}

/** Real sentences are far shorter; a run-on text (a table flattened, no full stops) is cut here. */
export const MAX_SENTENCE_LENGTH = 1000;

/** Words after which a full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
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
/** Longer than any abbreviation above: a look-back never needs to go further. */
const LOOK_BACK = 8;

/** Words before a capital letter that names a kind ("hepatitis A", "vitamin D", "type B"). */
const LETTER_NAMERS = new Set([
  'vitamin',
  'vitamins',
  'hepatitis',
  'type',
  'types',
  'group',
  'groups',
  'grade',
  'stage',
  'class',
  'factor',
  'phase',
  'category',
  'influenza',
  'strep',
  'hemophilia',
  'haemophilia',
  'protein',
  'plan',
  'part',
  'and',
  'or',
]);
/** Words that start a new sentence rather than continue a name after an initial. */
const SENTENCE_STARTERS = new Set([
  'a',
  'an',
  'the',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'they',
  'there',
  'their',
  'you',
  'your',
  'he',
  'she',
  'we',
  'i',
  'if',
  'in',
  'on',
  'at',
  'for',
  'when',
  'most',
  'some',
  'many',
  'people',
  'but',
  'and',
  'or',
  'so',
  'also',
  'however',
  'symptoms',
  'treatment',
  'there',
  'children',
  'adults',
]);

const isLetterOrDot = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
const isUpper = (c: number) => c >= 65 && c <= 90;
const isLower = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) =>
  c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0x2028;

/** The lower-case word of at most `max` ASCII letters starting at `at` (or ending before `at`). */
function wordAt(text: string, at: number, max: number): string {
  let e = at;
  while (e < text.length && e - at < max && /[A-Za-z]/.test(text[e]!)) e++;
  return text.slice(at, e).toLowerCase();
}
function wordBefore(text: string, end: number, max: number): string {
  let s = end;
  while (s > 0 && end - s < max && /[A-Za-z]/.test(text[s - 1]!)) s--;
  return text.slice(s, end).toLowerCase();
}

function isAbbreviation(text: string, dot: number): boolean {
  let i = dot - 1;
  while (i >= 0 && dot - i <= LOOK_BACK && isLetterOrDot(text.charCodeAt(i))) i--;
  // A run longer than any abbreviation ("approximately.", "A.B.A.B.") is not one.
  if (i >= 0 && dot - i > LOOK_BACK && isLetterOrDot(text.charCodeAt(i))) return false;
  const token = text.slice(i + 1, dot).toLowerCase();
  if (!token) return false;
  if (ABBREVIATIONS.has(token)) return true;
  if (token.length === 1 && isUpper(text.charCodeAt(dot - 1))) {
    // "J. Smith" is an initial; "hepatitis A. It spreads" ends a sentence.
    let k = dot + 1;
    while (k < text.length && k - dot <= 3 && isSpace(text.charCodeAt(k))) k++;
    if (k === dot + 1 || !isUpper(text.charCodeAt(k)) || !isLower(text.charCodeAt(k + 1))) return false;
    if (!(i < 0 || text[i] === ' ')) return false;
    if (SENTENCE_STARTERS.has(wordAt(text, k, 12))) return false;
    let p = i;
    while (p >= 0 && i - p < 3 && isSpace(text.charCodeAt(p))) p--;
    if (LETTER_NAMERS.has(wordBefore(text, p + 1, 12))) return false;
    return true;
  }
  // Internal dots ("U.S.A", "e.g") mark an abbreviation.
  return token.includes('.') && token.length <= 6;
}

/** A citation right after sentence-ending punctuation: [^id], [1], [1, 2], [1–3], superscripts. */
const TRAILING_CITATION =
  /^(?:\s?\[\^[^\]\s[]{1,100}\]|\[\d{1,4}(?:\s*[,–-]\s*\d{1,4}){0,20}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)/;
const CITATION_WINDOW = 40;
const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»']);
const ENDERS = new Set(['.', '!', '?']);
const NEXT_STARTS = /[A-Z0-9"“'‘([*_#>\-–•]/;

/** Splits `text[start, end)` into sentence spans (trimmed, never empty), in linear time. */
export function splitSentences(
  text: string,
  start = 0,
  end = text.length,
  options: SplitOptions = {},
): SentenceSpan[] {
  const maxLength = Math.max(50, options.maxLength ?? MAX_SENTENCE_LENGTH);
  const out: SentenceSpan[] = [];
  let sentenceStart = start;
  const pushTrimmed = (s: number, e: number) => {
    let a = s;
    let b = e;
    while (a < b && isSpace(text.charCodeAt(a))) a++;
    while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
    // Cut a run-on sentence into pieces of at most maxLength, at the last space of each window.
    while (b - a > maxLength) {
      let cut = a + maxLength;
      let c = cut;
      while (c > a + maxLength / 2 && !isSpace(text.charCodeAt(c))) c--;
      if (c > a + maxLength / 2) cut = c;
      let pe = cut;
      while (pe > a && isSpace(text.charCodeAt(pe - 1))) pe--;
      if (pe > a) out.push({ start: a, end: pe });
      a = cut;
      while (a < b && isSpace(text.charCodeAt(a))) a++;
    }
    if (b > a) out.push({ start: a, end: b });
  };
  let i = start;
  while (i < end) {
    const ch = text[i]!;
    if (ch === '.' || ch === '!' || ch === '?' || ch === '…') {
      if (ch === '.') {
        if (isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) {
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
        while (j < end && (ENDERS.has(text[j]!) || CLOSERS.has(text[j]!))) j++;
        const m = j < end ? TRAILING_CITATION.exec(text.slice(j, Math.min(end, j + CITATION_WINDOW))) : null;
        if (m) j += m[0].length;
        else break;
      }
      if (j >= end) break;
      if (isSpace(text.charCodeAt(j))) {
        let k = j;
        while (k < end && isSpace(text.charCodeAt(k))) k++;
        const next = text[k] ?? '';
        if (k >= end || options.anyCase || NEXT_STARTS.test(next) || /\p{Lu}/u.test(next)) {
          pushTrimmed(sentenceStart, j);
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
  pushTrimmed(sentenceStart, end);
  return out;
}

/**
 * The sentences of a message someone typed (search, the question log): each line on its own (a
 * subject line, a signature), then sentences within it, whatever their case.
 */
export function messageSentences(text: string, options: SplitOptions = {}): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => sentenceTexts(line, { ...options, anyCase: true }))
    .filter((s) => s.length > 0);
}

/** The sentences of a text as strings (for importers and search). */
export function sentenceTexts(text: string, options: SplitOptions = {}): string[] {
  return splitSentences(text, 0, text.length, options).map((s) => text.slice(s.start, s.end));
}
