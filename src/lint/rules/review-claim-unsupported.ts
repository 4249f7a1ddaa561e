import { z } from 'zod';
import { REVIEW_CLAIM } from '../document/page-meta.js';
import type { Rule } from '../types.js';
import { says } from './examples.js';
import { PROSE_PARTS } from './util.js';

const Options = z.object({
  /** Reviewer ids known to the project (reviewers.yaml); when given, unknown reviewers are reported. */
  reviewers: z.array(z.string()).optional(),
});

/**
 * A page may say "medically reviewed" only when a named reviewer approved exactly this content on
 * a stated date (DESIGN.md §1): the review badge rule, checked before publishing.
 */
export const reviewClaimUnsupported: Rule<z.infer<typeof Options>> = {
  id: 'review-claim-unsupported',
  severity: 'error',
  options: Options,
  docs: {
    summary:
      '"Medically reviewed" is claimed without a named reviewer or a review date, or the approved revision no longer matches the content.',
    why: 'A review claim is a promise of safety that readers rely on. It is honest only when it says who reviewed the content and when, and when the content has not changed since. MedBrief binds each approval to a content hash; any edit after review voids the claim until it is reviewed again.',
    references: [
      {
        title: 'Patient Information Forum: the PIF TICK criteria — review and dates',
        url: 'https://pifonline.org.uk/pif-tick/',
      },
      {
        title: 'HONcode principles: authority and attribution',
        url: 'https://www.hon.ch/cgi-bin/HONcode/principles.pl?English',
      },
    ],
    options: '`reviewers`: known reviewer ids; when set, a review by anyone else is reported.',
    ok: [
      {
        kind: 'page',
        text: 'Medically reviewed by Dr Jane Smith, MD on 7 April 2026 · Last updated: 2026-04-07\nTL;DR: It is rare.\n',
      },
    ],
    notOk: [
      {
        kind: 'page',
        text: 'Short answer · Medically reviewed summary · Last updated: 2026-04-07\nTL;DR: It is rare.\n',
        expected: [
          says(
            '1:16',
            '"Medically reviewed" is claimed but the page names no reviewer and gives only an "updated" date, not a review date',
            'show "Medically reviewed by <name, credentials> on <date>", or remove the claim until a review happens',
          ),
        ],
      },
      {
        title: 'content changed after the review',
        kind: 'markdown',
        text: `---\nquestion: Is it rare?\ncondition: sacral-agenesis\naspect: frequency\ntldr: It is rare.\nreview:\n  reviewer: demo-reviewer\n  reviewed: 2026-04-07\n  revision: sha256:${'0'.repeat(64)}\n---\nIt is rare.\n`,
        expected: [
          says(
            '7:3',
            'the content changed after the review: the approved revision hash no longer matches',
            'send the answer for review again (`medbrief review request`); the page shows "awaiting medical review" until then',
          ),
        ],
      },
    ],
  },
  check(doc, { options, report }) {
    const review = doc.review;
    if (doc.kind === 'page') {
      if (!review?.claim) return;
      const missing: string[] = [];
      if (!review.reviewer) missing.push('names no reviewer');
      if (!review.reviewed)
        missing.push(
          doc.updated ? 'gives only an "updated" date, not a review date' : 'gives no review date',
        );
      if (!missing.length) return;
      report({
        start: review.claim.start,
        end: review.claim.end,
        message: `"${doc.text.slice(review.claim.start, review.claim.end)}" is claimed but the page ${missing.join(' and ')}`,
        hint: 'show "Medically reviewed by <name, credentials> on <date>", or remove the claim until a review happens',
      });
      return;
    }
    // Markdown: the body must not claim a review by itself; the site renders the badge.
    for (const p of doc.paragraphs) {
      if (!PROSE_PARTS.includes(p.part)) continue;
      const m = REVIEW_CLAIM.exec(p.text);
      if (m && !review) {
        const start = p.start + m.index;
        report({
          start,
          end: start + m[0].length,
          message: `the text says "${m[0]}" but the answer has no "review:" in its front matter`,
          hint: 'remove the sentence: the site shows the review badge from the front matter',
        });
      }
    }
    if (!review) return;
    const at = review.span ?? { start: 0, end: 0 };
    if (!review.reviewer || !review.reviewed) {
      report({
        ...at,
        message: 'review has no reviewer or no review date',
        hint: 'set review.reviewer and review.reviewed',
      });
    }
    if (review.reviewer && options.reviewers && !options.reviewers.includes(review.reviewer)) {
      report({
        ...at,
        message: `reviewer "${review.reviewer}" is not in reviewers.yaml`,
        hint: `use one of: ${options.reviewers.join(', ') || '(none defined)'}`,
      });
    }
    if (review.revision && doc.contentHash && review.revision !== doc.contentHash) {
      report({
        ...at,
        message: 'the content changed after the review: the approved revision hash no longer matches',
        hint: 'send the answer for review again (`medbrief review request`); the page shows "awaiting medical review" until then',
      });
    }
  },
};
