/**
 * What an HTML page says about itself in its <head>: the canonical address and the site's name.
 * Used when --url / --publisher are not given, so a folder of saved pages keeps each page's own
 * address. Regular expressions are enough: these are single tags with known attributes.
 */

export interface HtmlPageMeta {
  url?: string;
  siteName?: string;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  const value = m?.[1] ?? m?.[2] ?? m?.[3];
  return value?.replace(/&amp;/g, '&').trim() || undefined;
}

/** An http(s) URL, or undefined (relative, javascript:, malformed). */
export function httpUrl(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function htmlPageMeta(html: string): HtmlPageMeta {
  const meta: HtmlPageMeta = {};
  for (const m of html.matchAll(/<(link|meta)\b[^>]*>/gi)) {
    const tag = m[0];
    if (m[1]!.toLowerCase() === 'link') {
      if (/^canonical$/i.test(attribute(tag, 'rel') ?? '')) meta.url ??= httpUrl(attribute(tag, 'href'));
      continue;
    }
    const property = (attribute(tag, 'property') ?? attribute(tag, 'name') ?? '').toLowerCase();
    if (property === 'og:url') meta.url ??= httpUrl(attribute(tag, 'content'));
    if (property === 'og:site_name' || property === 'application-name') {
      meta.siteName ??= attribute(tag, 'content');
    }
  }
  if (meta.url) meta.url = httpUrl(meta.url);
  return meta;
}
