import { describe, expect, it } from 'vitest';
import { DocTable } from '../../src/search/doc-table.js';
import { Postings, StringIndex, StringTable } from '../../src/search/tables.js';
import { FIXTURE_DOCS } from './fixtures.js';

describe('search tables', () => {
  it('a string index finds every row and nothing else', () => {
    const words = ['gout', 'goat', '', 'héllo', 'a b', ...Array.from({ length: 500 }, (_, i) => `w${i}`)];
    const index = new StringIndex(StringTable.from(words));
    words.forEach((w, i) => {
      expect(index.find(w)).toBe(i);
    });
    for (const miss of ['gou', 'gouts', 'w500', 'hello', 'a  b']) expect(index.find(miss)).toBe(-1);
    expect(new StringIndex(StringTable.from([])).find('x')).toBe(-1);
    expect(() => new StringIndex(StringTable.from(['a']), new Uint32Array(3))).toThrow(/power of two/);
  });

  it('postings keep each list in order', () => {
    const p = Postings.from([[3, 1], new Set([7]), []]);
    const list = (row: number) => [...p.values.subarray(p.start(row), p.end(row))];
    expect([list(0), list(1), list(2)]).toEqual([[3, 1], [7], []]);
    expect(p.has(0, 1)).toBe(true);
    expect(p.has(2, 1)).toBe(false);
  });

  it('answer columns give back what ranking reads of each document', () => {
    const table = DocTable.fromDocuments(FIXTURE_DOCS);
    expect(table.size).toBe(FIXTURE_DOCS.length);
    FIXTURE_DOCS.forEach((d, i) => {
      expect(table.get(i)).toEqual({
        answerId: d.answerId,
        condition: d.condition,
        aspect: d.aspect,
        question: d.question,
        reviewed: d.reviewed,
        origin: d.origin,
      });
      expect(table.slug(table.conditionOf(i))).toBe(d.condition);
      for (const s of d.synonyms) expect(table.synonymsOf(table.conditionOf(i))).toContain(s);
    });
  });
});
