import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { bodyMarkdown, escapeProse } from '../../../src/import/page/index.js';

const p = (text: string) => ({ kind: 'paragraph' as const, text });

describe('bodyMarkdown', () => {
  it('keeps a repeated paragraph once', () => {
    const r = bodyMarkdown([
      p('Gout is common in men.'),
      p('It affects the big toe.'),
      p('Gout is common in men.'),
    ]);
    expect(r.markdown).toBe('Gout is common in men.\n\nIt affects the big toe.\n');
    expect(r.repeatsDropped).toBe(1);
  });

  it('drops a run-on fragment that starts another paragraph, and a copy of the TL;DR', () => {
    const r = bodyMarkdown(
      [
        p('The spine forms in the third to seventh week.'),
        p(
          'The spine forms in the third to seventh week. During this window the lower spine may not develop.',
        ),
        p('It is rare and has no single cause.'),
      ],
      'It is rare and has no single cause.',
    );
    expect(r.kept.map((b) => b.text)).toEqual([
      'The spine forms in the third to seventh week. During this window the lower spine may not develop.',
    ]);
    expect(r.repeatsDropped).toBe(2);
  });

  it('keeps short paragraphs that happen to start a longer one (too short to be a repeat)', () => {
    const r = bodyMarkdown([p('Causes'), p('Causes of gout include diet and genes.')]);
    expect(r.kept).toHaveLength(2);
  });

  it('keeps a sentence that introduces an empty list, as text, and counts it', () => {
    const r = bodyMarkdown([
      p('The mechanisms behind this link include:'),
      p('Most cases happen by chance.'),
    ]);
    expect(r.markdown).toContain('The mechanisms behind this link include:\n\nMost cases');
    expect(r.emptyLists).toBe(1);
  });

  it('writes headings, one list for consecutive items, and escapes Markdown in prose', () => {
    const r = bodyMarkdown([
      { kind: 'heading', text: 'When a parent is affected' },
      p('Children may have:'),
      { kind: 'list-item', text: 'short *arms*' },
      { kind: 'list-item', text: 'a small rib cage' },
      p('1. This is not a list [1].'),
    ]);
    expect(r.markdown).toBe(
      '## When a parent is affected\n\nChildren may have:\n\n- short \\*arms\\*\n- a small rib cage\n\n1\\. This is not a list \\[1\\].\n',
    );
    expect(r.emptyLists).toBe(0);
  });
});

describe('escapeProse', () => {
  /** The text a Markdown reader (the site's: CommonMark + GFM) sees in a one-paragraph document. */
  function renderedText(markdown: string): { types: string[]; text: string } {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    let text = '';
    const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
      if (node.type === 'text' || node.type === 'inlineCode') text += node.value ?? '';
      for (const child of (node.children ?? []) as (typeof node)[]) walk(child);
    };
    walk(tree);
    return { types: tree.children.map((c) => c.type), text };
  }

  it('makes any line of page text read back as that same text, in one paragraph', () => {
    const alphabet = [...'ab 1.-+#=*_`[]()<>!~&;|\\'].concat([
      '&copy;',
      'www.x.org',
      'https://x.org/a_b*c',
      'http://',
      'a_b@c.org',
      '---',
      '1. ',
      '> ',
    ]);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 20 }), (pieces) => {
        const text = pieces.join('').replace(/\s+/g, ' ').trim();
        fc.pre(text.length > 0);
        const r = renderedText(escapeProse(text));
        expect(r.types).toEqual(['paragraph']);
        expect(r.text).toBe(text);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
