/**
 * Wordings found on real pages: "research has also shown" is an unnamed authority like "research
 * has shown"; a footnote number printed after the full stop ("some disability.2") is a citation;
 * an absolute word inside quotation marks is quoted or mentioned, not claimed.
 */
import { describe, expect, it } from 'vitest';
import { findUnattributed } from '../../src/lint/detect/attribution.js';
import { hasCitation } from '../../src/lint/detect/citations.js';
import { auditPage } from '../../src/lint/index.js';
import { expectNoMessage } from './helpers/audit-messages.js';

const messages = (page: string, rule: string) =>
  auditPage(page, 'p.txt', { today: '2026-12-02' })
    .filter((m) => m.ruleId === rule)
    .map((m) => m.message);

describe('unnamed authority with an adverb', () => {
  it.each([
    ['Research has also shown that exercise helps.', 'Research has also shown'],
    ['Studies now suggest a link.', 'Studies now suggest'],
    ['Experts have long said that it is safe.', 'Experts have long said'],
    ['Research has shown that it helps.', 'Research has shown'],
  ])('"%s"', (sentence, found) => {
    expect(findUnattributed(sentence).map((f) => f.text)).toEqual([found]);
  });

  it('still ignores research activity', () => {
    expect(findUnattributed('Researchers are also studying how it spreads.')).toEqual([]);
  });

  it('is reported on a page with the phrase in the message', () => {
    expect(
      messages('Aging\nResearch has also shown that the environment matters.\n', 'unattributed-claim'),
    ).toEqual(['"Research has also shown" attributes a claim to unnamed authority, with no citation']);
  });
});

describe('a footnote number after the full stop', () => {
  it('is a citation', () => {
    expect(hasCitation('About one-fifth of people age 65 and older report some disability.2')).toBe(true);
    expect(hasCitation('Nearly half of those age 85 and older have it.3These millions struggle.')).toBe(true);
  });

  it('is not confused with decimals, versions or ordinary numbers', () => {
    expect(hasCitation('About 2.5 million people have it.')).toBe(false);
    expect(hasCitation('It affects 1 in 10 people. 3 of them need care.')).toBe(false);
  });

  it('covers the figure on a page', () => {
    expectNoMessage(
      'Aging\nThe latest surveys indicate that about one-fifth of people report some disability.2\n',
      'statistic-uncited',
    );
  });
});

describe('absolute words in quotation marks', () => {
  it('are not reported; the same word outside quotes is', () => {
    expectNoMessage(
      'Cures\nThe article claimed "9 Natural Cures You Can Trust." Nor is that a "cure."\n',
      'absolute-claim',
    );
    expect(messages('Cures\nThis tea cures colds.\n', 'absolute-claim')).toEqual(['absolute claim "cures"']);
  });
});

describe('numbers inside names', () => {
  it('"COVID-19 deaths" is not a count of 19 deaths; a real count next to it still is a figure', () => {
    expectNoMessage('Vaccines\nThey reduce COVID-19 deaths.\n', 'statistic-uncited');
    expect(
      messages('Vaccines\nThey prevented about 19,000 deaths from COVID-19.\n', 'statistic-uncited'),
    ).toEqual(['statistic "about 19,000 deaths" has no citation in its sentence, paragraph or section']);
  });
});
