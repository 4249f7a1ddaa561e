/** Three-way merge of two edits from one base revision (the 409 path's merged form). */
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/content/index.js';
import { mergeAnswers } from '../../src/workflow/index.js';

const base: Answer = {
  question: 'What causes gout?',
  condition: 'gout',
  aspect: 'causes',
  tldr: 'Too much uric acid.',
  sources: [
    { id: 'nhs', title: 'Gout', url: 'https://www.nhs.uk/gout', accessed: '2026-01-01' },
    { id: 'cdc', title: 'Gout basics', url: 'https://www.cdc.gov/gout', accessed: '2026-01-01' },
  ],
  body: 'Uric acid forms crystals in a joint.\n\nThe joint becomes hot and swollen.\n',
} as Answer;

describe('mergeAnswers', () => {
  it('takes what only one side changed, from each side', () => {
    const theirs = { ...base, question: 'What causes gout attacks?' };
    const mine = { ...base, tldr: 'Too much uric acid in the blood.' };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.answer).toMatchObject({
      question: 'What causes gout attacks?',
      tldr: 'Too much uric acid in the blood.',
    });
    expect(r).toMatchObject({ conflicts: [], taken: ['question'] });
  });

  it('merges one paragraph word by word when the changes do not touch, and reports them when they do', () => {
    const theirs = {
      ...base,
      body: 'Uric acid forms sharp crystals in a joint.\n\nThe joint becomes hot and swollen.\n',
    };
    const mine = {
      ...base,
      body: 'Uric acid forms crystals in a big joint.\n\nThe joint becomes red and swollen.\n',
    };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.answer.body).toBe(
      'Uric acid forms sharp crystals in a big joint.\n\nThe joint becomes red and swollen.\n',
    );
    expect(r.conflicts).toEqual([]);
    const clash = {
      ...base,
      body: 'Uric acid forms tiny crystals in a joint.\n\nThe joint becomes hot and swollen.\n',
    };
    const c = mergeAnswers(base, theirs, clash);
    expect(c.conflicts).toEqual(['body ¶1']);
    expect(c.answer.body).toBe(clash.body); // mine kept where both changed
  });

  it('keeps mine whole when paragraphs were added or removed on both sides', () => {
    const theirs = { ...base, body: `${base.body}\nA third paragraph.\n` };
    const mine = { ...base, body: 'Only one paragraph now.\n' };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.conflicts).toEqual(['body']);
    expect(r.answer.body).toBe(mine.body);
  });

  it('merges sources by id: their new source joins mine, a source both changed keeps mine', () => {
    const theirs = {
      ...base,
      sources: [
        { ...base.sources[0]!, title: 'Gout (NHS)' },
        base.sources[1]!,
        { id: 'nice', title: 'NICE gout', url: 'https://www.nice.org.uk/gout', accessed: '2026-01-01' },
      ],
    };
    const mine = { ...base, sources: [{ ...base.sources[0]!, title: 'Gout — NHS' }, base.sources[1]!] };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.answer.sources.map((s) => [s.id, s.title])).toEqual([
      ['nhs', 'Gout — NHS'],
      ['cdc', 'Gout basics'],
      ['nice', 'NICE gout'],
    ]);
    expect(r).toMatchObject({ conflicts: ['source nhs'], taken: ['source nice'] });
  });

  it('takes the same change on both sides once', () => {
    const both = { ...base, tldr: 'Uric acid.' };
    expect(mergeAnswers(base, both, both)).toMatchObject({ answer: both, conflicts: [], taken: [] });
  });
});
