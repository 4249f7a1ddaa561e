/**
 * Bad input must give a result in bounded work: every rule, the document readers and the Markdown
 * renderer are measured on pathological texts at two sizes, and the work (a deterministic count:
 * see test/helpers/work.ts) must grow linearly (ratio ≈ 2 when the input doubles), never
 * quadratically (ratio ≈ 4). Timing belongs in bench/, not here.
 */
import { describe, expect, it } from 'vitest';
import { runRules } from '../../src/lint/engine.js';
import {
  auditPage,
  documentFromMarkdown,
  documentFromPage,
  type LintDocument,
  lintAnswer,
  rules,
} from '../../src/lint/index.js';
import { renderMarkdown } from '../../src/site/markdown.js';
import { measureWork } from '../helpers/work.js';
import { FRONT, PATHOLOGICAL } from './helpers/pathological.js';

const asPage = (body: string) => body;
const asMarkdown = (body: string) => FRONT + body;

function docOf(kind: 'markdown' | 'page', body: string): LintDocument {
  return kind === 'markdown' ? documentFromMarkdown(asMarkdown(body)) : documentFromPage(asPage(body));
}

const RULE_N = 8_000;
const MAX_RATIO = 2.6;

describe('every rule does linear work on pathological input', () => {
  // Documents are built once per input and size, outside the measurement.
  const docs = new Map<string, LintDocument>();
  const doc = (kind: 'markdown' | 'page', name: string, n: number) => {
    const key = `${kind}|${name}|${n}`;
    let d = docs.get(key);
    if (!d) {
      d = docOf(kind, PATHOLOGICAL[name]!(n));
      docs.set(key, d);
    }
    return d;
  };
  for (const rule of rules) {
    it(rule.id, async () => {
      const bad: string[] = [];
      for (const kind of ['markdown', 'page'] as const) {
        if (rule.appliesTo && !rule.appliesTo.includes(kind)) continue;
        for (const name of Object.keys(PATHOLOGICAL)) {
          const small = doc(kind, name, RULE_N);
          const large = doc(kind, name, 2 * RULE_N);
          runRules(doc(kind, name, 1000), { rules: [rule] });
          const a = await measureWork(() => runRules(small, { rules: [rule] }));
          const b = await measureWork(() => runRules(large, { rules: [rule] }));
          const ratio = b.total / Math.max(1, a.total);
          if (ratio > MAX_RATIO && b.total > 20_000) bad.push(`${kind} "${name}": ${a.total} → ${b.total}`);
        }
      }
      expect(bad, 'work more than linear when the input doubles').toEqual([]);
    }, 120_000);
  }
});

describe('reading documents does linear work', () => {
  for (const kind of ['markdown', 'page'] as const) {
    it(kind, async () => {
      const bad: string[] = [];
      for (const [name, make] of Object.entries(PATHOLOGICAL)) {
        const a = make(4 * RULE_N);
        const b = make(8 * RULE_N);
        docOf(kind, make(1000));
        const wa = await measureWork(() => docOf(kind, a));
        const wb = await measureWork(() => docOf(kind, b));
        if (wb.total / wa.total > MAX_RATIO) bad.push(`"${name}": ${wa.total} → ${wb.total}`);
      }
      expect(bad).toEqual([]);
    }, 120_000);
  }
});

describe('the Markdown renderer does linear work', () => {
  it('renders pathological bodies', async () => {
    const bad: string[] = [];
    for (const [name, make] of Object.entries(PATHOLOGICAL)) {
      const a = make(10_000);
      const b = make(20_000);
      renderMarkdown(make(1000));
      const wa = await measureWork(() => renderMarkdown(a));
      const wb = await measureWork(() => renderMarkdown(b));
      if (wb.total / wa.total > MAX_RATIO) bad.push(`"${name}": ${wa.total} → ${wb.total}`);
    }
    expect(bad).toEqual([]);
  }, 300_000);
});

/** The shapes the issue names; each is linted whole at 1 MB (the work tests above cover the rest). */
const AT_ONE_MB = [
  'repeated initials',
  '> nesting',
  '[ runs',
  '( runs',
  'long word',
  'long number',
  'no spaces',
  'one long paragraph',
  'ratio runs',
  'authority about runs',
  'quote runs',
  'comma items',
  'unnamed source runs',
  'guidance runs',
  'title case colons',
  'generic condition words',
  'considers what runs',
  'next sentence explains',
  'bracket percent runs',
  'pronunciation runs',
  'include runs',
  'negated purpose runs',
  'opposite runs',
  'what is runs',
  'plain word before',
  'there is evidence runs',
];

describe('1 MB of bad input gives a result, never a crash', () => {
  const MB = 1_000_000;
  /**
   * A page whose body is one 1 MB line of repeated wordings: audited in bounded time, no rule
   * fails, and the unattributed-claim and jargon wordings in it are found.
   */
  const auditOneMbLine = (page: string) => {
    const t0 = performance.now();
    const messages = auditPage(page);
    expect(performance.now() - t0, 'milliseconds for a 1 MB line').toBeLessThan(30_000);
    expect(messages.filter((m) => m.ruleId === 'unattributed-claim').length).toBeGreaterThan(1000);
    expect(messages.some((m) => m.ruleId === 'jargon-unexplained')).toBe(true);
    for (const m of messages) expect(m.message).not.toMatch(/rule failed/);
    return messages;
  };
  for (const name of AT_ONE_MB) {
    const make = PATHOLOGICAL[name]!;
    it(name, () => {
      const body = make(MB);
      for (const messages of [lintAnswer(asMarkdown(body)), auditPage(asPage(body))]) {
        expect(Array.isArray(messages)).toBe(true);
        for (const m of messages) expect(m.message).not.toMatch(/rule failed/);
      }
    }, 60_000);
  }
  it('HTML with scripts, styles, navigation and tables, and bytes that are not UTF-8', () => {
    const junk = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]).toString('utf8');
    const html = `<html><head><style>${'p{color:red}'.repeat(5000)}</style></head><body><nav>${'<a href="/x">Home</a>'.repeat(5000)}</nav><script>${'var a = "<p>";'.repeat(5000)}</script><table>${'<tr><td>1 in 4</td><td>25%</td></tr>'.repeat(5000)}</table><p>${junk.repeat(5000)}</p></body></html>`;
    const messages = auditPage(html);
    for (const m of messages) expect(m.message).not.toMatch(/rule failed/);
    expect(messages.every((m) => m.offset <= html.length)).toBe(true);
  }, 60_000);
  it('a 1 MB line of the round-4 wordings gives its messages in bounded time', () => {
    const body =
      'A new study reveals it. National Guidance also states it. COPD is a progressive disease. '.repeat(
        11_000,
      );
    auditOneMbLine(`Health Risk Factors:\n${body}\n`);
  }, 60_000);
  it('a 1 MB line of the round-5 wordings gives its messages in bounded time', () => {
    const body =
      "There is some research to support it. You can't take medicines to cure it. It has a therapeutic use. ".repeat(
        10_000,
      );
    const messages = auditOneMbLine(`abdomen (AB-doh-men):\n${body}\nCommon triggers include\n`);
    // The glossary entry is not reported; the cut intro at the end is (once).
    const lists = messages.filter((m) => m.ruleId === 'list-empty');
    expect(lists).toHaveLength(1);
    expect(lists[0]!.message).toMatch(/Common triggers include" introduces a list, but no list follows$/);
    expect(messages.some((m) => m.ruleId === 'absolute-claim')).toBe(false);
  }, 60_000);
  it('a 1 MB page without any paragraph break gives its messages', () => {
    const body =
      'Beer raises the risk 3x. Research on gout shows it. Read the leaflet [PDF-3.5MB] about it. '.repeat(
        11_000,
      );
    const messages = auditPage(`Gout\n${body}\n`);
    expect(messages.some((m) => m.ruleId === 'relative-risk-without-baseline')).toBe(true);
    expect(messages.some((m) => m.ruleId === 'unattributed-claim')).toBe(true);
    for (const m of messages) expect(m.message).not.toMatch(/rule failed/);
  }, 60_000);
});
