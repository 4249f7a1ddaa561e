/**
 * Word-level diff between two texts, for the conflict (409) response, the revision history and
 * the review screen. Tokens are words, single punctuation marks and runs of white space, so a
 * changed comma shows as a changed comma, not a changed paragraph.
 */

export type DiffOp = { op: 'equal' | 'insert' | 'delete'; text: string };

const TOKEN = /\s+|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/** Above this many cells the LCS table would be too big; the middle is shown as replaced. */
const MAX_CELLS = 4_000_000;

export function wordDiff(before: string, after: string): DiffOp[] {
  const a = tokenize(before);
  const b = tokenize(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const ops: DiffOp[] = [];
  push(ops, 'equal', a.slice(0, start).join(''));
  middle(a.slice(start, endA), b.slice(start, endB), ops);
  push(ops, 'equal', a.slice(endA).join(''));
  return ops;
}

function middle(a: string[], b: string[], ops: DiffOp[]): void {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || (n + 1) * (m + 1) > MAX_CELLS) {
    push(ops, 'delete', a.join(''));
    push(ops, 'insert', b.join(''));
    return;
  }
  // lcs[i][j] = length of the LCS of a[i..] and b[j..], stored row-major.
  const w = m + 1;
  const lcs = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * w + j] =
        a[i] === b[j] ? lcs[(i + 1) * w + j + 1]! + 1 : Math.max(lcs[(i + 1) * w + j]!, lcs[i * w + j + 1]!);
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push(ops, 'equal', a[i++]!);
      j++;
    } else if (lcs[(i + 1) * w + j]! >= lcs[i * w + j + 1]!) {
      push(ops, 'delete', a[i++]!);
    } else {
      push(ops, 'insert', b[j++]!);
    }
  }
  while (i < n) push(ops, 'delete', a[i++]!);
  while (j < m) push(ops, 'insert', b[j++]!);
}

/** Appends, merging with the previous op of the same kind; empty texts are dropped. */
function push(ops: DiffOp[], op: DiffOp['op'], text: string): void {
  if (!text) return;
  const last = ops[ops.length - 1];
  if (last && last.op === op) last.text += text;
  else ops.push({ op, text });
}

/** The text before the change (every equal and deleted part): lets tests prove a diff is lossless. */
export function diffBefore(ops: readonly DiffOp[]): string {
  return ops
    .filter((o) => o.op !== 'insert')
    .map((o) => o.text)
    .join('');
}

export function diffAfter(ops: readonly DiffOp[]): string {
  return ops
    .filter((o) => o.op !== 'delete')
    .map((o) => o.text)
    .join('');
}

export function diffStats(ops: readonly DiffOp[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const o of ops) {
    const words = tokenize(o.text).filter((t) => /\S/.test(t)).length;
    if (o.op === 'insert') inserted += words;
    if (o.op === 'delete') deleted += words;
  }
  return { inserted, deleted };
}

/** Plain-text rendering like `git diff --word-diff`: [-removed-]{+added+}. */
export function diffToText(ops: readonly DiffOp[]): string {
  return ops
    .map((o) => (o.op === 'equal' ? o.text : o.op === 'delete' ? `[-${o.text}-]` : `{+${o.text}+}`))
    .join('');
}
