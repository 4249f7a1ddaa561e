/**
 * Reading a page's metadata lines: "Medically reviewed by Dr A on 7 April 2026",
 * "Last updated: 2026-04-07", "Next review due: …". Pure text in, spans out.
 */
import { DATE_SOURCE, toIsoDate } from '../detect/dates.js';
import type { DatedSpan, ReviewInfo, Span } from './document.js';

/** A claim that the content was reviewed by a professional. */
export const REVIEW_CLAIM =
  /\b(?:(?:medically|clinically|medical(?:ly)?|expert|doctor|physician|clinician|nurse|pharmacist)[- ](?:reviewed|checked|approved|verified|vetted)|(?:reviewed|checked|approved|verified|vetted) by (?:a |our )?(?:doctors?|clinicians?|physicians?|experts?|medical)|medical review(?:er)?|fact[- ]checked)\b/i;

const UPDATED = new RegExp(
  `\\b(?:last\\s+)?(?:updated|modified|revised|edited|published|posted|changed)\\s*(?:on|:)?\\s*(${DATE_SOURCE}|(?:19|20)\\d\\d\\b)`,
  'i',
);
const NEXT_REVIEW = new RegExp(
  `\\bnext\\s+review(?:\\s+(?:due|date))?\\s*(?:on|by|:)?\\s*(${DATE_SOURCE})`,
  'i',
);
const REVIEWED_DATE = new RegExp(
  `\\b(?:(?:last\\s+)?(?:(?:medically|clinically)\\s+)?reviewed|(?:last\\s+)?(?:medical\\s+|clinical\\s+)?review(?:ed)?(?:\\s+date)?|date\\s+(?:of\\s+)?review)\\s*(?:on|in|:|[—–-])?\\s*(?:by\\s+[^·|•\\n]{1,60}?(?:\\s+(?:on|in)\\s+|,\\s*|\\s+[—–-]\\s+))?(${DATE_SOURCE}|(?:19|20)\\d\\d\\b)`,
  'i',
);
const REVIEWER =
  /\b(?:reviewed|checked|approved|verified|vetted)\s+by:?\s+((?:Dr\.?\s+|Prof\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}(?:,\s*(?:MD|DO|PhD|RN|BSN|MBBS|MBChB|MRCP|FRCP|MPH|PharmD|NP|PA-C|DNP|FACP|MSc|BSc)\b[\w ,.-]*)?)/u;
const REVIEWER_LABEL = /\b(?:medical\s+)?reviewer\s*:\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,3})/u;
/** Words that look like names after "by" but are not persons. */
const NOT_A_NAME = /^(?:Our|The|A|An|Medical|Experts?|Doctors?|Clinicians?|Staff|Team|Editors?|Editorial)\b/;

/** Any metadata a line may carry (so the page reader can tell a header from prose). */
export const META_LINE = new RegExp(
  `${REVIEW_CLAIM.source}|\\bshort answer\\b|\\b(?:last\\s+)?(?:updated|reviewed|modified|published|revised)\\s*(?:on|:)?\\s*${DATE_SOURCE}|\\blast\\s+updated\\s*:?\\s*(?:19|20)\\d\\d\\b|\\b(?:updated|revised)\\s*:\\s*(?:19|20)\\d\\d\\b|\\bnext review\\b|\\b(?:written|reviewed) by\\b`,
  'i',
);

export interface PageMeta {
  review?: ReviewInfo;
  updated?: DatedSpan;
}

/** Reads review and updated information from a metadata line starting at `offset`. */
export function readMetaLine(line: string, offset: number, into: PageMeta): void {
  const claim = REVIEW_CLAIM.exec(line);
  const span = (m: RegExpExecArray, group: number): Span => {
    const start = offset + (m.index ?? 0) + m[0].lastIndexOf(m[group]!);
    return { start, end: start + m[group]!.length };
  };
  if (claim || /\breviewed\b|\breviewer\b|\bnext review\b/i.test(line)) {
    const review: ReviewInfo = into.review ?? {};
    if (claim && !review.claim) {
      review.claim = { start: offset + claim.index, end: offset + claim.index + claim[0].length };
    }
    const who = REVIEWER.exec(line) ?? REVIEWER_LABEL.exec(line);
    if (who && !NOT_A_NAME.test(who[1]!) && !review.reviewer) review.reviewer = who[1]!.trim();
    const when = REVIEWED_DATE.exec(line);
    if (when && !review.reviewed) review.reviewed = toIsoDate(when[1]!) ?? when[1]!;
    const next = NEXT_REVIEW.exec(line);
    if (next && !review.nextReview) review.nextReview = toIsoDate(next[1]!) ?? next[1]!;
    review.span ??= { start: offset, end: offset + line.length };
    into.review = review;
  }
  const updated = UPDATED.exec(line);
  if (updated && !into.updated) into.updated = { value: updated[1]!, span: span(updated, 1) };
}
