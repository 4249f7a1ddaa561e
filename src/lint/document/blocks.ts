/**
 * Block structure of a body: paragraphs, list items, headings. Markdown bodies follow CommonMark's
 * block rules closely enough for linting (code fences, HTML comments, tables and footnote
 * definitions are not prose and are left out); pages treat every non-empty line as a block.
 */
import type { BlockKind, Span } from './document.js';

export interface Block extends Span {
  kind: BlockKind;
  /** Where the prose starts (after "- ", "# ", "> "). */
  contentStart: number;
}

const LIST_MARKER = /^[ \t]{0,3}(?:[-*+•·▪◦]|\d{1,3}[.)]|\(?[a-z]\))[ \t]+/;
const HEADING = /^[ \t]{0,3}#{1,6}[ \t]+/;
const FENCE = /^[ \t]{0,3}(```|~~~)/;
const FOOTNOTE_DEF = /^[ \t]{0,3}\[\^[^\][]{1,100}\]:/;
const THEMATIC_BREAK = /^[ \t]{0,3}(?:[-*_][ \t]*){3,}$/;

interface Line {
  start: number;
  end: number;
  text: string;
}

function linesOf(text: string, start: number, end: number): Line[] {
  const out: Line[] = [];
  let s = start;
  while (s <= end) {
    let e = text.indexOf('\n', s);
    if (e === -1 || e > end) e = end;
    out.push({ start: s, end: e, text: text.slice(s, e) });
    if (e >= end) break;
    s = e + 1;
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1]!)) e--;
  return e;
}

export function markdownBlocks(text: string, start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let current: Block | null = null;
  let inFence = false;
  let inComment = false;
  const close = () => {
    if (current) {
      current.end = trimEnd(text, current.start, current.end);
      if (current.end > current.contentStart) blocks.push(current);
    }
    current = null;
  };
  for (const line of linesOf(text, start, end)) {
    const t = line.text;
    if (inFence) {
      if (FENCE.test(t)) inFence = false;
      continue;
    }
    if (inComment) {
      if (t.includes('-->')) inComment = false;
      continue;
    }
    if (FENCE.test(t)) {
      close();
      inFence = true;
      continue;
    }
    if (/^\s*<!--/.test(t)) {
      close();
      if (!t.includes('-->')) inComment = true;
      continue;
    }
    if (!t.trim()) {
      close();
      continue;
    }
    if (FOOTNOTE_DEF.test(t) || THEMATIC_BREAK.test(t) || /^\s*\|/.test(t)) {
      close();
      if (/^\s*\|/.test(t))
        blocks.push({ kind: 'table', start: line.start, end: line.end, contentStart: line.start });
      continue;
    }
    const heading = HEADING.exec(t);
    if (heading) {
      close();
      blocks.push({
        kind: 'heading',
        start: line.start,
        end: line.end,
        contentStart: line.start + heading[0].length,
      });
      continue;
    }
    const item = LIST_MARKER.exec(t);
    if (item) {
      close();
      current = {
        kind: 'list-item',
        start: line.start,
        end: line.end,
        contentStart: line.start + item[0].length,
      };
      continue;
    }
    if (/^\s*>/.test(t)) {
      if (current?.kind !== 'blockquote') {
        close();
        const m = /^\s*>\s?/.exec(t)!;
        current = {
          kind: 'blockquote',
          start: line.start,
          end: line.end,
          contentStart: line.start + m[0].length,
        };
      } else current.end = line.end;
      continue;
    }
    if (current) current.end = line.end;
    else current = { kind: 'paragraph', start: line.start, end: line.end, contentStart: line.start };
  }
  close();
  return blocks;
}

/** A page's text: one block per non-empty line; list markers make list items. */
export function pageBlocks(text: string, start: number, end: number): Block[] {
  const blocks: Block[] = [];
  for (const line of linesOf(text, start, end)) {
    const lead = line.text.length - line.text.trimStart().length;
    const s = line.start + lead;
    const e = trimEnd(text, s, line.end);
    if (e <= s) continue;
    const t = text.slice(s, e);
    const item = LIST_MARKER.exec(t);
    if (item) blocks.push({ kind: 'list-item', start: s, end: e, contentStart: s + item[0].length });
    else blocks.push({ kind: 'paragraph', start: s, end: e, contentStart: s });
  }
  return blocks;
}
