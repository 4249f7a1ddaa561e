/** Lint never throws, whatever the input, and every position lies inside the input. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditPage, type LintMessage, lintAnswer } from '../../src/lint/index.js';

function checkPositions(input: string, messages: LintMessage[]) {
  const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  for (const m of messages) {
    expect(m.offset).toBeGreaterThanOrEqual(0);
    expect(m.endOffset).toBeGreaterThanOrEqual(m.offset);
    expect(m.endOffset).toBeLessThanOrEqual(text.length);
    expect(m.line).toBeGreaterThanOrEqual(1);
    expect(m.line).toBeLessThanOrEqual(lines.length);
    expect(m.column).toBeGreaterThanOrEqual(1);
    expect(m.column).toBeLessThanOrEqual(lines[m.line - 1]!.length + 1);
    expect(m.endLine).toBeLessThanOrEqual(lines.length);
    expect(m.endColumn).toBeLessThanOrEqual(lines[m.endLine - 1]!.length + 1);
    expect(m.message).not.toMatch(/rule failed/);
  }
}

const pieces = fc.constantFrom(
  '---\n',
  'question: What causes it?\n',
  'tldr: >-\n  It is rare.\n',
  'aspect: causes\n',
  'sources:\n  - id: a\n',
  'TL;DR: ',
  'Medically reviewed ',
  'Last updated: 2026-04-07',
  '04/07/2026',
  '\n',
  '\n\n',
  '- ',
  '1. ',
  '# ',
  '> ',
  'include:',
  '[^a]',
  '[1]',
  '(Smith 2019)',
  '200 to 600 times more likely',
  '1 in 1,000',
  '45%',
  'e.g. ',
  'approx. 2.5 ',
  'Researchers believe ',
  'there is no cure',
  'always',
  'etiology',
  'mesoderm—the layer',
  '?',
  '. ',
  ': ',
  '<p>',
  '</p>',
  '<li>',
  '<sup>1</sup>',
  '&amp;',
  '&#x1F600;',
  '<!-- medbrief-disable-next-line -->',
  '```\n',
  '| a | b |\n',
  '\u{1F600}',
  '\r\n',
  'References\n',
  'Medical disclaimer: not a substitute for medical advice.',
  ' ',
);
const markdownish = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 40 })
  .map((a) => a.join(''));

describe('lint robustness', () => {
  it('lintAnswer never throws and positions lie inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string(), fc.string({ unit: 'grapheme' })), (input) => {
        checkPositions(input, lintAnswer(input, { today: '2026-11-25' }));
      }),
      { numRuns: 400 },
    );
  });

  it('auditPage never throws on text or HTML and positions lie inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(markdownish, fc.string(), fc.string({ unit: 'grapheme' })), (input) => {
        checkPositions(input, auditPage(input, 'page', { today: '2026-11-25' }));
      }),
      { numRuns: 400 },
    );
  });
});
