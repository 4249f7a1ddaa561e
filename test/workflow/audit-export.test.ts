import { describe, expect, it } from 'vitest';
import { type AuditRow, auditToCsv, auditToJson } from '../../src/workflow/index.js';

const row: AuditRow = {
  id: 7,
  at: '2026-04-07T10:00:00.000Z',
  actor: 'rita',
  action: 'request_changes',
  entity: 'answer',
  entityId: '3',
  from: 'in_review',
  to: 'changes_requested',
  hash: 'sha256:ab',
  detail: { comment: 'Cite "NBDPS", please,\nand add the baseline' },
};

describe('audit export', () => {
  it('writes RFC 4180 CSV with quoted cells and a header', () => {
    const csv = auditToCsv([row]);
    const [header, ...rest] = csv.split('\r\n');
    expect(header).toBe('id,at,actor,action,entity,entityId,from,to,hash,detail');
    expect(rest.join('\r\n')).toContain(
      '"{""comment"":""Cite \\""NBDPS\\"", please,\\nand add the baseline""}"',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    const csv = auditToCsv([{ ...row, actor: '=HYPERLINK("x")', detail: null }]);
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('writes JSON that reads back to the same rows', () => {
    expect(JSON.parse(auditToJson([row]))).toEqual({ events: [row] });
  });
});
