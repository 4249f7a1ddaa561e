import { describe, expect, it } from 'vitest';
import {
  MAX_SENTENCE_LENGTH,
  messageSentences,
  sentenceTexts,
  splitSentences,
} from '../../../src/content/text/sentences.js';
import { growth } from '../../helpers/work.js';

describe('splitSentences', () => {
  it('keeps exact offsets into the text it was given', () => {
    const text = 'Intro.  It is rare. About 2.5% have it.[1] Most do not!';
    const spans = splitSentences(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual([
      'Intro.',
      'It is rare.',
      'About 2.5% have it.[1]',
      'Most do not!',
    ]);
    expect(spans[1]).toEqual({ start: 8, end: 19 });
  });

  it('splits only inside [start, end)', () => {
    const text = 'Skip me. Take this. And this. Not this.';
    const spans = splitSentences(text, 9, 29);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['Take this.', 'And this.']);
  });

  it('does not split after abbreviations, decimals or initials', () => {
    expect(sentenceTexts('Fever, e.g. in children, is common. Dr. Smith agrees.')).toEqual([
      'Fever, e.g. in children, is common.',
      'Dr. Smith agrees.',
    ]);
    expect(sentenceTexts('A study by J. Smith found it. It was small.')).toEqual([
      'A study by J. Smith found it.',
      'It was small.',
    ]);
    expect(sentenceTexts('The U.S. Food and Drug Administration approved it.')).toHaveLength(1);
  });

  it('ends a sentence at a capital letter that names a kind ("hepatitis A.")', () => {
    expect(sentenceTexts('You can get hepatitis A. It spreads through food.')).toEqual([
      'You can get hepatitis A.',
      'It spreads through food.',
    ]);
    expect(sentenceTexts('Carrots contain vitamin A. Vitamin A helps eyesight.')).toEqual([
      'Carrots contain vitamin A.',
      'Vitamin A helps eyesight.',
    ]);
    expect(sentenceTexts('T. solium causes it.')).toEqual(['T. solium causes it.']);
  });

  it('keeps citations after the full stop with their sentence', () => {
    expect(sentenceTexts('It is likely. [^nbdps] Next one.¹ Last.')).toEqual([
      'It is likely. [^nbdps]',
      'Next one.¹',
      'Last.',
    ]);
  });

  it('cuts a run-on text into pieces no longer than the cap, covering every word', () => {
    const text = 'word '.repeat(2000).trim();
    const spans = splitSentences(text);
    expect(spans.length).toBeGreaterThan(1);
    for (const s of spans) expect(s.end - s.start).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
    expect(spans.map((s) => text.slice(s.start, s.end)).join(' ')).toBe(text);
    const solid = 'x'.repeat(5000);
    expect(splitSentences(solid).map((s) => s.end - s.start)).toEqual([1000, 1000, 1000, 1000, 1000]);
  });
});

describe('splitSentences work grows linearly', () => {
  const inputs: Record<string, (n: number) => string> = {
    'repeated initials': (n) => 'A.B.'.repeat(n / 4),
    'spaced initials': (n) => 'A. B. '.repeat(n / 6),
    'dots and digits': (n) => '1.'.repeat(n / 2),
    'long word': (n) => 'a'.repeat(n),
    'citations after stops': (n) => 'x.[1] '.repeat(n / 6),
    'closers after stops': (n) => '.)"'.repeat(n / 3),
    'no spaces': (n) => 'word.word,'.repeat(n / 10),
    'white space': (n) => ' \n'.repeat(n / 2),
  };
  for (const [name, make] of Object.entries(inputs)) {
    it(name, async () => {
      const g = await growth(make, (t) => splitSentences(t), 500_000);
      expect(g.ratio, `work ratio at 1 MB / 500 KB (${g.small.total} → ${g.large.total})`).toBeLessThan(2.5);
      expect(g.perChar).toBeLessThan(60);
    });
  }
});

describe('messageSentences (what people type)', () => {
  it('splits at line breaks and at sentence ends followed by a lower-case word', () => {
    expect(
      messageSentences(
        'SUBJECT: gout\nMESSAGE: my dad has gout. what causes it? is it his diet.\nthanks, Sam',
      ),
    ).toEqual([
      'SUBJECT: gout',
      'MESSAGE: my dad has gout.',
      'what causes it?',
      'is it his diet.',
      'thanks, Sam',
    ]);
  });

  it('keeps the shared rules for abbreviations and decimals', () => {
    expect(messageSentences('my hba1c is 6.5 and dr. jones says e.g. diet helps. is that right?')).toEqual([
      'my hba1c is 6.5 and dr. jones says e.g. diet helps.',
      'is that right?',
    ]);
  });

  it('edited prose still needs a capital after the stop (the linter and importer split as before)', () => {
    expect(sentenceTexts('It is rare. most people recover.')).toEqual(['It is rare. most people recover.']);
    expect(sentenceTexts('It is rare. most people recover.', { anyCase: true })).toEqual([
      'It is rare.',
      'most people recover.',
    ]);
  });
});
