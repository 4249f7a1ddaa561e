import { describe, expect, it } from 'vitest';
import { type Condition, parseAnswer } from '../../../src/content/index.js';
import { cleanPageQuestion, draftFromPage } from '../../../src/import/page/index.js';
import { pageParts } from '../../../src/lint/index.js';
import { PAGE_WITHOUT_QUESTION, PAGE_WITHOUT_TLDR } from './helpers/pages.js';

const draft = (text: string, options: Partial<Parameters<typeof draftFromPage>[1]> = {}) =>
  draftFromPage(pageParts(text, 'page.txt'), { collection: 'text', ...options });

describe('draftFromPage', () => {
  it('derives a TL;DR from the first sentences when the page has none, and says so', () => {
    const r = draft(PAGE_WITHOUT_TLDR);
    if (!r.ok) throw new Error(r.problem.message);
    const a = r.draft.answer;
    expect(a).toMatchObject({ question: 'How is gout treated?', condition: 'gout', aspect: 'treatment' });
    expect(a.tldr_derived).toBe(true);
    expect(a.tldr.startsWith('Gout attacks are treated with anti-inflammatory medicines')).toBe(true);
    expect(a.updated).toBe('2025-02-03');
    expect(a.body).not.toMatch(/disclaimer/i); // the site adds its own disclaimer to every page
    expect(r.draft.notes.join('\n')).toMatch(/no TL;DR/);
  });

  it('refuses a page without a question, saying what it did find', () => {
    const r = draft(PAGE_WITHOUT_QUESTION);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problem.code).toBe('no-question');
    expect(r.problem.message).toMatch(/no question found.*a TL;DR/);
  });

  it('refuses a question that names no condition, unless --condition is given', () => {
    const page = 'TL;DR: Rest helps.\nWhy?\nBecause the body heals itself.\n';
    const r = draft(page);
    expect(!r.ok && r.problem.code).toBe('no-condition');
    const forced = draft(page, { condition: 'back-pain' });
    if (!forced.ok) throw new Error(forced.problem.message);
    expect(forced.draft.condition).toMatchObject({ slug: 'back-pain', name: 'Back pain' });
  });

  it('writes no review block, even when the page names a reviewer and a date', () => {
    const page =
      'Medically reviewed by Dr Jane Example on 12 March 2025\nIs gout inherited?\nTL;DR: Gout runs in some families.\nGenes that handle uric acid play a part.\n';
    const r = draft(page);
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.draft.answer.review).toBeUndefined();
    expect(r.draft.text).not.toMatch(/^review:/m);
    expect(r.draft.notes.join('\n')).toMatch(/by Dr Jane Example on 2025-03-12.*not a review/);
  });

  it('leaves out a date that can be read two ways', () => {
    const r = draft('Last updated: 04/07/2025\nIs gout inherited?\nTL;DR: Sometimes.\n');
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.draft.answer.updated).toBeUndefined();
    expect(r.draft.notes.join('\n')).toMatch(/04\/07\/2025.*cannot be read unambiguously/);
  });

  it('files the page under an existing condition that lists the detected name as a synonym', () => {
    const known: Condition[] = [
      {
        slug: 'sacral-agenesis',
        name: 'Sacral agenesis',
        synonyms: ['Caudal regression syndrome'],
        summary: '',
      },
    ];
    const r = draft('What causes caudal regression syndrome?\nTL;DR: Mostly chance.\n', {
      knownConditions: known,
    });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.draft.answer.condition).toBe('sacral-agenesis');
    expect(r.draft.condition).toBe(known[0]);
  });

  it('records origin, and the draft text parses back to the same answer', () => {
    const r = draft(PAGE_WITHOUT_TLDR, { publisher: 'Example Health', url: 'https://example.org/gout' });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.draft.answer.origin).toEqual({
      collection: 'text',
      publisher: 'Example Health',
      url: 'https://example.org/gout',
    });
    const parsed = parseAnswer(r.draft.text);
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    expect(parsed.value.answer).toEqual(r.draft.answer);
  });

  it('uses "unknown" as publisher and honours --aspect', () => {
    const r = draft(PAGE_WITHOUT_TLDR, { aspect: 'living-with' });
    if (!r.ok) throw new Error(r.problem.message);
    expect(r.draft.answer.origin?.publisher).toBe('unknown');
    expect(r.draft.answer.aspect).toBe('living-with');
  });
});

describe('cleanPageQuestion', () => {
  it.each([
    ['  what causes gout ??', 'What causes gout?'],
    ['**Is gout inherited?**', 'Is gout inherited?'],
    ['What causes gout.', 'What causes gout?'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanPageQuestion(raw)).toBe(clean);
  });
});
