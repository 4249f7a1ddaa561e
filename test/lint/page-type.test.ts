/**
 * Short answer or full page: audit tells them apart, and the short-answer word budget applies to
 * short answers only (a full NHS condition page of 350 words is not "too long").
 */
import { describe, expect, it } from 'vitest';
import { auditPage, documentFromMarkdown, documentFromPage } from '../../src/lint/index.js';

const longBody = 'Most coughs clear up on their own within three weeks, and rest helps. '.repeat(30);

describe('page type', () => {
  it('a page labelled "Short answer" is a short answer', () => {
    expect(
      documentFromPage(`Short answer · Last updated: 2 March 2026\nIs it rare?\n${longBody}\n`).pageType,
    ).toBe('short-answer');
  });

  it('a page with a TL;DR is a short answer', () => {
    expect(documentFromPage(`Is it rare?\nTL;DR: It is rare.\n${longBody}\n`).pageType).toBe('short-answer');
  });

  it('a condition page without a label or TL;DR is a full page', () => {
    expect(documentFromPage(`Cough\nHow to treat a cough yourself\n${longBody}\n`).pageType).toBe(
      'full-page',
    );
  });

  it('a Markdown answer is always a short answer', () => {
    const md =
      '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\n---\nIt is rare.\n';
    expect(documentFromMarkdown(md, 'a.md').pageType).toBe('short-answer');
  });
});

describe('short-answer-too-long by page type', () => {
  const budget = (text: string) =>
    auditPage(text, 'p.txt', { today: '2026-12-02' }).filter((m) => m.ruleId === 'short-answer-too-long');

  it('does not apply the body budget to a full page', () => {
    expect(budget(`Cough\nHow to treat a cough yourself\n${longBody}\n`)).toEqual([]);
  });

  it('applies it to a labelled short answer, at the label, with the count and budget in the message', () => {
    const [m] = budget(`Short answer\nIs it rare?\n${longBody}\n`);
    expect(m?.line).toBe(1);
    expect(m?.message).toBe('page labelled "Short answer" has 390 words (budget 300)');
  });

  it('applies it to an unlabelled page with a TL;DR, at the body', () => {
    const [m] = budget(`TL;DR: It is rare.\n${longBody}\n`);
    expect(m?.line).toBe(2);
    expect(m?.message).toBe('body has 390 words (budget 300)');
  });

  it('still applies the TL;DR budget wherever there is a TL;DR', () => {
    const [m] = budget(`TL;DR: ${'It is rare and mild. '.repeat(20)}\nMost cases happen by chance.\n`);
    expect(m?.message).toBe('TL;DR has 100 words (budget 60)');
  });
});
