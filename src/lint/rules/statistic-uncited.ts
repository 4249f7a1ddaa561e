import { citationScope } from '../detect/citation-scope.js';
import { findStatistics } from '../detect/statistics.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions, proseSentences } from './util.js';

/** Numbers that tell a reader how likely something is need a source in the same sentence. */
export const statisticUncited: Rule<NoOptions> = {
  id: 'statistic-uncited',
  severity: 'error',
  options: NoOptions,
  docs: {
    summary:
      'A statistic (percentage, "N in M", rate, "N times more likely", odds/risk ratio, population count) has no citation in its sentence, and no citation covers its paragraph (a reference at the paragraph\'s end, "According to …" at its start) or its page section ("The figures in this fact sheet come from …", "Source: …").',
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
        title: 'a [PDF] link marker after the figure',
        kind: 'page',
        text: 'Legionnaires\u2019 disease\nOne in 4 people [PDF-3.5MB] who gets sick with it in a healthcare facility will die.\n',
      },
      {
        kind: 'markdown',
        text: 'Babies of mothers with diabetes are up to 97 times more likely to have it.[^nbdps]\n',
      },
      {
        kind: 'page',
        text: 'It forms in the first 30 days of pregnancy, between the third and seventh weeks.\n',
      },
      {
        title: 'a threshold of how often a symptom happens, defining a subtype',
        kind: 'page',
        text: 'IBS with diarrhea means loose or watery stools at least 25 percent of the time.\n',
      },
      {
        kind: 'page',
        text: 'About 1 in 25,000 babies is born with it, according to the National Organization for Rare Disorders.\n',
      },
      {
        kind: 'page',
        text: 'Fast facts\nDiabetes affects 25.8 million people.\nAbout 1.9 million people were newly diagnosed in 2010.\nEstimation methods\nThe estimates in this fact sheet were derived from data systems of the Centers for Disease Control and Prevention (CDC).\n',
      },
      {
        kind: 'page',
        text: 'Depression\nSource: National Institute of Mental Health\nDepression affects about 8% of adults each year.\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'Women with diabetes are approximately 200 to 600 times more likely to have an affected child.\n',
        expected: [
          says(
            '1:25',
            'statistic "approximately 200 to 600 times more" has no citation in its sentence, paragraph or section',
            'cite the source next to the figure (footnote, author and year, or the named organisation)',
          ),
        ],
      },
      {
        kind: 'markdown',
        text: 'It affects about 1 in 25,000 newborns. Around 15% of cases run in families.\n',
        expected: [
          says(
            '1:12',
            'statistic "about 1 in 25,000" has no citation in its sentence, paragraph or section',
            'add a footnote [^source-id] after the figure, with the source under "sources:" in the front matter',
          ),
          says(
            '1:40',
            'statistic "Around 15%" has no citation in its sentence, paragraph or section',
            'add a footnote [^source-id] after the figure, with the source under "sources:" in the front matter',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Fast facts\nDiabetes affects 25.8 million people.\nEstimation methods\nThe estimates in this fact sheet were derived from research.\n',
        expected: [
          says(
            '2:18',
            'statistic "25.8 million people" has no citation in its sentence, paragraph or section',
            'cite the source next to the figure (footnote, author and year, or the named organisation)',
          ),
        ],
      },
    ],
  },
  check(doc, { report }) {
    const cited = citationScope(doc);
    for (const s of proseSentences(doc)) {
      const stats = findStatistics(s.text);
      if (!stats.length || cited(s)) continue;
      const first = stats[0]!;
      report({
        start: s.start + first.start,
        end: s.start + first.end,
        message: `statistic "${first.text}" has no citation in its sentence, paragraph or section`,
        hint:
          doc.kind === 'markdown'
            ? 'add a footnote [^source-id] after the figure, with the source under "sources:" in the front matter'
            : 'cite the source next to the figure (footnote, author and year, or the named organisation)',
      });
    }
  },
};
