/**
 * Three-way merge of two edits of one answer made from the same base revision: the other
 * person's saved revision ("theirs") and the text being saved ("mine"). Field by field, the body
 * paragraph by paragraph (inside a paragraph both changed, word by word when their changes do not
 * touch) and the sources by id: a part only one side changed takes that side's version; a part
 * both changed in the same place keeps mine and is reported as a conflict for the person to settle. Nothing is written: the editor shows the result in the form to check and save.
 */
import type { Answer, Source } from '../content/index.js';
import { wordDiff } from './diff.js';
import { paragraphs } from './readable-diff.js';

export interface MergeResult {
  answer: Answer;
  /** Parts both people changed differently (mine was kept): field keys, `body ¶N`, `source id`. */
  conflicts: string[];
  /** Parts only the other person changed, taken from their revision. */
  taken: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The three-way rule for one part; null when both sides changed it differently. */
function pick<T>(base: T, theirs: T, mine: T): { value: T; from: 'mine' | 'theirs' } | null {
  if (same(mine, theirs) || same(theirs, base)) return { value: mine, from: 'mine' };
  if (same(mine, base)) return { value: theirs, from: 'theirs' };
  return null;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** The changes that turn `base` into `after`, as replaced character ranges of base. */
function editsOf(base: string, after: string): Edit[] {
  const edits: Edit[] = [];
  let at = 0;
  let open: Edit | null = null;
  for (const o of wordDiff(base, after)) {
    if (o.op === 'equal') {
      if (open) edits.push(open);
      open = null;
      at += o.text.length;
      continue;
    }
    open ??= { start: at, end: at, text: '' };
    if (o.op === 'delete') {
      at += o.text.length;
      open.end = at;
    } else open.text += o.text;
  }
  if (open) edits.push(open);
  return edits;
}

/** Both sides' word changes applied to base, or null when two changes touch the same words. */
function mergeWords(base: string, theirs: string, mine: string): string | null {
  const all = [...editsOf(base, theirs), ...editsOf(base, mine)].sort(
    (a, b) => a.start - b.start || a.end - b.end,
  );
  const kept: Edit[] = [];
  for (const e of all) {
    const last = kept.at(-1);
    if (last && same(last, e)) continue; // the same change on both sides
    if (last && (e.start < last.end || e.start === last.start)) return null;
    kept.push(e);
  }
  let out = base;
  for (const e of kept.reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

function mergeBody(
  base: string,
  theirs: string,
  mine: string,
  out: Pick<MergeResult, 'conflicts' | 'taken'>,
) {
  const whole = pick(base, theirs, mine);
  if (whole) {
    if (whole.from === 'theirs') out.taken.push('body');
    return whole.value;
  }
  const [b, t, m] = [paragraphs(base), paragraphs(theirs), paragraphs(mine)];
  // Paragraph by paragraph only while both kept the base's paragraphs (no paragraph added or
  // removed): otherwise which paragraph matches which is a guess, and mine is kept whole.
  if (b.length !== t.length || b.length !== m.length) {
    out.conflicts.push('body');
    return mine;
  }
  const merged = b.map((p, i) => {
    const r = pick(p, t[i]!, m[i]!);
    if (!r) {
      const words = mergeWords(p, t[i]!, m[i]!);
      if (words !== null) {
        out.taken.push(`words in body ¶${i + 1}`);
        return words;
      }
      out.conflicts.push(`body ¶${i + 1}`);
      return m[i]!;
    }
    if (r.from === 'theirs') out.taken.push(`body ¶${i + 1}`);
    return r.value;
  });
  return `${merged.join('\n\n')}\n`;
}

function mergeSources(
  base: readonly Source[],
  theirs: readonly Source[],
  mine: readonly Source[],
  out: Pick<MergeResult, 'conflicts' | 'taken'>,
): Source[] {
  const byId = (list: readonly Source[]) => new Map(list.map((s) => [s.id, s]));
  const [b, t, m] = [byId(base), byId(theirs), byId(mine)];
  const result: Source[] = [];
  // Mine in my order, then sources only they added.
  for (const id of [...m.keys(), ...[...t.keys()].filter((id) => !m.has(id))]) {
    const r = pick(b.get(id) ?? null, t.get(id) ?? null, m.get(id) ?? null);
    if (!r) out.conflicts.push(`source ${id}`);
    else if (r.from === 'theirs') out.taken.push(`source ${id}`);
    const value = r ? r.value : (m.get(id) ?? null);
    if (value) result.push(value);
  }
  return result;
}

export function mergeAnswers(base: Answer, theirs: Answer, mine: Answer): MergeResult {
  const out: MergeResult = { answer: { ...mine }, conflicts: [], taken: [] };
  const merged = out.answer as Record<string, unknown>;
  const [b, t, m] = [base, theirs, mine] as Record<string, unknown>[];
  for (const key of new Set([...Object.keys(b!), ...Object.keys(t!), ...Object.keys(m!)])) {
    if (key === 'body') {
      merged.body = mergeBody(base.body, theirs.body, mine.body, out);
    } else if (key === 'sources') {
      merged.sources = mergeSources(base.sources ?? [], theirs.sources ?? [], mine.sources ?? [], out);
    } else {
      const r = pick(b![key], t![key], m![key]);
      if (!r) out.conflicts.push(key);
      else if (r.from === 'theirs') out.taken.push(key);
      const value = r ? r.value : m![key];
      if (value === undefined) delete merged[key];
      else merged[key] = value;
    }
  }
  return out;
}
