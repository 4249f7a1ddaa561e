import { describe, expect, it } from 'vitest';
import { type ChainRevision, checkFourEyes, contributorsSinceApproval } from '../../src/workflow/index.js';

function chain(...revs: [number, string, number | null, string][]): Map<number, ChainRevision> {
  return new Map(
    revs.map(([id, author, baseRevisionId, hash]) => [id, { id, author, baseRevisionId, hash }]),
  );
}

describe('four-eyes rule', () => {
  const revs = chain([1, 'ann', null, 'h1'], [2, 'rita', 1, 'h2'], [3, 'ann', 2, 'h3'], [4, 'bob', 3, 'h4']);

  it('collects everyone who wrote words since the last approval', () => {
    expect(contributorsSinceApproval(4, revs, new Set())).toEqual(['bob', 'ann', 'rita']);
    expect(contributorsSinceApproval(4, revs, new Set(['h2']))).toEqual(['bob', 'ann']);
    expect(contributorsSinceApproval(3, revs, new Set(['h3']))).toEqual(['ann', 'rita']);
  });

  it('refuses a reviewer who edited an unapproved ancestor, allows one who did not', () => {
    expect(checkFourEyes('rita', contributorsSinceApproval(4, revs, new Set())).ok).toBe(false);
    expect(checkFourEyes('rita', contributorsSinceApproval(4, revs, new Set(['h2'])))).toEqual({ ok: true });
    const refusal = checkFourEyes('ann', ['ann']);
    expect(!refusal.ok && refusal.message).toMatch(/four-eyes/);
  });

  it('stops on a cycle instead of looping', () => {
    const loop = chain([1, 'a', 2, 'x'], [2, 'b', 1, 'y']);
    expect(contributorsSinceApproval(1, loop, new Set())).toEqual(['a', 'b']);
  });
});
