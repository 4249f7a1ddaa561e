import { ASPECT_LABELS, type Aspect } from '../../content/index.js';
import { aspectsConflict, aspectsOf } from '../detect/aspects.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions } from './util.js';

function label(a: string): string {
  return ASPECT_LABELS[a as Aspect] ?? a;
}

/** The question asks one thing and the answer is filed (or titled) as another. */
export const questionTitleMismatch: Rule<NoOptions> = {
  id: 'question-title-mismatch',
  severity: 'warn',
  options: NoOptions,
  docs: {
    summary:
      'The question asks about one aspect (causes, treatment, …) while the answer’s stated aspect (front matter `aspect`) or the page title says another.',
    why: 'People search with questions; an answer filed under the wrong aspect is found for the wrong question and answers something the reader did not ask. Compatible aspects (causes and risk factors, treatment and living with) are not reported, nor are questions whose type cannot be told ("What is X?").',
    references: [
      {
        title: 'NHS digital service manual: user needs — one page, one purpose',
        url: 'https://service-manual.nhs.uk/content/how-we-write',
      },
      {
        title: 'Ben Abacha & Demner-Fushman (2019): question types in consumer health questions',
        url: 'https://doi.org/10.1186/s12859-019-3119-4',
      },
    ],
    ok: [
      {
        kind: 'markdown',
        text: '---\nquestion: What causes sacral agenesis?\ncondition: sacral-agenesis\naspect: causes\ntldr: Nobody knows in most cases.\n---\nNobody knows in most cases.\n',
      },
    ],
    notOk: [
      {
        kind: 'markdown',
        text: '---\nquestion: How is sacral agenesis treated?\ncondition: sacral-agenesis\naspect: causes\ntldr: Nobody knows in most cases.\n---\nNobody knows in most cases.\n',
        expected: [
          says(
            '2:11',
            'the question asks about treatment, but the answer\'s aspect is "causes"',
            'change "aspect:" to "treatment", or reword the question',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Treatment options for sacral agenesis\nWhat causes sacral agenesis?\nTL;DR: Nobody knows in most cases.\n',
        expected: [
          says(
            '2:1',
            'the question asks about causes, but the page title is about treatment',
            'make the title and the question ask the same thing',
          ),
        ],
      },
    ],
  },
  check(doc, { report }) {
    const question = doc.question;
    if (!question) return;
    const asked = aspectsOf(question.text);
    if (doc.kind === 'markdown') {
      if (!doc.aspect || !aspectsConflict(asked, doc.aspect)) return;
      report({
        start: question.start,
        end: question.end,
        message: `the question asks about ${[...asked].map(label).join(' / ').toLowerCase()}, but the answer's aspect is "${doc.aspect}"`,
        hint: `change "aspect:" to ${[...asked].map((a) => `"${a}"`).join(' or ')}, or reword the question`,
      });
      return;
    }
    const title = doc.title;
    if (!title) return;
    const titled = aspectsOf(title.text);
    if (!titled.size || [...titled].every((t) => !aspectsConflict(asked, t))) return;
    report({
      start: question.start,
      end: question.end,
      message: `the question asks about ${[...asked].map(label).join(' / ').toLowerCase()}, but the page title is about ${[...titled].map(label).join(' / ').toLowerCase()}`,
      hint: 'make the title and the question ask the same thing',
    });
  },
};
