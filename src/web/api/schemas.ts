/**
 * Response shapes of the JSON API, built from the content model's zod schemas (src/content) plus
 * the API's own envelopes. The OpenAPI document is generated from these; tests parse live
 * responses with them, so the document cannot drift from what the server sends.
 */
import { z } from 'zod';
import { ConnectResultSchema } from '../../connect/schema.js';
import {
  AnswerSchema,
  AspectSchema,
  ConditionSchema,
  ContentHashSchema,
  IsoDateSchema,
  OriginSchema,
  ReviewerSchema,
  SlugSchema,
} from '../../content/index.js';

export const ReviewStatusSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('reviewed'),
    reviewer: ReviewerSchema,
    reviewed: IsoDateSchema,
    nextReview: IsoDateSchema,
    overdue: z.boolean().describe('true when the next review date has passed'),
    text: z.string().describe('the sentence the page shows'),
  }),
  z.object({
    kind: z.literal('awaiting-review'),
    updated: IsoDateSchema,
    text: z.string(),
  }),
  z.object({
    kind: z.literal('imported'),
    publisher: z.string(),
    url: z.url().optional(),
    updated: IsoDateSchema,
    text: z.string(),
  }),
]);

export const PaginationSchema = z.object({
  total: z.number().int().min(0),
  limit: z.number().int().min(1),
  offset: z.number().int().min(0),
  /** Absolute URL of the next page, or null on the last page. */
  next: z.url().nullable(),
  prev: z.url().nullable(),
});

export const ConditionSummarySchema = z.object({
  slug: SlugSchema,
  name: z.string(),
  synonyms: z.array(z.string()),
  answerCount: z.number().int().min(0),
  url: z.url(),
});

export const ConditionListSchema = z.object({
  conditions: z.array(ConditionSummarySchema),
  pagination: PaginationSchema,
});

export const AnswerSummarySchema = z.object({
  id: z.string().describe('"<condition>/<answer>"'),
  condition: SlugSchema,
  slug: SlugSchema,
  aspect: AspectSchema,
  question: z.string(),
  url: z.url(),
  review: ReviewStatusSchema,
});

export const ConditionDetailSchema = z.object({
  condition: ConditionSchema,
  url: z.url(),
  answers: z.array(AnswerSummarySchema),
});

export const AnswerListSchema = z.object({
  answers: z.array(AnswerSummarySchema),
  pagination: PaginationSchema,
});

export const AnswerResourceSchema = z.object({
  id: z.string(),
  url: z.url(),
  condition: SlugSchema,
  slug: SlugSchema,
  aspect: AspectSchema,
  answer: AnswerSchema,
  revision: z.object({ id: z.number().int(), hash: ContentHashSchema, createdAt: z.string() }),
  review: ReviewStatusSchema,
  updated: IsoDateSchema,
  origin: OriginSchema.nullable(),
});

export const ReviewerListSchema = z.object({ reviewers: z.array(ReviewerSchema) });

/** RFC 9457 problem details; `errors` lists invalid parameters on 400. */
export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z.array(z.object({ name: z.string(), reason: z.string() })).optional(),
});

/** Query parameters of paginated lists. */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(50).describe('items per page, 1–100'),
  offset: z.coerce.number().int().min(0).default(0).describe('items to skip'),
});

export type ReviewStatus = z.infer<typeof ReviewStatusSchema>;
export type Pagination = z.infer<typeof PaginationSchema>;
export type ConditionList = z.infer<typeof ConditionListSchema>;
export type ConditionDetail = z.infer<typeof ConditionDetailSchema>;
export type AnswerSummary = z.infer<typeof AnswerSummarySchema>;
export type AnswerList = z.infer<typeof AnswerListSchema>;
export type AnswerResource = z.infer<typeof AnswerResourceSchema>;
export type ReviewerList = z.infer<typeof ReviewerListSchema>;
export type Problem = z.infer<typeof ProblemSchema>;

/** Every schema the OpenAPI document names under components/schemas. */
export const NAMED_SCHEMAS = {
  ReviewStatus: ReviewStatusSchema,
  Pagination: PaginationSchema,
  ConditionSummary: ConditionSummarySchema,
  ConditionList: ConditionListSchema,
  AnswerSummary: AnswerSummarySchema,
  ConditionDetail: ConditionDetailSchema,
  AnswerList: AnswerListSchema,
  AnswerResource: AnswerResourceSchema,
  ReviewerList: ReviewerListSchema,
  Problem: ProblemSchema,
  ConnectResult: ConnectResultSchema,
} as const;
