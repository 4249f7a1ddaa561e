/** fast-check generators for valid content models. */
import fc from 'fast-check';
import { type Answer, AnswerSchema, ASPECTS } from '../../src/content/index.js';

const slug = fc
  .array(fc.stringMatching(/^[a-z0-9]{1,8}$/), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'));

/** Text as people type it: letters, punctuation, unicode, quotes, YAML-significant characters. */
const text = fc.string({
  unit: fc.oneof(
    fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789.,;:!?-#&*|>%@`\'"[]{}()é–—’µ😀\t'),
    fc.constant('\n'),
  ),
  minLength: 1,
  maxLength: 80,
});

const line = text.map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.length > 0);
const date = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

export const answerArbitrary: fc.Arbitrary<Answer> = fc
  .record({
    question: line.map((s) => `${s}?`),
    condition: slug,
    aspect: fc.constantFrom(...ASPECTS),
    tldr: line,
    audience: fc.constantFrom('patient' as const, 'professional' as const),
    updated: fc.option(date, { nil: undefined }),
    sources: fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/),
        title: line,
        url: fc.webUrl({ validSchemes: ['https'] }),
        accessed: date,
      }),
      { selector: (s) => s.id, maxLength: 3 },
    ),
    review: fc.option(fc.record({ reviewer: slug, reviewed: date }), { nil: undefined }),
    body: fc.string({ maxLength: 400 }).map((s) => s.replace(/\r/g, '').replace(/\[\^/g, '[')),
  })
  .map((raw) => AnswerSchema.parse(raw));
