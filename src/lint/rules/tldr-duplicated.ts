import { z } from 'zod';
import { comparable, wordCount } from '../detect/prose.js';
import type { LintDocument } from '../document/document.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { proseParagraphs, proseSentences } from './util.js';

const Options = z.object({
  /** Sentences shorter than this may repeat ("Call 999.") without being reported. */
  minSentenceWords: z.number().int().min(1).default(10),
});

function removalEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  if (text[e] === '\n') e++;
  if (text[e] === '\n') e++;
  return e;
}

function sentenceRemovalEnd(text: string, end: number): number {
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === '\t')) e++;
  return e;
}

/**
 * A contents list repeated as headings: a page lists its questions ("- What is drug addiction?")
 * and then gives each answer under the same question. The first copy is a list item, the repeat
 * a paragraph that is one question; both are written on purpose.
 */
function contentsEntry(doc: LintDocument, first: number, repeat: number): boolean {
  const a = doc.paragraphs[first];
  const b = doc.paragraphs[repeat];
  if (!a || !b || a.kind !== 'list-item' || b.kind === 'list-item' || b.sentenceCount !== 1) return false;
  return /\?["”’)]?\s*$/.test(doc.text.slice(b.start, b.end));
}

/** A repeated TL;DR, paragraph or sentence: the seed page prints its summary twice. */
export const tldrDuplicated: Rule<z.infer<typeof Options>> = {
  id: 'tldr-duplicated',
  severity: 'error',
  fixable: true,
  options: Options,
  docs: {
    summary:
      'The TL;DR, a paragraph or a sentence appears more than once (also: TL;DR text repeated in the body). A sentence repeated under another heading is taken as intended (each section reads on its own) unless it repeats the TL;DR.',
    why: 'A repeated summary wastes the reader’s first seconds and signals an unedited page. Plain-language guidance asks for every sentence to earn its place; a short answer that says the same thing twice is longer without being clearer.',
    references: [
      {
        title: 'NHS digital service manual: content style guide — be concise',
        url: 'https://service-manual.nhs.uk/content/how-we-write',
      },
      {
        title: 'CDC Clear Communication Index, item 1 (one main message)',
        url: 'https://www.cdc.gov/ccindex/index.html',
      },
    ],
    options:
      '`minSentenceWords` (default 10): shorter sentences may repeat (a TL;DR naturally shares short phrases with the body).',
    ok: [
      {
        title: 'the same advice under two headings',
        kind: 'page',
        text: 'Eye disease\nAMD is common after 60. If you are over age 60, have an eye exam through dilated pupils every two years.\nCataract\nCataract can occur at any age. If you are over age 60, have an eye exam through dilated pupils every two years.\n',
      },
      {
        title: 'a featured item repeated in the dated list below it',
        kind: 'page',
        text: 'Fact of the Week\nCDC urges all women of reproductive age to take 400 micrograms of folic acid each day.\nWeek of January 7, 2019\nCDC urges all women of reproductive age to take 400 micrograms of folic acid each day.\n',
      },
      {
        kind: 'page',
        text: 'TL;DR: Sacral agenesis is a rare condition where the lower spine does not form fully.\nWhat causes it?\nIt starts in the first weeks of pregnancy, when the lower spine is forming.\n',
      },
      {
        title: 'a contents list of questions, each repeated over its answer',
        kind: 'page',
        text: 'Frequently Asked Questions\n- What does the National Institute on Drug Abuse (NIDA) do?\n- What is drug addiction?\nWhat does the National Institute on Drug Abuse (NIDA) do?\nNIDA supports most of the world’s research on drug abuse and addiction.\n',
      },
    ],
    notOk: [
      {
        title: 'TL;DR printed twice',
        kind: 'page',
        text: 'TL;DR: Sacral agenesis is a rare condition where the lower spine does not form fully.\nTL;DR: Sacral agenesis is a rare condition where the lower spine does not form fully.\nIt starts early in pregnancy.\n',
        expected: [
          { at: '2:1', message: 'TL;DR repeated (first copy at 1:1)', hint: 'delete the repeated copy' },
        ],
      },
      {
        title: 'TL;DR sentence repeated in the body of an answer',
        kind: 'markdown',
        text: '---\nquestion: What causes sacral agenesis?\ncondition: sacral-agenesis\naspect: causes\ntldr: The lower spine does not form fully in the first weeks of a pregnancy.\n---\nThe lower spine does not form fully in the first weeks of a pregnancy. Most cases have no known cause.\n',
        expected: [
          says(
            '7:1',
            'TL;DR sentence repeated (first at 5:7)',
            'the TL;DR is shown above the body: say something new here or delete the copy',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report, locate }) {
    // Section of each paragraph (headings seen before it): the same advice under two headings
    // ("If you are over age 60, have an eye exam every two years" under Cataract and under
    // Glaucoma), or a featured item repeated in the dated list below it, is written on purpose,
    // so each section reads on its own. A repeated TL;DR is reported wherever it is.
    const sectionOf: number[] = [];
    let section = 0;
    for (const p of doc.paragraphs) {
      if (p.kind === 'heading') section++;
      sectionOf.push(section);
    }
    const sectionAt = new Map(doc.paragraphs.map((p, i) => [p.start, sectionOf[i]!]));
    const seenParagraphs = new Map<string, number>();
    const paragraphAt = new Map(doc.paragraphs.map((p, i) => [p.start, i]));
    const tldrStarts = new Set(doc.paragraphs.filter((q) => q.part === 'tldr').map((q) => q.start));
    const covered = new Set<number>();
    for (const p of proseParagraphs(doc)) {
      const key = comparable(doc.text.slice(p.start + p.labelLength, p.end));
      if (wordCount(key) < options.minSentenceWords) continue;
      const first = seenParagraphs.get(key);
      if (first === undefined) {
        seenParagraphs.set(key, p.start);
        continue;
      }
      const isTldr = p.part === 'tldr' || tldrStarts.has(first);
      if (!isTldr && sectionAt.get(first) !== sectionAt.get(p.start)) continue;
      if (!isTldr && contentsEntry(doc, paragraphAt.get(first)!, paragraphAt.get(p.start)!)) {
        covered.add(p.start);
        continue;
      }
      report({
        start: p.start,
        end: p.end,
        message: `${isTldr ? 'TL;DR' : 'paragraph'} repeated (first copy at ${locate(first)})`,
        hint: 'delete the repeated copy',
        fix: { start: p.start, end: removalEnd(doc.text, p.end), text: '' },
      });
      covered.add(p.start);
    }
    const seenSentences = new Map<string, number>();
    const sectionOfSentence = new Map<number, number>();
    for (const s of proseSentences(doc)) {
      if (covered.has(doc.paragraphs[s.paragraph]!.start)) continue;
      const key = comparable(s.text.replace(/^(?:tl;?\s?dr|summary|in short)\s*:\s*/i, ''));
      if (wordCount(key) < options.minSentenceWords) continue;
      const first = seenSentences.get(key);
      if (first === undefined) {
        seenSentences.set(key, s.start);
        sectionOfSentence.set(s.start, sectionOf[s.paragraph]!);
        continue;
      }
      const fromTldr = doc.tldr && first >= doc.tldr.start && first < doc.tldr.end;
      if (!fromTldr && sectionOfSentence.get(first) !== sectionOf[s.paragraph]) continue;
      report({
        start: s.start,
        end: s.end,
        message: `${fromTldr ? 'TL;DR sentence' : 'sentence'} repeated (first at ${locate(first)})`,
        hint: fromTldr
          ? 'the TL;DR is shown above the body: say something new here or delete the copy'
          : 'delete the repeated sentence',
        fix: { start: s.start, end: sentenceRemovalEnd(doc.text, s.end), text: '' },
      });
    }
  },
};
