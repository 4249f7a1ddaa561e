/**
 * A diff between two versions of an answer as people read it, not as a file: each front-matter
 * field on its own (question, TL;DR, aspect…), the body paragraph by paragraph (an unchanged
 * paragraph stays one row however much moves around it), and the sources as a table keyed by
 * source id. Inside a changed field, paragraph or cell the change is word-level (wordDiff), so
 * the side-by-side and inline views can mark exactly the words that changed.
 */
import type { Answer, Source } from '../content/index.js';
import { type DiffOp, diffStats, tokenize, wordDiff } from './diff.js';

export type ChangeStatus = 'same' | 'changed' | 'added' | 'removed';

export interface FieldChange {
  key: string;
  label: string;
  status: ChangeStatus;
  before: string;
  after: string;
  ops: DiffOp[];
}

export interface ParagraphChange {
  status: ChangeStatus;
  before: string | null;
  after: string | null;
  ops: DiffOp[];
}

export interface SourceChange {
  id: string;
  status: ChangeStatus;
  before: Source | null;
  after: Source | null;
  /** One entry per source field, with the word diff of its text. */
  cells: { field: keyof Source; status: ChangeStatus; ops: DiffOp[] }[];
}

export interface ReadableDiff {
  fields: FieldChange[];
  body: ParagraphChange[];
  sources: SourceChange[];
  /** Words inserted and deleted over every part. */
  inserted: number;
  deleted: number;
  unchanged: boolean;
}

/** Front-matter keys not compared as fields: the body and sources have their own views, the review stamp is recorded. */
const NOT_FIELDS = new Set(['body', 'sources', 'review', 'updated']);
const FIELD_ORDER = ['question', 'tldr', 'condition', 'aspect', 'slug', 'audience'];
const SOURCE_FIELDS: (keyof Source)[] = ['title', 'url', 'publisher', 'accessed'];

function fieldText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

function statusOf(before: string, after: string): ChangeStatus {
  if (before === after) return 'same';
  if (!before) return 'added';
  if (!after) return 'removed';
  return 'changed';
}

/** The body's paragraphs: blocks separated by blank lines, without surrounding blank space. */
export function paragraphs(body: string): string[] {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/^\n+|\s+$/g, ''))
    .filter((p) => p.trim() !== '');
}

function words(text: string): Set<string> {
  return new Set(tokenize(text.toLowerCase()).filter((t) => /[\p{L}\p{N}]/u.test(t)));
}

/** Share of words two paragraphs have in common (Jaccard): decides "edited" versus "replaced". */
function similarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (!x.size && !y.size) return 1;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

/** Longest common subsequence of two short lists (paragraphs), as index pairs. */
function lcsPairs(a: readonly string[], b: readonly string[]): [number, number][] {
  const n = a.length;
  const m = b.length;
  if (n * m > 250_000) return []; // very long bodies: every paragraph is compared in order below
  const w = m + 1;
  const t = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      t[i * w + j] =
        a[i] === b[j] ? t[(i + 1) * w + j + 1]! + 1 : Math.max(t[(i + 1) * w + j]!, t[i * w + j + 1]!);
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i++, j++]);
    } else if (t[(i + 1) * w + j]! >= t[i * w + j + 1]!) i++;
    else j++;
  }
  return pairs;
}

/** Paragraph rows: equal paragraphs matched, and between them edited paragraphs paired by similarity. */
export function paragraphDiff(before: string, after: string): ParagraphChange[] {
  const a = paragraphs(before);
  const b = paragraphs(after);
  const rows: ParagraphChange[] = [];
  const gap = (as: string[], bs: string[]) => {
    let j = 0;
    for (const p of as) {
      // Pair with the next inserted paragraph that shares enough words; earlier ones are additions.
      const k = bs.findIndex((q, idx) => idx >= j && similarity(p, q) >= 0.3);
      if (k === -1) {
        rows.push({ status: 'removed', before: p, after: null, ops: [{ op: 'delete', text: p }] });
        continue;
      }
      for (; j < k; j++)
        rows.push({ status: 'added', before: null, after: bs[j]!, ops: [{ op: 'insert', text: bs[j]! }] });
      rows.push({ status: 'changed', before: p, after: bs[k]!, ops: wordDiff(p, bs[k]!) });
      j = k + 1;
    }
    for (; j < bs.length; j++)
      rows.push({ status: 'added', before: null, after: bs[j]!, ops: [{ op: 'insert', text: bs[j]! }] });
  };
  let i = 0;
  let j = 0;
  for (const [pi, pj] of [...lcsPairs(a, b), [a.length, b.length] as [number, number]]) {
    gap(a.slice(i, pi), b.slice(j, pj));
    if (pi < a.length)
      rows.push({ status: 'same', before: a[pi]!, after: b[pj]!, ops: [{ op: 'equal', text: a[pi]! }] });
    i = pi + 1;
    j = pj + 1;
  }
  return rows;
}

function sourceDiff(before: readonly Source[], after: readonly Source[]): SourceChange[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const rows: SourceChange[] = [];
  const cells = (x: Source | null, y: Source | null) =>
    SOURCE_FIELDS.map((field) => {
      const b = fieldText(x?.[field]);
      const a = fieldText(y?.[field]);
      return { field, status: statusOf(b, a), ops: wordDiff(b, a) };
    });
  for (const s of after) {
    const o = old.get(s.id) ?? null;
    seen.add(s.id);
    const c = cells(o, s);
    rows.push({
      id: s.id,
      status: !o ? 'added' : c.some((x) => x.status !== 'same') ? 'changed' : 'same',
      before: o,
      after: s,
      cells: c,
    });
  }
  for (const s of before) {
    if (!seen.has(s.id))
      rows.push({ id: s.id, status: 'removed', before: s, after: null, cells: cells(s, null) });
  }
  return rows;
}

/** Compares two answers for people; `before` null means a new answer (everything is added). */
export function readableDiff(
  before: Answer | null,
  after: Answer,
  labels: Readonly<Record<string, string>> = {},
): ReadableDiff {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = after as unknown as Record<string, unknown>;
  const keys = [...new Set([...FIELD_ORDER, ...Object.keys(b), ...Object.keys(a)])].filter(
    (k) => !NOT_FIELDS.has(k),
  );
  const fields: FieldChange[] = [];
  for (const key of keys) {
    const x = fieldText(b[key]);
    const y = fieldText(a[key]);
    if (!x && !y) continue;
    fields.push({
      key,
      label: labels[key] ?? key,
      status: statusOf(x, y),
      before: x,
      after: y,
      ops: wordDiff(x, y),
    });
  }
  const body = paragraphDiff(before?.body ?? '', after.body);
  const sources = sourceDiff(before?.sources ?? [], after.sources);
  let inserted = 0;
  let deleted = 0;
  const count = (ops: DiffOp[]) => {
    const s = diffStats(ops);
    inserted += s.inserted;
    deleted += s.deleted;
  };
  for (const f of fields) count(f.ops);
  for (const p of body) count(p.ops);
  for (const s of sources) for (const c of s.cells) count(c.ops);
  const unchanged =
    fields.every((f) => f.status === 'same') &&
    body.every((p) => p.status === 'same') &&
    sources.every((s) => s.status === 'same');
  return { fields, body, sources, inserted, deleted, unchanged };
}
