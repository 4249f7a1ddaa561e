/**
 * A page's body blocks as the Markdown body of a draft answer. Pages are prose, not Markdown, so
 * markup characters are escaped. Repeats are kept once: a paragraph printed twice, a paragraph
 * that repeats the TL;DR, and a run-on fragment that is the start or end of another paragraph
 * (the seed page's TL;DR line runs on into the first body sentence, which the next line repeats).
 * A sentence introducing a list the page left empty ("… include:") stays, as text, so that
 * `medbrief lint` on the draft still points at the missing list.
 */
import { escapeProse } from '../../content/index.js';
import type { PageBlock } from '../../lint/index.js';

export interface BodyResult {
  markdown: string;
  /** Blocks dropped because they repeat another block or the TL;DR. */
  repeatsDropped: number;
  /** Sentences that introduce a list which never follows. */
  emptyLists: number;
  /** Blocks kept, in order (plain text), e.g. for deriving a TL;DR. */
  kept: PageBlock[];
}

/** Normal form for comparing blocks: case, white space and closing punctuation do not count. */
function key(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.!?:;,]+$/, '')
    .trim();
}

export { escapeProse };

const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

/**
 * True when `fragment` is the beginning or end of `whole` (at a word boundary): a run-on
 * repeat, not a paragraph of its own. Fragments under five words are too short to tell.
 */
function isRunOnRepeat(fragment: string, whole: string): boolean {
  if (fragment.length >= whole.length || wordCount(fragment) < 5) return false;
  return (
    (whole.startsWith(fragment) && /^\W/.test(whole.slice(fragment.length))) ||
    (whole.endsWith(fragment) && /\W$/.test(whole.slice(0, whole.length - fragment.length)))
  );
}

function toMarkdown(block: PageBlock): string {
  if (block.kind === 'heading') return `## ${escapeProse(block.text)}`;
  if (block.kind === 'list-item') return `- ${escapeProse(block.text)}`;
  if (block.kind === 'blockquote') return `> ${escapeProse(block.text)}`;
  return escapeProse(block.text);
}

export function bodyMarkdown(blocks: readonly PageBlock[], tldr?: string): BodyResult {
  const keys = blocks.map((b) => key(b.text));
  const tldrKey = tldr ? key(tldr) : null;
  const seen = new Set<string>();
  const kept: PageBlock[] = [];
  let repeatsDropped = 0;
  blocks.forEach((block, i) => {
    const k = keys[i]!;
    const repeat =
      seen.has(k) ||
      k === tldrKey ||
      (block.kind !== 'heading' && keys.some((other, j) => j !== i && isRunOnRepeat(k, other)));
    if (repeat) {
      repeatsDropped++;
      return;
    }
    seen.add(k);
    kept.push(block);
  });
  // A list item joins the previous one without a blank line, so the items form one list.
  const parts: string[] = [];
  kept.forEach((block, i) => {
    const md = toMarkdown(block);
    const joinsList = block.kind === 'list-item' && kept[i - 1]?.kind === 'list-item';
    if (joinsList) parts[parts.length - 1] += `\n${md}`;
    else parts.push(md);
  });
  const emptyLists = kept.filter(
    (b, i) => b.kind !== 'list-item' && /:\s*$/.test(b.text) && kept[i + 1]?.kind !== 'list-item',
  ).length;
  return { markdown: parts.length ? `${parts.join('\n\n')}\n` : '', repeatsDropped, emptyLists, kept };
}
