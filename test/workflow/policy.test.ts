import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  dueStatus,
  nextReviewDate,
  parseWindow,
  staggerDueDates,
} from '../../src/workflow/index.js';

describe('review policy', () => {
  it('uses the condition interval before the site default', () => {
    expect(nextReviewDate('2026-01-31', null)).toBe('2027-01-31');
    expect(nextReviewDate('2026-01-31', 1)).toBe('2026-02-28');
    expect(nextReviewDate('2026-01-31', null, 36)).toBe('2029-01-31');
  });

  it('classifies due dates', () => {
    expect(dueStatus('2026-05-31', '2026-06-01', 30)).toBe('overdue');
    expect(dueStatus('2026-06-01', '2026-06-01', 30)).toBe('due-soon');
    expect(dueStatus('2026-07-01', '2026-06-01', 30)).toBe('due-soon');
    expect(dueStatus('2026-07-02', '2026-06-01', 30)).toBe('ok');
  });

  it('parses review windows', () => {
    expect(parseWindow('30d')).toBe(30);
    expect(parseWindow('2w')).toBe(14);
    expect(parseWindow('3m')).toBe(90);
    expect(parseWindow('45')).toBe(45);
    expect(parseWindow('soon')).toBeNull();
  });

  it('spreads 1,000 imported answers over a year: never more than 3 due on one day', () => {
    const dates = staggerDueDates(1000, '2026-01-01', 12);
    expect(dates).toHaveLength(1000);
    const perDay = new Map<string, number>();
    for (const d of dates) perDay.set(d, (perDay.get(d) ?? 0) + 1);
    expect(Math.max(...perDay.values())).toBeLessThanOrEqual(3);
    expect(dates[0]! > '2026-01-01').toBe(true);
    expect(dates[999]).toBe('2027-01-01');
    expect([...dates].sort()).toEqual(dates);
  });

  it('keeps every staggered date inside the interval, in order, for any batch', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 36 }), (count, months) => {
        const start = '2026-03-15';
        const dates = staggerDueDates(count, start, months);
        const span =
          daysBetween(start, addDays(start, 0).slice(0, 10)) + daysBetween(start, dates[dates.length - 1]!);
        expect(dates).toHaveLength(count);
        expect(dates.every((d) => d > start)).toBe(true);
        expect([...dates].sort()).toEqual(dates);
        // The busiest day carries at most ceil(count / days) + 1 reviews.
        const perDay = new Map<string, number>();
        for (const d of dates) perDay.set(d, (perDay.get(d) ?? 0) + 1);
        expect(Math.max(...perDay.values())).toBeLessThanOrEqual(Math.ceil(count / span) + 1);
      }),
      { numRuns: 100 },
    );
  });
});
