import { z } from 'zod';
import type { Rule } from '../types.js';
import { says } from './examples.js';

const Options = z.object({
  /** Require an accessed date on every source (Markdown answers; pages rarely show one). */
  requireAccessed: z.boolean().default(true),
  /** Report sources that are listed but never cited. */
  requireCited: z.boolean().default(true),
});

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(
        d[i - 1]![j]! + 1,
        d[i]![j - 1]! + 1,
        d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]![b.length]!;
}

/** The one source id a mistyped reference most likely meant (case or one-letter slip), if unique. */
function likelyMeant(id: string, ids: string[]): string | undefined {
  if (/^\d+$/.test(id)) return undefined; // [2] for [1] is not a typo we can guess
  const close = ids.filter(
    (s) => s.toLowerCase() === id.toLowerCase() || distance(s.toLowerCase(), id.toLowerCase()) <= 1,
  );
  return close.length === 1 ? close[0] : undefined;
}

/** Every reference points at a source, every source is cited, every source can be found again. */
export const sourceBroken: Rule<z.infer<typeof Options>> = {
  id: 'source-broken',
  severity: 'error',
  fixable: true,
  options: Options,
  docs: {
    summary:
      'A footnote points at no source, a listed source is never cited, or a source lacks a title, URL or (for answers) an accessed date. On pages, a sources list in plain text is read as pages print it: a URL, "Available at: …", a bare address, a DOI or a PMID on the entry\'s line or the line after it is the entry\'s locator.',
    why: 'A citation the reader cannot follow is worse than none: it looks like evidence without being evidence. Sources need a title and a URL to be found again, and an accessed date because web pages change. Uncited sources suggest the text and its evidence have drifted apart.',
    references: [
      {
        title: 'Patient Information Forum: the PIF TICK criteria — evidence and references',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
      {
        title: 'NLM: Citing Medicine, 2nd edition (web sources need dates)',
        url: 'https://www.ncbi.nlm.nih.gov/books/NBK7256/',
      },
    ],
    options: '`requireAccessed` (default true, Markdown answers only); `requireCited` (default true).',
    ok: [
      {
        kind: 'markdown',
        text: '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\nsources:\n  - id: nord\n    title: Caudal regression syndrome\n    url: https://rarediseases.org/\n    accessed: 2026-03-30\n---\nAbout 1 in 25,000 babies has it.[^nord]\n',
      },
      {
        kind: 'page',
        text: 'About 1 in 25,000 babies has it [1].\nReferences\n1. NORD. Caudal regression syndrome.\nAvailable at: https://rarediseases.org/\n',
      },
    ],
    notOk: [
      {
        kind: 'markdown',
        text: '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\nsources:\n  - id: nord\n    title: Caudal regression syndrome\n    url: https://rarediseases.org/\n    accessed: 2026-03-30\n---\nAbout 1 in 25,000 babies has it.[^Nord]\n',
        expected: [says('12:33', 'reference [^Nord] does not match any source', 'did you mean "nord"?')],
      },
      {
        kind: 'page',
        text: 'About 1 in 25,000 babies has it [2].\nReferences\n1. NORD. Caudal regression syndrome. https://rarediseases.org/\n',
        expected: [
          says(
            '1:33',
            'reference [2] does not match any source',
            'use one of the source ids (1) or add the source',
          ),
          says(
            '3:1',
            'source "1" is listed but never cited',
            'cite it where it supports the text, or remove it',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    const ids = doc.sources.map((s) => s.id).filter((id): id is string => Boolean(id));
    const cited = new Set(doc.citations.map((c) => c.id));
    for (const ref of doc.citations) {
      if (ids.includes(ref.id)) continue;
      const meant = likelyMeant(ref.id, ids);
      const marker = doc.text.slice(ref.span.start, ref.span.end);
      report({
        start: ref.span.start,
        end: ref.span.end,
        message: `reference ${marker} does not match any source`,
        hint: meant
          ? `did you mean "${meant}"?`
          : ids.length
            ? `use one of the source ids (${ids.join(', ')}) or add the source`
            : 'add the source to the sources list',
        fix:
          meant && doc.kind === 'markdown' && marker.startsWith('[^')
            ? { ...ref.span, text: `[^${meant}]` }
            : undefined,
      });
      if (meant) cited.add(meant);
    }
    for (const s of doc.sources) {
      const missing: string[] = [];
      if (!s.title) missing.push('title');
      if (!s.url) missing.push('URL');
      if (doc.kind === 'markdown' && options.requireAccessed && !s.accessed) missing.push('accessed date');
      const name = s.id ? `source "${s.id}"` : 'source';
      if (missing.length) {
        report({
          ...s.span,
          message: `${name} has no ${missing.join(', ')}`,
          hint: 'complete the source so a reader can find it again',
        });
      }
      if (
        options.requireCited &&
        s.id &&
        !cited.has(s.id) &&
        (doc.kind === 'markdown' || doc.citations.length)
      ) {
        report({
          ...s.span,
          message: `${name} is listed but never cited`,
          hint:
            doc.kind === 'markdown'
              ? `cite it with [^${s.id}] where it supports the text, or remove it`
              : 'cite it where it supports the text, or remove it',
        });
      }
    }
  },
};
