import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAnswer, serialiseAnswer } from '../../src/content/index.js';
import { answerArbitrary } from './arbitraries.js';

describe('Markdown + YAML front matter round trip', () => {
  it('parse(serialise(answer)) gives back the same model', () => {
    fc.assert(
      fc.property(answerArbitrary, (answer) => {
        const text = serialiseAnswer(answer);
        const parsed = parseAnswer(text, 'gen.md');
        if (!parsed.ok) throw new Error(`did not parse:\n${text}\n${JSON.stringify(parsed.problems)}`);
        expect(parsed.value.answer).toEqual(answer);
      }),
      { numRuns: 300 },
    );
  });

  it('serialise is stable: serialising a parsed file again gives the same text', () => {
    fc.assert(
      fc.property(answerArbitrary, (answer) => {
        const once = serialiseAnswer(answer);
        const parsed = parseAnswer(once);
        expect(parsed.ok && serialiseAnswer(parsed.value.answer)).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});
