/**
 * Live checks for the answer editor: the same linter as `medbrief lint` and the publishing gate,
 * run on the form or the raw Markdown while the author types. Every message says which form
 * field it concerns (`tldr`, `sources.1.url`, `body` plus the line inside the body), so the page
 * can show it beside that field; word counts and the reading grade come back with it.
 */
import { isMap, isNode, isSeq, LineCounter, parseDocument } from 'yaml';
import { splitFrontMatter } from '../../content/index.js';
import { wordCount } from '../../lint/detect/prose.js';
import { readabilityOf } from '../../lint/detect/readability.js';
import type { LintDocument } from '../../lint/index.js';
import { rulesById } from '../../lint/rules/index.js';
import { proseSentences } from '../../lint/rules/util.js';
import { answerFromForm, type FormValues } from './answer-form.js';
import { editorDocument, lintEditorDocument } from './lint.js';
import { editableMarkdown, parseEditorMarkdown } from './markdown.js';

export interface LiveMessage {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  hint?: string;
  /** Line and column in the Markdown file (0 when the message comes from the form itself). */
  line: number;
  column: number;
  /** The form field it concerns, or '' for the whole answer. */
  field: string;
  /** For `body`: the 1-based line inside the body text. */
  bodyLine?: number;
}

export interface LiveStats {
  tldrWords: number;
  bodyWords: number;
  tldrBudget: number;
  bodyBudget: number;
  /** Mean of Flesch–Kincaid and SMOG, as the readability rule computes it; null under its minimum words. */
  grade: number | null;
  targetGrade: number;
}

export interface LiveResult {
  /** true when the answer could be saved (schema and footnotes are valid). */
  valid: boolean;
  messages: LiveMessage[];
  stats: LiveStats;
  /** The Markdown the form describes (so the raw view and preview stay in step). */
  markdown: string;
}

export interface LiveInput {
  markdown?: string;
  form?: FormValues;
}

export interface LiveOptions {
  today: string;
  reviewers: string[];
}

function ruleDefaults(id: string): Record<string, number> {
  const rule = rulesById.get(id);
  const parsed = rule?.options?.safeParse({});
  return (parsed?.success ? parsed.data : {}) as Record<string, number>;
}

const BUDGETS = ruleDefaults('short-answer-too-long');
const READABILITY = ruleDefaults('readability');

/** The file line where the body starts (null without front matter). */
function splitBodyLine(markdown: string): number | null {
  const split = splitFrontMatter(markdown, 'answer.md');
  return 'code' in split ? null : split.bodyLine;
}

/** Maps Markdown file lines (1-based) to the front-matter field path they belong to. */
function fieldLines(markdown: string): { fieldAt: (line: number) => string | null; bodyLine: number } {
  const split = splitFrontMatter(markdown, 'answer.md');
  if ('code' in split) return { fieldAt: () => null, bodyLine: 1 };
  const counter = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: counter });
  const spans: { from: number; to: number; path: string }[] = [];
  const lineOf = (offset: number) => counter.linePos(offset).line + split.yamlLine - 1;
  const walk = (node: unknown, path: string, depth: number) => {
    if (!isNode(node) || !node.range) return;
    spans.push({ from: lineOf(node.range[0]), to: lineOf(Math.max(node.range[0], node.range[1] - 1)), path });
    if (depth > 2) return;
    if (isMap(node))
      for (const pair of node.items) {
        const key = isNode(pair.key) ? String(pair.key.toJSON()) : String(pair.key);
        const p = path ? `${path}.${key}` : key;
        if (isNode(pair.key) && pair.key.range) {
          const end = isNode(pair.value) && pair.value.range ? pair.value.range[1] - 1 : pair.key.range[1];
          spans.push({
            from: lineOf(pair.key.range[0]),
            to: lineOf(Math.max(pair.key.range[0], end)),
            path: p,
          });
        }
        walk(pair.value, p, depth + 1);
      }
    if (isSeq(node))
      node.items.forEach((item, i) => {
        walk(item, `${path}.${i}`, depth + 1);
      });
  };
  walk(doc.contents, '', 0);
  return {
    bodyLine: split.bodyLine,
    fieldAt(line) {
      // The innermost (latest pushed, narrowest) span containing the line.
      let best: { from: number; to: number; path: string } | null = null;
      for (const s of spans)
        if (s.path && line >= s.from && line <= s.to && (!best || s.to - s.from <= best.to - best.from))
          best = s;
      return best?.path ?? null;
    },
  };
}

function statsOf(doc: LintDocument | null, answer: { tldr: string; body: string } | null): LiveStats {
  let grade: number | null = null;
  try {
    const sentences = doc ? proseSentences(doc) : [];
    const r = readabilityOf(sentences.map((s) => s.text));
    if (r.words >= (READABILITY.minWords ?? 40))
      grade = Math.round(((r.fleschKincaidGrade + r.smogGrade) / 2) * 10) / 10;
  } catch {
    grade = null;
  }
  return {
    tldrWords: answer ? wordCount(answer.tldr) : 0,
    bodyWords: answer ? wordCount(answer.body) : 0,
    tldrBudget: BUDGETS.tldrWords ?? 60,
    bodyBudget: BUDGETS.bodyWords ?? 300,
    grade,
    targetGrade: READABILITY.targetGrade ?? 9,
  };
}

/** Runs the checks on a form (preferred) or a Markdown file. Pure and synchronous. */
export function liveCheck(input: LiveInput, options: LiveOptions): LiveResult {
  const messages: LiveMessage[] = [];
  let markdown = input.markdown ?? '';
  let answer: { tldr: string; body: string } | null = null;
  let valid = true;
  if (input.form) {
    const r = answerFromForm(input.form);
    if (r.ok) {
      markdown = editableMarkdown(r.answer);
      answer = r.answer;
    } else {
      valid = false;
      for (const p of r.problems)
        messages.push({
          ruleId: 'form',
          severity: 'error',
          message: p.message,
          hint: p.hint,
          line: 0,
          column: 0,
          field: p.field,
        });
      const d = r.draft as { tldr?: unknown; body?: unknown };
      answer = {
        tldr: typeof d.tldr === 'string' ? d.tldr : '',
        body: typeof d.body === 'string' ? d.body : '',
      };
      return { valid, messages, stats: statsOf(null, answer), markdown: '' };
    }
  } else {
    const parsed = parseEditorMarkdown(markdown);
    if (parsed.ok) answer = parsed.answer;
    else valid = false;
  }
  // One document serves the linter and the counts: parsing the file is most of a check's cost.
  const doc = editorDocument(markdown);
  const found = lintEditorDocument(doc, options);
  // Which front-matter field a line belongs to needs a second YAML parse: only when a message is there.
  let lines: ReturnType<typeof fieldLines> | null = null;
  const bodyLine = found.length ? (splitBodyLine(markdown) ?? 1) : 1;
  for (const m of found) {
    const inBody = m.line >= bodyLine;
    if (!inBody) lines ??= fieldLines(markdown);
    messages.push({
      ...m,
      field: inBody ? 'body' : (lines?.fieldAt(m.line) ?? ''),
      ...(inBody ? { bodyLine: m.line - bodyLine + 1 } : {}),
    });
  }
  return { valid, messages, stats: statsOf(doc, answer), markdown };
}
