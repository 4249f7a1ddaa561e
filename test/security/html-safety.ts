/**
 * Finds executable markup in an HTML document by parsing it the way a browser does (parse5
 * implements the WHATWG tree construction, so malformed input ends up where Chromium would put
 * it) and walking every element, including <template> contents and SVG/MathML.
 *
 * Allowed: JSON-LD blocks whose text cannot close the element or open a comment, and
 * same-origin external scripts under /assets/ with no inline text. Everything else that can run
 * code is reported: other <script>, on* attributes, srcdoc, dangerous URL schemes in any
 * URL-bearing attribute (after the whitespace and control characters browsers strip), framing
 * and plugin elements, <base>, <meta http-equiv=refresh>, and script in style attributes.
 */
import { type DefaultTreeAdapterMap, parse } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface Violation {
  rule: string;
  detail: string;
}

const FORBIDDEN_ELEMENTS = new Set([
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'portal',
]);
const URL_ATTRIBUTES = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'ping',
  'cite',
  'lowsrc',
  'dynsrc',
  'codebase',
  'manifest',
]);
/** SVG animation attributes that can set a URL attribute to a script URL. */
const ANIMATION_VALUES = new Set(['to', 'from', 'values', 'by']);

/** What a browser compares when it decides a URL's scheme: no whitespace or control characters, lower case. */
export function normaliseUrl(value: string): string {
  // Browsers strip control characters and whitespace before reading the scheme.
  return value.replace(/[\u0000-\u0020\u007f-\u00a0]+/g, '').toLowerCase();
}

export function dangerousUrl(value: string, allowImageData = false): boolean {
  const url = normaliseUrl(value);
  if (url.startsWith('javascript:') || url.startsWith('vbscript:')) return true;
  if (url.startsWith('data:')) return !(allowImageData && /^data:image\/(png|gif|jpe?g|webp);/.test(url));
  return false;
}

function textOf(el: Element): string {
  return el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');
}

function describe(el: Element): string {
  const attrs = el.attrs.map((a) => `${a.prefix ? `${a.prefix}:` : ''}${a.name}="${a.value}"`).join(' ');
  return `<${el.tagName}${attrs ? ` ${attrs}` : ''}>`.slice(0, 200);
}

function checkElement(el: Element, out: Violation[]): void {
  const tag = el.tagName.toLowerCase();
  if (tag === 'script') {
    const type = el.attrs
      .find((a) => a.name === 'type')
      ?.value.trim()
      .toLowerCase();
    const src = el.attrs.find((a) => a.name === 'src')?.value;
    const text = textOf(el);
    if (type === 'application/ld+json') {
      if (/<\/script|<!--/i.test(text)) out.push({ rule: 'jsonld-breakout', detail: text.slice(0, 200) });
      try {
        JSON.parse(text);
      } catch {
        out.push({ rule: 'jsonld-invalid', detail: text.slice(0, 200) });
      }
    } else if (
      !(src && /^\/assets\/[\w.-]+\.js$/.test(src) && text.trim() === '' && el.namespaceURI.endsWith('xhtml'))
    ) {
      out.push({ rule: 'script', detail: describe(el) });
    }
  }
  if (FORBIDDEN_ELEMENTS.has(tag)) out.push({ rule: 'forbidden-element', detail: describe(el) });
  if (
    tag === 'meta' &&
    el.attrs.some((a) => a.name === 'http-equiv' && a.value.trim().toLowerCase() === 'refresh')
  ) {
    out.push({ rule: 'meta-refresh', detail: describe(el) });
  }
  for (const a of el.attrs) {
    const name = (a.prefix ? `${a.prefix}:${a.name}` : a.name).toLowerCase();
    if (name.startsWith('on')) out.push({ rule: 'event-handler', detail: describe(el) });
    if (name === 'srcdoc') out.push({ rule: 'srcdoc', detail: describe(el) });
    if (URL_ATTRIBUTES.has(name) && dangerousUrl(a.value, tag === 'img' && name === 'src')) {
      out.push({ rule: 'script-url', detail: describe(el) });
    }
    if (
      name === 'srcset' &&
      a.value.split(',').some((part) => dangerousUrl(part.trim().split(/\s+/)[0] ?? ''))
    ) {
      out.push({ rule: 'script-url', detail: describe(el) });
    }
    if (ANIMATION_VALUES.has(name) && /javascript:|vbscript:|data:/.test(normaliseUrl(a.value))) {
      out.push({ rule: 'svg-animation-url', detail: describe(el) });
    }
    if (name === 'style' && /javascript:|vbscript:|expression\(/.test(normaliseUrl(a.value))) {
      out.push({ rule: 'style-script', detail: describe(el) });
    }
  }
}

function walk(node: Node, out: Violation[]): void {
  if ('tagName' in node) checkElement(node, out);
  if ('childNodes' in node) for (const child of node.childNodes) walk(child, out);
  if ('content' in node && node.content) walk(node.content as Node, out);
}

/** Every way the document could run code; empty when it is safe. */
export function executableMarkup(html: string): Violation[] {
  const out: Violation[] = [];
  walk(parse(html), out);
  return out;
}
