/**
 * Escaping plain prose (imported pages, MedQuAD answers) so that Markdown reads it back as the
 * same text: markup characters, entity-like "&…;", list/heading starts, and bare addresses (an
 * http(s) address becomes a literal "<…>" autolink; GFM would otherwise link it and read no
 * escapes inside it).
 */
/** A bare web address in page text; sentence punctuation after it is split off below. */
const BARE_URL = /(?:https?:\/\/|(?<![A-Za-z0-9])www\.)[^\s<>]*/g;
const URL_TAIL = /[?!.,:;*_~'")\]]+$/;

function escapeText(text: string): string {
  return (
    text
      .replace(/([\\`*_[\]<>~])/g, '\\$1')
      .replace(/&(?=#?\w+;)/g, '\\&') // "&copy;" is text on a page, an entity in Markdown
      // Any address left in the text must not become a GFM link, which would read escapes literally.
      .replace(/(https?):\/\//gi, '$1\\://')
      .replace(/(?<![A-Za-z0-9])(www)\./gi, '$1\\.')
  );
}

/**
 * GFM links bare addresses itself and reads no escapes inside them, so escaping would corrupt a
 * URL ("a_b" → "a\_b"). An http(s) address becomes an autolink "<…>" (literal, and clickable); a
 * "www." address gets its dot escaped so that it stays plain, exactly printed text.
 */
function escapeUrl(token: string): string {
  if (!/^https?:/i.test(token)) return escapeText(token);
  const tail = URL_TAIL.exec(token)?.[0] ?? '';
  return `<${token.slice(0, token.length - tail.length)}>${escapeText(tail)}`;
}

/** Escapes what Markdown would read as markup; page text is prose, not Markdown. */
export function escapeProse(text: string): string {
  let out = '';
  let last = 0;
  for (const m of text.matchAll(BARE_URL)) {
    out += escapeText(text.slice(last, m.index)) + escapeUrl(m[0]);
    last = (m.index ?? 0) + m[0].length;
  }
  out += escapeText(text.slice(last));
  return (
    out
      .replace(/^([#=+-])/, '\\$1')
      // "1. " starts an ordered list; a backslash before a digit is literal, so escape the dot.
      .replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2')
  );
}
