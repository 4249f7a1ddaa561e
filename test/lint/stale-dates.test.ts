/**
 * Stale dates on pages with no review date: an old "last updated", "revised" or "published" date
 * is reported when the page presents itself as current, and not on a dated article that makes no
 * such claim.
 */
import { describe, expect, it } from 'vitest';
import { auditPage } from '../../src/lint/index.js';

const overdue = (page: string) =>
  auditPage(page, 'p.txt', { today: '2026-12-02' })
    .filter((m) => m.ruleId === 'review-overdue')
    .map((m) => `${m.line}: ${m.message}`);

describe('stale dates', () => {
  it('"Revised April 2009" on a booklet about current research is reported', () => {
    expect(
      overdue(
        'Rheumatoid arthritis\nRevised April 2009\nThis booklet highlights current research efforts.\n',
      ),
    ).toEqual(['2: page was last updated April 2009, more than 36 months ago, and shows no review date']);
  });

  it('"Last Updated: 2012" on a page that says it is up to date is reported', () => {
    expect(overdue('Migraine\nLast Updated: 2012\nThe most up-to-date advice on migraine.\n')).toEqual([
      '2: page was last updated 2012, more than 36 months ago, and shows no review date',
    ]);
  });

  it('a dated article that does not claim to be current is not', () => {
    expect(
      overdue(
        'Inheriting genetic conditions\nPublished February 27, 2018\nSome conditions run in families.\n',
      ),
    ).toEqual([]);
  });

  it('a recent date is not reported even on a page that claims to be current', () => {
    expect(overdue('Migraine\nLast updated: 2 March 2026\nThe latest advice on migraine.\n')).toEqual([]);
  });
});
