import { describe, expect, it } from 'vitest';
import { binaryMetrics, ndcgAt, precisionAt1, rankingMetrics, reciprocalRank } from '../../eval/metrics.js';
import { abstainsAt } from '../../eval/real.js';
import { documentRanking, type Run } from '../../eval/systems.js';

describe('ranking metrics', () => {
  const rel = new Set(['b', 'x']);

  it('P@1 and reciprocal rank at 10', () => {
    expect(precisionAt1(['b', 'a'], rel)).toBe(1);
    expect(precisionAt1(['a', 'b'], rel)).toBe(0);
    expect(precisionAt1([], rel)).toBe(0);
    expect(reciprocalRank(['a', 'c', 'x'], rel)).toBeCloseTo(1 / 3);
    const late = [...'cdefghijkl'.split(''), 'b'];
    expect(reciprocalRank(late, rel)).toBe(0); // rank 11 is past the cut
  });

  it('nDCG@10 is 1 for an ideal ranking and lower otherwise', () => {
    expect(ndcgAt(['b', 'x', 'a'], rel)).toBeCloseTo(1);
    expect(ndcgAt(['a', 'b', 'x'], rel)).toBeLessThan(1);
  });

  it('averages over questions, an abstention (empty list) scoring 0', () => {
    const m = rankingMetrics([
      { ranked: ['b'], relevant: rel },
      { ranked: ['a', 'x'], relevant: rel },
      { ranked: [], relevant: rel },
      { ranked: ['z'], relevant: rel },
    ]);
    expect(m).toMatchObject({ queries: 4, p1: 0.25, mrr10: 0.375 });
  });

  it('binary metrics count each cell', () => {
    const m = binaryMetrics([
      { predicted: true, actual: true },
      { predicted: true, actual: false },
      { predicted: false, actual: true },
      { predicted: false, actual: false },
      { predicted: false, actual: false },
    ]);
    expect(m).toMatchObject({ tp: 1, fp: 1, fn: 1, tn: 2, precision: 0.5, recall: 0.5, accuracy: 0.6 });
  });
});

describe('document ranking and abstention used by the evaluation', () => {
  it('keeps the first answer of each document, in order, up to k documents', () => {
    const answers = [
      'medquad:GARD:1:2',
      'medquad:GARD:1:3',
      'medquad:GHR:9:1',
      'medquad:GARD:1:1',
      'medquad:NHLBI:4:6',
    ];
    expect(documentRanking(answers)).toEqual(['medquad:GARD:1', 'medquad:GHR:9', 'medquad:NHLBI:4']);
    expect(documentRanking(answers, 2)).toEqual(['medquad:GARD:1', 'medquad:GHR:9']);
  });

  it('abstains below the threshold, always on a hard abstention or an empty list', () => {
    const run = (top: number | null, hardAbstain = false, answers = ['a']): Run => ({
      answers,
      top,
      hardAbstain,
      reason: null,
      ms: 0,
    });
    expect(abstainsAt(run(0.6), 0.5)).toBe(false);
    expect(abstainsAt(run(0.4), 0.5)).toBe(true);
    expect(abstainsAt(run(0.9, true), 0)).toBe(true);
    expect(abstainsAt(run(null, false, []), 0)).toBe(true);
  });
});
