/**
 * The content model: one zod schema per entity, the single source of truth for the parser,
 * validation messages, API types, OpenAPI, JSON-LD and the CLI's `init` templates.
 */
import { z } from 'zod';
import {
  CODE_SYSTEM_INFO,
  CODE_SYSTEMS,
  type CodeSystem,
  codeProblem,
  LEGACY_CODE_KEYS,
  normalizeCode,
} from './codes.js';

/** The fixed vocabulary of question types a page can answer (DESIGN.md §1). */
export const ASPECTS = [
  'overview',
  'causes',
  'symptoms',
  'diagnosis',
  'treatment',
  'outlook',
  'inheritance',
  'frequency',
  'prevention',
  'complications',
  'risk-factors',
  'living-with',
  'research',
  'when-to-see-a-doctor',
] as const;
export type Aspect = (typeof ASPECTS)[number];

/** Human labels for aspects, used for headings on condition hubs. */
export const ASPECT_LABELS: Record<Aspect, string> = {
  overview: 'Overview',
  causes: 'Causes',
  symptoms: 'Symptoms',
  diagnosis: 'Diagnosis',
  treatment: 'Treatment',
  outlook: 'Outlook',
  inheritance: 'Inheritance',
  frequency: 'How common it is',
  prevention: 'Prevention',
  complications: 'Complications',
  'risk-factors': 'Risk factors',
  'living-with': 'Living with it',
  research: 'Research',
  'when-to-see-a-doctor': 'When to see a doctor',
};

export const AspectSchema = z.enum(ASPECTS, {
  error: (issue) => `unknown aspect ${JSON.stringify(issue.input)}; use one of: ${ASPECTS.join(', ')}`,
});

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SlugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be a slug: lower-case letters, digits and single hyphens');

/** A calendar date written as YYYY-MM-DD (YAML dates are kept as strings, never Date objects). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    {
      message: 'is not a real calendar date',
    },
  );

export const ContentHashSchema = z
  .string()
  .regex(
    /^sha256:[0-9a-f]{64}$/,
    'must be "sha256:" followed by 64 hex digits (written by `medbrief review stamp`)',
  );

const NonEmpty = z.string().trim().min(1, 'must not be empty');

export const SourceSchema = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]+$/, 'source id: letters, digits, "-" and "_" only'),
  title: NonEmpty,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  publisher: NonEmpty.optional(),
  accessed: IsoDateSchema,
});
export type Source = z.infer<typeof SourceSchema>;

export const ReviewSchema = z.strictObject({
  reviewer: SlugSchema,
  reviewed: IsoDateSchema,
  next_review: IsoDateSchema.optional(),
  revision: ContentHashSchema.optional(),
});
export type Review = z.infer<typeof ReviewSchema>;

export const ORIGIN_COLLECTIONS = ['medquad', 'html', 'text'] as const;
/** Where an imported answer came from; kept on every imported answer. */
export const OriginSchema = z.strictObject({
  collection: z.enum(ORIGIN_COLLECTIONS),
  publisher: NonEmpty,
  documentId: z.string().optional(),
  pairId: z.string().optional(),
  // Shown as a link in the "From <publisher>" badge: only http(s), never javascript:/data:.
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).optional(),
});
export type Origin = z.infer<typeof OriginSchema>;

export const AUDIENCES = ['patient', 'professional'] as const;

/** Front matter of an answer file `content/<condition>/<aspect>.md`. */
export const AnswerFrontMatterSchema = z.strictObject({
  question: NonEmpty.refine((q) => q.trim().endsWith('?'), 'a question ends with "?"'),
  condition: SlugSchema,
  aspect: AspectSchema,
  /** URL segment of the answer inside its condition; defaults to the aspect. */
  slug: SlugSchema.optional(),
  tldr: NonEmpty,
  /** true when the TL;DR was derived by a program (importer) and no editor has approved it yet. */
  tldr_derived: z.boolean().optional(),
  audience: z.enum(AUDIENCES).default('patient'),
  updated: IsoDateSchema.optional(),
  sources: z.array(SourceSchema).default([]),
  review: ReviewSchema.optional(),
  origin: OriginSchema.optional(),
  /** Per-file linter settings, e.g. `{ rules: { readability: ["warn", { maxGrade: 10 }] } }` (docs/rules.md). */
  lint: z.record(z.string(), z.unknown()).optional(),
});
export type AnswerFrontMatter = z.infer<typeof AnswerFrontMatterSchema>;

export const AnswerSchema = AnswerFrontMatterSchema.extend({ body: z.string() });
/** One answer as written in Markdown: front matter plus body. */
export type Answer = z.infer<typeof AnswerSchema>;

/** One system's codes: a code or a list of codes, each normalized and checked against the system's pattern. */
function codeListSchema(system: CodeSystem) {
  return z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))], {
      error: `must be a ${CODE_SYSTEM_INFO[system].name} code or a list of them, e.g. ${CODE_SYSTEM_INFO[system].example}`,
    })
    .transform((v) => [...new Set((Array.isArray(v) ? v : [v]).map((x) => normalizeCode(system, String(x))))])
    .pipe(
      z
        .array(
          z.string().superRefine((code, ctx) => {
            const problem = codeProblem(system, code);
            if (problem) ctx.addIssue({ code: 'custom', message: `${JSON.stringify(code)} ${problem}` });
          }),
        )
        .min(1, 'must list at least one code'),
    );
}

/**
 * Condition codes by system (`icd10cm`, `snomedct`, `umls`, `orpha`, `omim`, `doid`, `mesh`,
 * `icd9cm`), each one code or a list. Old names (`icd10`, …) are translated before checking;
 * `parseCondition` warns about them.
 */
export const ConditionCodesSchema = z.preprocess(
  (v) => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v as Record<string, unknown>)) {
      const key = LEGACY_CODE_KEYS[k] ?? k;
      const prev = out[key];
      out[key] =
        prev === undefined
          ? val
          : [...(Array.isArray(prev) ? prev : [prev]), ...(Array.isArray(val) ? val : [val])];
    }
    return out;
  },
  z.strictObject(
    Object.fromEntries(CODE_SYSTEMS.map((s) => [s, codeListSchema(s).optional()])) as {
      [S in CodeSystem]: z.ZodOptional<ReturnType<typeof codeListSchema>>;
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `unknown code system ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}; use one of: ${CODE_SYSTEMS.join(', ')}`
          : undefined,
    },
  ),
);

/** Front matter of `content/<condition>/condition.md`; the body is the summary. */
export const ConditionFrontMatterSchema = z.strictObject({
  name: NonEmpty,
  slug: SlugSchema.optional(),
  synonyms: z.array(NonEmpty).default([]),
  codes: ConditionCodesSchema.optional(),
  /** Months between medical reviews; overrides the site policy for this condition. */
  review_interval_months: z.number().int().min(1).max(120).optional(),
});

export const ConditionSchema = ConditionFrontMatterSchema.extend({
  slug: SlugSchema,
  summary: z.string().default(''),
});
export type Condition = z.infer<typeof ConditionSchema>;

export const ReviewerSchema = z.strictObject({
  id: SlugSchema,
  name: NonEmpty,
  credentials: NonEmpty,
  bio: z.string().optional(),
  /** Demo accounts are always labelled as such on pages. */
  demo: z.boolean().default(false),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

export const ReviewersFileSchema = z.array(ReviewerSchema);

/** An immutable snapshot of an answer's content, identified by its content hash. */
export const RevisionSchema = z.object({
  id: z.number().int(),
  answerId: z.string(),
  hash: ContentHashSchema,
  answer: AnswerSchema,
  author: z.string(),
  createdAt: z.string(),
  baseRevisionId: z.number().int().nullable(),
});
export type Revision = z.infer<typeof RevisionSchema>;

/** A whole content folder, parsed and validated. */
export interface ContentBundle {
  conditions: Condition[];
  answers: Answer[];
  reviewers: Reviewer[];
}
