/**
 * Decoding HTML entities that survive XML decoding (double-escaped text such as "&amp;nbsp;").
 * Uses the WHATWG entity table shipped with `character-entities` (already a dependency of the
 * Markdown toolchain), so no list is maintained here.
 */
import { characterEntities } from 'character-entities';

const ENTITY = /&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi;

export function decodeHtmlEntities(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(ENTITY, (whole, name: string) => {
    let decoded: string | undefined;
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
      decoded =
        code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
          ? String.fromCodePoint(code)
          : undefined;
    } else {
      decoded = Object.hasOwn(characterEntities, name) ? characterEntities[name] : undefined;
    }
    if (decoded === undefined) return whole;
    count++;
    return decoded;
  });
  return { text: out, count };
}
