import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentHash, parseAnswerOrThrow } from '../../src/content/index.js';
import { answerArbitrary } from './arbitraries.js';

const base = `---
question: What causes gout?
condition: gout
aspect: causes
tldr: Gout happens when uric acid builds up and forms crystals in a joint.
sources:
  - id: nhs
    title: Gout
    url: https://www.nhs.uk/conditions/gout/
    accessed: 2026-03-30
---
Uric acid is a waste product [^nhs].

It can build up in the blood.
`;

describe('content hash', () => {
  const h = contentHash(parseAnswerOrThrow(base));

  it('is a sha256 digest', () => {
    expect(h).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('ignores formatting noise: key order, trailing spaces, CRLF, folded YAML, blank-line runs', () => {
    const reordered = `---
aspect: causes
condition: gout
tldr: >-
  Gout happens when uric acid builds up
  and forms crystals in a joint.
question: "What causes gout?"
sources:
  - url: https://www.nhs.uk/conditions/gout/
    title: Gout
    accessed: 2026-03-30
    id: nhs
---

Uric acid is a waste product [^nhs].   



It can build up in the blood.   

`.replace(/\n/g, '\r\n');
    expect(contentHash(parseAnswerOrThrow(reordered))).toBe(h);
  });

  it('ignores review metadata and the updated date, which are not content', () => {
    const stamped = base.replace(
      'sources:',
      'updated: 2026-05-01\nreview:\n  reviewer: demo\n  reviewed: 2026-05-02\nsources:',
    );
    expect(contentHash(parseAnswerOrThrow(stamped))).toBe(h);
  });

  it.each([
    ['a word of the body', 'waste product', 'waste substance'],
    ['a word of the TL;DR', 'in a joint', 'in the joint'],
    ['the question', 'What causes gout?', 'What causes gout attacks?'],
    ['a source URL', 'conditions/gout/', 'conditions/gout/causes/'],
    ['the aspect', 'aspect: causes', 'aspect: symptoms'],
    ['a number', 'a joint.', 'a joint 2 times.'],
  ])('changes with %s', (_what, from, to) => {
    expect(contentHash(parseAnswerOrThrow(base.replace(from, to)))).not.toBe(h);
  });

  it('differs for any two answers with different words (property)', () => {
    fc.assert(
      fc.property(answerArbitrary, fc.string({ minLength: 1, maxLength: 20 }), (a, extra) => {
        const word = extra.replace(/\s/g, '') || 'x';
        expect(contentHash({ ...a, body: `${a.body} ${word}` })).not.toBe(contentHash(a));
      }),
      { numRuns: 200 },
    );
  });
});
