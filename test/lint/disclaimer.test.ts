/**
 * Disclaimers by meaning, from an editable data file (src/lint/terms/disclaimer.yaml): every
 * wording the file lists as an example is recognised, every line it lists as not a disclaimer is
 * not, a page with any of the wordings has no disclaimer-missing message, and a broken data file
 * gives a clear error.
 */
import { describe, expect, it } from 'vitest';
import {
  compileDisclaimerPatterns,
  DISCLAIMER_VOCABULARY,
  isDisclaimer,
  readDisclaimerVocabulary,
} from '../../src/lint/detect/disclaimer.js';
import { auditPage } from '../../src/lint/index.js';

const missing = (page: string) =>
  auditPage(page, 'p.txt', { today: '2026-12-02' }).filter((m) => m.ruleId === 'disclaimer-missing');

describe('disclaimer vocabulary', () => {
  it('lists varied wordings and non-disclaimers to test against', () => {
    expect(DISCLAIMER_VOCABULARY.examples.length).toBeGreaterThanOrEqual(15);
    expect(DISCLAIMER_VOCABULARY.not_disclaimers.length).toBeGreaterThanOrEqual(5);
  });

  it.each(DISCLAIMER_VOCABULARY.examples)('recognises "%s"', (line) => {
    expect(isDisclaimer(line)).toBe(true);
  });

  it.each(DISCLAIMER_VOCABULARY.not_disclaimers)('does not take "%s" for a disclaimer', (line) => {
    expect(isDisclaimer(line)).toBe(false);
  });

  it('recognises typographic apostrophes like straight ones on a page', () => {
    const page = 'Cough\nMost coughs clear up on their own.\nThis page doesn’t replace a visit to your GP.\n';
    expect(missing(page)).toEqual([]);
  });

  it('a page with none of the wordings gets disclaimer-missing', () => {
    const [m] = missing('Cough\nMost coughs clear up on their own.\nSee a GP if it lasts 3 weeks.\n');
    expect(m?.message).toBe('the page has no medical disclaimer');
  });

  it.each(DISCLAIMER_VOCABULARY.examples)('a page ending in "%s" has a disclaimer', (line) => {
    expect(missing(`Cough\nMost coughs clear up on their own.\n${line}\n`)).toEqual([]);
  });
});

describe('a broken disclaimer data file', () => {
  const base = { ...DISCLAIMER_VOCABULARY };

  it('names the file and the key when a list is missing', () => {
    const { patterns: _, ...rest } = base;
    expect(() => readDisclaimerVocabulary(rest)).toThrow(
      /disclaimer\.yaml: "patterns" must be a list of strings/,
    );
  });

  it('names the pattern that does not compile', () => {
    expect(() => compileDisclaimerPatterns({ ...base, patterns: ['\\bnot (a substitute'] })).toThrow(
      /pattern 1 \("\\bnot \(a substitute"\) is not a valid regular expression/,
    );
  });
});
