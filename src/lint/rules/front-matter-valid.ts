import type { Rule } from '../types.js';
import { says } from './examples.js';
import { NoOptions } from './util.js';

/** Problems that other rules report in their own words (source-broken). */
const COVERED_ELSEWHERE = new Set(['broken-footnote']);

/** The answer file follows the content schema, so the site, search and review can use it. */
export const frontMatterValid: Rule<NoOptions> = {
  id: 'front-matter-valid',
  severity: 'error',
  appliesTo: ['markdown'],
  options: NoOptions,
  docs: {
    summary:
      'A Markdown answer’s front matter follows the content schema (required fields, known aspect, valid dates and sources).',
    why: 'The schema is the single source of truth for parsing, the API and the review badge; a file it rejects cannot be imported or published. The linter reports the schema’s own messages so editors see every problem in one place. Incomplete sources are reported by `source-broken`.',
    references: [{ title: 'MedBrief design, §1 content model', url: 'docs/design.md' }],
    ok: [
      {
        kind: 'markdown',
        text: '---\nquestion: Is it rare?\ncondition: sacral-agenesis\naspect: frequency\ntldr: Yes.\n---\nYes, it is rare.\n',
      },
    ],
    notOk: [
      {
        kind: 'markdown',
        text: '---\nquestion: Is it rare?\ncondition: sacral-agenesis\naspect: rarity\ntldr: Yes.\n---\nYes, it is rare.\n',
        expected: [
          says(
            '4:9',
            '"aspect" unknown aspect "rarity"; use one of: overview, causes, symptoms, diagnosis, treatment, outlook, inheritance, frequency, prevention, complications, risk-factors, living-with, research, when-to-see-a-doctor',
            'correct the field so the file follows the content schema (docs/design.md, §1 content model)',
          ),
        ],
      },
    ],
  },
  check(doc, { report }) {
    const lines = doc.text.split('\n');
    const offsetOf = (line: number, column: number) => {
      let o = 0;
      for (let i = 0; i < line - 1 && i < lines.length; i++) o += lines[i]!.length + 1;
      return Math.min(doc.text.length, o + Math.max(0, column - 1));
    };
    for (const p of doc.contentProblems ?? []) {
      if (COVERED_ELSEWHERE.has(p.code) || /^"sources\./.test(p.message)) continue;
      const start = p.line > 0 ? offsetOf(p.line, p.column) : 0;
      const lineEnd = doc.text.indexOf('\n', start);
      report({
        start,
        end: lineEnd === -1 ? doc.text.length : lineEnd,
        message: p.message,
        // Every message carries a fix hint; the schema's own when it gives one.
        hint:
          p.hint ||
          'correct the field so the file follows the content schema (docs/design.md, §1 content model)',
      });
    }
  },
};
