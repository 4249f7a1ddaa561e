/**
 * A published page's parts as plain values, for importers: the same recognition `medbrief audit`
 * uses (documentFromPage), read out as text instead of spans. One page reader, two consumers, so
 * an importer never disagrees with the audit about where the question or the TL;DR is.
 */
import { toIsoDate } from '../detect/dates.js';
import type { BlockKind } from './document.js';
import { documentFromPage } from './from-page.js';

export interface PageBlock {
  kind: BlockKind;
  /** The prose, without a list marker; white space collapsed. */
  text: string;
}

export interface PageParts {
  file: string;
  /** The question the page answers (a "Q:" label removed), if it has one. */
  question?: string;
  /** A title line (HTML <h1>/<title>, or a short first line). */
  title?: string;
  /** The first TL;DR, without its label. */
  tldr?: string;
  /** How many TL;DR paragraphs the page prints (the seed page prints its summary twice). */
  tldrCount: number;
  /** Body blocks in page order, as printed (repeats included: the importer decides what to keep). */
  body: PageBlock[];
  disclaimer?: string;
  /** "Last updated …" as written, and as YYYY-MM-DD when the date can be read unambiguously. */
  updated?: { raw: string; iso?: string };
  /** What the page claims about a medical review (a claim, not a review). */
  reviewClaim?: { text: string; reviewer?: string; reviewed?: string };
  /** Entries of the page's own sources/references list. */
  sources: { id?: string; title?: string; url?: string }[];
  /** The analysed text (HTML tags removed). */
  text: string;
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

export function pageParts(input: string, file = '<page>'): PageParts {
  const doc = documentFromPage(input, file);
  const body: PageBlock[] = [];
  let tldrCount = 0;
  for (const p of doc.paragraphs) {
    if (p.part === 'tldr') tldrCount++;
    if (p.part !== 'body') continue;
    const text = squash(p.text.slice(p.labelLength));
    if (text) body.push({ kind: p.kind, text });
  }
  const claim = doc.review?.claim;
  return {
    file,
    question: doc.question ? squash(doc.question.text) : undefined,
    title: doc.title ? squash(doc.title.text) : undefined,
    tldr: doc.tldr ? squash(doc.tldr.text) : undefined,
    tldrCount,
    body,
    disclaimer: doc.disclaimer ? squash(doc.disclaimer.text) : undefined,
    updated: doc.updated ? { raw: doc.updated.value, iso: toIsoDate(doc.updated.value) } : undefined,
    reviewClaim: claim
      ? {
          text: doc.text.slice(claim.start, claim.end),
          reviewer: doc.review?.reviewer,
          reviewed: doc.review?.reviewed,
        }
      : undefined,
    sources: doc.sources.map(({ id, title, url }) => ({ id, title, url })),
    text: doc.text,
  };
}
