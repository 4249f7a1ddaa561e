/**
 * Splitting a Markdown file into YAML front matter and body, and mapping zod validation issues
 * back to the line and column of the offending YAML node.
 */
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import type { ContentProblem } from './errors.js';

export interface SplitFile {
  /** YAML text between the fences (without them). */
  yaml: string;
  body: string;
  /** 1-based line where the YAML text starts (the line after the opening fence). */
  yamlLine: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Normalises line endings and strips a byte-order mark, so positions are stable. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Decodes bytes as UTF-8, refusing invalid sequences instead of silently replacing them. */
export function decodeUtf8(bytes: Uint8Array, file: string): string | ContentProblem {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    let offset = 0;
    // Find the first invalid byte so the message can point at its line.
    for (let end = 1; end <= bytes.length; end++) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end));
        offset = end;
      } catch {
        if (end - offset > 4) break;
      }
    }
    const line = new TextDecoder().decode(bytes.subarray(0, offset)).split('\n').length;
    return {
      code: 'not-utf8',
      message: `file is not valid UTF-8 (first bad byte at offset ${offset})`,
      file,
      line,
      column: 1,
      hint: 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)',
    };
  }
}

export function splitFrontMatter(text: string, file: string): SplitFile | ContentProblem {
  const t = normaliseText(text);
  if (!t.startsWith('---\n')) {
    return {
      code: 'front-matter-missing',
      message: 'file does not start with YAML front matter',
      file,
      line: 1,
      column: 1,
      hint: 'begin the file with a line "---", the YAML fields, and another line "---"',
    };
  }
  const close = /^---[ \t]*$/m;
  const rest = t.slice(4);
  const m = close.exec(rest);
  if (!m) {
    return {
      code: 'front-matter-unclosed',
      message: 'front matter is not closed',
      file,
      line: 1,
      column: 1,
      hint: 'add a line "---" after the last YAML field',
    };
  }
  const yaml = rest.slice(0, m.index);
  let bodyStart = m.index + m[0].length;
  if (rest[bodyStart] === '\n') bodyStart++;
  const yamlLines = yaml.split('\n').length - 1;
  return { yaml, body: rest.slice(bodyStart), yamlLine: 2, bodyLine: 2 + yamlLines + 1 };
}

export interface ParsedYaml {
  data: unknown;
  doc: Document;
  lineCounter: LineCounter;
}

/** Parses YAML, reporting syntax errors with their line in the original file. */
export function parseYaml(yaml: string, file: string, firstLine: number): ParsedYaml | ContentProblem {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const err = doc.errors[0];
  if (err) {
    const pos = lineCounter.linePos(err.pos[0]);
    return {
      code: 'yaml-syntax',
      message: `YAML syntax error: ${err.message.split('\n')[0]}`,
      file,
      line: pos.line + firstLine - 1,
      column: pos.col,
      hint: 'check indentation and quote values that contain ":" or start with a special character',
    };
  }
  return { data: doc.toJS({ maxAliasCount: 50 }), doc, lineCounter };
}

/** Converts zod issues into problems located at the YAML node each issue concerns. */
export function zodProblems(
  error: z.ZodError,
  parsed: ParsedYaml,
  file: string,
  firstLine: number,
  codeFor: (issue: z.core.$ZodIssue) => string = () => 'front-matter-invalid',
): ContentProblem[] {
  return error.issues.map((issue) => {
    const { line, column } = locate(parsed, issue.path as (string | number)[], firstLine);
    const field = issue.path.length ? issue.path.join('.') : 'front matter';
    const missing = issue.code === 'invalid_type' && issue.message.includes('received undefined');
    return {
      code: codeFor(issue),
      message: missing ? `missing required field "${field}"` : `"${field}" ${issue.message}`,
      file,
      line,
      column,
      hint: missing ? `add "${field}:" to the front matter` : hintFor(issue),
    };
  });
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === 'unrecognized_keys') return `remove or rename: ${issue.keys.join(', ')}`;
  return undefined;
}

function locate(parsed: ParsedYaml, path: (string | number)[], firstLine: number) {
  // Walk up the path until a node exists (a missing key points at its parent).
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? parsed.doc.contents : parsed.doc.getIn(path.slice(0, n), true);
    if (isNode(node) && node.range) {
      const pos = parsed.lineCounter.linePos(node.range[0]);
      return { line: pos.line + firstLine - 1, column: pos.col };
    }
  }
  return { line: firstLine, column: 1 };
}

/** Line and column of the YAML node at `path` (or its nearest existing parent). */
export { locate as locateKey };
