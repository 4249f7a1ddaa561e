/**
 * The labelled corpus as a regression: precision and recall may not fall below the figures in
 * test/lint/corpus/floor.json, every clean page gives 0 errors, and the corpus keeps its shape
 * (credited real pages, seeded and clean written pages). `npm run lint:corpus` prints the details.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rulesById } from '../../src/lint/index.js';
import { CORPUS_DIR, readCorpus, runCorpus } from './helpers/labelled-corpus.js';

const floor = JSON.parse(readFileSync(join(CORPUS_DIR, 'floor.json'), 'utf8')) as Record<
  string,
  { precision: number; recall: number }
>;

describe('labelled lint corpus', () => {
  const pages = readCorpus();
  const result = runCorpus(pages);

  it('has credited real pages, a held-out part, seeded pages and clean pages', () => {
    const real = pages.filter((p) => p.group === 'real');
    expect(real.length).toBeGreaterThanOrEqual(40);
    expect(real.filter((p) => p.split === 'held-out-r5').length).toBeGreaterThanOrEqual(15);
    expect(pages.filter((p) => p.split === 'written-seeded').length).toBeGreaterThanOrEqual(10);
    expect(pages.filter((p) => p.split === 'written-clean').length).toBeGreaterThanOrEqual(5);
    for (const p of pages)
      for (const e of p.expected) expect(rulesById.has(e.ruleId), `${p.id}: ${e.ruleId}`).toBe(true);
  });

  it('gives 0 errors on every clean page', () => {
    expect(result.cleanErrors).toEqual([]);
  });

  for (const [group, min] of Object.entries(floor)) {
    if (group.startsWith('_')) continue;
    it(`${group}: precision and recall stay at or above the floor`, () => {
      const s = result.scores[group]!['*']!;
      expect(s.precision, `${group} precision (${s.tp} true, ${s.fp} false)`).toBeGreaterThanOrEqual(
        min.precision,
      );
      expect(s.recall, `${group} recall (${s.tp} found, ${s.fn} missed)`).toBeGreaterThanOrEqual(min.recall);
    });
  }
});
