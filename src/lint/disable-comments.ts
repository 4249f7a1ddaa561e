/**
 * Inline switches, as in eslint: `<!-- medbrief-disable-next-line rule-id, other-id -->` silences
 * those rules (all rules when none is named) on the next non-blank line;
 * `<!-- medbrief-disable rule-id -->` … `<!-- medbrief-enable rule-id -->` silences a region.
 */
import { LineIndex } from './document/line-index.js';

const COMMENT = /<!--\s*medbrief-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

interface Region {
  from: number; // 1-based line, inclusive
  to: number; // inclusive
}

/** Regions per rule id ('*' = all rules), merged and sorted so a lookup is a binary search. */
export class DisableDirectives {
  private readonly byRule = new Map<string, Region[]>();

  constructor(text: string) {
    if (!text.includes('medbrief-')) return;
    const lines = new LineIndex(text);
    const all = text.split('\n');
    // nextNonBlank[l] = first non-blank 1-based line at or after l (one backward pass).
    const nextNonBlank = new Int32Array(all.length + 2);
    nextNonBlank[all.length + 1] = all.length + 1;
    for (let l = all.length; l >= 1; l--) nextNonBlank[l] = all[l - 1]!.trim() ? l : nextNonBlank[l + 1]!;
    const open = new Map<string, number>(); // rule id or '*' → start line
    const add = (id: string, from: number, to: number) => {
      const list = this.byRule.get(id) ?? [];
      list.push({ from, to });
      this.byRule.set(id, list);
    };
    for (const m of text.matchAll(COMMENT)) {
      const kind = m[1]!;
      const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
      const endLine = lines.position((m.index ?? 0) + m[0].length).line;
      if (kind === 'disable-next-line') {
        const target = nextNonBlank[Math.min(endLine + 1, all.length + 1)]!;
        for (const id of ids.length ? ids : ['*']) add(id, target, target);
      } else if (kind === 'disable') {
        for (const id of ids.length ? ids : ['*']) if (!open.has(id)) open.set(id, endLine);
      } else {
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          add(id, from, endLine);
          open.delete(id);
        }
      }
    }
    for (const [id, from] of open) add(id, from, Number.POSITIVE_INFINITY);
    for (const [id, list] of this.byRule) this.byRule.set(id, merge(list));
  }

  isDisabled(ruleId: string, line: number): boolean {
    return covers(this.byRule.get('*'), line) || covers(this.byRule.get(ruleId), line);
  }
}

function merge(list: Region[]): Region[] {
  const sorted = [...list].sort((a, b) => a.from - b.from);
  const out: Region[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.from <= last.to + 1) last.to = Math.max(last.to, r.to);
    else out.push({ ...r });
  }
  return out;
}

function covers(list: Region[] | undefined, line: number): boolean {
  if (!list?.length) return false;
  let lo = 0;
  let hi = list.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (list[mid]!.from <= line) lo = mid;
    else hi = mid - 1;
  }
  const r = list[lo]!;
  return line >= r.from && line <= r.to;
}
