import { describe, expect, it } from 'vitest';
import { fnv1a32, rqeFold, splitOf } from '../../eval/splits.js';

describe('tune / report splits', () => {
  it('FNV-1a-32 has its published test values', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is fixed: known ids keep their side (a change of rule shows here)', () => {
    expect(splitOf('meqsum', '11352.txt')).toBe('report');
    expect(splitOf('meqsum', '16.txt')).toBe('report');
    expect(splitOf('meqsum', '21.txt')).toBe('tune');
    expect(splitOf('meqsum', '35.txt')).toBe('tune');
    expect(splitOf('mediqa-qa-alexa', '1')).toBe('tune');
    expect(splitOf('mediqa-qa-alexa', '2')).toBe('tune');
    expect(splitOf('mediqa-qa-validation', '2')).toBe('tune');
    expect(splitOf('rqe', 'What is Flu?')).toBe('report');
  });

  it('does not split by spelling: ids that differ in one digit spread over both parts', () => {
    // FNV-1a's low bit alone is the parity of odd character codes; the mixed hash is not
    for (const stem of ['1-1311', 'NF_', '']) {
      const parts = new Set(Array.from({ length: 10 }, (_, d) => splitOf('meqsum', `${stem}${d}.txt`)));
      expect(parts.size).toBe(2);
    }
    const pairs = Array.from({ length: 40 }, (_, i) => [`${2 * i}.txt`, `${2 * i + 2}.txt`] as const);
    expect(pairs.filter(([a, b]) => splitOf('meqsum', a) !== splitOf('meqsum', b)).length).toBeGreaterThan(8);
  });

  it('puts every id in exactly one part, close to half each', () => {
    const ids = Array.from({ length: 2_000 }, (_, i) => `q${i}`);
    const tune = new Set(ids.filter((id) => splitOf('meqsum', id) === 'tune'));
    const report = new Set(ids.filter((id) => splitOf('meqsum', id) === 'report'));
    expect(tune.size + report.size).toBe(ids.length);
    for (const id of tune) expect(report.has(id)).toBe(false);
    expect(tune.size / ids.length).toBeGreaterThan(0.45);
    expect(tune.size / ids.length).toBeLessThan(0.55);
  });

  it('splits the two MEDIQA-QA files independently although their QIDs overlap', () => {
    const qids = Array.from({ length: 200 }, (_, i) => String(i + 1));
    const differ = qids.filter((q) => splitOf('mediqa-qa-alexa', q) !== splitOf('mediqa-qa-validation', q));
    expect(differ.length).toBeGreaterThan(50);
  });

  it('keeps every pair of one consumer question in one CV fold', () => {
    const chq = 'My father has gout. What should he eat?';
    expect(new Set([1, 2, 3].map(() => rqeFold(chq)))).toEqual(new Set([rqeFold(chq)]));
    const folds = new Set(Array.from({ length: 100 }, (_, i) => rqeFold(`question ${i}`)));
    expect([...folds].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});
