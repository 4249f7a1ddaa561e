import { z } from 'zod';
import { addMonths, todayIso } from '../../content/index.js';
import { toIsoDate } from '../detect/dates.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';

const Options = z.object({
  /** Months between reviews when no next-review date is given. */
  intervalMonths: z.number().int().min(1).max(120).default(12),
  /** Months after a "last updated" date (with no review date) before the page counts as stale. */
  staleUpdatedMonths: z.number().int().min(1).max(240).default(36),
  /** "Today" as YYYY-MM-DD (tests and reproducible builds); the real date when absent. */
  today: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

/** ISO date of a "last updated" value; a bare year counts as its last day. */
function updatedIso(value: string): string | undefined {
  if (/^(?:19|20)\d\d$/.test(value.trim())) return `${value.trim()}-12-31`;
  return toIsoDate(value);
}

/**
 * A page that presents itself as current: "up to date", "the latest evidence", "current
 * research", "updated regularly". A page with only an old "last updated" or "published" date is
 * reported when it claims this; a dated article that makes no such claim is simply dated.
 */
const CLAIMS_CURRENCY =
  /\b(?:up[- ]to[- ]date|the\s+latest|most\s+recent|current\s+(?:research|evidence|guidance|guidelines|advice|information|recommendations|treatments?|knowledge|practice|efforts?|thinking|science)|(?:updated|reviewed)\s+regularly|regularly\s+(?:updated|reviewed))\b/i;

/** Medical knowledge moves on: a review older than the policy is due again. */
export const reviewOverdue: Rule<z.infer<typeof Options>> = {
  id: 'review-overdue',
  severity: 'warn',
  options: Options,
  docs: {
    summary:
      'The medical review is past its next-review date (or older than the review interval, default 12 months). A page with no review date but an old "last updated", "revised" or "published" date is reported when it presents itself as current ("up to date", "current research", "updated regularly").',
    why: 'Guidance changes; a review date tells readers how current the advice is, and a missed review date means the page promises more than it can. Health-information standards ask for a planned review date and for reviews to happen on time.',
    references: [
      {
        title: 'Patient Information Forum: the PIF TICK criteria — review dates',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
      {
        title: 'NHS England Information Standard principles (review cycle)',
        url: 'https://www.england.nhs.uk/tis/',
      },
    ],
    options:
      '`intervalMonths` (default 12); `staleUpdatedMonths` (default 36: a page with only a "last updated" date older than this is reported); `today` (YYYY-MM-DD, default: the current date).',
    ok: [
      {
        kind: 'markdown',
        text: '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\nreview:\n  reviewer: demo-reviewer\n  reviewed: 2099-01-01\n---\nIt is rare.\n',
      },
      {
        kind: 'page',
        text: 'Inheriting genetic conditions\nPublished February 27, 2018\nSome conditions run in families.\n',
      },
    ],
    notOk: [
      {
        kind: 'markdown',
        text: '---\nquestion: Is it rare?\ncondition: x\naspect: frequency\ntldr: It is rare.\nreview:\n  reviewer: demo-reviewer\n  reviewed: 2020-01-01\n  next_review: 2021-01-01\n---\nIt is rare.\n',
        expected: [
          says(
            '7:3',
            'medical review was due on 2021-01-01 (last reviewed 2020-01-01)',
            'ask a reviewer to review the answer again, or hide the review badge until then',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Medically reviewed by Dr Jane Smith on 3 March 2019\nTL;DR: It is rare.\n',
        expected: [
          says(
            '1:1',
            'medical review was due on 2020-03-03 (last reviewed 2019-03-03)',
            'ask a reviewer to review the answer again, or hide the review badge until then',
          ),
        ],
      },
      {
        kind: 'page',
        text: 'Rheumatoid arthritis\nRevised April 2009\nThis booklet highlights current research efforts.\n',
        expected: [
          says(
            '2:9',
            'page was last updated April 2009, more than 36 months ago, and shows no review date',
            'review the page and show the review date, or say plainly that it may be out of date',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    const review = doc.review;
    const today = options.today ?? todayIso();
    if (!review?.reviewed && !review?.nextReview) {
      // No review date: a page that says when it was last updated is judged by that date.
      const updated = doc.updated ? updatedIso(doc.updated.value) : undefined;
      if (!updated || !doc.updated) return;
      if (doc.kind === 'page' && !CLAIMS_CURRENCY.test(doc.text)) return;
      const stale = addMonths(updated, options.staleUpdatedMonths);
      if (stale >= today) return;
      report({
        start: doc.updated.span.start,
        end: doc.updated.span.end,
        message: `page was last updated ${doc.updated.value}, more than ${options.staleUpdatedMonths} months ago, and shows no review date`,
        hint: 'review the page and show the review date, or say plainly that it may be out of date',
      });
      return;
    }
    // A review dated by its year only ("Last medical review: 2018") counts from the year's end.
    const reviewed = review.reviewed ? updatedIso(review.reviewed) : undefined;
    const due =
      (review.nextReview && toIsoDate(review.nextReview)) ??
      (reviewed ? addMonths(reviewed, options.intervalMonths) : undefined);
    if (!due || due >= today) return;
    const at = review.claim ?? review.span ?? { start: 0, end: 0 };
    report({
      start: doc.kind === 'page' && review.span ? review.span.start : at.start,
      end: doc.kind === 'page' && review.span ? review.span.end : at.end,
      message: `medical review was due on ${due}${reviewed ? ` (last reviewed ${/^\s*\d{4}\s*$/.test(review.reviewed ?? '') ? review.reviewed!.trim() : reviewed})` : ''}`,
      hint: 'ask a reviewer to review the answer again, or hide the review badge until then',
    });
  },
};
