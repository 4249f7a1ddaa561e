/**
 * A codes file for `medbrief codes import`: tab-separated `condition`, `system`, `code` (header
 * optional; `#` comments and blank lines ignored). Every problem is reported with its line and
 * column, and nothing is returned for import unless the whole file is valid.
 */
import {
  CODE_SYSTEM_INFO,
  CODE_SYSTEMS,
  type CodeSystem,
  type ContentProblem,
  codeProblem,
  codeSystemForOid,
  isCodeSystem,
  LEGACY_CODE_KEYS,
  normalizeCode,
} from '../../content/index.js';

export interface CodeRow {
  condition: string;
  system: CodeSystem;
  code: string;
  line: number;
}

const COLUMNS = ['condition', 'system', 'code'] as const;

function systemFor(raw: string): CodeSystem | undefined {
  const s = raw.trim().toLowerCase();
  if (isCodeSystem(s)) return s;
  return LEGACY_CODE_KEYS[s] ?? codeSystemForOid(raw.trim());
}

export function parseCodesTsv(text: string, file: string): { rows: CodeRow[]; problems: ContentProblem[] } {
  const rows: CodeRow[] = [];
  const problems: ContentProblem[] = [];
  const at = (line: number, column: number, message: string, hint?: string) =>
    problems.push({ code: 'codes-file-invalid', message, file, line, column, hint });
  let order: Record<(typeof COLUMNS)[number], number> = { condition: 0, system: 1, code: 2 };
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  let seenData = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim() || raw.trimStart().startsWith('#')) return;
    const fields = raw.split('\t');
    // Column start offsets (1-based) for messages.
    const starts: number[] = [];
    let pos = 1;
    for (const f of fields) {
      starts.push(pos);
      pos += f.length + 1;
    }
    const lower = fields.map((f) => f.trim().toLowerCase());
    if (!seenData && lower.includes('condition') && lower.includes('code')) {
      const missing = COLUMNS.filter((c) => !lower.includes(c));
      if (missing.length) {
        at(
          line,
          1,
          `the header has no column ${missing.map((m) => `"${m}"`).join(', ')}`,
          'columns: condition, system, code',
        );
        return;
      }
      order = {
        condition: lower.indexOf('condition'),
        system: lower.indexOf('system'),
        code: lower.indexOf('code'),
      };
      seenData = true;
      return;
    }
    seenData = true;
    const need = Math.max(order.condition, order.system, order.code) + 1;
    if (fields.length < need) {
      at(
        line,
        pos - 1,
        `expected ${need} tab-separated columns (condition, system, code), found ${fields.length}`,
        raw.includes('\t') ? undefined : 'separate the columns with tabs, not spaces',
      );
      return;
    }
    const condition = fields[order.condition]!.trim();
    const rawSystem = fields[order.system]!;
    const rawCode = fields[order.code]!;
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(condition)) {
      at(
        line,
        starts[order.condition]!,
        `condition ${JSON.stringify(condition.slice(0, 80))} is not a condition slug`,
        'use the slug, e.g. type-2-diabetes (see `medbrief codes missing`)',
      );
      return;
    }
    const system = systemFor(rawSystem);
    if (!system) {
      at(
        line,
        starts[order.system]!,
        `unknown code system ${JSON.stringify(rawSystem.trim().slice(0, 80))}`,
        `use one of: ${CODE_SYSTEMS.join(', ')} (or an OID such as ${CODE_SYSTEM_INFO.icd10cm.oid})`,
      );
      return;
    }
    const code = normalizeCode(system, rawCode);
    const problem = codeProblem(system, code);
    if (problem) {
      at(line, starts[order.code]!, `code ${JSON.stringify(rawCode.trim().slice(0, 80))} ${problem}`);
      return;
    }
    rows.push({ condition, system, code, line });
  });
  if (!rows.length && !problems.length)
    at(0, 0, 'the file holds no codes', 'one line per code: condition<TAB>system<TAB>code');
  return { rows, problems };
}
