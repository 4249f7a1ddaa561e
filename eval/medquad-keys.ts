/**
 * Identities of MedQuAD documents and answers, as the importer keys them
 * (src/import/medquad/plan.ts): document `medquad:<source>:<documentId>`, answer
 * `medquad:<source>:<documentId>:<pairId>`; and the URL rule that maps other data sets' answer
 * URLs onto MedQuAD documents (../shared/data/PROVENANCE.txt).
 */
import type { SearchDocument } from '../src/search/index.js';

type OriginLike = SearchDocument['origin'];

export function documentKeyOf(origin: OriginLike): string | null {
  if (origin?.collection !== 'medquad' || !origin.documentId) return null;
  return `medquad:${origin.publisher}:${origin.documentId}`;
}

export function answerKeyOf(origin: OriginLike): string | null {
  const doc = documentKeyOf(origin);
  return doc && origin?.pairId ? `${doc}:${origin.pairId}` : null;
}

/** The document part of an answer key ("medquad:GARD:0000004:2" → "medquad:GARD:0000004"). */
export function documentOfAnswerKey(answerKey: string): string {
  return answerKey.split(':').slice(0, 3).join(':');
}

/**
 * A URL in comparable form: no scheme, no "www.", no trailing "/", lower-case host,
 * nlm.nih.gov/medlineplus/… = medlineplus.gov/…, and GARD /gard/<id>/… = /diseases/<id>/… (the
 * name slug after the GARD number is dropped).
 * Query strings and fragments are dropped (no MedQuAD document URL has one). Null for a
 * string that is not an http(s) URL.
 */
export function normaliseMedquadUrl(raw: string): string | null {
  const m = /^\s*(?:https?:)?\/\/(?:www\.)?([^/?#\s]+)([^?#\s]*)/i.exec(raw.trim());
  if (!m) return null;
  let host = m[1]!.toLowerCase();
  let path = m[2]!.replace(/\/+$/, '');
  if (host === 'nlm.nih.gov' && /^\/medlineplus(\/|$)/i.test(path)) {
    host = 'medlineplus.gov';
    path = path.replace(/^\/medlineplus/i, '');
  }
  // GARD's number is the page's identity; the name slug after it changed between crawls
  // (MedQuAD /gard/5708/achalasia = MEDIQA /diseases/5708/idiopathic-achalasia).
  if (host === 'rarediseases.info.nih.gov')
    path = path.replace(/^\/(?:gard|diseases)\/(\d+)(?:\/.*)?$/i, '/diseases/$1');
  return `${host}${path}`;
}

/** Normalised document URL → document keys (a URL may back more than one MedQuAD document). */
export function documentsByUrl(docs: readonly SearchDocument[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const d of docs) {
    const key = documentKeyOf(d.origin);
    const url = d.origin?.url ? normaliseMedquadUrl(d.origin.url) : null;
    if (!key || !url) continue;
    const list = out.get(url) ?? [];
    if (!list.includes(key)) list.push(key);
    out.set(url, list);
  }
  return out;
}
