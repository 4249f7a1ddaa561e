/**
 * Input and output schemas of the MCP tools (zod 4; the SDK 1.x accepts zod 4 schemas directly and
 * turns them into the JSON Schema clients see). Outputs are plain data from the store: every text
 * field that holds stored content is carried verbatim, as a JSON string.
 */
import { z } from 'zod';
import { ConnectResultSchema } from '../connect/index.js';
import { ASPECTS, CODE_SYSTEMS } from '../content/index.js';
import { ASK_DEFAULTS, LIMITS } from '../search/index.js';

/** Longest question accepted: what the ask engine looks at at all (longer input is refused, not cut). */
export const MAX_QUESTION_CHARS = LIMITS.maxChars;
export const MAX_ASK_LIMIT = 10;
export const DEFAULT_ASK_LIMIT = ASK_DEFAULTS.limit;
export const MAX_LIST_LIMIT = 500;
export const DEFAULT_LIST_LIMIT = 100;
const MAX_NAME_CHARS = 200;

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

// ---- inputs ----
// Object schemas, not raw shapes: the SDK wraps a raw shape in a new z.object on every call, and
// zod compiles each new object schema on first parse (measurable when /mcp builds a server per request).

/** An optional `limit` from 1 to `max`, with one message for every way it can be wrong. */
function limitArg(max: number, description: string) {
  const wrong = `limit must be a whole number from 1 to ${max}`;
  return z.number({ error: wrong }).int(wrong).min(1, wrong).max(max, wrong).optional().describe(description);
}

export const AskInput = z.object({
  question: z
    .string({ error: 'question is required: the user’s health question, in their own words' })
    .trim()
    .min(1, 'question must not be empty')
    .max(MAX_QUESTION_CHARS, `question is too long: at most ${MAX_QUESTION_CHARS} characters`)
    .describe('The health question, in the user’s own words.'),
  limit: limitArg(MAX_ASK_LIMIT, `How many answers to return at most (default ${DEFAULT_ASK_LIMIT}).`),
});

const conditionArg = z
  .string({ error: 'condition is required: a condition slug or name (see list_conditions)' })
  .trim()
  .min(1, 'condition must not be empty')
  .max(MAX_NAME_CHARS, `condition is too long: at most ${MAX_NAME_CHARS} characters`)
  .describe('Condition slug from list_conditions (e.g. "type-2-diabetes"); a name or synonym also works.');

export const GetAnswerInput = z.object({
  condition: conditionArg,
  aspect: z
    .string({ error: `aspect is required: one of ${ASPECTS.join(', ')}` })
    .trim()
    .min(1, 'aspect must not be empty')
    .max(MAX_NAME_CHARS, `aspect is too long: at most ${MAX_NAME_CHARS} characters`)
    .describe(`The question type: one of ${ASPECTS.join(', ')}; or an answer slug from list_questions.`),
});

export const ListConditionsInput = z.object({
  prefix: z
    .string({ error: 'prefix must be text' })
    .max(MAX_NAME_CHARS, `prefix is too long: at most ${MAX_NAME_CHARS} characters`)
    .optional()
    .describe('Only conditions whose slug starts with this (e.g. "dia"); a name is turned into a slug.'),
  limit: limitArg(MAX_LIST_LIMIT, `How many conditions to return at most (default ${DEFAULT_LIST_LIMIT}).`),
});

export const ListQuestionsInput = z.object({ condition: conditionArg });

// ---- outputs ----

const ConditionRef = z.object({ slug: z.string(), name: z.string(), url: z.string() });

export const SourceOut = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  publisher: z.string().nullable(),
  accessed: z.string(),
});

export const ReviewOut = z.object({
  /** True only when a medical review is bound to exactly the published revision. */
  reviewed: z.boolean(),
  /** The sentence every MedBrief page shows for this answer (src/site badgeText). */
  text: z.string(),
  reviewer: z.object({ name: z.string(), credentials: z.string(), demoAccount: z.boolean() }).nullable(),
  /** Publisher of imported content (e.g. MedlinePlus), kept until the answer is reviewed here. */
  publisher: z.object({ name: z.string(), url: z.string().nullable() }).nullable(),
  overdue: z.boolean(),
});

/** One published answer, as every tool reports it. */
export const AnswerOut = z.object({
  question: z.string(),
  tldr: z.string(),
  url: z.string(),
  resourceUri: z.string(),
  condition: ConditionRef,
  aspect: z.enum(ASPECTS),
  slug: z.string(),
  /** "reviewed by <name>, <credentials> on <date>", or "not yet reviewed" (naming the publisher of imports). */
  reviewStatus: z.string(),
  review: ReviewOut,
  lastReviewed: IsoDate.nullable(),
  nextReviewDue: IsoDate.nullable(),
  updated: z.string(),
  sources: z.array(SourceOut),
});
export type AnswerOut = z.infer<typeof AnswerOut>;

export const UrgentNoticeOut = z.object({ kind: z.string(), text: z.string() });

export const AskOutput = z.object({
  /** First on purpose: an emergency notice (no instructions to the assistant, only to the person). */
  urgentNotice: UrgentNoticeOut.nullable(),
  abstained: z.boolean(),
  abstention: z
    .object({ message: z.string(), reason: z.string().nullable(), nearestConditions: z.array(ConditionRef) })
    .nullable(),
  results: z.array(AnswerOut.extend({ score: z.number() })),
});
export type AskOutput = z.infer<typeof AskOutput>;

export const GetAnswerOutput = z.object({
  answer: AnswerOut.extend({ bodyMarkdown: z.string() }),
  otherAnswersForAspect: z.array(
    z.object({ question: z.string(), slug: z.string(), resourceUri: z.string() }),
  ),
});
export type GetAnswerOutput = z.infer<typeof GetAnswerOutput>;

export const ListConditionsOutput = z.object({
  conditions: z.array(ConditionRef.extend({ synonyms: z.array(z.string()), publishedAnswers: z.number() })),
  /** True when more conditions match than were returned (narrow with a prefix). */
  truncated: z.boolean(),
});
export type ListConditionsOutput = z.infer<typeof ListConditionsOutput>;

export const ListQuestionsOutput = z.object({
  condition: ConditionRef.extend({ synonyms: z.array(z.string()) }),
  questions: z.array(
    AnswerOut.pick({
      question: true,
      aspect: true,
      slug: true,
      url: true,
      resourceUri: true,
      reviewStatus: true,
      lastReviewed: true,
      nextReviewDue: true,
    }),
  ),
});
export type ListQuestionsOutput = z.infer<typeof ListQuestionsOutput>;

// ---- lookup_by_code ----

export const LookupByCodeInput = z.object({
  system: z
    .enum(CODE_SYSTEMS, { error: `system must be one of ${CODE_SYSTEMS.join(', ')}` })
    .describe(
      'The code system: icd10cm (ICD-10-CM), snomedct (SNOMED CT), umls (UMLS CUI), orpha, omim, doid, mesh, icd9cm.',
    ),
  code: z
    .string({ error: 'code is required, e.g. "E11.65" for system icd10cm' })
    .trim()
    .min(1, 'code must not be empty')
    .max(64, 'code is too long: at most 64 characters')
    .describe('The diagnosis code, e.g. "E11.65" (ICD-10-CM) or "44054006" (SNOMED CT).'),
  displayName: z
    .string({ error: 'displayName must be text' })
    .trim()
    .max(MAX_NAME_CHARS, `displayName is too long: at most ${MAX_NAME_CHARS} characters`)
    .optional()
    .describe('The diagnosis as the record names it; used only when no condition has the code.'),
  audience: z
    .enum(['patient', 'professional'], { error: 'audience must be "patient" or "professional"' })
    .optional()
    .describe('Who will read it (default patient); professional puts answers written for clinicians first.'),
});

export const LookupByCodeOutput = ConnectResultSchema;
export type LookupByCodeOutput = z.infer<typeof LookupByCodeOutput>;
