import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AskEngine, LIMITS } from '../../src/search/index.js';
import { FIXTURE_DOCS } from './fixtures.js';

const engine = new AskEngine(FIXTURE_DOCS);

/** Questions built from the hostile material the issue lists. */
const hostile = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 500 }),
  fc
    .array(
      fc.constantFrom(
        '"',
        '*',
        'NEAR(',
        'AND',
        'OR',
        'NOT',
        ')',
        '(',
        '^',
        ':',
        '-',
        "'",
        ';',
        '--',
        'DROP TABLE',
        '\\',
        '%',
        '_',
        'gout',
        'pain',
      ),
      { maxLength: 60 },
    )
    .map((xs) => xs.join(' ')),
  fc
    .array(fc.constantFrom('😀', '🙏', '💊', '❤️', '\u200b', '\u0000', '\ufffd'), { maxLength: 100 })
    .map((xs) => xs.join('')),
  fc.constantFrom('痛风是什么原因引起的', 'qué causa la gota', 'что вызывает подагру', 'ما هو النقرس'),
);

function checkShape(r: ReturnType<AskEngine['ask']>): void {
  expect(typeof r.abstained).toBe('boolean');
  expect(Array.isArray(r.results)).toBe(true);
  expect(r.redFlag === null || typeof r.redFlag.message === 'string').toBe(true);
  if (r.abstained) expect(r.results).toEqual([]);
  for (const x of r.results) expect(Number.isFinite(x.score)).toBe(true);
}

describe('bad input never throws and costs bounded work', () => {
  it('hostile strings', () => {
    fc.assert(
      fc.property(hostile, (q) => {
        const r = engine.ask(q, { explain: true });
        checkShape(r);
        if (r.explain) {
          expect(r.explain.work.chars).toBeLessThanOrEqual(LIMITS.maxChars);
          expect(r.explain.work.words).toBeLessThanOrEqual(LIMITS.maxTokens);
          expect(r.explain.work.corrections).toBeLessThanOrEqual(40);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('a 10 MB question is cut before any per-word work', () => {
    const big = 'gout '.repeat(2_000_000);
    const r = engine.ask(big, { explain: true });
    checkShape(r);
    expect(r.explain?.truncated).toBe(true);
    expect(r.explain?.work.chars).toBeLessThanOrEqual(LIMITS.maxChars);
    expect(r.explain?.work.words).toBeLessThanOrEqual(LIMITS.maxTokens);
  });

  it('non-string input and odd limits are handled', () => {
    for (const q of [undefined, null, 42, {}, []]) checkShape(engine.ask(q as unknown as string));
    for (const limit of [0, -1, Number.NaN, 1e9, 2.5]) {
      const r = engine.ask('what causes gout', { limit });
      expect(r.results.length).toBeLessThanOrEqual(50);
    }
  });
});
