/** Three-way merge of two edits from one base revision (the 409 path's merged form). */
import { describe, expect, it } from 'vitest';
import { mergeAnswers } from '../../src/workflow/index.js';
import { answerWith } from './answer-fixture.js';

const base = answerWith();
const [first, second, third] = base.body.trim().split('\n\n') as [string, string, string];
const body = (...p: string[]) => `${p.join('\n\n')}\n`;

describe('mergeAnswers', () => {
  it('takes what only one side changed, from each side', () => {
    const theirs = { ...base, question: 'What causes sacral agenesis in babies?' };
    const mine = { ...base, tldr: 'Most cases have no known cause at all.' };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.answer).toMatchObject({
      question: 'What causes sacral agenesis in babies?',
      tldr: 'Most cases have no known cause at all.',
    });
    expect(r).toMatchObject({ conflicts: [], taken: ['question'] });
  });

  it('merges one paragraph word by word when the changes do not touch, and reports them when they do', () => {
    const theirs = { ...base, body: body('First short paragraph about genes.', second, third) };
    const mine = {
      ...base,
      body: body('First paragraph about many genes.', second, 'Third paragraph, changed.'),
    };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.answer.body).toBe(
      body('First short paragraph about many genes.', second, 'Third paragraph, changed.'),
    );
    expect(r.conflicts).toEqual([]);
    const clash = { ...base, body: body('First long paragraph about genes.', second, third) };
    const c = mergeAnswers(base, theirs, clash);
    expect(c.conflicts).toEqual(['body ¶1']);
    expect(c.answer.body).toBe(clash.body); // mine kept where both changed
  });

  it('keeps mine whole when paragraphs were added or removed on both sides', () => {
    const theirs = { ...base, body: body(first, second, third, 'A fourth paragraph.') };
    const mine = { ...base, body: body(first, second) };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.conflicts).toEqual(['body']);
    expect(r.answer.body).toBe(mine.body);
  });

  it('merges sources by id: their new source joins mine, a source both changed keeps mine', () => {
    const [nhs, gard] = base.sources as [(typeof base.sources)[0], (typeof base.sources)[0]];
    const nice = { id: 'nice', title: 'NICE', url: 'https://www.nice.org.uk/x', accessed: '2024-01-01' };
    const theirs = { ...base, sources: [{ ...nhs, title: 'NHS (causes)' }, gard, nice] };
    const mine = { ...base, sources: [{ ...nhs, title: 'NHS — causes' }, gard] };
    const r = mergeAnswers(base, theirs, mine);
    expect(r.answer.sources.map((s) => [s.id, s.title])).toEqual([
      ['nhs', 'NHS — causes'],
      ['gard', 'GARD'],
      ['nice', 'NICE'],
    ]);
    expect(r).toMatchObject({ conflicts: ['source nhs'], taken: ['source nice'] });
  });

  it('takes the same change on both sides once', () => {
    const both = { ...base, tldr: 'No known cause.' };
    expect(mergeAnswers(base, both, both)).toMatchObject({ answer: both, conflicts: [], taken: [] });
  });
});
