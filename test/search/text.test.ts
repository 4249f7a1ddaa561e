import { describe, expect, it } from 'vitest';
import { classifyAspect } from '../../src/search/aspect.js';
import { editDistance, phoneticKey, SpellingCorrector } from '../../src/search/spelling.js';
import { clampQuestion, LIMITS, terms, words } from '../../src/search/text.js';

describe('tokenising', () => {
  it('lower-cases, joins apostrophes and strips accents', () => {
    expect(words("Don't worry, Sjögren’s syndrome")).toEqual(['dont', 'worry', 'sjogrens', 'syndrome']);
  });
  it('stems and drops stopwords', () => {
    expect(terms('What are the treatments for gout?')).toEqual(['treatment', 'gout']);
  });
  it('bounds the work: characters and tokens are capped', () => {
    const huge = 'word '.repeat(1_000_000);
    expect(clampQuestion(huge).length).toBeLessThanOrEqual(LIMITS.maxChars);
    expect(words(huge).length).toBe(LIMITS.maxTokens);
  });
});

describe('spelling', () => {
  it('measures edits with transpositions as one', () => {
    expect(editDistance('agenisis', 'agenesis', 2)).toBe(1);
    expect(editDistance('fibromalgia', 'fibromyalgia', 2)).toBe(1);
    expect(editDistance('diabetse', 'diabetes', 2)).toBe(1);
    expect(editDistance('abc', 'xyz', 1)).toBe(2);
  });
  it('gives sound-alike spellings one key', () => {
    expect(phoneticKey('nuemonia')).toBe(phoneticKey('pneumonia'));
  });
  const vocab = new Map([
    ['sacral', 10],
    ['agenesis', 5],
    ['pneumonia', 40],
    ['diabetes', 100],
    ['diabetic', 30],
  ]);
  const speller = new SpellingCorrector(vocab, { knownWords: ['sacrum'] });
  it('repairs misspellings against the vocabulary', () => {
    expect(speller.correct('sacrel')?.to).toBe('sacral');
    expect(speller.correct('agenisis')?.to).toBe('agenesis');
    expect(speller.correct('diabetis')?.to).toBe('diabetes');
    expect(speller.correct('nuemonia')?.to).toBe('pneumonia');
  });
  it('leaves known words, short words and unrelated words alone', () => {
    expect(speller.correct('diabetes')).toBeNull();
    expect(speller.correct('sacrum')).toBeNull();
    expect(speller.correct('flu')).toBeNull();
    expect(speller.correct('keyboard')).toBeNull();
  });
});

describe('aspect classification', () => {
  it.each([
    ['is there a cure for fibromyalgia', 'treatment'],
    ['how do you get rid of gout', 'treatment'],
    ['what causes gout', 'causes'],
    ['did my diabetes do this??', 'causes'],
    ['will my kids get huntingtons from me', 'inheritance'],
    ['how common is cystic fibrosis', 'frequency'],
    ['what is sacral agenesis', 'overview'],
    ['how do doctors test for celiac disease', 'diagnosis'],
    ['what is the life expectancy with cystic fibrosis', 'outlook'],
    ['can gout be prevented', 'prevention'],
    ['are there clinical trials for als', 'research'],
  ])('%s → %s', (q, aspect) => {
    expect(classifyAspect(q).top).toBe(aspect);
  });
  it('weighs the sentence that asks over background sentences', () => {
    const msg =
      'Sleep apnea. I was diagnosed with sleep apnea last year and got a machine. Is there anything else that will treat it?';
    expect(classifyAspect(msg).top).toBe('treatment');
  });
  it('finds no aspect in a bare topic', () => {
    expect(classifyAspect('gout').top).toBeNull();
  });
});
