/**
 * Scrubbing: personal data out of a patient's question (or page feedback) before anything is
 * stored. What is removed is replaced by a placeholder that says what was there ([NAME], [EMAIL],
 * [PHONE], [ADDRESS], [DATE], [ID], [URL], [AGE]), so an editor still sees the shape of the question.
 *
 * Rules, not a model: each rule is one regular expression without nested quantifiers over the
 * same characters (linear time on any input) or a word-by-word pass. The input is cut to
 * MAX_SCRUB_INPUT characters and control characters are removed first. Privacy wins over
 * fidelity: a full date is removed even when it is not a birth date, and a capitalised word that
 * is a common given name is removed unless it is part of a condition's name ("Parkinson's").
 */
import { medicalWords } from '../search/medical-words.js';
import { AMBIGUOUS_NAMES, EPONYM_FOLLOWERS, GIVEN_NAMES } from './names.js';

/** Characters looked at; longer input is cut before scrubbing (and marked with "…"). */
export const MAX_SCRUB_INPUT = 4_000;
/** Characters kept after scrubbing. */
export const MAX_STORED_TEXT = 1_000;

export type PiiKind = 'NAME' | 'EMAIL' | 'PHONE' | 'ADDRESS' | 'DATE' | 'ID' | 'URL' | 'AGE';

export interface ScrubResult {
  text: string;
  /** How many of each kind were removed. */
  removed: Partial<Record<PiiKind, number>>;
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:[0-3]?\\d)(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d\\d';
const STREET_TYPE =
  '(?:(?:dr|st)\\b(?!\\.?\\s+[A-Z][a-z])|(?:street|road|rd|avenue|ave|lane|ln|drive|close|way|court|ct|boulevard|blvd|place|pl|terrace|crescent|gardens|grove|square|sq|parkway|pkwy|highway|hwy|row|mews|hill|walk)\\b)';
const RELATION =
  '(?:son|daughter|husband|wife|mother|mom|mum|father|dad|brother|sister|partner|friend|boyfriend|girlfriend|grandson|granddaughter|grandmother|grandma|grandfather|grandpa|aunt|uncle|niece|nephew|child|baby|patient|neighbou?r|colleague|cousin|fianc[eé]e?|step(?:son|daughter|mother|father)|mother[- ]in[- ]law|father[- ]in[- ]law|boss|carer|caregiver)s?';

interface Rule {
  kind: PiiKind;
  re: RegExp;
  /** Replacement; default `[KIND]`. */
  to?: string | ((match: string, ...groups: string[]) => string);
}

const tag = (kind: PiiKind) => `[${kind}]`;

/** Whole-token rules, applied in order (e-mail before URL, dates before phone numbers). */
const RULES: Rule[] = [
  { kind: 'EMAIL', re: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g },
  {
    kind: 'EMAIL',
    re: /\b[\w.+-]+\s*(?:\[at\]|\(at\)| at )\s*[\w-]+\s*(?:\[dot\]|\(dot\)| dot |\.)\s*(?:com|org|net|co\.uk|co|uk|edu|gov|info)\b/gi,
  },
  { kind: 'URL', re: /\b(?:https?:\/\/|www\.)[^\s<>"')\]]+/gi },
  {
    kind: 'URL',
    re: /\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|info|biz|io|co\.uk|org\.uk|nhs\.uk|gov|edu|me|ly)(?:\/[^\s<>"')\]]*)?/gi,
  },
  // Identifiers named by a label: NHS number, SSN, MRN, insurance/policy/member/account numbers.
  {
    kind: 'ID',
    re: /\b(nhs|ssn|s\.s\.n\.?|social security|mrn|medical record|hospital|patient|insurance|policy|member(?:ship)?|account|passport|licen[cs]e|reference|ref|case|chi|nino|national insurance)(\s*(?:no\.?|number|num|#|id|code)?\s*(?:is|:|#|-)?\s*)([A-Z0-9][A-Z0-9 -]{2,18}\d[A-Z]?)\b/gi,
    to: (_m, label, sep) => `${label}${sep}[ID]`,
  },
  { kind: 'ID', re: /\b\d{3}-\d{2}-\d{4}\b/g },
  // Dates of birth and full dates (day, month and year).
  {
    kind: 'DATE',
    re: new RegExp(
      `\\b(dob|d\\.o\\.b\\.?|date of birth|birth ?date|birthday|born)(\\s*(?:is|was|on|in|:|-)?\\s*)(?:${DAY}\\s*(?:of\\s+)?${MONTH}\\.?,?\\s*${YEAR}|${MONTH}\\.?\\s+${DAY},?\\s*${YEAR}|\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{2,4}|${YEAR}-\\d\\d-\\d\\d|${MONTH}\\.?\\s+${YEAR}|${YEAR})`,
      'gi',
    ),
    to: (_m, label, sep) => `${label}${sep}[DATE]`,
  },
  {
    kind: 'DATE',
    re: new RegExp(
      `\\b(?:${DAY}\\s*(?:of\\s+)?${MONTH}\\.?,?\\s*${YEAR}|${MONTH}\\.?\\s+${DAY},?\\s*${YEAR}|\\d{1,2}[/.-]\\d{1,2}[/.-](?:${YEAR}|\\d\\d)|${YEAR}[/.-]\\d\\d?[/.-]\\d\\d?)\\b`,
      'gi',
    ),
  },
  // Street addresses: number + (up to three name words) + street type; PO boxes; postcodes.
  {
    kind: 'ADDRESS',
    re: new RegExp(
      `\\b(?:(?:flat|apt|apartment|unit|suite)\\s*\\d+[a-z]?,?\\s+)?\\d{1,5}[a-z]?,?\\s+(?:(?!(?:the|a|an|my|his|her|our|to|of|and|or|at|in|on|down|up|miles?|blocks?|minutes?|hours?|days?|weeks?|months?|years?|yrs?|old|km|yards?|feet|foot|steps?|times?|mg|ml)\\b)[a-z][a-z'’-]*\\s+){1,3}${STREET_TYPE}\\.?`,
      'gi',
    ),
  },
  { kind: 'ADDRESS', re: /\bp\.?\s?o\.?\s+box\s+\d+\b/gi },
  { kind: 'ADDRESS', re: /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}\b/g }, // UK postcode
  {
    kind: 'ADDRESS',
    re: /\b(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)\s+\d{5}(?:-\d{4})?\b/g,
  },
  // Phone numbers (and unlabelled NHS-like numbers): 7 to 15 digits in groups.
  {
    kind: 'PHONE',
    re: /(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,5}\)[\s.-]?)?\d{2,5}(?:[\s.-]\d{2,6}){1,4}\b|(?:\+\d{1,3}[\s.-]?)?\(\d{1,5}\)[\s.-]?\d{3,8}\b|\+\d{7,15}\b/g,
    to: (m) => {
      const digits = m.replace(/\D/g, '');
      if (digits.length < 7 || digits.length > 15) return m;
      if (/^(?:(?:19|20)\d\d[\s-]*){2,}$/.test(m)) return m; // a run of years
      return tag('PHONE');
    },
  },
  { kind: 'ID', re: /\b\d{7,}\b/g },
  { kind: 'ID', re: /\b(?=[A-Z]*\d)(?=\d*[A-Z])[A-Z0-9]{8,}\b/g }, // codes like AB12345678
];

/** Words that start sentences or follow cues but are not names. */
const NOT_NAMES = new Set(
  `i a an the and or but so if he she it we they you my his her our their this that these those is am are was were be
been has have had do does did not no yes hi hello dear thanks thank please sorry also just here there what when where
why how who which can could would should will may might must shall very much many some any all each every both
doctor doctors dr sir madam madame team all everyone everybody staff nurse mr mrs ms miss mom mum dad son daughter
regards sincerely best cheers yours love from with for to of in on at by about after before again only still even
age aged years year old months month weeks week days day today yesterday tomorrow morning evening night
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
september october november december god jesus allah medline medlineplus nih nlm cdc nhs fda who usa uk
america american english british india indian canada mexico africa african europe asia china chinese`.split(
    /\s+/,
  ),
);

function isNameWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, '');
  return w.length > 1 && !NOT_NAMES.has(w) && /^[a-zà-ÿ'’-]+$/i.test(w);
}

/** Length of the run of name words at the start of `rest` (0 when there is none). */
function nameRun(rest: string, max: number, requireCapital: boolean): number {
  const re = /([A-Za-zÀ-ÿ'’-]+)([ ]+|$)?/y;
  let length = 0;
  let end = 0;
  for (let taken = 0; taken < max; taken++) {
    re.lastIndex = length;
    const m = re.exec(rest);
    if (!m) break;
    const word = m[1]!;
    const capital = /^[A-ZÀ-Þ]/.test(word);
    if (!isNameWord(word) || ((requireCapital || taken > 0) && !capital)) break;
    if (taken > 0 && EPONYM_FOLLOWERS.test(rest.slice(end))) break;
    end = length + word.length;
    if (!m[2]) break;
    length = end + m[2].length;
  }
  return end;
}

interface Cue {
  re: RegExp;
  max: number;
  requireCapital: boolean;
}

/** Phrases after which the next words are a person's name. */
const CUES: Cue[] = [
  {
    // "my name is", "his name is:", "my daughter's name is", "my mane is" (a common slip)
    re: /\b(?:my|his|her|their|our)\s+(?:[a-z]+(?:'s|’s|s)?\s+)?(?:first\s+|last\s+|full\s+|sur)?(?:names?|mane)\s*(?:is|are|'s)?\s*[:-]?\s*/gi,
    max: 3,
    requireCapital: false,
  },
  {
    re: /\b(?:name\s*[:-]|i am called|i'm called|call me|signed[,:]?|sign(?:ed)? off)\s*/gi,
    max: 3,
    requireCapital: false,
  },
  {
    re: /\b(?:this is|i am|i'm|im|iam|it's|it is|on behalf of|contact me at|contact me on|regarding)\s+(?=[A-Z])/gi,
    max: 3,
    requireCapital: true,
  },
  {
    re: /\b(?:mrs|mr|ms|miss|mx|dr|doctor|prof|professor|dame|nurse)\b\.?\s*(?=[A-Z])/gi,
    max: 2,
    requireCapital: true,
  },
  { re: /(?:^|\n)\s*(?:dear|hi|hello|hey|to)\b[ ,]*(?=[A-Z])/gi, max: 2, requireCapital: true },
  {
    re: new RegExp(
      `\\b(?:my|our|his|her)\\s+${RELATION}(?:'s)?\\s*(?:,\\s*|\\(\\s*)?(?:(?:who is |is )?(?:called|named)\\s+)?(?=[A-Z])`,
      'gi',
    ),
    max: 2,
    requireCapital: true,
  },
  { re: /\b(?:called|named)\s+(?=[A-Z])/g, max: 2, requireCapital: true },
  {
    re: /\b(?:thanks|thank you|thank u|thanks again|many thanks|regards|kind regards|best regards|warm regards|best wishes|sincerely|yours sincerely|yours faithfully|yours truly|cheers|with thanks|respectfully|gratefully|warmly|god bless|blessings|thankz|thanx|thx)\s*(?:very much|so much|kindly|in advance)?\s*[,.!:;-]*\s*(?:\[[A-Z]+\]\s*)?/gi,
    max: 3,
    requireCapital: true,
  },
  { re: /(?:^|\n|[.!?]\s+)\s*(?:[-–—~*]|from:?|love,?)\s*(?=[A-Z])/gi, max: 3, requireCapital: true },
  { re: /\b(?:submitted by|sent by|written by|asked by|by)\s+(?=[A-Z])/g, max: 3, requireCapital: true },
];

function replaceCues(text: string, counts: Partial<Record<PiiKind, number>>): string {
  let out = text;
  for (const cue of CUES) {
    cue.re.lastIndex = 0;
    let result = '';
    let last = 0;
    for (const m of out.matchAll(cue.re)) {
      const start = m.index! + m[0].length;
      if (start < last) continue;
      const run = nameRun(out.slice(start, start + 120), cue.max, cue.requireCapital);
      if (!run) continue;
      const word = out.slice(start, start + run);
      if (EPONYM_FOLLOWERS.test(out.slice(start + run)) && !/\s/.test(word)) continue;
      result += out.slice(last, start) + tag('NAME');
      last = start + run;
      counts.NAME = (counts.NAME ?? 0) + 1;
    }
    out = result + out.slice(last);
  }
  return out;
}

/**
 * A signature: one to three capitalised words that end the message after a sentence, a line
 * break or a comma ("… Thank you for your help. Kwame Mensah"), unless a word is a medical term.
 */
function replaceTrailingName(text: string, counts: Partial<Record<PiiKind, number>>): string {
  const m = /(^|[.!?,;:)\n]|[a-z]\s)(\s*)((?:[A-Z][a-zà-ÿ'’-]+[ ]?){1,3})([.!]*\s*)$/.exec(text);
  if (!m) return text;
  const words = m[3]!.trim().split(/\s+/);
  const medical = medicalWords();
  if (words.some((w) => !isNameWord(w) || medical.has(w.toLowerCase()))) return text;
  if (m[1] && /[a-z]/.test(m[1]) && words.length < 1) return text;
  counts.NAME = (counts.NAME ?? 0) + 1;
  return `${text.slice(0, m.index)}${m[1]}${m[2]}[NAME]${m[4]}`;
}

/**
 * For names found without a cue: is a capitalised word of `text` a plain name word — not a
 * medical term, and not a word the message also uses in lower case?
 */
function plainNameWord(text: string): (word: string) => boolean {
  const medical = medicalWords();
  const lower = new Set(text.match(/\b[a-z][a-z'’-]+\b/g) ?? []);
  return (w) => {
    const bare = w.replace(/['’]s$/, '');
    const l = bare.toLowerCase();
    return isNameWord(bare) && !medical.has(l) && !lower.has(l) && /^[A-Z][a-zà-ÿ'’-]+$/.test(w);
  };
}

/**
 * A line that is only a name, as in a signature block ("Kwame Mensah" / "*Ingrid Larsen*," between
 * line breaks): one to three capitalised words, none a medical term or a word the message also
 * uses in lower case, nor a greeting or a sign-off. Never the first line, which is often a subject
 * ("Shakiness.", "Referral").
 */
function replaceNameLines(text: string, counts: Partial<Record<PiiKind, number>>): string {
  const plain = plainNameWord(text);
  return text.replace(
    /(\n)([ *_]*)((?:[A-Z][a-zà-ÿ'’-]+)(?: [A-Z][a-zà-ÿ'’-]+){0,2})([ *_]*[,.]?[ *_]*)(?=\n|$)/g,
    (m, start: string, pre: string, name: string, post: string) => {
      if (!name.split(' ').every(plain)) return m;
      counts.NAME = (counts.NAME ?? 0) + 1;
      return `${start}${pre}[NAME]${post}`;
    },
  );
}

/**
 * Capitalised words in the middle of a sentence that look like a person: two or more in a row
 * ("who can help Kwame Mensah"), or one that is the subject of a verb ("Meredith has"). Medical
 * terms, condition eponyms and words the message also uses in lower case are left alone.
 */
function replaceMidSentenceNames(text: string, counts: Partial<Record<PiiKind, number>>): string {
  const letters = text.replace(/[^A-Za-z]/g, '');
  if (letters.length > 0 && letters.replace(/[^A-Z]/g, '').length / letters.length > 0.5) return text; // shouting
  const plain = plainNameWord(text);
  return text.replace(
    /(?<=(?:^|[\s(])(?!(?:the|a|an|your|this|that|my|our|his|her|their|its|some|any|no)\s)[a-z][a-z'’]*[,;]?\s+)([A-Z][a-zà-ÿ'’-]+)((?:\s[A-Z][a-zà-ÿ'’-]+){0,2})(?=(\s+[a-z'’]+|[.,;:!?)]|$))/g,
    (m, first: string, more: string, next: string | undefined, offset: number, whole: string) => {
      const words = [first, ...more.trim().split(/\s+/).filter(Boolean)];
      if (!words.every(plain)) return m;
      if (EPONYM_FOLLOWERS.test(whole.slice(offset + m.length))) return m;
      const verb = /^\s+(?:has|had|is|was|who|said|says|told|needs|wants|got|gets|lives|went|and\s+i)\b/.test(
        next ?? '',
      );
      if (words.length < 2 && !verb) return m;
      counts.NAME = (counts.NAME ?? 0) + 1;
      return '[NAME]';
    },
  );
}

/** Given names (and a following capitalised surname) anywhere, unless part of a condition's name. */
function replaceGivenNames(text: string, counts: Partial<Record<PiiKind, number>>): string {
  return text.replace(/[A-Za-zÀ-ÿ'’-]+/g, (word, offset: number, whole: string) => {
    const bare = word.replace(/['’]s$/, '');
    const lower = bare.toLowerCase();
    const ambiguous = AMBIGUOUS_NAMES.has(lower);
    if (!GIVEN_NAMES.has(lower) && !ambiguous) return word;
    const after = whole.slice(offset + word.length, offset + word.length + 40);
    if (EPONYM_FOLLOWERS.test(word.slice(bare.length) + after)) return word;
    if (ambiguous) {
      // an ordinary word unless capitalised and followed by a capitalised surname
      if (!/^[A-Z]/.test(word) || !/^\s+[A-Z][a-z'’-]+/.test(after)) return word;
      const surname = /^\s+([A-Za-z'’-]+)/.exec(after)?.[1] ?? '';
      if (!isNameWord(surname)) return word;
    }
    counts.NAME = (counts.NAME ?? 0) + 1;
    return tag('NAME') + word.slice(bare.length);
  });
}

/** A surname right after a removed given name ("[NAME] Okafor" → "[NAME]"). */
function mergeSurnames(text: string): string {
  return text.replace(/\[NAME\](?:\s+(?:[A-Z][a-z'’-]+|[A-Z]\.))+/g, (m) => {
    const words = m.slice(6).trim().split(/\s+/);
    let keep = '';
    let i = 0;
    for (; i < words.length && i < 2; i++) {
      const w = words[i]!;
      if (!isNameWord(w.replace(/\.$/, 'x')) || EPONYM_FOLLOWERS.test(` ${words.slice(i).join(' ')}`)) break;
    }
    keep = words.slice(i).join(' ');
    return keep ? `[NAME] ${keep}` : '[NAME]';
  });
}

/** Ages next to a removed name ("[NAME], 34," / "[NAME] (6)" / "[NAME] aged 34") become [AGE]. */
function replaceAgesWithNames(text: string, counts: Partial<Record<PiiKind, number>>): string {
  const bump = () => {
    counts.AGE = (counts.AGE ?? 0) + 1;
  };
  return text
    .replace(
      /(\[NAME\](?:'s)?,?\s*(?:\(\s*|(?:who is|is|was|aged?|age)\s+)?(?:aged?\s+)?)(\d{1,3})\b/g,
      (_m, pre: string) => {
        bump();
        return `${pre}[AGE]`;
      },
    )
    .replace(/\b\d{1,3}([- ](?:years?|yrs?|months?)[- ]old\s+(?:\w+\s+)?\[NAME\])/gi, (_m, rest: string) => {
      bump();
      return `[AGE]${rest}`;
    });
}

/** Removes control characters (keeps newlines and tabs as spaces/newlines) and cuts long input. */
export function cleanText(input: string, max = MAX_SCRUB_INPUT): string {
  const cut = input.length > max ? `${input.slice(0, max)}…` : input;
  return cut
    .replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') // terminal escape sequences, whole
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, '');
}

/** Scrubs personal data out of free text. */
export function scrub(input: string): ScrubResult {
  const removed: Partial<Record<PiiKind, number>> = {};
  let text = cleanText(input);
  for (const rule of RULES) {
    rule.re.lastIndex = 0;
    text = text.replace(rule.re, (...args) => {
      const m = args[0] as string;
      const groups = args.slice(1, -2) as string[];
      const out = typeof rule.to === 'function' ? rule.to(m, ...groups) : (rule.to ?? tag(rule.kind));
      if (out !== m) removed[rule.kind] = (removed[rule.kind] ?? 0) + 1;
      return out;
    });
  }
  text = replaceCues(text, removed);
  text = replaceGivenNames(text, removed);
  text = replaceTrailingName(text, removed);
  text = replaceNameLines(text, removed);
  text = replaceMidSentenceNames(text, removed);
  text = mergeSurnames(text);
  text = replaceAgesWithNames(text, removed);
  text = text.replace(/[ ]{2,}/g, ' ').trim();
  if (text.length > MAX_STORED_TEXT) text = `${text.slice(0, MAX_STORED_TEXT)}…`;
  return { text, removed };
}

/** Just the scrubbed text. */
export function scrubText(input: string): string {
  return scrub(input).text;
}
