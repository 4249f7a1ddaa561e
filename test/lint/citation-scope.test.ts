/**
 * Citation scope: a figure is cited by its sentence, by a citation that covers its paragraph, or by
 * a covering source statement for its section or the whole page (as NIH fact sheets name their
 * data sources once, in an "Estimation Methods" section).
 */
import { describe, expect, it } from 'vitest';
import { auditPage, lintAnswer } from '../../src/lint/index.js';

const uncited = (page: string) =>
  auditPage(page, 'p.txt', { today: '2026-12-02' })
    .filter((m) => m.ruleId === 'statistic-uncited')
    .map((m) => m.line);

const FRONT =
  '---\nquestion: Is it common?\ncondition: x\naspect: frequency\ntldr: It is common.\nsources:\n  - id: cdc\n    title: CDC data\n    url: https://www.cdc.gov/\n    accessed: 2026-03-30\n---\n';

describe('citation scope', () => {
  it('a figure with no citation anywhere is reported, with the scope in the message', () => {
    const [m] = auditPage('Shingles\nAbout 1 in 3 people will get shingles.\n', 'p.txt').filter(
      (x) => x.ruleId === 'statistic-uncited',
    );
    expect(m?.message).toBe('statistic "About 1 in 3" has no citation in its sentence, paragraph or section');
  });

  it('a reference at the end of a paragraph covers the figures of the paragraph', () => {
    const md = `${FRONT}About 1 in 3 people will get shingles. Around 1 million cases happen each year.[^cdc]\n`;
    expect(lintAnswer(md, { file: 'a.md' }).filter((m) => m.ruleId === 'statistic-uncited')).toEqual([]);
  });

  it('a reference in the middle of a paragraph covers only its own sentence', () => {
    const md = `${FRONT}About 1 in 3 people will get shingles.[^cdc] Around 1 million cases happen each year.\n`;
    expect(
      lintAnswer(md, { file: 'a.md' })
        .filter((m) => m.ruleId === 'statistic-uncited')
        .map((m) => m.column),
    ).toEqual([46]);
  });

  it('"According to the CDC" opening a paragraph covers the paragraph; an unnamed source does not', () => {
    expect(
      uncited('Shingles\nAccording to the CDC, shingles is common. About 1 in 3 people will get it.\n'),
    ).toEqual([]);
    expect(
      uncited('Shingles\nAccording to experts, shingles is common. About 1 in 3 people will get it.\n'),
    ).toEqual([2]);
  });

  it('a covering statement about "this fact sheet" covers every figure on the page', () => {
    const page =
      'Fast facts\nDiabetes affects 25.8 million people.\nAbout 1.9 million were diagnosed in 2010.\nEstimation methods\nThe estimates in this fact sheet were derived from data of the Centers for Disease Control and Prevention.\n';
    expect(uncited(page)).toEqual([]);
  });

  it('a covering statement that names no source covers nothing', () => {
    const page =
      'Fast facts\nDiabetes affects 25.8 million people.\nEstimation methods\nThe estimates in this fact sheet were derived from published studies.\n';
    expect(uncited(page)).toEqual([2]);
  });

  it('"in this section" covers the section only', () => {
    const page =
      'Diabetes\nDiabetes affects 25.8 million people.\nChildren\nThe figures in this section come from the CDC.\nAbout 215,000 people younger than 20 have diabetes.\n';
    expect(uncited(page)).toEqual([2]);
  });

  it('a "Source:" line before the first heading covers the page; after a heading, its section', () => {
    expect(
      uncited(
        'Depression\nSource: National Institute of Mental Health\nAbout 8% of adults have depression.\nIn older adults\nAbout 5% of older adults have it.\n',
      ),
    ).toEqual([]);
    expect(
      uncited(
        'Depression\nAbout 8% of adults have depression.\nIn older adults\nSource: National Institute on Aging\nAbout 5% of older adults have it.\n',
      ),
    ).toEqual([2]);
  });
});
