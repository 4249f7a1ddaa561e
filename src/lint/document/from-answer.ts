/**
 * A LintDocument from a Markdown answer (front matter + body). Front matter is read leniently, so
 * an answer that the strict schema rejects can still be linted: the `front-matter-valid` rule
 * reports what the schema says, and the other rules still see the text.
 */
import { isMap, isNode, isSeq, type Node, parseDocument } from 'yaml';
import {
  type ContentProblem,
  contentHash,
  normaliseText,
  parseAnswer,
  splitFrontMatter,
} from '../../content/index.js';
import { DocumentAssembler, footnoteRefs } from './assemble.js';
import { markdownBlocks } from './blocks.js';
import type { LintDocument, ReviewInfo, SourceEntry, Span, TextUnit } from './document.js';
import { LineIndex } from './line-index.js';

/** Where a YAML scalar's value text lies (skipping quotes and block-scalar headers). */
function valueSpan(text: string, node: Node | null | undefined, offset: number): Span | undefined {
  if (!node || !isNode(node) || !node.range) return undefined;
  let start = node.range[0] + offset;
  let end = node.range[1] + offset;
  const first = text[start];
  if (first === '>' || first === '|') {
    const nl = text.indexOf('\n', start);
    start = nl === -1 || nl >= end ? end : nl + 1;
  } else if ((first === '"' || first === "'") && text[end - 1] === first) {
    start++;
    end--;
  }
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  while (start < end && /\s/.test(text[start]!)) start++;
  return { start, end };
}

function unit(text: string, span: Span | undefined): TextUnit | undefined {
  return span ? { ...span, text: text.slice(span.start, span.end) } : undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return String(v);
  return undefined;
}

const FOOTNOTE_DEF = /^[ \t]{0,3}\[\^([^\]\s[]{1,100})\]:[ \t]*(.*)$/gm;

export function documentFromMarkdown(input: string, file = '<answer>'): LintDocument {
  const text = normaliseText(input);
  const lines = new LineIndex(text);
  const split = splitFrontMatter(text, file);
  const asm = new DocumentAssembler(text);
  let bodyStart = 0;
  let frontMatter: Record<string, unknown> | undefined;
  let question: TextUnit | undefined;
  let tldr: TextUnit | undefined;
  let review: ReviewInfo | undefined;
  const sources: SourceEntry[] = [];
  if (!('code' in split)) {
    bodyStart = split.bodyLine > lines.lineCount ? text.length : lines.lineStart(split.bodyLine);
    const yamlOffset = 4; // after "---\n"
    const doc = parseDocument(split.yaml, { uniqueKeys: false });
    const data = doc.errors.length ? undefined : doc.toJS({ maxAliasCount: 50 });
    if (data && typeof data === 'object' && !Array.isArray(data) && isMap(doc.contents)) {
      frontMatter = data as Record<string, unknown>;
      question = unit(text, valueSpan(text, doc.get('question', true) as Node, yamlOffset));
      tldr = unit(text, valueSpan(text, doc.get('tldr', true) as Node, yamlOffset));
      const seq = doc.get('sources', true);
      const rawSources = Array.isArray(frontMatter.sources) ? frontMatter.sources : [];
      if (isSeq(seq)) {
        seq.items.forEach((item, i) => {
          const raw = (rawSources[i] ?? {}) as Record<string, unknown>;
          const span = (
            isNode(item) && item.range
              ? { start: item.range[0] + yamlOffset, end: item.range[1] + yamlOffset }
              : { start: 0, end: 0 }
          ) as Span;
          sources.push({
            id: str(raw.id),
            title: str(raw.title),
            url: str(raw.url),
            accessed: str(raw.accessed),
            span,
          });
        });
      }
      const r = frontMatter.review;
      const reviewNode = doc.get('review', true);
      if (r && typeof r === 'object') {
        const rr = r as Record<string, unknown>;
        const range: readonly number[] = isNode(reviewNode) && reviewNode.range ? reviewNode.range : [0, 0];
        review = {
          reviewer: str(rr.reviewer),
          reviewed: str(rr.reviewed),
          nextReview: str(rr.next_review),
          revision: str(rr.revision),
          span: { start: range[0]! + yamlOffset, end: range[1]! + yamlOffset },
        };
      }
    }
  }
  const body = { start: bodyStart, end: text.length };
  if (tldr) asm.add('paragraph', 'tldr', tldr.start, tldr.end);
  asm.addBlocks(markdownBlocks(text, body.start, body.end), 'body');
  // Footnote definitions in the body act as sources (and must be complete like any other).
  for (const m of text.slice(body.start).matchAll(FOOTNOTE_DEF)) {
    const start = body.start + (m.index ?? 0);
    const rest = m[2] ?? '';
    sources.push({
      id: m[1],
      title: rest.replace(/https?:\/\/\S+/, '').trim() || undefined,
      url: /https?:\/\/\S+/.exec(rest)?.[0],
      accessed: 'n/a',
      span: { start, end: start + m[0].length },
    });
  }
  const fm = frontMatter ?? {};
  let hash: string | undefined;
  let contentProblems: ContentProblem[] = [];
  const strict = parseAnswer(text, file);
  if (strict.ok) hash = contentHash(strict.value.answer);
  else contentProblems = strict.problems;
  const condition = str(fm.condition);
  return {
    file,
    kind: 'markdown',
    text,
    source: text,
    toSource: (o) => o,
    question,
    tldr,
    body,
    paragraphs: asm.paragraphs,
    sentences: asm.sentences,
    sources,
    citations: footnoteRefs(text, [...(tldr ? [tldr] : []), body]),
    review,
    updated: str(fm.updated) ? { value: str(fm.updated)!, span: { start: 0, end: 0 } } : undefined,
    aspect: str(fm.aspect),
    topicWords: topicWordsOf([condition?.replace(/-/g, ' '), question?.text]),
    pageType: 'short-answer',
    frontMatter,
    contentHash: hash,
    tldrDerived: fm.tldr_derived === true,
    contentProblems,
  };
}

/** Lower-case words of the topic (condition name, question), for rules that spare the topic. */
export function topicWordsOf(texts: (string | undefined)[]): string[] {
  const words = new Set<string>();
  for (const t of texts) for (const w of (t ?? '').toLowerCase().match(/[a-z][a-z'-]+/g) ?? []) words.add(w);
  return [...words];
}
