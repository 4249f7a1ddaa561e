/**
 * Wordings of the defect classes the tuned pages and the issue name, each pinned with its message
 * and fix hint: relative risks written as multipliers, "-fold" words, percentage changes and
 * ratios (a risk ratio of 2.31 is 131% higher, not 231%); a count of people is not a baseline;
 * named professions and "evidence from … demonstrate" as unnamed authority; "[PDF]" link markers
 * as citations; empty lists (an intro followed by another intro, "Do:"); items run together on
 * one line; a sentence repeated under another heading; the page's own condition names and words
 * inside a cited title; review claims dated in other wordings.
 */
import { describe, expect, it } from 'vitest';
import { ratioChange } from '../../src/lint/rules/relative-risk-without-baseline.js';
import { auditMessages, expectNoMessage } from './helpers/audit-messages.js';

const found = (page: string, rule: string) => auditMessages(page, rule, true);

const RR_HINT =
  'say how many out of how many are affected with and without the factor (e.g. "about 1 in 350, compared with 1 in 25,000")';

describe('relative risks in other forms', () => {
  it.each([
    ['Beer raises the risk 3x.[1]', 6, 'raises the risk 3x'],
    ['People who drink beer have a 3x higher risk.[1]', 30, '3x higher'],
    ['Men have a threefold risk.[1]', 12, 'threefold'],
    ['Beer drinkers are 2.5-fold more likely to get gout.[1]', 19, '2.5-fold'],
    ['The drug decreased attacks by 61%.[1]', 10, 'decreased attacks by 61%'],
    ['Beer drinkers were 49% more likely to get gout.[1]', 20, '49% more likely'],
  ])('"%s"', (sentence, column, text) => {
    expect(found(`Gout\n${sentence}\n`, 'relative-risk-without-baseline')).toEqual([
      `2:${column} relative risk "${text}" has no absolute risk or baseline nearby | ${RR_HINT}`,
    ]);
  });

  it('reads a ratio for the reader: 2.31 is 131% higher, not 231%; 0.7 is 30% lower', () => {
    expect(
      found('Gout\nA risk ratio of 2.31 was found for beer.[1]\n', 'relative-risk-without-baseline'),
    ).toEqual([
      `2:3 relative risk "risk ratio of 2.31" (131% higher risk) has no absolute risk or baseline nearby | ${RR_HINT}; a ratio of 2.31 is 2.31 times the risk: 131% higher, not 231% higher`,
    ]);
    expect(ratioChange('hazard ratio for death was 0.7')).toEqual({
      words: '30% lower risk',
      note: 'a ratio of 0.7 is 0.7 times the risk: 30% lower',
    });
    expect(ratioChange('odds ratio was 1.8')?.words).toBe('80% higher odds');
    expect(ratioChange('odds ratio')).toBeUndefined();
  });

  it('the level of a confidence interval is neither a statistic nor a baseline', () => {
    expect(
      found(
        'Gout\nThe hazard ratio for death was 0.7 (95% CI 0.6 to 0.9).[1]\n',
        'relative-risk-without-baseline',
      ),
    ).toHaveLength(1);
  });

  it('a count of people is not a baseline; a figure in the next list item is not either', () => {
    expect(
      found(
        'Gout\nMore than 9 million Americans have gout. Beer drinkers are 2 times more likely to get it.[1]\n',
        'relative-risk-without-baseline',
      ),
    ).toEqual([`2:60 relative risk "2 times more" has no absolute risk or baseline nearby | ${RR_HINT}`]);
    expect(
      found(
        'Diabetes\nDiabetes doubles the risk for many forms of cancer.[1]\n\n- Type 1 diabetes affects approximately 6 percent of adults.[1]\n',
        'relative-risk-without-baseline',
      ),
    ).toEqual([`2:10 relative risk "doubles the risk" has no absolute risk or baseline nearby | ${RR_HINT}`]);
  });

  it('a baseline at the start of the next prose paragraph counts', () => {
    expectNoMessage(
      'Gout\nBeer drinkers have about 3 times the odds of gout.[1]\n\nEven so, it stays rare. It affects about 1 in 100 beer drinkers.[1]\n',
      'relative-risk-without-baseline',
    );
  });
});

describe('unnamed authority: professions and "evidence from …"', () => {
  const HINT = (m: string[]) => m.map((x) => x.split(' | ')[0]);
  it.each([
    ['Rheumatologists agree that cherries help.', 'Rheumatologists agree'],
    ['Most dermatologists now agree that it is rare.', 'Most dermatologists now agree'],
    ['The medical profession agrees that it is painful.', 'The medical profession agrees'],
    [
      'Evidence from neuroscience, genetics, and clinical investigation demonstrate that it is common.',
      'Evidence from neuroscience, genetics, and clinical investigation demonstrate',
    ],
    ['Genetics research indicates that it runs in families.', 'Genetics research indicates'],
    ['Research published last year shows cherries help.', 'Research published last year shows'],
  ])('"%s"', (sentence, text) => {
    expect(HINT(found(`Gout\n${sentence}\n`, 'unattributed-claim'))).toEqual([
      `2:1 "${text}" attributes a claim to unnamed authority, with no citation`,
    ]);
  });

  it('the fix hint asks for the source', () => {
    expect(found('Gout\nRheumatologists agree that cherries help.\n', 'unattributed-claim')[0]).toMatch(
      / \| .+/,
    );
  });

  it('a named source in between, or care advice, is not reported', () => {
    expectNoMessage(
      'Gout\nData from the National Health Interview Survey show it is common.\n',
      'unattributed-claim',
    );
    expectNoMessage('Teeth\nDentists recommend brushing twice a day.\n', 'unattributed-claim');
    expectNoMessage('Gout\nYour rheumatologist may suggest a diet.\n', 'unattributed-claim');
  });
});

describe('"[PDF]" link markers', () => {
  it.each(['[PDF-3.5MB]', '[PDF - 2 MB]', '[PDF]', '(PDF, 400 KB)'])(
    '"%s" cites the figure before it',
    (marker) => {
      expectNoMessage(`Gout\nAbout 1 in 25 adults ${marker} has gout.\n`, 'statistic-uncited');
    },
  );

  it('without the marker the figure is reported', () => {
    expect(found('Gout\nAbout 1 in 25 adults has gout.\n', 'statistic-uncited')).toEqual([
      '2:1 statistic "About 1 in 25" has no citation in its sentence, paragraph or section | cite the source next to the figure (footnote, author and year, or the named organisation)',
    ]);
  });
});

describe('empty lists', () => {
  const HINT = 'add the list items, or rewrite the sentence so it does not promise a list';
  /** The message (with its hint) for an intro at `at` that promises a list it does not have. */
  const noList = (at: string, intro: string) =>
    `${at} "${intro}" introduces a list, but no list follows | ${HINT}`;
  it('an intro followed directly by another intro: both lists are missing', () => {
    expect(
      found(
        'Cough\nYou should:\nYou could also try:\nRest is good and most people get better.\n',
        'list-empty',
      ),
    ).toEqual([noList('2:1', 'You should:'), noList('3:1', 'You could also try:')]);
  });

  it('an item that continues its intro ("… and:") is an item', () => {
    expectNoMessage(
      'Flu\nGet help from NHS 111 if:\nYou have symptoms of flu and:\n- you are over 65\n',
      'list-empty',
    );
  });

  it('"Do:" opens an NHS do-list', () => {
    expect(
      found('Flu\nHow to treat flu yourself\nDo:\nA pharmacist can give advice.\n', 'list-empty'),
    ).toEqual([noList('3:1', 'Do:')]);
  });

  it('items run together on one line are a list; a sentence with commas is not', () => {
    expectNoMessage(
      'Glaucoma\nYou are at a higher risk if you are:\nBlack and over age 40, over age 60, or you have a family history of glaucoma.\n',
      'list-empty',
    );
    expect(
      found(
        'Heart\nRisk factors you can control include:\nThe risk factors you cannot control are age, gender, and family history.\n',
        'list-empty',
      ),
    ).toEqual([noList('2:1', 'Risk factors you can control include:')]);
  });

  it('a one-sentence banner on the first line introduces the page, not a list', () => {
    expectNoMessage(
      'Get help with minor illnesses and injuries:\nA cough usually clears up.\n',
      'list-empty',
    );
  });
});

describe('intentional repeats', () => {
  const page = (between: string) =>
    `Eye disease\nAMD is common after 60. If you are over age 60, have an eye exam through dilated pupils every two years.\n${between}Cataract can occur at any age. If you are over age 60, have an eye exam through dilated pupils every two years.\n`;
  it('the same advice under another heading is not reported', () => {
    expect(found(page('Cataract\n'), 'tldr-duplicated')).toEqual([]);
  });
  it('the same sentence within one section is', () => {
    expect(found(page(''), 'tldr-duplicated')).toEqual([
      '3:32 sentence repeated (first at 2:25) | delete the repeated sentence',
    ]);
  });
  it('a TL;DR repeated under a heading is still reported', () => {
    expect(
      found(
        'Gout\nTL;DR: Gout is a kind of arthritis that causes sudden pain in a joint.\nCauses\nGout is a kind of arthritis that causes sudden pain in a joint.\n',
        'tldr-duplicated',
      ),
    ).toEqual(['4:1 TL;DR repeated (first copy at 2:1) | delete the repeated copy']);
  });
});

describe("the page's own condition names and cited titles", () => {
  const J = (page: string) => found(page, 'jargon-unexplained').map((m) => m.split(' | ')[0]);
  it('a section title naming a condition makes its words the page subject', () => {
    expect(
      J(
        'Chest conditions, a management guide\nChronic obstructive pulmonary disease\nCOPD is long term damage to the lungs.\n',
      ),
    ).toEqual([]);
  });
  it("a form of the page's condition is its name", () => {
    expect(J('Diabetes\n- Gestational diabetes affects many pregnant people.\n')).toEqual([]);
    expect(
      J('Kidney diseases\nAcute kidney injury (AKI) is common in hospital. Acute rejection is rare.\n'),
    ).toEqual(['2:50 "Acute" is medical jargon with no plain explanation']);
  });
  it('a title word is not a name: "The incidence of" is still jargon', () => {
    expect(J('Solving the mysteries of the brain\nThe incidence of each disease may be rare.\n')).toEqual([
      '2:5 "incidence" is medical jargon with no plain explanation',
    ]);
  });
  it('words inside a cited title are the title’s', () => {
    expect(
      J('Gout\nMore is in the NIAMS fact sheet, "Questions and answers about idiopathic hyperuricemia."\n'),
    ).toEqual([]);
    expect(J('Gout\nIdiopathic cases have no known cause in most people.\n')).toEqual([
      '2:1 "Idiopathic" is medical jargon with no plain explanation',
    ]);
  });
  it('the hint gives the plain word', () => {
    expect(found('Gout\nThe incidence is rising.\n', 'jargon-unexplained')).toEqual([
      '2:5 "incidence" is medical jargon with no plain explanation | say "number of new cases" instead, or explain it the first time (e.g. "incidence (number of new cases)")',
    ]);
  });
});

describe('review claims dated in other wordings', () => {
  const R = (line: string) => found(`Gout\nGout is a kind of arthritis.\n${line}\n`, 'review-overdue');
  const HINT = 'ask a reviewer to review the answer again, or hide the review badge until then';
  it.each([
    ['Reviewed by Jane Smith, MD, on March 3, 2005', '2006-03-03 (last reviewed 2005-03-03)'],
    ['This page was medically reviewed in May 2005.', '2006-05-01 (last reviewed 2005-05-01)'],
    ['Last medical review: 2018', '2019-12-31 (last reviewed 2018)'],
    ['Content reviewed by our clinical team, 12 January 2019', '2020-01-12 (last reviewed 2019-01-12)'],
  ])('"%s"', (line, when) => {
    expect(R(line)).toEqual([`3:1 medical review was due on ${when} | ${HINT}`]);
  });
});
