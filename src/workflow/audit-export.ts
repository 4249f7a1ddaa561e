/** Audit log rows as CSV (RFC 4180) or JSON, for export from the editor and the CLI. */
import type { AuditRow } from '../store/index.js';

export type { AuditRow };

export const AUDIT_COLUMNS = [
  'id',
  'at',
  'actor',
  'action',
  'entity',
  'entityId',
  'from',
  'to',
  'hash',
  'detail',
] as const;

export function csvCell(value: unknown): string {
  const text =
    value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  // Cells that a spreadsheet would run as a formula are prefixed with a quote (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function auditToCsv(rows: readonly AuditRow[]): string {
  const lines = [AUDIT_COLUMNS.join(',')];
  for (const r of rows) lines.push(AUDIT_COLUMNS.map((c) => csvCell(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function auditToJson(rows: readonly AuditRow[]): string {
  return `${JSON.stringify({ events: rows }, null, 2)}\n`;
}
