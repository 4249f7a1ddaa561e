/** The rule registry: every rule, in the order docs/rules.md lists them. The engine knows no rule by name. */
import type { AnyRule } from '../types.js';
import { absoluteClaim } from './absolute-claim.js';
import { dateAmbiguous } from './date-ambiguous.js';
import { disclaimerMissing } from './disclaimer-missing.js';
import { frontMatterValid } from './front-matter-valid.js';
import { jargonUnexplained } from './jargon-unexplained.js';
import { listEmpty } from './list-empty.js';
import { questionTitleMismatch } from './question-title-mismatch.js';
import { readability } from './readability.js';
import { relativeRiskWithoutBaseline } from './relative-risk-without-baseline.js';
import { reviewClaimUnsupported } from './review-claim-unsupported.js';
import { reviewOverdue } from './review-overdue.js';
import { shortAnswerTooLong } from './short-answer-too-long.js';
import { sourceBroken } from './source-broken.js';
import { statisticUncited } from './statistic-uncited.js';
import { tldrDuplicated } from './tldr-duplicated.js';
import { unattributedClaim } from './unattributed-claim.js';

export const rules: readonly AnyRule[] = [
  tldrDuplicated,
  listEmpty,
  statisticUncited,
  relativeRiskWithoutBaseline,
  unattributedClaim,
  reviewClaimUnsupported,
  reviewOverdue,
  dateAmbiguous,
  readability,
  jargonUnexplained,
  absoluteClaim,
  shortAnswerTooLong,
  sourceBroken,
  disclaimerMissing,
  questionTitleMismatch,
  frontMatterValid,
];

export const rulesById: ReadonlyMap<string, AnyRule> = new Map(rules.map((r) => [r.id, r]));
