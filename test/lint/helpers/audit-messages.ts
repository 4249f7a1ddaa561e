/** One rule's messages on an audited page as "line:column message" (with " | hint" when asked). */
import { auditPage } from '../../../src/lint/index.js';

export function auditMessages(page: string, rule: string, withHint = false): string[] {
  return auditPage(page, 'p.txt', { today: '2026-12-02' })
    .filter((m) => m.ruleId === rule)
    .map((m) => `${m.line}:${m.column} ${m.message}${withHint ? ` | ${m.hint}` : ''}`);
}
