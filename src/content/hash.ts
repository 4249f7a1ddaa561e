/**
 * The canonical content hash of an answer revision. It covers every word a reader sees
 * (question, TL;DR, body, sources, condition, aspect, audience) and ignores formatting noise:
 * key order, line endings, trailing spaces, runs of blank lines, whitespace inside front matter
 * values. Review metadata, dates and provenance are not content and are left out, so stamping a
 * review or bumping `updated` does not invalidate the review it records.
 */
import { createHash } from 'node:crypto';
import type { Answer } from './schema.js';

export type ContentHash = `sha256:${string}`;

function normaliseInline(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** `l` without trailing spaces and tabs (a loop: the regex /[ \t]+$/ is quadratic on long runs). */
function trimSpacesEnd(l: string): string {
  let e = l.length;
  while (e > 0 && (l[e - 1] === ' ' || l[e - 1] === '\t')) e--;
  return e === l.length ? l : l.slice(0, e);
}

/** Body normalisation: line endings, trailing white space, blank-line runs, outer blank lines. */
export function normaliseBody(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(trimSpacesEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+|\n+$/g, '');
}

/** JSON with object keys sorted at every level: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The canonical text that the content hash is computed over. */
export function canonicalContent(answer: Answer): string {
  return canonicalJson({
    question: normaliseInline(answer.question),
    condition: answer.condition,
    aspect: answer.aspect,
    tldr: normaliseInline(answer.tldr),
    audience: answer.audience ?? 'patient',
    sources: (answer.sources ?? []).map((s) => ({
      id: s.id,
      title: normaliseInline(s.title),
      url: s.url.trim(),
      publisher: s.publisher === undefined ? undefined : normaliseInline(s.publisher),
      accessed: s.accessed,
    })),
    body: normaliseBody(answer.body),
  });
}

export function contentHash(answer: Answer): ContentHash {
  return `sha256:${createHash('sha256').update(canonicalContent(answer), 'utf8').digest('hex')}`;
}
