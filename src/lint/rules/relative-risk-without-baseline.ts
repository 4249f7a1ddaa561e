import { z } from 'zod';
import { findStatistics, hasBaseline } from '../detect/statistics.js';
import type { Rule } from '../types.js';
import { neighbours, proseSentences } from './util.js';

const Options = z.object({
  /** How many sentences before and after count as "nearby". */
  window: z.number().int().min(0).max(5).default(1),
});

/** "200 times more likely" means little without "out of how many": give the absolute risk too. */
export const relativeRiskWithoutBaseline: Rule<z.infer<typeof Options>> = {
  id: 'relative-risk-without-baseline',
  severity: 'error',
  options: Options,
  docs: {
    summary:
      'A relative risk ("N times more likely", "doubles the risk", "30% higher risk", odds/hazard ratio) is given without an absolute risk or baseline nearby.',
    why: 'Relative risks make small risks sound large: "twice as likely" may mean 2 in 100,000 instead of 1 in 100,000. Risk-communication guidance asks for absolute figures ("about 1 in 350 babies") alongside any relative figure, in the same or the next sentence.',
    references: [
      {
        title: 'Patient Information Forum: communicating risk — use absolute risk',
        url: 'https://pifonline.org.uk/resources/how-to-guides/',
      },
      {
        title: 'Winton Centre for Risk and Evidence Communication: communicating risks',
        url: 'https://wintoncentre.maths.cam.ac.uk/',
      },
      {
        title: 'CDC Clear Communication Index, item 14 (risk)',
        url: 'https://www.cdc.gov/ccindex/index.html',
      },
    ],
    options: '`window` (default 1): sentences before and after that may carry the baseline.',
    ok: [
      {
        kind: 'markdown',
        text: 'Diabetes makes it up to 97 times more likely.[^a] Even so, it stays rare: about 1 in 350 babies of mothers with diabetes.[^a]\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'Women with diabetes are approximately 200 to 600 times more likely to have an affected child compared to the general population.\n',
        expected: ['1:25'],
      },
      { kind: 'markdown', text: 'Smoking in pregnancy doubles the risk.[^cdc]\n', expected: ['1:22'] },
    ],
  },
  check(doc, { options, report }) {
    const sentences = proseSentences(doc);
    sentences.forEach((s, i) => {
      const relative = findStatistics(s.text).find((f) => f.relative);
      if (!relative) return;
      if (neighbours(sentences, i, options.window).some((n) => hasBaseline(n.text))) return;
      report({
        start: s.start + relative.start,
        end: s.start + relative.end,
        message: `relative risk "${relative.text}" has no absolute risk or baseline nearby`,
        hint: 'say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000")',
      });
    });
  },
};
