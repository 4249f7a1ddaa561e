/**
 * HTML to text with an offset map, good enough for line numbers: block elements become line
 * breaks, list items get a "- " marker ("1. ", "2. " in an ordered list, so a numbered references
 * list keeps its numbers), a link to an absolute http(s) address is followed by " <address>" (a
 * link is a citation, as in Markdown, and a sources entry keeps its URL), <sup>n</sup> becomes
 * "[n]" (a citation marker), scripts and styles are dropped, common entities are decoded. Every
 * output character maps to the input offset it came from (an added address maps to its </a>).
 */

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'main',
  'aside',
  'nav',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'tr',
  'blockquote',
  'figure',
  'figcaption',
  'br',
  'hr',
  'title',
  'summary',
  'details',
]);
const DROP_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head']);

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  middot: '·',
  bull: '•',
  copy: '©',
  reg: '®',
  deg: '°',
  sup1: '¹',
  sup2: '²',
  sup3: '³',
};

export interface MappedText {
  text: string;
  /** map[i] = offset in the input of output character i; map[text.length] = input length. */
  map: number[];
}

export function looksLikeHtml(text: string): boolean {
  return /<\/?(?:html|body|p|div|h[1-6]|ul|ol|li|article|section|span|br|main)\b[^>]*>/i.test(text);
}

export function htmlToText(html: string): MappedText {
  let out = '';
  const map: number[] = [];
  const emit = (s: string, at: number) => {
    for (const ch of s) {
      out += ch;
      map.push(at);
      if (ch.length === 2) map.push(at); // surrogate pair: two code units
    }
  };
  const newline = (at: number) => {
    if (out.length && !out.endsWith('\n')) emit('\n', at);
  };
  let i = 0;
  let drop: string | null = null;
  let inSup = false;
  // Open lists, innermost last: the next number of an <ol>, or null for a <ul>.
  const lists: (number | null)[] = [];
  // The open link's absolute address and where its text started in the output.
  let link: { href: string; from: number } | null = null;
  while (i < html.length) {
    const ch = html[i]!;
    if (ch === '<') {
      if (html.startsWith('<!--', i)) {
        const end = html.indexOf('-->', i + 4);
        const stop = end === -1 ? html.length : end + 3;
        // Keep disable comments: they are instructions to the linter.
        const comment = html.slice(i, stop);
        if (!drop && /medbrief-(?:disable|enable)/.test(comment)) {
          newline(i);
          for (let k = 0; k < comment.length; k++) emit(comment[k]!, i + k);
          newline(stop);
        }
        i = stop;
        continue;
      }
      if (html[i + 1] === '!' || html[i + 1] === '?') {
        // <!doctype …>, <![CDATA[…]]>, <?xml …?>: declarations, not text.
        const end = html.indexOf('>', i);
        i = end === -1 ? html.length : end + 1;
        continue;
      }
      const m = /^<\s*(\/)?\s*([a-zA-Z][a-zA-Z0-9-]*)[^>]*>/.exec(html.slice(i, i + 2000));
      if (!m) {
        if (!drop) emit('<', i);
        i++;
        continue;
      }
      const closing = Boolean(m[1]);
      const tag = m[2]!.toLowerCase();
      if (drop) {
        if (closing && tag === drop) drop = null;
        i += m[0].length;
        continue;
      }
      if (!closing && DROP_CONTENT.has(tag) && !m[0].endsWith('/>')) {
        drop = tag;
        i += m[0].length;
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        newline(i);
        if ((tag === 'ol' || tag === 'ul') && !closing) {
          const start = tag === 'ol' ? /\sstart\s*=\s*["']?(\d{1,6})/i.exec(m[0]) : null;
          if (lists.length < 100) lists.push(tag === 'ol' ? (start ? Number(start[1]) : 1) : null);
        } else if ((tag === 'ol' || tag === 'ul') && closing) lists.pop();
        else if (tag === 'li' && !closing) {
          const n = lists[lists.length - 1];
          if (typeof n === 'number') {
            emit(`${n}. `, i);
            lists[lists.length - 1] = n + 1;
          } else emit('- ', i);
        }
      } else if (tag === 'a') {
        if (!closing) {
          const href =
            /\shref\s*=\s*(?:"(https?:\/\/[^"\s]{1,2000})"|'(https?:\/\/[^'\s]{1,2000})'|(https?:\/\/[^\s>]{1,2000}))/i.exec(
              m[0],
            );
          link = href ? { href: decodeAmp(href[1] ?? href[2] ?? href[3]!), from: out.length } : null;
        } else if (link) {
          if (!out.slice(link.from).includes(link.href)) emit(` <${link.href}>`, i);
          link = null;
        }
      } else if (tag === 'sup') {
        if (!closing) {
          emit('[', i);
          inSup = true;
        } else if (inSup) {
          emit(']', i);
          inSup = false;
        }
      }
      i += m[0].length;
      continue;
    }
    if (drop) {
      i++;
      continue;
    }
    if (ch === '&') {
      const m = /^&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);/.exec(html.slice(i, i + 12));
      if (m) {
        const name = m[1]!;
        let decoded: string | undefined;
        if (name.startsWith('#x')) decoded = safeFromCodePoint(Number.parseInt(name.slice(2), 16));
        else if (name.startsWith('#')) decoded = safeFromCodePoint(Number.parseInt(name.slice(1), 10));
        else decoded = ENTITIES[name.toLowerCase()];
        if (decoded !== undefined) {
          emit(decoded, i);
          i += m[0].length;
          continue;
        }
      }
    }
    if (ch === '\n' || ch === '\r' || ch === '\t') {
      // Source line breaks inside a block are just spaces in HTML.
      if (!out.endsWith(' ') && !out.endsWith('\n') && out.length) emit(' ', i);
      i++;
      continue;
    }
    if (ch === ' ' && (out.endsWith(' ') || out.endsWith('\n') || !out.length)) {
      i++;
      continue;
    }
    emit(ch, i);
    i++;
  }
  map.push(html.length);
  return { text: out, map };
}

/** "&amp;" in an attribute value is "&". */
function decodeAmp(s: string): string {
  return s.replace(/&amp;/gi, '&');
}

function safeFromCodePoint(n: number): string | undefined {
  if (!Number.isFinite(n) || n < 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}
