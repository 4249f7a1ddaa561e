/**
 * A lookup result as an HL7 Infobutton Atom feed (RFC 4287: one entry per condition), as JSON,
 * or as JSONP. Everything taken from the request or the content is escaped for the format it is
 * written into; nothing is written raw.
 */
import { CODE_SYSTEM_INFO, type CodeSystem } from '../content/index.js';
import { type SiteConfig, xmlEscape } from '../site/index.js';
import { latestDate } from './lookup.js';
import type { ConnectResult, ConnectReview } from './schema.js';

export const ATOM_NS = 'http://www.w3.org/2005/Atom';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

/** JSON safe to embed anywhere: "<", ">", "&" and the JavaScript line separators escaped. */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    /[<>&\u2028\u2029]/g,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** The canonical query for a result (our parameter names, fixed order), e.g. for the feed's self link. */
export function canonicalQuery(result: ConnectResult, responseType?: string): string {
  const p = new URLSearchParams();
  const r = result.request;
  if (r.oid) p.set('mainSearchCriteria.v.cs', r.oid);
  if (r.code) p.set('mainSearchCriteria.v.c', r.code);
  if (r.displayName) p.set('mainSearchCriteria.v.dn', r.displayName);
  if (r.informationRecipient !== 'PAT') p.set('informationRecipient', r.informationRecipient);
  if (r.language !== 'en') p.set('informationRecipient.languageCode.c', r.language);
  if (responseType) p.set('knowledgeResponseType', responseType);
  return p.toString();
}

function reviewLabel(review: ConnectReview): string {
  return review.kind === 'imported' ? `Not yet reviewed by our medical team. ${review.text}` : review.text;
}

function requestLabel(result: ConnectResult): string {
  const r = result.request;
  if (r.system && r.code) return `${CODE_SYSTEM_INFO[r.system].name} ${r.code}`;
  return `"${r.displayName ?? ''}"`;
}

const atomDate = (d: string) => `${d}T00:00:00Z`;

export function renderAtom(result: ConnectResult, config: SiteConfig): string {
  const base = `${config.baseUrl}/api/v1/connect`;
  const self = `${base}?${canonicalQuery(result, 'text/xml')}`;
  const scheme = (name: string) => `${base}#${name}`;
  const updated = latestDate(result.conditions.map((c) => c.updated));
  const r = result.request;
  const cat = (s: string, term: string, label?: string) =>
    `<category scheme="${xmlEscape(s)}" term="${xmlEscape(term)}"${label ? ` label="${xmlEscape(label)}"` : ''}/>`;
  const head = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<feed xmlns="${ATOM_NS}" xml:lang="en">`,
    `<id>${xmlEscape(self)}</id>`,
    `<title type="text">${xmlEscape(`${config.siteName} results for ${requestLabel(result)}`)}</title>`,
    `<subtitle type="text">${xmlEscape(result.match.message)}</subtitle>`,
    `<updated>${atomDate(updated)}</updated>`,
    `<author><name>${xmlEscape(config.siteName)}</name><uri>${xmlEscape(`${config.baseUrl}/`)}</uri></author>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(self)}"/>`,
    r.oid ? cat('mainSearchCriteria.v.cs', r.oid) : '',
    r.code ? cat('mainSearchCriteria.v.c', r.code) : '',
    r.displayName ? cat('mainSearchCriteria.v.dn', r.displayName) : '',
    cat('informationRecipient', r.informationRecipient),
    cat('informationRecipient.languageCode.c', result.language),
    cat(scheme('match'), result.match.kind, result.match.message),
    result.match.code ? cat(scheme('matched-code'), result.match.code.code, result.match.code.system) : '',
    ...result.notes.map((n) => cat(scheme('note'), 'note', n)),
  ].filter(Boolean);
  const entries = result.conditions.map((c) => {
    const items = c.answers.map(
      (a) =>
        `<li><a href="${xmlEscape(a.url)}">${xmlEscape(a.question)}</a> <span class="review-${a.review.kind}">(${xmlEscape(reviewLabel(a.review))})</span></li>`,
    );
    const summary = c.summary
      ? `${c.summary.text}${c.summary.review && c.summary.review.kind !== 'reviewed' ? ` (${reviewLabel(c.summary.review)})` : ''}`
      : '';
    return [
      '<entry>',
      `<id>${xmlEscape(c.url)}</id>`,
      `<title type="text">${xmlEscape(c.name)}</title>`,
      `<link rel="alternate" type="text/html" href="${xmlEscape(c.url)}" title="${xmlEscape(c.name)}"/>`,
      `<updated>${atomDate(c.updated)}</updated>`,
      summary ? `<summary type="text">${xmlEscape(summary)}</summary>` : '',
      ...c.codes.map((k) => cat(scheme(k.system), k.code, CODE_SYSTEM_INFO[k.system].name)),
      ...c.answers.map(
        (a) =>
          `<link rel="related" type="text/html" href="${xmlEscape(a.url)}" title="${xmlEscape(`${a.question} (${reviewLabel(a.review)})`)}"/>`,
      ),
      items.length
        ? `<content type="xhtml"><div xmlns="${XHTML_NS}"><ul>${items.join('')}</ul></div></content>`
        : '',
      '</entry>',
    ]
      .filter(Boolean)
      .join('');
  });
  return [...head, ...entries, '</feed>', ''].join('\n');
}

export function renderJson(result: ConnectResult): string {
  return safeJson(result, 2);
}

/** `callback` must already be checked against [A-Za-z0-9_.] (parseConnectQuery does). */
export function renderJsonp(result: ConnectResult, callback: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_.]*$/.test(callback)) throw new Error('invalid JSONP callback name');
  // The leading comment stops a response from being read as another file type (Rosetta Flash).
  return `/**/${callback}(${safeJson(result)});`;
}

/**
 * Where the static export writes the lookup of one code: `connect/<system>/<code>.json`, the code
 * as stored except DOID's "DOID:" prefix (a colon is not safe in file names).
 */
export function connectFilePath(system: CodeSystem, code: string): string {
  return `connect/${system}/${system === 'doid' ? code.replace(/^DOID:/, '') : code}.json`;
}
