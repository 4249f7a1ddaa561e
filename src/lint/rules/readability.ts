import { z } from 'zod';
import { readabilityOf } from '../detect/readability.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { proseSentences } from './util.js';

const Options = z.object({
  /** Highest acceptable US school grade (Flesch–Kincaid and SMOG). */
  targetGrade: z.number().min(1).max(20).default(9),
  /** Texts shorter than this are not graded (the formulas are unstable on a few sentences). */
  minWords: z.number().int().min(1).default(40),
});

/** Health information should be readable at school grade 8–9 or below. */
export const readability: Rule<z.infer<typeof Options>> = {
  id: 'readability',
  severity: 'warn',
  options: Options,
  docs: {
    summary:
      'The TL;DR and body read above the target school grade (mean of Flesch–Kincaid grade and SMOG; default target 9).',
    why: 'Around four in ten adults struggle with health information written above a reading age of about 11–14. Short sentences and everyday words help everyone, including experts reading on a phone. SMOG is the formula most recommended for health materials; Flesch–Kincaid is the most widely used. The rule reports both and compares their mean with the target (SMOG alone runs high on short texts).',
    references: [
      {
        title: 'NHS digital service manual: health literacy',
        url: 'https://service-manual.nhs.uk/content/health-literacy',
      },
      {
        title: 'CDC Clear Communication Index, item 20 (reading level)',
        url: 'https://www.cdc.gov/ccindex/index.html',
      },
      {
        title: 'McLaughlin (1969), SMOG grading — a new readability formula',
        url: 'https://www.jstor.org/stable/40011226',
      },
    ],
    options: '`targetGrade` (default 9); `minWords` (default 40): shorter texts are not graded.',
    ok: [
      {
        kind: 'markdown',
        text: 'Sacral agenesis is when the lower spine does not grow fully. It starts early in pregnancy. Most of the time no one knows why. It is more common when the mother had diabetes before she was pregnant. Doctors can help with walking, bladder and bowel problems. Many children go to school and do well.\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'TL;DR: The development of sacral agenesis occurs during the early stages of embryogenesis, specifically between the third and seventh weeks of gestation, when the mesoderm fails to differentiate appropriately in the caudal region of the embryo. Researchers hypothesise multifactorial interactions between genetic susceptibility and environmental exposures, including maternal hyperglycaemia and nutritional deficiencies.\n',
        expected: [
          says(
            '1:8',
            'reading grade 22.8 is above the target: Flesch–Kincaid 24, SMOG 21.6 (target ≤ 9; 51 words in 2 sentences, 26 words per sentence)',
            'use shorter sentences (15–20 words) and everyday words; explain or replace medical terms',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    const sentences = proseSentences(doc);
    if (!sentences.length) return;
    const r = readabilityOf(sentences.map((s) => s.text));
    if (r.words < options.minWords) return;
    // The mean of the two formulas: each alone over- or under-rates some texts (SMOG runs high on short ones).
    const grade = Math.round(((r.fleschKincaidGrade + r.smogGrade) / 2) * 10) / 10;
    if (grade <= options.targetGrade) return;
    const first = sentences[0]!;
    const inBody = sentences.find((s) => s.part === 'body') ?? first;
    report({
      start: doc.kind === 'page' ? first.start : inBody.start,
      end: doc.kind === 'page' ? first.end : inBody.end,
      message: `reading grade ${grade} is above the target: Flesch–Kincaid ${r.fleschKincaidGrade}, SMOG ${r.smogGrade} (target ≤ ${options.targetGrade}; ${r.words} words in ${r.sentences} sentences, ${Math.round(r.words / r.sentences)} words per sentence)`,
      hint: 'use shorter sentences (15–20 words) and everyday words; explain or replace medical terms',
    });
  },
};
