/** Turning blocks into the paragraphs and sentences every rule reads. */

import { splitSentences } from '../../content/text/sentences.js';
import type { Block } from './blocks.js';
import type { CitationRef, Paragraph, PartName, Sentence, Span } from './document.js';

/** Labels that start a TL;DR or summary paragraph on pages ("TL;DR:", "In short:", …). */
export const TLDR_LABEL =
  /^(?:\*\*)?(?:tl;?\s?dr|tl-dr|in short|in brief|the short answer|short answer|quick answer|summary|key points?|at a glance|bottom line)(?:\*\*)?\s*[:—–-]\s*(?:\*\*)?\s*/i;

/**
 * Sentences analysed per document. Real pages have a few hundred; a megabyte of two-letter
 * "sentences" would otherwise cost every sentence rule a full pass each. Prose after the cap is
 * still part of its paragraph (paragraph rules see it) but sentence rules do not.
 */
export const MAX_SENTENCES = 5_000;

export class DocumentAssembler {
  readonly paragraphs: Paragraph[] = [];
  readonly sentences: Sentence[] = [];
  constructor(private readonly text: string) {}

  /** Adds `[start, end)` as one paragraph of `part`; `contentStart` skips markers and labels. */
  add(
    kind: Paragraph['kind'],
    part: PartName,
    start: number,
    end: number,
    contentStart = start,
  ): Paragraph | null {
    let s = contentStart;
    while (s < end && /\s/.test(this.text[s]!)) s++;
    if (end <= s) return null;
    const p: Paragraph = {
      kind,
      part,
      start,
      end,
      text: this.text.slice(start, end),
      firstSentence: this.sentences.length,
      sentenceCount: 0,
      labelLength: s - start,
    };
    const index = this.paragraphs.length;
    if (kind !== 'table' && this.sentences.length < MAX_SENTENCES) {
      for (const span of splitSentences(this.text, s, end)) {
        if (this.sentences.length >= MAX_SENTENCES) break;
        this.sentences.push({ ...span, text: this.text.slice(span.start, span.end), paragraph: index, part });
        p.sentenceCount++;
      }
    }
    this.paragraphs.push(p);
    return p;
  }

  addBlocks(blocks: Block[], part: PartName): void {
    for (const b of blocks) this.add(b.kind, part, b.start, b.end, b.contentStart);
  }
}

const FOOTNOTE_REF = /\[\^([^\]\s[]{1,100})\]/g; // definitions are separate blocks, not in these spans
const NUMBERED_REF = /\[(\d{1,3}(?:\s*[,–-]\s*\d{1,3})*)\]|([¹²³⁴⁵⁶⁷⁸⁹⁰]+)/g;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Footnote references `[^id]` in the given spans. */
export function footnoteRefs(text: string, spans: Span[]): CitationRef[] {
  const out: CitationRef[] = [];
  for (const span of spans) {
    for (const m of text.slice(span.start, span.end).matchAll(FOOTNOTE_REF)) {
      const start = span.start + (m.index ?? 0);
      out.push({ id: m[1]!, span: { start, end: start + m[0].length } });
    }
  }
  return out;
}

/** Numbered references on pages: [1], [1, 2], [1–3], superscript digits. */
export function numberedRefs(text: string, spans: Span[]): CitationRef[] {
  const out: CitationRef[] = [];
  for (const span of spans) {
    for (const m of text.slice(span.start, span.end).matchAll(NUMBERED_REF)) {
      const start = span.start + (m.index ?? 0);
      const s = { start, end: start + m[0].length };
      if (m[2]) {
        const n = [...m[2]].map((c) => SUPERSCRIPT_DIGITS.indexOf(c)).join('');
        out.push({ id: n, span: s });
        continue;
      }
      for (const part of m[1]!.split(/\s*,\s*/)) {
        const range = /^(\d+)\s*[–-]\s*(\d+)$/.exec(part);
        if (range) {
          const a = Number(range[1]);
          const b = Math.min(Number(range[2]), a + 50);
          for (let n = a; n <= b; n++) out.push({ id: String(n), span: s });
        } else out.push({ id: part.trim(), span: s });
      }
    }
  }
  return out;
}
