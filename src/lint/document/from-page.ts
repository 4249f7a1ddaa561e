/**
 * A LintDocument from a published page (plain text or HTML), as `medbrief audit` reads it. The
 * page's parts are recognised by how pages write them: a metadata header ("Short answer ·
 * Medically reviewed · Last updated: …"), a title, a "TL;DR:" paragraph, the question (a sentence
 * ending in "?"), the body, a sources list and a "Medical disclaimer".
 */
import { normaliseText } from '../../content/index.js';
import { splitSentences } from '../../content/text/sentences.js';
import { isDisclaimer } from '../detect/disclaimer.js';
import { DocumentAssembler, numberedRefs, TLDR_LABEL } from './assemble.js';
import { pageBlocks } from './blocks.js';
import type { LintDocument, SourceEntry, Span, TextUnit } from './document.js';
import { topicWordsOf } from './from-answer.js';
import { htmlToText, looksLikeHtml } from './html-to-text.js';
import { META_LINE, type PageMeta, readMetaLine } from './page-meta.js';
import { continuesSource, looksLikeSourceLine, readSourceEntry } from './sources.js';

const SOURCES_HEADING =
  /^\W*(?:sources?|references?|bibliography|citations?|works cited|further reading|evidence)\s*:?\s*$/i;
const QUESTION_LABEL = /^(?:question|q)\s*[:.]\s*/i;
/** A page that calls itself a short answer (in its header or a label line). */
const SHORT_ANSWER_LABEL = /\bshort answer\b/i;

/** Curly apostrophes and quotes as straight ones, one character for one (offsets unchanged). */
export function normaliseQuotes(s: string): string {
  return s.replace(/[‘’ʼ′]/g, "'").replace(/[“”″]/g, '"');
}

function words(s: string): number {
  return (s.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []).length;
}

function unitOf(text: string, start: number, end: number): TextUnit {
  return { start, end, text: text.slice(start, end) };
}

export function documentFromPage(input: string, file = '<page>'): LintDocument {
  const source = normaliseText(input);
  let text = source;
  let map: number[] | null = null;
  if (looksLikeHtml(source)) {
    const mapped = htmlToText(source);
    text = mapped.text;
    map = mapped.map;
  }
  // Typographic quotes match like straight ones ("isn’t always" is "isn't always"); same length,
  // so every offset still maps to the input.
  text = normaliseQuotes(text);
  const asm = new DocumentAssembler(text);
  const blocks = pageBlocks(text, 0, text.length);
  const meta: PageMeta = {};
  let header: TextUnit | undefined;
  let title: TextUnit | undefined;
  let tldr: TextUnit | undefined;
  let question: TextUnit | undefined;
  let disclaimer: TextUnit | undefined;
  let bodyStart = -1;
  let bodyEnd = -1;
  let inSources = false;
  let prevSourceContent = 0;
  const sources: SourceEntry[] = [];
  let labelledShort = false;
  const startBody = (start: number, end: number) => {
    if (bodyStart < 0) bodyStart = start;
    bodyEnd = end;
  };

  for (const b of blocks) {
    const line = text.slice(b.start, b.end);
    const n = words(line);
    if (/^<!--.*-->$/.test(line)) continue; // a disable comment kept from HTML
    const isMeta = META_LINE.test(line) && n <= 30 && !TLDR_LABEL.test(line);
    if (isMeta) {
      if (SHORT_ANSWER_LABEL.test(line)) labelledShort = true;
      readMetaLine(line, b.start, meta);
      if (bodyStart < 0 && !header) header = unitOf(text, b.start, b.end);
      asm.add('paragraph', 'header', b.start, b.end);
      continue;
    }
    // A disclaimer after the sources list is the disclaimer, not an entry without a URL.
    if (line.length <= 2000 && (!inSources || !looksLikeSourceLine(line)) && isDisclaimer(line)) {
      disclaimer ??= unitOf(text, b.start, b.end);
      asm.add('paragraph', 'disclaimer', b.start, b.end);
      continue;
    }
    if (SOURCES_HEADING.test(line)) {
      inSources = true;
      asm.add('heading', 'sources', b.start, b.end);
      continue;
    }
    if (inSources) {
      const prev = sources[sources.length - 1];
      if (prev && continuesSource(text, b.start, b.end, prev))
        sources[sources.length - 1] = readSourceEntry(text, prev.span.start, prevSourceContent, b.end);
      else {
        sources.push(readSourceEntry(text, b.start, b.contentStart, b.end));
        prevSourceContent = b.contentStart;
      }
      asm.add('table', 'sources', b.start, b.end); // not prose: no sentences
      continue;
    }
    const label = TLDR_LABEL.exec(line);
    if (label) {
      const contentStart = b.start + label[0].length;
      // A TL;DR paragraph may run on into the question and the body (as the seed page does).
      const sentences = splitSentences(text, contentStart, b.end);
      const q = question ? -1 : sentences.findIndex((s, i) => i > 0 && text[s.end - 1] === '?');
      const tldrEnd = q > 0 ? sentences[q - 1]!.end : b.end;
      if (!tldr) tldr = unitOf(text, contentStart, tldrEnd);
      asm.add('paragraph', 'tldr', b.start, tldrEnd, contentStart);
      if (q > 0) {
        const qs = sentences[q]!;
        question = unitOf(text, qs.start, qs.end);
        const rest = sentences[q + 1];
        if (rest) {
          asm.add('paragraph', 'body', rest.start, b.end);
          startBody(rest.start, b.end);
        }
      }
      continue;
    }
    const qLabel = QUESTION_LABEL.exec(line);
    if (!question && bodyStart < 0 && (qLabel || (line.trimEnd().endsWith('?') && n <= 30))) {
      question = unitOf(text, b.start + (qLabel?.[0].length ?? 0), b.end);
      continue;
    }
    if (
      !title &&
      !tldr &&
      !question &&
      bodyStart < 0 &&
      n <= 15 &&
      !/[.:;,]$/.test(line) &&
      b.kind !== 'list-item'
    ) {
      title = unitOf(text, b.start, b.end);
      asm.add('heading', 'title', b.start, b.end);
      continue;
    }
    const isHeading = b.kind === 'paragraph' && n <= 8 && !/[.:;,!?]$/.test(line) && bodyStart >= 0;
    asm.add(isHeading ? 'heading' : b.kind, 'body', b.start, b.end, b.contentStart);
    startBody(b.start, b.end);
  }
  const body: Span =
    bodyStart >= 0 ? { start: bodyStart, end: bodyEnd } : { start: text.length, end: text.length };
  const toSource = map ? (o: number) => map[Math.max(0, Math.min(o, map.length - 1))]! : (o: number) => o;
  const proseSpans = asm.paragraphs.filter((p) => p.part === 'body' || p.part === 'tldr');
  return {
    file,
    kind: 'page',
    text,
    source,
    toSource,
    title,
    header,
    question,
    tldr,
    disclaimer,
    body,
    paragraphs: asm.paragraphs,
    sentences: asm.sentences,
    sources,
    citations: numberedRefs(text, proseSpans),
    review: meta.review,
    updated: meta.updated,
    topicWords: topicWordsOf([title?.text, question?.text]),
    pageType: labelledShort || tldr ? 'short-answer' : 'full-page',
  };
}
