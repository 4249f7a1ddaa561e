import { describe, expect, it } from 'vitest';
import { chooseThreshold, type TradeoffRow } from '../../eval/abstention.js';

const row = (
  threshold: number,
  answerRate: number,
  drugOnlyAbstain: number,
  utility: number,
): TradeoffRow => ({
  threshold,
  answerable: 100,
  answerRate,
  precision: 0.5,
  correctAnswers: 0,
  drugOnlyAbstain,
  noneAbstain: 0,
  utility,
});

describe('choosing the default abstention threshold on the tune part', () => {
  it('takes the best utility among thresholds meeting both abstention targets', () => {
    const rows = [
      row(0, 0.97, 0.8, -90),
      row(0.02, 0.95, 0.86, -70),
      row(0.04, 0.88, 0.9, -50),
      row(0.06, 0.8, 0.95, -40),
    ];
    // 0.06 has the best utility but abstains on 20% of answerable questions
    expect(chooseThreshold(rows).threshold).toBe(0.04);
  });

  it('falls back to the lowest threshold meeting the drug-only target, then to utility', () => {
    expect(
      chooseThreshold([row(0, 0.9, 0.5, -10), row(0.1, 0.6, 0.9, -5), row(0.2, 0.5, 0.95, 0)]).threshold,
    ).toBe(0.1);
    expect(chooseThreshold([row(0, 0.9, 0.5, -10), row(0.1, 0.6, 0.6, -5)]).threshold).toBe(0.1);
  });
});
