import { describe, expect, it } from 'vitest';
import { groupedCv } from '../../eval/rqe-cv.js';
import type { RqePair } from '../../eval/rqe-data.js';
import { rqeFold } from '../../eval/splits.js';

describe('RQE grouped cross-validation', () => {
  const validation: RqePair[] = Array.from({ length: 60 }, (_, i) => ({
    pid: String(i),
    chq: `consumer question ${i % 20}`,
    faq: `faq ${i}`,
    entails: i % 3 === 0,
  }));
  const training: RqePair[] = [
    { pid: 't1', chq: 'clinical', faq: 'clinical', entails: true, type: 'originalQ-shortQ' },
  ];

  it('never trains a fold on its own consumer questions, and always on the training set', () => {
    const seen: RqePair[][] = [];
    const r = groupedCv(training, validation, (pairs) => {
      seen.push(pairs);
      // a trainer that memorises its pairs: it can only be right on pairs it was given
      const known = new Map(pairs.map((p) => [`${p.chq}|${p.faq}`, p.entails]));
      return { entail: (chq, faq) => ({ entails: known.get(`${chq}|${faq}`) ?? false, score: 0 }) };
    });
    expect(seen).toHaveLength(r.folds);
    for (const pairs of seen) {
      expect(pairs).toContain(training[0]);
      const chqs = new Set(pairs.map((p) => p.chq));
      const held = validation.filter((p) => !pairs.includes(p));
      expect(held.length).toBeGreaterThan(0);
      // a held-out pair's consumer question is absent from the fold's training pairs
      for (const p of held) expect(chqs.has(p.chq)).toBe(false);
      expect(new Set(held.map((p) => rqeFold(p.chq))).size).toBe(1);
    }
    // the memorising trainer says "no" on every held-out pair: accuracy is the negative rate
    expect(r.accuracy).toBeCloseTo(validation.filter((p) => !p.entails).length / validation.length, 4);
    expect(r.predictedPositiveRate).toBe(0);
  });
});
