/**
 * The JSON shape of a code lookup (`GET /api/v1/connect`, the static `connect/<system>/<code>.json`
 * files and MCP `lookup_by_code`). OpenAPI and the MCP output schema are generated from it.
 */
import { z } from 'zod';
import { AspectSchema, AUDIENCES, CODE_SYSTEMS, IsoDateSchema } from '../content/index.js';

export const CodeSystemSchema = z.enum(CODE_SYSTEMS);

export const CodeRefSchema = z.object({
  system: CodeSystemSchema,
  /** The system's HL7 OID when it has one. */
  oid: z.string().nullable(),
  code: z.string(),
});

export const MATCH_KINDS = ['exact', 'parent', 'display-name', 'none'] as const;

export const ConnectMatchSchema = z.object({
  kind: z
    .enum(MATCH_KINDS)
    .describe(
      'exact: a condition holds the code; parent: an ICD-10-CM parent of it (see `code`); ' +
        'display-name: no code matched, the display name named a condition; none: nothing matched',
    ),
  /** The code that matched (the requested one, or the parent used). */
  code: CodeRefSchema.nullable(),
  /** Codes looked up, in order (the requested code, then its ICD-10-CM parents). */
  tried: z.array(z.string()),
  message: z.string().describe('one sentence saying what matched, for people reading the response'),
});

export const ConnectReviewSchema = z.object({
  kind: z
    .enum(['reviewed', 'awaiting-review', 'imported'])
    .describe('imported = copied from its publisher and NOT yet reviewed by our medical team'),
  reviewed: z.boolean().describe('true only when a reviewer approved the exact published text'),
  text: z
    .string()
    .describe('the sentence the page shows, e.g. "From GARD. Not yet reviewed by our medical team."'),
  lastReviewed: IsoDateSchema.nullable(),
});

export const ConnectAnswerSchema = z.object({
  question: z.string(),
  url: z.url(),
  aspect: AspectSchema,
  audience: z.enum(AUDIENCES),
  tldr: z.string(),
  updated: IsoDateSchema,
  review: ConnectReviewSchema,
});

export const ConnectConditionSchema = z.object({
  slug: z.string(),
  name: z.string(),
  url: z.url().describe('the condition hub page'),
  synonyms: z.array(z.string()),
  codes: z.array(CodeRefSchema),
  summary: z
    .object({
      text: z.string().describe("the overview answer's TL;DR, else the condition's own summary"),
      from: z.url().nullable().describe('the answer the summary comes from, when it does'),
      review: ConnectReviewSchema.nullable(),
    })
    .nullable(),
  /** Reviewed answers first; for informationRecipient=PROV, professional answers before patient ones. */
  answers: z.array(ConnectAnswerSchema),
  updated: IsoDateSchema,
});

export const ConnectResultSchema = z.object({
  request: z.object({
    system: CodeSystemSchema.nullable(),
    oid: z.string().nullable(),
    code: z.string().nullable(),
    displayName: z.string().nullable(),
    informationRecipient: z.enum(['PAT', 'PROV']),
    language: z.string(),
  }),
  /** Content is English; a request for another language gets English and says so in `notes`. */
  language: z.literal('en'),
  match: ConnectMatchSchema,
  conditions: z.array(ConnectConditionSchema),
  notes: z.array(z.string()),
});

export type CodeRef = z.infer<typeof CodeRefSchema>;
export type ConnectMatch = z.infer<typeof ConnectMatchSchema>;
export type ConnectReview = z.infer<typeof ConnectReviewSchema>;
export type ConnectAnswer = z.infer<typeof ConnectAnswerSchema>;
export type ConnectCondition = z.infer<typeof ConnectConditionSchema>;
export type ConnectResult = z.infer<typeof ConnectResultSchema>;
export type MatchKind = (typeof MATCH_KINDS)[number];
