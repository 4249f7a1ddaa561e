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
  rules: Set<string> | null; // null = all
}

export class DisableDirectives {
  private readonly regions: Region[] = [];

  constructor(text: string) {
    if (!text.includes('medbrief-')) return;
    const lines = new LineIndex(text);
    const all = text.split('\n');
    const open = new Map<string, number>(); // rule id or '*' → start line
    for (const m of text.matchAll(COMMENT)) {
      const kind = m[1]!;
      const ids = m[2]!.split(/[\s,]+/).filter(Boolean);
      const rules = ids.length ? new Set(ids) : null;
      const endLine = lines.position((m.index ?? 0) + m[0].length).line;
      if (kind === 'disable-next-line') {
        let target = endLine + 1;
        while (target <= all.length && !all[target - 1]!.trim()) target++;
        this.regions.push({ from: target, to: target, rules });
      } else if (kind === 'disable') {
        for (const id of ids.length ? ids : ['*']) open.set(id, endLine);
      } else {
        for (const id of ids.length ? ids : [...open.keys()]) {
          const from = open.get(id);
          if (from === undefined) continue;
          this.regions.push({ from, to: endLine, rules: id === '*' ? null : new Set([id]) });
          open.delete(id);
        }
      }
    }
    for (const [id, from] of open)
      this.regions.push({ from, to: Number.POSITIVE_INFINITY, rules: id === '*' ? null : new Set([id]) });
  }

  isDisabled(ruleId: string, line: number): boolean {
    return this.regions.some(
      (r) => line >= r.from && line <= r.to && (r.rules === null || r.rules.has(ruleId)),
    );
  }
}
