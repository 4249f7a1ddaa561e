import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASPECTS, escapeProse as escapeMarkdown } from '../../../src/content/index.js';
import { ABBREVIATIONS } from '../../../src/content/text/sentences.js';
import {
  aspectForQtype,
  cleanAnswer,
  cleanQuestion,
  deriveTldr,
  QTYPE_ASPECTS,
  splitSentences,
} from '../../../src/import/medquad/index.js';
import { renderMarkdown } from '../../../src/site/index.js';
import { medquadDir } from '../../helpers/corpus.js';
import { countXml } from '../helpers/xml-counts.js';

describe('questions', () => {
  it('turns MedQuAD templates into plain questions', () => {
    expect(cleanQuestion('What is (are) caudal regression syndrome ?')).toBe(
      'What is caudal regression syndrome?',
    );
    expect(cleanQuestion('Who is at risk for Parasites - Taeniasis? ?')).toBe(
      'Who is at risk for Parasites - Taeniasis?',
    );
    expect(cleanQuestion('what is staphylococcus aureus?')).toBe('What is staphylococcus aureus?');
    expect(cleanQuestion('how vaccines prevent disease')).toBe('How vaccines prevent disease?');
  });
});

describe('answer clean-up', () => {
  it('turns inline bullets into list items and counts them', () => {
    const r = cleanAnswer('Symptoms include:    - fever    - cough  - tiredness');
    expect(r.markdown).toBe('Symptoms include:\n\n- fever\n- cough\n- tiredness');
    expect(r.counts.bullets).toBe(3);
  });

  it('removes a repeated leading question and "Question:/Answer:" labels', () => {
    expect(cleanAnswer('What causes X? X is caused by Y.').markdown).toBe('X is caused by Y.');
    const labelled = cleanAnswer('Question: Is X inherited? Answer: No, it is not.');
    expect(labelled.markdown).toBe('No, it is not.');
    expect(labelled.counts.questionArtefacts).toBe(1);
  });

  it('normalises white space and decodes left-over HTML entities', () => {
    const r = cleanAnswer('  First\u00a0line   here.\n\n\n      Second &amp; third&nbsp;part.\u200b ');
    expect(r.markdown).toBe('First line here.\n\nSecond & third part.');
    expect(r.counts.entities).toBe(2);
    expect(r.counts.whitespace).toBe(1);
  });

  it('escapes characters Markdown would read as markup', () => {
    expect(cleanAnswer('Levels <5% in [some] *cases*').markdown).toBe(
      'Levels \\<5% in \\[some\\] \\*cases\\*',
    );
  });
});

describe('TL;DR candidates', () => {
  it('takes whole sentences up to the word budget', () => {
    const p = [
      { kind: 'p' as const, text: 'One two three. Four five six seven. Eight nine ten eleven twelve.' },
    ];
    expect(deriveTldr(p, 7)).toBe('One two three. Four five six seven.');
    expect(deriveTldr(p, 2)).toBe('One two three.');
  });

  it('ends a TL;DR sentence at a capital letter that names a kind ("hepatitis A.")', () => {
    const text = 'You can get hepatitis A. It spreads through food and water.';
    expect(splitSentences(text)).toEqual(['You can get hepatitis A.', 'It spreads through food and water.']);
    expect(deriveTldr([{ kind: 'p', text }], 6)).toBe('You can get hepatitis A.');
  });

  it('does not end sentences at abbreviations or initials', () => {
    expect(splitSentences('T. solium causes it, e.g. in pork. Dr. Smith agrees.')).toEqual([
      'T. solium causes it, e.g. in pork.',
      'Dr. Smith agrees.',
    ]);
  });

  it('never cuts a sentence: the TL;DR is a run of whole sentences from the start', () => {
    const sentence = fc
      // Words that are abbreviations ("Jr.", "Dr.") or single letters (initials: "J. Smith") are
      // left out: a sentence ending in one is ambiguous.
      .array(
        fc.stringMatching(/^[a-z]{2,8}$/).filter((w) => !ABBREVIATIONS.has(w)),
        { minLength: 1, maxLength: 12 },
      )
      .map((w) => `${w.join(' ').replace(/^./, (c) => c.toUpperCase())}.`);
    fc.assert(
      fc.property(
        fc.array(sentence, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        (sentences, budget) => {
          const text = sentences.join(' ');
          const tldr = deriveTldr([{ kind: 'p', text }], budget);
          const n = splitSentences(tldr).length;
          expect(tldr).toBe(sentences.slice(0, n).join(' '));
          expect(n).toBeGreaterThanOrEqual(1);
          if (n > 1) expect(tldr.split(' ').length).toBeLessThanOrEqual(budget);
        },
      ),
    );
  });
});

describe('qtype → aspect table', () => {
  it('maps onto the aspect vocabulary', () => {
    for (const aspect of Object.values(QTYPE_ASPECTS)) expect(ASPECTS).toContain(aspect);
    expect(aspectForQtype('exams and tests')).toBe('diagnosis');
    expect(aspectForQtype('astrology')).toBeNull();
  });

  const dir = medquadDir();
  it.skipIf(!dir)('covers every qtype that occurs in MedQuAD', () => {
    const qtypes = Object.keys(countXml(dir!).qtypes);
    expect(qtypes.filter((q) => aspectForQtype(q) === null)).toEqual([]);
  });
});

describe('escaping answer text for Markdown', () => {
  it('keeps a numbered line and a URL with underscores as the same text when rendered', () => {
    const text = '1. Take a_b https://example.org/a_b_c. Then *rest*';
    const md = escapeMarkdown(text);
    expect(md.startsWith('1\\. ')).toBe(true);
    const html = renderMarkdown(md);
    expect(html.replace(/<[^>]+>/g, '').trim()).toBe(text);
    expect(html).toContain('href="https://example.org/a_b_c"');
    expect(html).toContain('*rest*');
    expect(html).not.toContain('<ol');
  });
});
