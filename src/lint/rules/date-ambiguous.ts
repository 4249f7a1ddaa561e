import { DATE, isAmbiguousNumericDate } from '../detect/dates.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions } from './util.js';

/**
 * Three dates, never merged (DESIGN.md §1): updated, reviewed, next review. An "updated" date
 * shown under a "reviewed" label reads as a review date; "04/07/2026" reads as April or July.
 */
export const dateAmbiguous: Rule<NoOptions> = {
  id: 'date-ambiguous',
  severity: 'error',
  options: NoOptions,
  docs: {
    summary:
      'A date can be misread: an "updated" date presented with a "medically reviewed" claim and no review date, or a numeric date whose day and month could be swapped.',
    why: 'Readers take the date next to "Medically reviewed" as the date of the review. When it is really the date of the last edit, the page overstates how recently a clinician checked it. Dates like 04/07/2026 mean 4 July in the UK and April 7 in the US; write "7 April 2026" or 2026-04-07.',
    references: [
      {
        title: 'Patient Information Forum: the PIF TICK criteria — dates',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
      {
        title: 'NHS digital service manual: content style guide — dates',
        url: 'https://service-manual.nhs.uk/content/numbers-measurements-dates-time',
      },
    ],
    ok: [
      {
        kind: 'page',
        text: 'Medically reviewed by Dr Jane Smith on 7 April 2026 · Last updated: 2026-04-09\nTL;DR: It is rare.\n',
      },
      { kind: 'page', text: 'Last updated: 2026-04-07\nTL;DR: It is rare.\n' },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'Short answer · Medically reviewed summary · Last updated: 2026-04-07\nTL;DR: It is rare.\n',
        expected: [
          says(
            '1:59',
            '"2026-04-07" is the last-updated date, shown with a "medically reviewed" claim and no review date: readers will take it for the review date',
            'show the review date separately ("Medically reviewed on …"), or remove the review claim',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Updated 04/07/2026\nTL;DR: It is rare.\n',
        expected: [
          says(
            '1:9',
            '"04/07/2026" can be read as two different dates (day/month order)',
            'write the month as a word ("7 April 2026") or use YYYY-MM-DD',
          ),
        ],
      },
    ],
  },
  check(doc, { report }) {
    const review = doc.review;
    if (doc.kind === 'page' && review?.claim && !review.reviewed && doc.updated) {
      report({
        start: doc.updated.span.start,
        end: doc.updated.span.end,
        message: `"${doc.updated.value}" is the last-updated date, shown with a "medically reviewed" claim and no review date: readers will take it for the review date`,
        hint: 'show the review date separately ("Medically reviewed on …"), or remove the review claim',
      });
    }
    for (const m of doc.text.matchAll(DATE)) {
      if (!isAmbiguousNumericDate(m[0])) continue;
      const start = m.index ?? 0;
      // Inside a URL or a longer number ("2020/04/07", "1.2.3.4") it is not a date.
      if (/[\w/.:-]/.test(doc.text[start - 1] ?? ' ') || /[\w/]/.test(doc.text[start + m[0].length] ?? ' '))
        continue;
      report({
        start,
        end: start + m[0].length,
        message: `"${m[0]}" can be read as two different dates (day/month order)`,
        hint: 'write the month as a word ("7 April 2026") or use YYYY-MM-DD',
      });
    }
  },
};
