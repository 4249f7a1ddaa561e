import { wordCount } from '../detect/prose.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions, PROSE_PARTS } from './util.js';

/** Labels that introduce the next paragraph rather than a list ("Note:", "Example:"). */
const LABEL =
  /^(?:\W*)(?:note|notes|tip|tips|warning|caution|important|example|examples|summary|tl;?\s?dr|update|updated|answer|question|q|a|source|sources|references?|disclaimer|medical disclaimer|in short|bottom line|remember|key point)\s*:$/i;

/** The text of a paragraph minus trailing citations, emphasis and spaces. */
function trimmedEnd(text: string): string {
  let e = text.length;
  for (;;) {
    const c = text[e - 1];
    if (c === undefined) break;
    if (/[\s*_]/.test(c)) {
      e--;
      continue;
    }
    if (c === ']') {
      const open = text.lastIndexOf('[', e - 1);
      if (open >= 0 && e - open <= 100 && /^\[(?:\^[^\]\s]+|\d+)\]$/.test(text.slice(open, e))) {
        e = open;
        continue;
      }
    }
    break;
  }
  return text.slice(0, e);
}

/** A short fragment or run of fragments reads as list items even without markers. */
function looksLikeItems(text: string): boolean {
  const t = text.trim();
  // Another intro ("You should:" then "You could also try:") is not an item: both lists are
  // missing. An item that continues its intro ("symptoms of flu and:") is one, with sub-items.
  if (t.endsWith(':')) return /\b(?:and|or)\s*:$/i.test(t);
  if (wordCount(t) <= 12 && !/[.!?]["”’)]?$/.test(t)) return true;
  return runTogetherItems(t);
}

/**
 * Items run together on one line, as pages copied without their bullets print them: "Black and
 * over age 40, over age 60, or you have a family history of glaucoma." One sentence of at least
 * three short comma-separated parts, none of which starts a new clause ("but", "which", "so").
 */
function runTogetherItems(text: string): boolean {
  if (wordCount(text) > 30 || /[.!?]\s+\S/.test(text)) return false;
  const parts = text.replace(/[.!?]["”’)]?$/, '').split(/\s*[,;]\s*/);
  return (
    parts.length >= 3 &&
    // "The risk factors you can't control are age, gender, and family history." is a sentence.
    !/\b(?:is|are|was|were|has|have|had|can|can['’]t|cannot|will|may|might|should|must|do|does|did)\b/i.test(
      parts[0]!,
    ) &&
    parts.every((p) => wordCount(p) >= 1 && wordCount(p) <= 8) &&
    !parts.slice(1).some((p) => /^(?:but|which|so|because|although|though|while|who|where|when)\b/i.test(p))
  );
}

/**
 * A section heading written with a colon ("Health Risk Factors:"): two to six words, each
 * capitalised but for short joining words, not ending in a word that opens a list ("include",
 * "are", "following"), and followed by a prose paragraph of whole sentences. Its section follows,
 * not a list.
 */
function headingWithColon(intro: string, next: string | undefined): boolean {
  const words = intro.replace(/:$/, '').trim().split(/\s+/);
  if (words.length < 2 || words.length > 6) return false;
  if (
    !words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|and|or|the|a|an|in|on|for|to|with|&)$/.test(w))
  )
    return false;
  if (
    /\b(?:include|includes|including|are|is|were|was|following|these|below|to|as|such)$/i.test(words.at(-1)!)
  )
    return false;
  const t = next?.trim() ?? '';
  return wordCount(t) > 12 && /[.!?]["”’)]?$/.test(t) && /^\p{Lu}/u.test(t);
}

/**
 * A glossary entry: a term with its pronunciation in brackets and a colon ("abdomen (AB-doh-men):",
 * "activated charcoal (AK-tih-vayt-ed) (CHAR-kohl):"), its definition on the next line. A
 * pronunciation is syllables joined by hyphens, at least one of them stressed (capitals) and one not.
 */
const PRONUNCIATION = /\(\s*[A-Za-z]+(?:-[A-Za-z]+)+\s*\)/g;
function glossaryEntry(intro: string): boolean {
  const bare = intro.replace(/:$/, '').trimEnd();
  if (!bare.endsWith(')') || wordCount(bare) > 12) return false;
  let rest = bare;
  let found = 0;
  for (const m of bare.matchAll(PRONUNCIATION)) {
    const syllables = m[0].slice(1, -1).trim().split('-');
    if (!syllables.some((x) => /^[A-Z]{2,}$/.test(x)) || !syllables.some((x) => /^[a-z]+$/.test(x)))
      return false;
    rest = rest.replace(m[0], ' ');
    found++;
  }
  // What is left is the term itself: a few words, no sentence.
  return found > 0 && /^[\p{L}\p{N}'’ ,-]+$/u.test(rest.trim()) && wordCount(rest) <= 5;
}

/**
 * A sub-heading with a colon that carries its own list ("Other sites include the following:" then
 * "General Health Information Websites:" and its sites): the outer intro's list is there, nested.
 * Two to six capitalised words (short joining words aside) and items after it.
 */
function subHeadingWithItems(text: string, after: string | true | undefined): boolean {
  const words = text.replace(/:$/, '').trim().split(/\s+/);
  if (!text.endsWith(':') || words.length < 2 || words.length > 6) return false;
  if (
    !words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|and|or|the|a|an|in|on|for|to|with|&)$/.test(w))
  )
    return false;
  return after === true || (after !== undefined && looksLikeItems(after));
}

/** A list intro that lost its colon and its list where the stored page was cut: "Common asthma triggers include". */
const CUT_INTRO = /\b(?:include|includes|including|are|such\s+as|the\s+following)$/i;

/** Headings that end in "are" without promising a list: "Who we are", "Where you are". */
const QUESTION_START = /^\W*(?:who|what|where|how|why|when|which)\b/i;

/** One-word intros that open a list on NHS pages ("Do:", "Don't:"): a list, not a label. */
const ONE_WORD_INTRO = /^\W*(?:do|don['’]t|do not|avoid|try)\s*:$/i;

/** The fix hint of every message (pinned by the examples). */
const HINT = 'add the list items, or rewrite the sentence so it does not promise a list';

/** "The mechanisms behind this link include:" followed by nothing: the list was lost. */
export const listEmpty: Rule<NoOptions> = {
  id: 'list-empty',
  severity: 'error',
  options: NoOptions,
  docs: {
    summary:
      'A sentence ends with ":" to introduce a list (or, cut off, with its list word: "Common triggers include"), and no list follows.',
    why: 'A colon promises the reader a list; when the items are missing (often lost when content is copied between systems) the page makes a claim it never backs up, and the reader cannot tell what was left out.',
    references: [
      {
        title: 'NHS digital service manual: content style guide — bullet points',
        url: 'https://service-manual.nhs.uk/content/formatting-and-punctuation',
      },
      {
        title: 'GOV.UK style guide: bullet points',
        url: 'https://www.gov.uk/guidance/style-guide/a-to-z-of-gov-uk-style#bullet-points-and-steps',
      },
    ],
    ok: [
      {
        title: 'items run together on one line',
        kind: 'page',
        text: 'Glaucoma\nYou are at a higher risk if you are:\nBlack and over age 40, over age 60, or you have a family history of glaucoma.\n',
      },
      {
        kind: 'markdown',
        text: 'The mechanisms behind this link include:\n\n- high blood sugar early in pregnancy\n- changes in how cells signal\n',
      },
      { kind: 'page', text: 'Signs include: a flat bottom, short legs and weak leg muscles.\n' },
      {
        title: 'glossary entries: a term, its pronunciation and a colon, the definition below',
        kind: 'page',
        text: 'Digestive diseases dictionary\nabdomen (AB-doh-men):\nthe area between the chest and hips.\nactivated charcoal (AK-tih-vayt-ed) (CHAR-kohl):\na substance that may be used to treat poisoning.\n',
      },
      {
        title: 'an intro whose list is under sub-headings',
        kind: 'page',
        text: 'Leaflets\nOther sites for information include the following:\nGeneral Health Information Websites:\nPatient UK : Health and information leaflets\n',
      },
      {
        title: 'a section heading written with a colon',
        kind: 'page',
        text: 'Preventing chronic diseases\nHealth Risk Factors:\nToday, 7 of the 10 leading causes of death in the United States are chronic diseases.\n',
      },
    ],
    notOk: [
      {
        title: 'an intro followed directly by another intro',
        kind: 'page',
        text: 'Cough\nYou should:\nYou could also try:\nRest is good and most people get better.\n',
        expected: [
          says('2:1', '"You should:" introduces a list, but no list follows', HINT),
          says('3:1', '"You could also try:" introduces a list, but no list follows', HINT),
        ],
      },
      {
        kind: 'page',
        text: 'Diabetes is the main known risk factor. The mechanisms behind this link include:\nDespite advances in biology, the exact cause remains unknown in most cases.\n',
        expected: [
          says(
            '1:41',
            '"The mechanisms behind this link include:" introduces a list, but no list follows',
            HINT,
          ),
        ],
      },
      {
        title: 'an intro that lost its colon and its list',
        kind: 'page',
        text: 'Asthma\nIt may happen randomly or after exposure to a trigger.\nCommon asthma triggers include\n',
        expected: [
          says('3:1', '"Common asthma triggers include" introduces a list, but no list follows', HINT),
        ],
      },
      {
        kind: 'markdown',
        text: 'Ways to lower the chance include:\n',
        expected: [
          says('1:1', '"Ways to lower the chance include:" introduces a list, but no list follows', HINT),
        ],
      },
    ],
  },
  check(doc, { report }) {
    const paragraphs = doc.paragraphs;
    paragraphs.forEach((p, i) => {
      if (!PROSE_PARTS.includes(p.part) || p.kind === 'table') return;
      const body = trimmedEnd(doc.text.slice(p.start, p.end));
      // A short line read as a heading may still be an intro cut off at its list word.
      const cut = /[a-z]$/.test(body.slice(-1)) && CUT_INTRO.test(body.slice(-24));
      if (p.kind === 'heading' && !(cut && !QUESTION_START.test(body))) return;
      const last = doc.sentences[p.firstSentence + p.sentenceCount - 1];
      const sentenceStart = last ? last.start : p.start;
      const colon = body.endsWith(':');
      // Without a colon, only a sentence cut off at its list word ("… reactions are") promises a list.
      if (!colon && !cut) return;
      const intro = trimmedEnd(doc.text.slice(sentenceStart, p.start + body.length));
      if (!colon && wordCount(intro) < 3) return;
      if (LABEL.test(intro) || (wordCount(intro) < 2 && !ONE_WORD_INTRO.test(intro))) return;
      if (glossaryEntry(intro)) return;
      // The page's first line, where its title goes ("Get help with minor illnesses and injuries:"),
      // introduces the page's sections, not a list.
      if (
        doc.kind === 'page' &&
        i === 0 &&
        p.sentenceCount === 1 &&
        !doc.title &&
        !doc.text.slice(0, p.start).trim()
      )
        return;
      const next = paragraphs[i + 1];
      if (next && next.kind !== 'list-item' && headingWithColon(intro, doc.text.slice(next.start, next.end)))
        return;
      const nextText = next ? doc.text.slice(next.start, next.end) : '';
      const afterNext = paragraphs[i + 2];
      const itemsFollow =
        next &&
        next.part === p.part &&
        (next.kind === 'list-item' ||
          next.kind === 'table' ||
          looksLikeItems(nextText) ||
          subHeadingWithItems(
            trimmedEnd(nextText),
            !afterNext || afterNext.part !== p.part
              ? undefined
              : afterNext.kind === 'list-item' || doc.text.slice(afterNext.start, afterNext.end),
          ));
      if (itemsFollow) return;
      report({
        start: sentenceStart,
        end: p.start + body.length,
        message: `"${intro.length > 60 ? `…${intro.slice(-57)}` : intro}" introduces a list, but no list follows`,
        hint: HINT,
      });
    });
  },
};
