/** One rule's messages on an audited page as "line:column message" (with " | hint" when asked). */
import { expect } from 'vitest';
import { auditPage } from '../../../src/lint/index.js';

export function auditMessages(page: string, rule: string, withHint = false): string[] {
  return auditPage(page, 'p.txt', { today: '2026-12-02' })
    .filter((m) => m.ruleId === rule)
    .map((m) => `${m.line}:${m.column} ${m.message}${withHint ? ` | ${m.hint}` : ''}`);
}

/** The audited page gives no message of this rule. */
export function expectNoMessage(page: string, rule: string): void {
  expect(auditMessages(page, rule), `${rule} on ${JSON.stringify(page.slice(0, 60))}`).toEqual([]);
}
