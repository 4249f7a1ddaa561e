import { z } from 'zod';
import { wordCount } from '../detect/prose.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { proseParagraphs } from './util.js';

const Options = z.object({
  tldrWords: z.number().int().min(5).default(60),
  bodyWords: z.number().int().min(20).default(300),
});

/** A short answer is short: a TL;DR of a few sentences, a body that fits on a phone screen or two. */
export const shortAnswerTooLong: Rule<z.infer<typeof Options>> = {
  id: 'short-answer-too-long',
  severity: 'warn',
  options: Options,
  docs: {
    summary:
      'The TL;DR or the body of a short answer is over its word budget (default 60 and 300 words). Budgets apply to short answers only: every Markdown answer, and an audited page that calls itself a "Short answer" or has a TL;DR. A full condition page, leaflet or fact sheet has no body budget.',
    why: 'People read health pages on phones, often anxious, and stop early. A short answer that runs to a full article loses the reader before the point; move detail to the condition’s other aspects. Budgets are set per project.',
    references: [
      {
        title: 'NHS digital service manual: how we write — short pages',
        url: 'https://service-manual.nhs.uk/content/how-we-write',
      },
      {
        title: 'Nielsen Norman Group: inverted pyramid',
        url: 'https://www.nngroup.com/articles/inverted-pyramid/',
      },
    ],
    options: '`tldrWords` (default 60), `bodyWords` (default 300).',
    ok: [
      { kind: 'page', text: 'TL;DR: It is rare.\nMost cases happen by chance.\n' },
      {
        kind: 'page',
        text: `Chickenpox\n${'Chickenpox is a mild illness that most children catch at some point in childhood. '.repeat(25)}\n`,
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: `Short answer\nTL;DR: It is rare.\n${'Most cases happen by chance and no one knows why. '.repeat(35)}\n`,
        expected: [
          says(
            '1:1',
            'page labelled "Short answer" has 350 words (budget 300)',
            'cut to the answer to this one question; move background to other aspects of the condition',
          ),
        ],
      },
      {
        kind: 'page',
        text: `TL;DR: It is rare.\n${'Most cases happen by chance and no one knows why. '.repeat(35)}\n`,
        expected: [
          says(
            '2:1',
            'body has 350 words (budget 300)',
            'cut to the answer to this one question; move background to other aspects of the condition',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    if (doc.tldr) {
      const n = wordCount(doc.tldr.text);
      if (n > options.tldrWords) {
        report({
          start: doc.tldr.start,
          end: doc.tldr.end,
          message: `TL;DR has ${n} words (budget ${options.tldrWords})`,
          hint: 'keep the TL;DR to two or three short sentences with the main point first',
        });
      }
    }
    if (doc.pageType !== 'short-answer') return; // a full page has no body budget
    const body = proseParagraphs(doc).filter((p) => p.part === 'body');
    if (!body.length) return;
    const n = body.reduce((sum, p) => sum + wordCount(doc.text.slice(p.start + p.labelLength, p.end)), 0);
    if (n <= options.bodyWords) return;
    const label = doc.kind === 'page' ? /\bshort answer\b/i.exec(doc.text) : null;
    const at =
      label?.index !== undefined
        ? { start: label.index, end: label.index + label[0].length }
        : { start: body[0]!.start, end: body[0]!.end };
    report({
      ...at,
      message: `${label ? 'page labelled "Short answer" has' : 'body has'} ${n} words (budget ${options.bodyWords})`,
      hint: 'cut to the answer to this one question; move background to other aspects of the condition',
    });
  },
};
