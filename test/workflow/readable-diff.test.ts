import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffAfter, diffBefore, paragraphDiff, paragraphs, readableDiff } from '../../src/workflow/index.js';
import { answerWith } from './answer-fixture.js';

const answer = answerWith;

describe('readableDiff', () => {
  it('shows each changed field on its own, with word-level changes', () => {
    const d = readableDiff(answer(), answer({ tldr: 'Most cases have no single known cause.' }));
    const tldr = d.fields.find((f) => f.key === 'tldr')!;
    expect(tldr.status).toBe('changed');
    expect(tldr.ops.filter((o) => o.op === 'insert').map((o) => o.text)).toEqual(['single ']);
    expect(d.fields.find((f) => f.key === 'question')!.status).toBe('same');
    expect(d.body.every((p) => p.status === 'same')).toBe(true);
    expect(d.inserted).toBe(1);
    expect(d.deleted).toBe(0);
    expect(d.unchanged).toBe(false);
  });

  it('compares the body paragraph by paragraph: an inserted paragraph leaves the others unchanged', () => {
    const body =
      'First paragraph about genes.\n\nA new paragraph.\n\nSecond paragraph about diabetes in the mother.[^nhs]\n\nThird paragraph, edited.\n';
    const d = readableDiff(answer(), answer({ body }));
    expect(d.body.map((p) => p.status)).toEqual(['same', 'added', 'same', 'changed']);
    expect(d.body[3]!.ops.find((o) => o.op === 'insert')?.text).toBe(', edited');
  });

  it('shows sources as a table keyed by id: added, removed, changed cells', () => {
    const d = readableDiff(
      answer(),
      answer({
        sources: [
          { id: 'nhs', title: 'NHS: what causes it', url: 'https://www.nhs.uk/a', accessed: '2024-01-01' },
          { id: 'cdc', title: 'CDC', url: 'https://www.cdc.gov/', accessed: '2024-02-02' },
        ],
        body: 'First paragraph about genes.\n\nSecond paragraph about diabetes in the mother.[^nhs]\n\nThird paragraph.\n',
      }),
    );
    expect(d.sources.map((s) => `${s.id}:${s.status}`)).toEqual(['nhs:changed', 'cdc:added', 'gard:removed']);
    const nhs = d.sources[0]!;
    expect(nhs.cells.filter((c) => c.status !== 'same').map((c) => c.field)).toEqual(['title']);
  });

  it('reports nothing changed for equal answers and everything added for a new one', () => {
    expect(readableDiff(answer(), answer()).unchanged).toBe(true);
    const fresh = readableDiff(null, answer());
    expect(fresh.body.every((p) => p.status === 'added')).toBe(true);
    expect(fresh.fields.find((f) => f.key === 'question')!.status).toBe('added');
  });

  it('paragraph rows are lossless: both versions can be rebuilt, in order', () => {
    const para = fc.constantFrom(
      'alpha beta.',
      'gamma delta epsilon.',
      'alpha beta gamma.',
      'zeta',
      'eta theta iota kappa.',
    );
    const body = fc.array(para, { maxLength: 8 }).map((ps) => ps.join('\n\n'));
    fc.assert(
      fc.property(body, body, (x, y) => {
        const rows = paragraphDiff(x, y);
        expect(rows.filter((r) => r.before !== null).map((r) => r.before)).toEqual(paragraphs(x));
        expect(rows.filter((r) => r.after !== null).map((r) => r.after)).toEqual(paragraphs(y));
        for (const r of rows) {
          if (r.before !== null) expect(diffBefore(r.ops)).toBe(r.before);
          if (r.after !== null) expect(diffAfter(r.ops)).toBe(r.after);
        }
      }),
      { numRuns: 300 },
    );
  });
});
