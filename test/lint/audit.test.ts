/**
 * `auditPage` on the seed page (../shared/seed/example-page.txt) must report every defect the
 * issue lists, on the right line, and nothing else at error severity; and the same kinds of
 * defects, worded differently and in HTML, must be found too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditPage, type LintMessage } from '../../src/lint/index.js';
import { repoRoot } from '../helpers/corpus.js';

const seedFile = join(repoRoot, '..', 'shared', 'seed', 'example-page.txt');
const hasSeed = existsSync(seedFile);
if (!hasSeed && process.env.CI === 'true') throw new Error(`CI requires the seed page at ${seedFile}`);
if (!hasSeed) console.warn(`skipping seed audit tests: ${seedFile} not found`);

const at = (ms: LintMessage[], rule: string) => ms.filter((m) => m.ruleId === rule).map((m) => m.line);

describe.skipIf(!hasSeed)('audit of the seed page', () => {
  const text = hasSeed ? readFileSync(seedFile, 'utf8') : '';
  const messages = auditPage(text, 'example-page.txt', { today: '2026-11-25' });
  const lines = text.split('\n');

  it('reports the duplicated TL;DR on line 3, pointing at line 2', () => {
    const dup = messages.find((m) => m.ruleId === 'tldr-duplicated' && m.line === 3);
    expect(dup?.message).toMatch(/TL;DR repeated \(first copy at 2:1\)/);
  });

  it('reports the body sentence printed twice (line 2 and line 4)', () => {
    expect(messages.find((m) => m.ruleId === 'tldr-duplicated' && m.line === 4)?.message).toMatch(
      /first at 2:/,
    );
  });

  it('reports the empty list after "The mechanisms behind this link include:"', () => {
    const m = messages.find((x) => x.ruleId === 'list-empty')!;
    expect(m.line).toBe(6);
    expect(lines[5]!.slice(m.column - 1, m.endColumn - 1)).toBe('The mechanisms behind this link include:');
  });

  it('reports the uncited "200 to 600 times more likely" and its missing baseline', () => {
    for (const rule of ['statistic-uncited', 'relative-risk-without-baseline']) {
      const m = messages.find((x) => x.ruleId === rule)!;
      expect(m.line).toBe(6);
      expect(lines[5]!.slice(m.column - 1, m.endColumn - 1)).toMatch(/200 to 600 times more/);
    }
  });

  it('reports "Researchers believe", "clinical geneticists note" and "Studies indicate"', () => {
    const found = messages
      .filter((m) => m.ruleId === 'unattributed-claim')
      .map((m) => `${m.line}:${lines[m.line - 1]!.slice(m.column - 1, m.endColumn - 1)}`);
    expect(found).toEqual(
      expect.arrayContaining(['4:Researchers believe', '5:clinical geneticists note', '6:Studies indicate']),
    );
  });

  it('reports "Medically reviewed" without reviewer, and the updated date shown as if it were a review date', () => {
    const claim = messages.find((m) => m.ruleId === 'review-claim-unsupported')!;
    expect([claim.line, claim.column]).toEqual([1, 16]);
    expect(claim.message).toMatch(/no reviewer/);
    expect(claim.message).toMatch(/only an "updated" date/);
    const date = messages.find((m) => m.ruleId === 'date-ambiguous')!;
    expect(lines[0]!.slice(date.column - 1, date.endColumn - 1)).toBe('2026-04-07');
  });

  it('reports the "short answer" over its word budget and the readability grade', () => {
    expect(messages.find((m) => m.ruleId === 'short-answer-too-long')?.message).toMatch(
      /Short answer" has \d+ words \(budget 300\)/,
    );
    const grade = messages.find((m) => m.ruleId === 'readability')!;
    const fk = Number(/Flesch–Kincaid ([\d.]+)/.exec(grade.message)![1]);
    expect(fk).toBeGreaterThan(12);
  });

  it('reports unexplained jargon but not "mesoderm" (explained with a dash) or "sporadically" (", meaning")', () => {
    const terms = messages
      .filter((m) => m.ruleId === 'jargon-unexplained')
      .map((m) => /"([^"]+)"/.exec(m.message)![1]);
    expect(terms).toEqual(expect.arrayContaining(['embryogenesis', 'etiology']));
    expect(terms).not.toContain('mesoderm');
    expect(terms).not.toContain('sporadically');
    expect(terms).not.toContain('caudal');
  });

  it('raises no other errors: every error is one of the listed defects', () => {
    const errors = messages.filter((m) => m.severity === 'error').map((m) => `${m.ruleId}@${m.line}`);
    expect(errors.sort()).toEqual(
      [
        'date-ambiguous@1',
        'review-claim-unsupported@1',
        'tldr-duplicated@3',
        'tldr-duplicated@4',
        'unattributed-claim@4',
        'unattributed-claim@5',
        'unattributed-claim@5',
        'unattributed-claim@6',
        'statistic-uncited@6',
        'relative-risk-without-baseline@6',
        'list-empty@6',
      ].sort(),
    );
  });

  it('does not flag the disclaimer, the time span "first 30 days" or the advice "always recommended"', () => {
    expect(at(messages, 'disclaimer-missing')).toEqual([]);
    expect(at(messages, 'statistic-uncited')).toEqual([6]);
    expect(at(messages, 'absolute-claim')).toEqual([]);
  });
});

describe('the same defects, worded differently, in HTML', () => {
  const file = join(import.meta.dirname, 'fixtures', 'reworded-page.html');
  const html = readFileSync(file, 'utf8');
  const messages = auditPage(html, file, { today: '2026-11-25' });
  const lineOf = (needle: string) => html.split('\n').findIndex((l) => l.includes(needle)) + 1;
  const rulesOn = (line: number) => messages.filter((m) => m.line === line).map((m) => m.ruleId);

  it('finds the review claim with only an updated date', () => {
    expect(rulesOn(lineOf('Clinically reviewed'))).toEqual(
      expect.arrayContaining(['review-claim-unsupported', 'date-ambiguous']),
    );
  });
  it('finds the repeated summary', () => {
    expect(messages.filter((m) => m.ruleId === 'tldr-duplicated').map((m) => m.line)).toEqual([8]);
  });
  it('finds unnamed authorities, uncited figures, missing baselines and absolutes', () => {
    expect(rulesOn(9)).toEqual(
      expect.arrayContaining(['unattributed-claim', 'statistic-uncited', 'relative-risk-without-baseline']),
    );
    expect(rulesOn(10)).toEqual(
      expect.arrayContaining([
        'unattributed-claim',
        'absolute-claim',
        'statistic-uncited',
        'relative-risk-without-baseline',
      ]),
    );
  });
  it('finds the empty list and the missing disclaimer', () => {
    expect(rulesOn(11)).toContain('list-empty');
    expect(messages.some((m) => m.ruleId === 'disclaimer-missing')).toBe(true);
  });
  it('gives positions inside the HTML source', () => {
    for (const m of messages) {
      expect(m.offset).toBeGreaterThanOrEqual(0);
      expect(m.endOffset).toBeLessThanOrEqual(html.length);
    }
  });
});
