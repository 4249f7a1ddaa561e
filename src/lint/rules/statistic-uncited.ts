import { z } from 'zod';
import { hasCitation } from '../detect/citations.js';
import { findStatistics } from '../detect/statistics.js';
import type { Rule } from '../types.js';
import { proseSentences } from './util.js';

const Options = z.object({});

/** Numbers that tell a reader how likely something is need a source in the same sentence. */
export const statisticUncited: Rule<z.infer<typeof Options>> = {
  id: 'statistic-uncited',
  severity: 'error',
  options: Options,
  docs: {
    summary:
      'A statistic (percentage, "N in M", rate, "N times more likely", odds/risk ratio, population count) has no citation in the same sentence.',
    why: 'Figures are what readers remember and repeat; an uncited figure cannot be checked, and a wrong one misleads more than words do. Citations belong next to the number (a footnote [^id], [1], "(Smith 2019)" or a named source). Time spans and ages ("the first 30 days", "the third and seventh weeks", "over 65") are not statistics and are not reported.',
    references: [
      {
        title: 'Patient Information Forum: the PIF TICK criteria — evidence',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
      {
        title: 'CDC Clear Communication Index, item 12 (numbers)',
        url: 'https://www.cdc.gov/ccindex/index.html',
      },
    ],
    ok: [
      {
        kind: 'markdown',
        text: 'Babies of mothers with diabetes are up to 97 times more likely to have it.[^nbdps]\n',
      },
      {
        kind: 'page',
        text: 'It forms in the first 30 days of pregnancy, between the third and seventh weeks.\n',
      },
      {
        kind: 'page',
        text: 'About 1 in 25,000 babies is born with it, according to the National Organization for Rare Disorders.\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'Women with diabetes are approximately 200 to 600 times more likely to have an affected child.\n',
        expected: ['1:25'],
      },
      {
        kind: 'markdown',
        text: 'It affects about 1 in 25,000 newborns. Around 15% of cases run in families.\n',
        expected: ['1:12', '1:40'],
      },
    ],
  },
  check(doc, { report }) {
    for (const s of proseSentences(doc)) {
      const stats = findStatistics(s.text);
      if (!stats.length || hasCitation(s.text)) continue;
      const first = stats[0]!;
      report({
        start: s.start + first.start,
        end: s.start + first.end,
        message: `statistic "${first.text}" has no citation in the same sentence`,
        hint:
          doc.kind === 'markdown'
            ? 'add a footnote [^source-id] after the figure, with the source under "sources:" in the front matter'
            : 'cite the source next to the figure (footnote, author and year, or the named organisation)',
      });
    }
  },
};
