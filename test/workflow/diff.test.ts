import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  diffAfter,
  diffBefore,
  diffStats,
  diffToText,
  tokenize,
  wordDiff,
} from '../../src/workflow/index.js';

describe('wordDiff', () => {
  it('shows a changed word as a changed word', () => {
    const ops = wordDiff('Most cases have no known cause.', 'Most cases have no single known cause.');
    expect(diffToText(ops)).toBe('Most cases have no {+single +}known cause.');
    expect(diffStats(ops)).toEqual({ inserted: 1, deleted: 0 });
  });

  it('treats punctuation as its own token', () => {
    expect(diffToText(wordDiff('up to 97 times.', 'up to 97 times,'))).toBe('up to 97 times[-.-]{+,+}');
    expect(tokenize("don't stop")).toEqual(["don't", ' ', 'stop']);
  });

  it('marks replaced words as deleted then inserted', () => {
    expect(diffToText(wordDiff('the cat sat', 'the dog sat'))).toBe('the [-cat-]{+dog+} sat');
  });

  it('is lossless: before and after can be rebuilt from the diff', () => {
    const word = fc.constantFrom('a', 'b', 'cause', 'asthma', '.', ',', ' ', '\n', '  ', 'é', '97%');
    const text = fc.array(word, { maxLength: 60 }).map((w) => w.join(''));
    fc.assert(
      fc.property(text, text, (x, y) => {
        const ops = wordDiff(x, y);
        expect(diffBefore(ops)).toBe(x);
        expect(diffAfter(ops)).toBe(y);
        for (let i = 1; i < ops.length; i++) expect(ops[i]!.op).not.toBe(ops[i - 1]!.op);
      }),
      { numRuns: 300 },
    );
  });

  it('an identical text is one equal run', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ op: 'equal', text: 'same words' }]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
