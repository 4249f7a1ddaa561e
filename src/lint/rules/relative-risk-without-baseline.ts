import { z } from 'zod';
import { findStatistics, hasBaseline } from '../detect/statistics.js';
import type { Sentence } from '../document/document.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { proseSentences } from './util.js';

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
      'A relative risk ("N times more likely", "3x", "threefold", "doubles the risk", "decreased by 61%", "49% more likely", an odds/hazard/risk ratio) is given without an absolute risk or baseline in its paragraph or at the start of the next prose paragraph. A count of people ("29 million Americans have diabetes") is not a baseline; a ratio is read for the reader (a risk ratio of 2.31 is 131% higher, not 231%).',
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
    options:
      '`window` (default 1): how many sentences after the first of the next prose paragraph may also carry the baseline (the whole own paragraph always may).',
    ok: [
      {
        title: 'the baseline opens the next paragraph',
        kind: 'page',
        text: 'Gout\nBeer drinkers have about 3 times the odds of gout.[1]\n\nEven so, it stays rare. It affects about 1 in 100 beer drinkers.[1]\n',
      },
      {
        kind: 'markdown',
        text: 'Diabetes makes it up to 97 times more likely.[^a] Even so, it stays rare: about 1 in 350 babies of mothers with diabetes.[^a]\n',
      },
    ],
    notOk: [
      {
        title: 'a ratio, read for the reader',
        kind: 'page',
        text: 'Gout\nA risk ratio of 2.31 was found for beer.[1]\n',
        expected: [
          says(
            '2:3',
            'relative risk "risk ratio of 2.31" (131% higher risk) has no absolute risk or baseline nearby',
            'say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000"); a ratio of 2.31 is 2.31 times the risk: 131% higher, not 231% higher',
          ),
        ],
      },
      {
        title: 'a count of people is not a baseline',
        kind: 'page',
        text: 'Gout\nMore than 9 million Americans have gout. Beer drinkers are 2 times more likely to get it.[1]\n',
        expected: [
          says(
            '2:60',
            'relative risk "2 times more" has no absolute risk or baseline nearby',
            'say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000")',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Women with diabetes are approximately 200 to 600 times more likely to have an affected child compared to the general population.\n',
        expected: [
          says(
            '1:25',
            'relative risk "approximately 200 to 600 times more" has no absolute risk or baseline nearby',
            'say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000")',
          ),
        ],
      },
      {
        kind: 'markdown',
        text: 'Smoking in pregnancy doubles the risk.[^cdc]\n',
        expected: [
          says(
            '1:22',
            'relative risk "doubles the risk" has no absolute risk or baseline nearby',
            'say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000")',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    const sentences = proseSentences(doc);
    const found = sentences
      .map((s) => ({ s, relative: findStatistics(s.text).find((f) => f.relative) }))
      .filter((x) => x.relative);
    if (!found.length) return;
    // Nearby: its own paragraph, and the start of the next paragraph when that goes on in prose
    // ("Even so, the condition stays rare. … about 2.6 in every 100,000 babies"). A figure in the
    // next list item is about something else ("Type 1 diabetes affects approximately 6 percent").
    // Worked out once per paragraph, and only next to a relative risk, so a page of one long
    // paragraph stays linear and a page without relative risks costs nothing more.
    const byParagraph = new Map<number, Sentence[]>();
    for (const n of sentences) {
      const list = byParagraph.get(n.paragraph);
      if (list) list.push(n);
      else byParagraph.set(n.paragraph, [n]);
    }
    const memo = new Map<string, boolean>();
    const baselineIn = (paragraph: number, startOnly: boolean): boolean => {
      const key = `${paragraph}|${startOnly}`;
      let v = memo.get(key);
      if (v === undefined) {
        const list = byParagraph.get(paragraph) ?? [];
        v =
          (!startOnly || doc.paragraphs[paragraph]?.kind === 'paragraph') &&
          (startOnly ? list.slice(0, options.window + 1) : list).some((n) => hasBaseline(n.text));
        memo.set(key, v);
      }
      return v;
    };
    for (const { s, relative } of found) {
      if (!relative || baselineIn(s.paragraph, false) || baselineIn(s.paragraph + 1, true)) continue;
      const change = ratioChange(relative.text);
      report({
        start: s.start + relative.start,
        end: s.start + relative.end,
        message: `relative risk "${relative.text}"${change ? ` (${change.words})` : ''} has no absolute risk or baseline nearby`,
        hint: `say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000")${change ? `; ${change.note}` : ''}`,
      });
    }
  },
};

/**
 * What a ratio's value means as a change: a risk ratio of 2.31 is 2.31 times the risk, 131% higher
 * (not 231%); 0.7 is 30% lower. Undefined when the text gives no ratio value.
 */
export function ratioChange(text: string): { words: string; note: string } | undefined {
  const m = /\bratios?\b.*?(\d+(?:\.\d+)?)\s*$/i.exec(text);
  if (!m) return undefined;
  const r = Number(m[1]);
  if (!(r > 0) || r === 1 || r > 1000) return undefined;
  const pct = Math.round(Math.abs(r - 1) * 100);
  const what = /\bodds\b/i.test(text) ? 'odds' : 'risk';
  const way = r > 1 ? 'higher' : 'lower';
  const wrong = r > 1 ? `, not ${Math.round(r * 100)}% higher` : '';
  return {
    words: `${pct}% ${way} ${what}`,
    note: `a ratio of ${m[1]} is ${m[1]} times the ${what}: ${pct}% ${way}${wrong}`,
  };
}
