/** Every rule's documented ok / not-ok examples are its tests (as in remark-lint). */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/lint/engine.js';
import { documentFromMarkdown, documentFromPage, rules } from '../../src/lint/index.js';
import type { AnyRule, RuleExample } from '../../src/lint/types.js';

function run(rule: AnyRule, ex: RuleExample) {
  const doc =
    ex.kind === 'markdown'
      ? documentFromMarkdown(ex.text, 'example.md')
      : documentFromPage(ex.text, 'example.txt');
  return runRules(doc, { rules: [rule], shared: { today: '2026-11-25' } });
}

describe.each(rules.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  it('documents itself (summary, why, references, examples)', () => {
    expect(rule.docs.summary.length).toBeGreaterThan(20);
    expect(rule.docs.references.length).toBeGreaterThan(0);
    expect(rule.docs.ok.length).toBeGreaterThan(0);
    expect(rule.docs.notOk.length).toBeGreaterThan(0);
  });

  it.each(rule.docs.ok.map((ex, i) => [i, ex] as const))('ok example %i passes', (_i, ex) => {
    expect(run(rule, ex).map((m) => `${m.line}:${m.column} ${m.message}`)).toEqual([]);
  });

  it.each(rule.docs.notOk.map((ex, i) => [i, ex] as const))(
    'not-ok example %i is reported where documented, with the documented reason and hint',
    (_i, ex) => {
      const messages = run(rule, ex);
      // Position, reason and fix hint are all pinned: a message that moves or changes its words fails.
      expect(
        messages.map((m) => ({ at: `${m.line}:${m.column}`, message: m.message, hint: m.hint ?? '' })),
      ).toEqual(ex.expected);
      for (const m of messages) {
        expect(m.ruleId).toBe(rule.id);
        expect(m.severity).toBe(rule.severity);
        expect(m.message.length).toBeGreaterThan(5);
        expect(m.hint?.length ?? 0, 'every message has a fix hint').toBeGreaterThan(5);
      }
    },
  );
});
