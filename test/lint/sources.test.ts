/**
 * Sources lists in plain text (and HTML) as pages print them: a URL on the line after the title,
 * "Available at:", a URL wrapped onto the next line, a bare address, a DOI. None of these is "a
 * source with no URL"; an entry with no locator at all still is.
 */
import { describe, expect, it } from 'vitest';
import { auditPage, documentFromPage } from '../../src/lint/index.js';

const CLAIM = 'Gout\nAbout 1 in 40 adults has gout [1].\n';
const broken = (page: string) =>
  auditPage(page, 'p.txt', { today: '2026-12-02' })
    .filter((m) => m.ruleId === 'source-broken')
    .map((m) => `${m.line}: ${m.message}`);
const entries = (page: string) =>
  documentFromPage(page).sources.map(({ id, title, url }) => ({ id, title, url }));
const GOUT = { id: '1', title: 'NHS. Gout overview', url: 'https://www.nhs.uk/conditions/gout/' };

describe('plain-text sources lists', () => {
  it.each([
    ['the URL on the next line', 'Sources\n1. NHS. Gout overview.\nhttps://www.nhs.uk/conditions/gout/\n'],
    [
      '"Available at:" and an accessed date',
      'References\n1. NHS. Gout overview. Available at: https://www.nhs.uk/conditions/gout/ (accessed 2 March 2026)\n',
    ],
    [
      '"Available at:" on the next line',
      'References\n1. NHS. Gout overview.\nAvailable at: https://www.nhs.uk/conditions/gout/\n',
    ],
    [
      'the URL in angle brackets',
      'References\n[1] NHS. Gout overview. <https://www.nhs.uk/conditions/gout/>\n',
    ],
    [
      'a URL wrapped onto the next line',
      'References\n1. NHS. Gout overview. https://www.nhs.uk/conditions/\ngout/\n',
    ],
    [
      'the URL first, the title on the next line',
      'References\n1. https://www.nhs.uk/conditions/gout/\nNHS. Gout overview.\n',
    ],
  ])('%s', (_name, list) => {
    expect(broken(CLAIM + list)).toEqual([]);
    expect(entries(CLAIM + list)).toEqual([GOUT]);
  });

  it('a bare address or a DOI is the entry’s locator', () => {
    expect(entries(`${CLAIM}Sources\n1. NHS. Gout overview. nhs.uk/conditions/gout\n`)).toEqual([
      { id: '1', title: 'NHS. Gout overview', url: 'nhs.uk/conditions/gout' },
    ]);
    expect(
      entries(`${CLAIM}References\n1. Smith J. Gout in adults. BMJ 2019;364:l97. doi:10.1136/bmj.l97\n`),
    ).toEqual([{ id: '1', title: 'Smith J. Gout in adults. BMJ 2019;364:l97', url: 'doi:10.1136/bmj.l97' }]);
  });

  it('unnumbered entries on their own lines stay separate entries', () => {
    const list =
      'Sources\nNHS. Gout overview. https://www.nhs.uk/conditions/gout/\nCDC. Gout. https://www.cdc.gov/arthritis/gout/\n';
    expect(
      entries(`Gout\nAbout 1 in 40 adults has gout, according to the NHS.\n${list}`).map((e) => e.title),
    ).toEqual(['NHS. Gout overview', 'CDC. Gout']);
  });

  it('an entry with no locator at all is still reported, by line', () => {
    expect(broken(`${CLAIM}References\n1. NHS. Gout overview. NHS website.\n`)).toEqual([
      '4: source "1" has no URL',
    ]);
  });

  it('initials and journal abbreviations are not addresses', () => {
    expect(
      entries(`${CLAIM}References\n1. Smith J. Gout in adults. N Engl J Med. 2019.\n`)[0]?.url,
    ).toBeUndefined();
  });
});

describe('HTML sources lists', () => {
  it('an ordered list keeps its numbers and a link keeps its address', () => {
    const html =
      '<h1>Gout</h1><p>About 1 in 40 adults has gout [1].</p><h2>References</h2><ol><li><a href="https://www.nhs.uk/conditions/gout/">NHS. Gout overview.</a></li></ol>';
    expect(broken(html)).toEqual([]);
    expect(entries(html)).toEqual([GOUT]);
  });

  it('<ol start="3"> numbers from 3', () => {
    const html =
      '<h1>Gout</h1><p>About 1 in 40 adults has gout [3].</p><h2>References</h2><ol start="3"><li>NHS. Gout overview. https://www.nhs.uk/conditions/gout/</li></ol>';
    expect(entries(html).map((e) => e.id)).toEqual(['3']);
    expect(broken(html)).toEqual([]);
  });
});

describe('a disclaimer after the sources list', () => {
  const page = `${CLAIM}References\n1. NHS. Gout overview. https://www.nhs.uk/conditions/gout/\nThis page does not replace a visit to your GP.\n`;

  it('is the page’s disclaimer, not a source without a URL', () => {
    const messages = auditPage(page, 'p.txt', { today: '2026-12-02' }).map((m) => m.ruleId);
    expect(messages).not.toContain('disclaimer-missing');
    expect(broken(page)).toEqual([]);
    expect(documentFromPage(page).disclaimer?.text).toBe('This page does not replace a visit to your GP.');
  });

  it('a numbered entry whose title reads like one stays an entry', () => {
    const list = `${CLAIM}References\n1. Not a substitute for medical advice: a guide. https://example.org/guide\n`;
    expect(entries(list).map((e) => e.id)).toEqual(['1']);
  });
});
