/**
 * Citation scope: a figure is cited when its sentence cites a source, or when the paragraph or
 * the page section it is in is covered by a source.
 *
 *   paragraph  its last sentence ends in a reference marker ("… in 2019.[3]", "(Smith 2019).",
 *              a superscript), or its first sentence opens by naming the source ("According to
 *              the CDC, …", "Figures from NHS Digital show …");
 *   section    a covering source statement in the section (between two headings): "The figures
 *              in this section come from the ONS", "Source: National Institute of Mental Health";
 *   page       a covering statement about the whole page ("The estimates in this fact sheet were
 *              derived from data systems of the CDC …"), or a "Source: …" line before the first
 *              heading.
 *
 * A covering statement must name its source (an organisation, a citation marker or a link); "the
 * figures on this page come from research" covers nothing. Pure: a document in, a predicate out.
 */
import type { LintDocument, Sentence } from '../document/document.js';
import { hasCitation } from './citations.js';

/** A reference marker at the very end of a sentence (before any closing punctuation). */
const TRAILING_MARKER =
  /(?:\[\^[^\]\s[]{1,100}\]|\[\d{1,3}(?:\s*[,–-]\s*\d{1,3})*\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\((?:see\s+)?\p{Lu}[^()]{1,120}?,?\s+(?:19|20)\d\d[a-z]?\))[\s.,;:!?"'”’)]*$/u;

/** "According to the CDC, …", "Figures from NHS Digital show …": the sentence names its source first. */
const OPENS_WITH_SOURCE =
  /^\W*(?:according to|as reported by|(?:data|figures|statistics|estimates)\s+(?:from|published by|by))\s/i;

/** "The estimates in this fact sheet were derived from …", "All figures on this page come from …". */
const COVERING =
  /\b(?:the|all|these|our)\s+(?:figures|statistics|estimates|numbers|data|rates|percentages|facts)\s+(?:(?:in|on|throughout|used\s+in|given\s+in|quoted\s+in)\s+this\s+(page|fact\s*sheet|factsheet|article|leaflet|booklet|report|summary|section|guide|website)\s+)?(?:come|came|are|were|is|was|have\s+been)\s+(?:from|derived|taken|drawn|based|sourced|estimated|calculated|compiled)\b/i;

/** A "Source: …" line (not the "Sources" heading of a list). */
const SOURCE_LINE = /^\W*(?:data\s+)?sources?\s*:\s*(\S.*)$/i;

/** Names a source: a citation, an acronym (CDC, NHS), or a capitalised name of two words or more. */
function namesSource(text: string): boolean {
  return (
    hasCitation(text) ||
    /\b\p{Lu}{2,}\b/u.test(text) ||
    /\p{Lu}[\p{Ll}'’.-]+(?:\s+(?:(?:of|for|and|on|&)\s+)?\p{Lu}[\p{Ll}'’.-]+)+/u.test(text)
  );
}

/** Returns whether a sentence is covered by a citation in its sentence, paragraph, section or page. */
export function citationScope(doc: LintDocument): (s: Sentence) => boolean {
  const paragraphs = doc.paragraphs;
  const n = paragraphs.length;
  // Sections: runs of paragraphs between headings, as [first, end) paragraph indices (one pass each way).
  const sectionStart = new Array<number>(n);
  const sectionEnd = new Array<number>(n);
  for (let i = 0, a = 0; i < n; i++) {
    if (paragraphs[i]!.kind === 'heading') a = i;
    sectionStart[i] = a;
  }
  for (let i = n - 1, b = n; i >= 0; i--) {
    sectionEnd[i] = b;
    if (paragraphs[i]!.kind === 'heading') b = i;
  }
  const firstHeading = paragraphs.findIndex((p) => p.kind === 'heading' && p.part === 'body');
  // Difference array over paragraph indices: +1 where a covered run starts, -1 where it ends.
  const delta = new Array<number>(n + 1).fill(0);
  const cover = (a: number, b: number) => {
    delta[a]!++;
    delta[b]!--;
  };
  const coverSection = (i: number) => cover(sectionStart[i]!, sectionEnd[i]!);

  paragraphs.forEach((p, i) => {
    if (p.part !== 'body' && p.part !== 'tldr') return;
    const sentences = doc.sentences.slice(p.firstSentence, p.firstSentence + p.sentenceCount);
    const first = sentences[0];
    const last = sentences[sentences.length - 1];
    if (sentences.length > 1 && last && TRAILING_MARKER.test(last.text)) cover(i, i + 1);
    if (sentences.length > 1 && first && OPENS_WITH_SOURCE.test(first.text) && hasCitation(first.text))
      cover(i, i + 1);
    const line = doc.text.slice(p.start + p.labelLength, p.end);
    const source = line.length <= 300 ? SOURCE_LINE.exec(line) : null;
    if (source && namesSource(source[1]!)) {
      if (firstHeading < 0 || i < firstHeading) cover(0, n);
      else coverSection(i);
      return;
    }
    for (const s of sentences) {
      const m = COVERING.exec(s.text);
      if (!m || !namesSource(s.text.slice(m.index + m[0].length))) continue;
      // "… in this fact sheet / page …" covers the page; "… in this section …" or no scope, the section.
      if (m[1] && !/^section$/i.test(m[1])) cover(0, n);
      else coverSection(i);
    }
  });
  const covered = new Array<boolean>(n);
  for (let i = 0, run = 0; i < n; i++) {
    run += delta[i]!;
    covered[i] = run > 0;
  }
  return (s) => covered[s.paragraph] === true || hasCitation(s.text);
}
