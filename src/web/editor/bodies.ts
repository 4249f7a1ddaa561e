/**
 * Every request body the editor accepts, as a zod schema. Handlers parse with these before they
 * act: a field of the wrong type is a 400 that names the field, an answer file over the size
 * limit a 413 — never a 500 from a cast.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { invalidBody, MAX_ANSWER_BYTES, RequestError, tooLarge } from '../errors.js';

const text = z.string().optional();
const revisionNumber = z
  .string()
  .regex(/^\d*$/, 'expected a revision number')
  .optional()
  .transform((v) => (v ? Number(v) : undefined));

export const LoginForm = z.object({ username: text, password: text, next: text, _csrf: text });

export const AccountSetupForm = z.object({ password: text, repeat: text, _csrf: text });

export const AnswerForm = z.object({
  markdown: z.string().default(''),
  intent: text,
  base_revision_id: revisionNumber,
});

export const TransitionForm = z.object({
  action: z.string().default(''),
  revision_id: revisionNumber,
  comment: z.string().default(''),
});

export const SaveJson = z.object({
  baseRevisionId: z.number().int().positive().nullable(),
  markdown: z.string(),
});
export const SAVE_EXAMPLE =
  'JSON {"baseRevisionId": <id of the revision you edited, or null>, "markdown": "<the answer file>"}';

export const TransitionJson = z.object({
  action: z.string().min(1),
  revisionId: z.number().int().positive().nullish(),
  comment: z.string().optional(),
});
export const TRANSITION_EXAMPLE =
  'JSON {"action": "submit" | "approve" | …, "revisionId": n, "comment": "…"}';

/** A JSON body checked against `schema`; throws a RequestError the error handler answers. */
export async function jsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  example: string,
): Promise<z.infer<S>> {
  let raw: unknown;
  try {
    raw = await c.req.json();
  } catch {
    throw new RequestError(400, 'Bad Request', `The body is not valid JSON. Send ${example}.`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalidBody(parsed.error, example);
  return parsed.data;
}

/** A form body (urlencoded or multipart) checked against `schema`. */
export async function formBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await c.req.parseBody());
  if (!parsed.success) throw invalidBody(parsed.error, 'the form from the editor page');
  return parsed.data;
}

/** The answer file, refused with 413 when it is over the size limit. */
export function checkAnswerSize(markdown: string): string {
  const bytes = Buffer.byteLength(markdown, 'utf8');
  if (bytes > MAX_ANSWER_BYTES) throw tooLarge('answer file', bytes, MAX_ANSWER_BYTES);
  return markdown;
}
