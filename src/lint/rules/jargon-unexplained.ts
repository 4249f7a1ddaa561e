import { z } from 'zod';
import type { LintDocument } from '../document/document.js';
import { JARGON, JARGON_TERMS } from '../terms/jargon.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { proseSentences } from './util.js';

const Options = z.object({
  /** Extra terms (term → plain words) for this project. */
  terms: z.record(z.string(), z.string()).default({}),
  /** Terms never reported (already familiar to this audience). */
  allow: z.array(z.string()).default([]),
});

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function termPattern(terms: readonly string[]): RegExp {
  const alternation = terms.map((t) => escapeRegExp(t).replace(/[ -]/g, '[\\s-]+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alternation})(?:s|es)?(?![\\p{L}\\p{N}-])`, 'giu');
}

const DEFAULT_PATTERN = termPattern(JARGON_TERMS);

/** An explanation right after the term: "(…)", "— …", ", which means …", ", or …", " is a …". */
const EXPLAINED_AFTER =
  /^(?:\s*\(|\s*[—–]|\s+-\s|,?\s+(?:which|that)\s+(?:means?|is|are|refers?)\b|,?\s+(?:meaning|means|also\s+called|called|known\s+as|or\s+|i\.e\.|that\s+is)|\s+(?:is|are|was|were)\s+(?:a|an|the|when|what|how)\b|\s+refers?\s+to\b|,\s+(?:a|an|the)\s+\w+|(?:\s+\w+)?,?\s+(?:like|such\s+as|for\s+example|including)\s)/i;
/** An explanation just before: "(caudal)", "called hydrocephalus", "tailbone (coccyx)". */
const EXPLAINED_BEFORE =
  /(?:\(\s*(?:(?:the|an?)\s+)?(?:\d+(?:\.\d+)?\s?%\s+)?|\b(?:called|known\s+as|termed|named|medical\s+(?:name|term)\s+(?:is|for\s+this\s+is))\s+(?:an?\s+|the\s+)?|\b(?:the\s+)?opposite\s+of\s+)$/i;
/** Explained by contrast with what was just defined: "Acute is the opposite of chronic". */
const CONTRAST_AFTER = /^\s+(?:is|are)\s+the\s+opposite\s+of\b/i;
/** A question the page answers about a term: "What is the gastrointestinal tract?" */
const WHAT_IS = /^\W*what\s+(?:is|are)\s+(?:an?\s+|the\s+)?[^?]{1,80}\?\W*$/i;
/** How far back in its paragraph a term's one plain word counts as already said ("in your stomach … gastric"). */
const PLAIN_WORD_WINDOW = 400;
/** A bracket that only gives an abbreviation ("hemoglobin A1C (A1C)") explains nothing by itself. */
const ABBREVIATION_AFTER = /^\s*\(\s*[\p{Lu}\p{N}][\p{Lu}\p{N}./&-]{0,11}\s*\)/u;
const capitalised = (w: string | undefined) => w !== undefined && /^\p{Lu}/u.test(w);
/** Explanation markers anywhere in the sentence after the term (the brief's "within the sentence"). */
const EXPLAINED_LATER = /\b(?:which\s+means|meaning|in\s+other\s+words|this\s+means)\b/i;
/** The next sentence explains the term: "This is an autoimmune condition. That means the immune system …". */
const EXPLAINED_NEXT = /^\s*(?:that|this|it)\s+means\b|^\s*in\s+other\s+words\b/i;

/** A medical term the reader may not know, used without a plain explanation on first use. */
export const jargonUnexplained: Rule<z.infer<typeof Options>> = {
  id: 'jargon-unexplained',
  severity: 'warn',
  options: Options,
  docs: {
    summary:
      'A medical term from the jargon list ("embryogenesis", "etiology", "multifactorial", …) is used without a plain explanation on its first use.',
    why: 'Medical words are a barrier for most readers. Either use the everyday word ("cause" for "etiology") or explain the term the first time: in brackets, after a dash, or with "which means" / "called". The condition’s own name (from the question or the condition slug) is never reported. The list lives in src/lint/terms/jargon.yaml (a clinician may edit it); projects add terms or allow familiar ones in the config.',
    references: [
      {
        title: 'CDC: Everyday Words for Public Health Communication',
        url: 'https://www.cdc.gov/ccindex/everydaywords/index.html',
      },
      {
        title: 'NHS digital service manual: content style guide — medical words',
        url: 'https://service-manual.nhs.uk/content/a-to-z-of-nhs-health-writing',
      },
    ],
    options: '`terms` (extra term → plain words), `allow` (terms never reported).',
    ok: [
      {
        title: "the page's own condition, named in a section title",
        kind: 'page',
        text: 'Chest conditions, a management guide\nChronic obstructive pulmonary disease\nCOPD is long term damage to the lungs.\n',
      },
      {
        title: 'words inside a cited title',
        kind: 'page',
        text: 'Gout\nMore is in the NIAMS fact sheet, "Questions and answers about idiopathic hyperuricemia."\n',
      },
      {
        kind: 'page',
        text: 'During this window, the mesoderm—the layer of cells that forms bones and muscles—does not develop properly.\n',
      },
      { kind: 'page', text: 'It happens sporadically, meaning by chance.\n' },
      {
        title: 'explained by the next sentence',
        kind: 'page',
        text: 'This is an autoimmune condition. That means the immune system attacks the body’s own tissue by mistake.\n',
      },
      {
        title: 'the plain words first, the term in brackets',
        kind: 'page',
        text: 'The likely range was 44 to 215 times (the 95% confidence interval).\n',
      },
      { kind: 'page', text: 'The estimates use data from the U.S. Renal Data System.\n' },
      {
        title: 'explained by contrast with the term just defined',
        kind: 'page',
        text: 'Acute refers to conditions that happen suddenly and last a short time. Acute is the opposite of chronic.\n',
      },
      {
        title: 'the plain word said just before',
        kind: 'page',
        text: 'A polyp has been found in your stomach. What is a gastric polyp? A polyp is a small growth.\n',
      },
      {
        title: 'a term the page asks about and answers in its own section',
        kind: 'page',
        text: 'Crohn’s disease causes swelling in the gastrointestinal (GI) tract.\nWhat is the gastrointestinal tract?\nThe GI tract is a long tube from the mouth to the anus.\n',
      },
    ],
    notOk: [
      {
        title: 'a jargon word before a generic word ("disease") on a condition page',
        kind: 'page',
        text: 'Chest conditions, a management guide\nChronic obstructive pulmonary disease\nCOPD is a progressive disease.\n',
        expected: [
          says(
            '3:11',
            '"progressive" is medical jargon with no plain explanation',
            'say "getting worse over time" instead, or explain it the first time (e.g. "progressive (getting worse over time)")',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'What causes sacral agenesis?\nThe exact etiology of sacral agenesis remains largely unknown.\n',
        expected: [
          says(
            '2:11',
            '"etiology" is medical jargon with no plain explanation',
            'say "cause" instead, or explain it the first time (e.g. "etiology (cause)")',
          ),
        ],
      },
      {
        kind: 'markdown',
        text: 'It starts during embryogenesis. Later, embryogenesis (early growth of the baby) continues.\n',
        expected: [
          says(
            '1:18',
            '"embryogenesis" is medical jargon with no plain explanation',
            'say "early development of the baby in the womb" instead, or explain it the first time (e.g. "embryogenesis (early development of the baby in the womb)")',
          ),
        ],
      },
      {
        title: 'a term whose "(GI)" is only its abbreviation',
        kind: 'page',
        text: 'Digestive research\nThese disorders affect the gastrointestinal (GI) tract, liver and pancreas.\n',
        expected: [
          says(
            '2:28',
            '"gastrointestinal" is medical jargon with no plain explanation',
            'say "stomach and bowel" instead, or explain it the first time (e.g. "gastrointestinal (stomach and bowel)")',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Diabetes\nIt is based on hemoglobin A1C (A1C) levels.\n',
        expected: [
          says(
            '2:16',
            '"hemoglobin A1C" is medical jargon with no plain explanation',
            'say "a blood test of average blood sugar over 2 to 3 months" instead, or explain it the first time (e.g. "hemoglobin A1C (a blood test of average blood sugar over 2 to 3 months)")',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    const extra = Object.keys(options.terms);
    const pattern = extra.length
      ? termPattern([...JARGON_TERMS, ...extra].sort((a, b) => b.length - a.length))
      : DEFAULT_PATTERN;
    const glossary: Readonly<Record<string, string>> = extra.length
      ? {
          ...JARGON,
          ...Object.fromEntries(Object.entries(options.terms).map(([k, v]) => [k.toLowerCase(), v])),
        }
      : JARGON;
    const index = extra.length ? glossaryIndex(glossary) : DEFAULT_INDEX;
    const allowed = new Set(options.allow.map((a) => a.toLowerCase()));
    const topic = new Set([...doc.topicWords, ...conditionNameWords(doc)]);
    const decided = new Set<string>();
    const sentences = proseSentences(doc);
    // A term the page asks about and answers in its own section ("What is the gastrointestinal
    // tract? The GI tract is a series of hollow organs …") is explained there, wherever it is
    // first used.
    const asked = new Set<string>();
    sentences.forEach((s, si) => {
      if (!WHAT_IS.test(s.text) || !sentences[si + 1]) return;
      for (const m of s.text.matchAll(pattern)) {
        const key = keyOf(m[0], index);
        if (key) asked.add(key);
      }
    });
    sentences.forEach((s, si) => {
      // A topic title written as a list item ("- Biomarkers" over the paragraph that explains it)
      // names the topic: its words are not reported and do not use up the first use.
      if (isTopicTitle(doc, s.paragraph)) return;
      const titles = citedTitles(s.text);
      for (const m of s.text.matchAll(pattern)) {
        const found = m[0];
        const key = keyOf(found, index);
        if (!key || decided.has(key) || allowed.has(key) || asked.has(key)) continue;
        if (key.split(/[\s-]+/).every((w) => topic.has(w) || topic.has(`${w}s`))) continue;
        const at = m.index ?? 0;
        const after = s.text.slice(at + found.length);
        const before = s.text.slice(0, at);
        // A form of the page's own condition: "gestational diabetes" on a diabetes page, "acute
        // kidney injury" on a kidney page. The name is the page's subject, not jargon.
        // A generic word ("a progressive disease", "cardiovascular disease") names no condition.
        const next = /^[\s-]+([\p{L}'’-]+)/u.exec(after)?.[1]?.toLowerCase();
        if (
          next &&
          !FUNCTION_WORD.test(next) &&
          !GENERIC_CONDITION_WORD.test(next) &&
          (topic.has(next) || topic.has(next.replace(/s$/, '')))
        )
          continue;
        // Words inside a cited title ('the NEI fact sheet "Don't Lose Sight of Cataract"') are the
        // title's, not the page's prose; the title does not use up the first use either.
        if (titles.some(([a, b]) => at >= a && at < b)) continue;
        decided.add(key);
        // Part of a name ("the U.S. Renal Data System"): a capitalised word next to another one,
        // not at the start of the sentence. Names are not prose jargon.
        const prevWord = /(\S+)\s+$/.exec(before.slice(-100))?.[1];
        const nextWord = /^\s+(\S+)/.exec(after.slice(0, 100))?.[1];
        if (capitalised(found) && (capitalised(nextWord) || (at > 0 && capitalised(prevWord)))) {
          decided.delete(key);
          continue;
        }
        const rest = after.slice(ABBREVIATION_AFTER.exec(after)?.[0].length ?? 0);
        const following = sentences[si + 1];
        const nextExplains =
          following !== undefined &&
          following.paragraph === s.paragraph &&
          EXPLAINED_NEXT.test(following.text);
        if (
          EXPLAINED_AFTER.test(rest) ||
          CONTRAST_AFTER.test(after) ||
          EXPLAINED_BEFORE.test(before) ||
          EXPLAINED_LATER.test(after) ||
          nextExplains ||
          plainWordBefore(doc, s.paragraph, s.start + at, glossary[key]!)
        )
          continue;
        report({
          start: s.start + at,
          end: s.start + at + found.length,
          message: `"${found}" is medical jargon with no plain explanation`,
          hint: `say "${glossary[key]}" instead, or explain it the first time (e.g. "${found} (${glossary[key]})")`,
        });
      }
    });
  },
};

/**
 * The term's plain word, when it is one word, said shortly before it in the same paragraph: "A
 * polyp has been found in your stomach … What is a gastric polyp?" The reader already has the
 * plain word for what the term names.
 */
function plainWordBefore(doc: LintDocument, paragraph: number, at: number, plain: string): boolean {
  if (!/^[a-z]{3,}$/.test(plain)) return false;
  const p = doc.paragraphs[paragraph];
  if (!p) return false;
  const window = doc.text.slice(Math.max(p.start, at - PLAIN_WORD_WINDOW), at).toLowerCase();
  const i = window.lastIndexOf(plain);
  return i >= 0 && !/[a-z]/.test(window[i - 1] ?? '') && !/[a-z]/.test(window[i + plain.length] ?? '');
}

/** A short list item with no sentence punctuation, followed by a prose paragraph of sentences. */
function isTopicTitle(doc: LintDocument, index: number): boolean {
  const p = doc.paragraphs[index]!;
  const next = doc.paragraphs[index + 1];
  if (p.kind !== 'list-item' || !next || next.kind !== 'paragraph') return false;
  const text = doc.text
    .slice(p.start + p.labelLength, p.end)
    .replace(/^\s*(?:[-*+•]|\d+[.)])\s+/, '')
    .trim();
  const words = text.split(/\s+/).filter(Boolean).length;
  const after = doc.text.slice(next.start, next.end).trim();
  return (
    words >= 1 &&
    words <= 4 &&
    !/[.!?:;,]$/.test(text) &&
    /^\p{Lu}/u.test(text) &&
    after.split(/\s+/).length > 12 &&
    /[.!?]["”’)]?$/.test(after)
  );
}

/** Each term written with single spaces → its glossary key (the first key when two agree). */
function glossaryIndex(glossary: Readonly<Record<string, string>>): Map<string, string> {
  const index = new Map<string, string>();
  for (const k of Object.keys(glossary)) {
    const norm = k.replace(/[\s-]+/g, ' ');
    if (!index.has(norm)) index.set(norm, k);
  }
  return index;
}

const DEFAULT_INDEX = glossaryIndex(JARGON);

/** The glossary key of a match: as written, or without its plural "-es" or "-s". */
function keyOf(found: string, index: ReadonlyMap<string, string>): string | undefined {
  const norm = found.toLowerCase().replace(/[\s-]+/g, ' ');
  return index.get(norm) ?? index.get(norm.replace(/es$/, '')) ?? index.get(norm.replace(/s$/, ''));
}

/** Words of a title that name nothing ("Solving the mysteries of the brain"). */
const FUNCTION_WORD =
  /^(?:of|the|a|an|and|or|for|with|from|that|this|these|those|into|in|on|to|at|by|your|their|our|its|about|what|when|how|why|who|is|are|be|can|may|you|we|it|as|than|not|no)$/;

/** Words that end many condition names but name none by themselves. */
const GENERIC_CONDITION_WORD = /^(?:diseases?|disorders?|conditions?|syndromes?|illness(?:es)?|problems?)$/;

/** The last word of a name of a condition ("… disease", "… syndrome", "arthritis", "anemia"). */
const CONDITION_WORD =
  /(?:disease|disorder|syndrome|condition|diabetes|cancer|injury|infection|failure|deficiency|itis|osis|emia|aemia|pathy|plasia|trophy)s?$/i;

/**
 * Words of the conditions a page names as its own: short heading-like lines that end in a
 * condition word ("Chronic obstructive pulmonary disease" as a section title). With the title
 * and the question, these are "the page's own condition names".
 */
function conditionNameWords(doc: LintDocument): string[] {
  const words: string[] = [];
  for (const p of doc.paragraphs) {
    if (p.part !== 'body' && p.part !== 'title') continue;
    const text = doc.text.slice(p.start + p.labelLength, p.end).trim();
    if (text.length > 80 || /[.:;,!?]$/.test(text)) continue;
    const ws = text.toLowerCase().match(/[a-z][a-z'-]+/g) ?? [];
    if (ws.length === 0 || ws.length > 8 || !CONDITION_WORD.test(ws[ws.length - 1]!)) continue;
    words.push(...ws);
  }
  return words;
}

/** Publications a quoted title may belong to. */
const PUBLICATION_BEFORE =
  /\b(?:fact\s?sheets?|booklets?|brochures?|leaflets?|reports?|articles?|papers?|publications?|guides?|studies|study|books?|titled|entitled|called|see|in|from)\W{0,4}$/i;

/** Offsets [start, end) of quoted titles in a sentence: after a publication word, or in title case. */
export function citedTitles(sentence: string): [number, number][] {
  const out: [number, number][] = [];
  if (!/["“]/.test(sentence)) return out;
  for (const m of sentence.matchAll(/["“]([^"”\n]{3,300}?)["”]/g)) {
    const start = m.index ?? 0;
    const inner = m[1]!;
    const long = inner.match(/[\p{L}'’-]{4,}/gu) ?? [];
    const titleCase = long.length >= 2 && long.filter((w) => /^\p{Lu}/u.test(w)).length / long.length >= 0.6;
    if (titleCase || PUBLICATION_BEFORE.test(sentence.slice(Math.max(0, start - 40), start)))
      out.push([start, start + m[0].length]);
  }
  return out;
}
