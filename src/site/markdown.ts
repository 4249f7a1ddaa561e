/**
 * Markdown → safe HTML. Raw HTML in content is dropped (remark-rehype without
 * allowDangerousHtml), the result passes through rehype-sanitize's GitHub-style allow-list, and
 * only then do we add our own trusted markup: footnote references `[^id]` become numbered links
 * to the answer's sources list.
 */
import { createHash } from 'node:crypto';
import type { Element, ElementContent, Root, Text } from 'hast';
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Source } from '../content/index.js';

const schema = {
  ...defaultSchema,
  // Our content has no use for these, and each is a way to smuggle in active content.
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['input', 'details', 'summary', 'img'].includes(t)),
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
};

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize, schema)
  .use(rehypeStringify);

const FOOTNOTE = /\[\^([^\]\s[]{1,100})\]/g;

/** Anchor id of a source in the sources list. */
export function sourceAnchor(index: number): string {
  return `source-${index + 1}`;
}

function citeLinks(tree: Root, numbers: ReadonlyMap<string, number>): void {
  const visit = (node: Root | Element) => {
    const out: ElementContent[] = [];
    let changed = false;
    for (const child of node.children as ElementContent[]) {
      if (child.type === 'element') {
        if (child.tagName !== 'code' && child.tagName !== 'pre' && child.tagName !== 'a') visit(child);
        out.push(child);
        continue;
      }
      if (child.type !== 'text' || !FOOTNOTE.test(child.value)) {
        out.push(child);
        continue;
      }
      FOOTNOTE.lastIndex = 0;
      changed = true;
      let last = 0;
      for (const m of child.value.matchAll(FOOTNOTE)) {
        const at = m.index ?? 0;
        if (at > last) out.push({ type: 'text', value: child.value.slice(last, at) } as Text);
        const n = numbers.get(m[1]!);
        if (n === undefined) {
          out.push({ type: 'text', value: m[0] } as Text);
        } else {
          out.push({
            type: 'element',
            tagName: 'sup',
            properties: { className: ['cite'] },
            children: [
              {
                type: 'element',
                tagName: 'a',
                properties: { href: `#${sourceAnchor(n)}`, ariaLabel: `Source ${n + 1}` },
                children: [{ type: 'text', value: `[${n + 1}]` }],
              },
            ],
          });
        }
        last = at + m[0].length;
      }
      if (last < child.value.length) out.push({ type: 'text', value: child.value.slice(last) } as Text);
    }
    if (changed) node.children = out as typeof node.children;
  };
  visit(tree);
}

/**
 * Rendered bodies by their exact input. The output depends only on the body and the source ids,
 * and published revisions are immutable, so a hit can never be stale; parsing dominates page
 * render time, so popular answers skip it. Least recently used entries go first.
 */
const RENDER_CACHE_ENTRIES = 4096;
const renderCache = new Map<string, string>();

function cacheKey(body: string, sources: readonly Source[]): string {
  return createHash('sha256')
    .update(body)
    .update('\0')
    .update(sources.map((s) => s.id).join('\0'))
    .digest('base64');
}

/** Block quotes nested deeper than this render their remaining ">" as text. */
const MAX_QUOTE_DEPTH = 16;

/** Escapes `>` markers beyond MAX_QUOTE_DEPTH on each line (a linear pass; text is kept). */
function limitNesting(body: string): string {
  if (!body.includes('>'.repeat(MAX_QUOTE_DEPTH)) && !/(?:>[ \t]*){17}/.test(body)) return body;
  return body
    .split('\n')
    .map((line) => {
      let depth = 0;
      let i = 0;
      while (i < line.length && (line[i] === '>' || line[i] === ' ' || line[i] === '\t')) {
        if (line[i] === '>' && ++depth > MAX_QUOTE_DEPTH) return `${line.slice(0, i)}\\${line.slice(i)}`;
        i++;
      }
      return line;
    })
    .join('\n');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Renders an answer body; `[^id]` references become links to the numbered sources. */
export function renderMarkdown(body: string, sources: readonly Source[] = []): string {
  const key = cacheKey(body, sources);
  const hit = renderCache.get(key);
  if (hit !== undefined) {
    renderCache.delete(key);
    renderCache.set(key, hit);
    return hit;
  }
  const numbers = new Map(sources.map((s, i) => [s.id, i]));
  let html: string;
  try {
    const tree = processor.runSync(processor.parse(limitNesting(body))) as Root;
    citeLinks(tree, numbers);
    html = processor.stringify(tree);
  } catch (err) {
    // Nesting deeper than the tree walkers' stack (thousands of nested lists): show the text.
    if (!(err instanceof RangeError)) throw err;
    html = `<p>${escapeHtml(body).replace(/\n{2,}/g, '</p>\n<p>')}</p>`;
  }
  renderCache.set(key, html);
  if (renderCache.size > RENDER_CACHE_ENTRIES) renderCache.delete(renderCache.keys().next().value!);
  return html;
}

/** Plain text of a Markdown fragment (for meta descriptions and search): markup and citations removed. */
export function markdownToText(md: string): string {
  return md
    .replace(FOOTNOTE, '')
    .replace(/!\[([^\][]{0,500})\]\([^()]{0,2000}\)/g, '$1')
    .replace(/\[([^\][]{0,500})\]\([^()]{0,2000}\)/g, '$1')
    .replace(/[*_`#>]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}
