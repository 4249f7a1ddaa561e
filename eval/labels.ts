/**
 * Our labels for MeQSum messages, stored as fixtures under eval/fixtures/ (ids and labels only;
 * the messages are joined from ../shared/data/meqsum at run time):
 * - meqsum-answers.json: a hand-labelled sample — for each message, the MedQuAD answers that
 *   answer its main question (`<documentKey>#<qtype>` = every answer of that document with that
 *   MedQuAD question type, or a full answer key `<documentKey>:<pairId>`), or none.
 * - meqsum-drug-only.json: messages whose question is only about a medicine (maker, price,
 *   ingredients, dosage, storage, side effects, …), which MedQuAD's answered folders never cover.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { MeqsumMessage } from './meqsum.js';

export const fixturesDir = join(import.meta.dirname, 'fixtures');

const AnswerRef = z
  .string()
  .regex(
    /^medquad:[A-Za-z]+:[\w.-]+(#[a-z ]+|:\d+)$/,
    'expected "medquad:<source>:<id>#<qtype>" or "…:<pairId>"',
  );

export const AnswerLabelSchema = z.strictObject({
  file: z.string().min(1),
  /** MedQuAD answers that answer the main question; empty = nothing in MedQuAD does. */
  answers: z.array(AnswerRef),
  /** The main question's type in plain words (treatment, cause, inheritance, drug-dosage, …). */
  type: z.string().min(1),
  /** Why, in the labeller's own words (never the message text). */
  note: z.string().optional(),
});
export type AnswerLabel = z.infer<typeof AnswerLabelSchema>;

export const AnswerLabelFileSchema = z.strictObject({
  about: z.string(),
  sample: z.string(),
  procedure: z.array(z.string()),
  labels: z.array(AnswerLabelSchema),
});

/** The categories the issue names as "questions only about a medicine" (maker … storage). */
const CORE = ['maker', 'price', 'availability', 'ingredients', 'dosage', 'storage'] as const;
export const DRUG_CATEGORIES = [
  ...CORE,
  'side-effects',
  'interactions',
  'contraindications',
  'indication',
  'overdose',
  'other',
] as const;
export const CORE_DRUG_CATEGORIES: ReadonlySet<string> = new Set(CORE);

export const DrugLabelFileSchema = z.strictObject({
  about: z.string(),
  procedure: z.array(z.string()),
  labels: z.array(z.strictObject({ file: z.string().min(1), category: z.enum(DRUG_CATEGORIES) })),
});
export type DrugLabel = z.infer<typeof DrugLabelFileSchema>['labels'][number];

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(`${path}: ${(e as Error).message}`);
  }
}

function parseWith<T>(schema: z.ZodType<T>, value: unknown, path: string): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    const i = r.error.issues[0]!;
    throw new Error(`${path}: ${i.path.join('.') || '(top)'}: ${i.message}`);
  }
  return r.data;
}

/**
 * Labels joined with their messages. A label whose `file` is not in MeQSum, or a file labelled
 * twice, is an error naming it (a stale fixture must not silently shrink the sample).
 */
export function joinLabels<L extends { file: string }>(
  labels: readonly L[],
  messages: readonly MeqsumMessage[],
  source: string,
): (L & { message: MeqsumMessage })[] {
  const byFile = new Map(messages.map((m) => [m.file, m]));
  const seen = new Set<string>();
  return labels.map((l) => {
    const message = byFile.get(l.file);
    if (!message) throw new Error(`${source}: label for "${l.file}" but MeQSum has no such file`);
    if (seen.has(l.file)) throw new Error(`${source}: "${l.file}" is labelled twice`);
    seen.add(l.file);
    return { ...l, message };
  });
}

export function readAnswerLabels(path = join(fixturesDir, 'meqsum-answers.json')) {
  return parseWith(AnswerLabelFileSchema, readJson(path), path);
}

export function readDrugLabels(path = join(fixturesDir, 'meqsum-drug-only.json')) {
  return parseWith(DrugLabelFileSchema, readJson(path), path);
}

/**
 * The answer keys a label accepts, resolved against the corpus: `doc#qtype` → every indexed
 * answer of that document with that qtype. A reference that matches no answer is an error
 * (a typo in a fixture would otherwise make a message unanswerable).
 */
export function resolveAnswerRefs(
  refs: readonly string[],
  qtypes: ReadonlyMap<string, string>,
  source: string,
): Set<string> {
  const byDoc = new Map<string, string[]>();
  for (const key of qtypes.keys()) {
    const doc = key.split(':').slice(0, 3).join(':');
    const list = byDoc.get(doc) ?? [];
    list.push(key);
    byDoc.set(doc, list);
  }
  const out = new Set<string>();
  for (const ref of refs) {
    const hash = ref.indexOf('#');
    const found =
      hash < 0
        ? qtypes.has(ref)
          ? [ref]
          : []
        : (byDoc.get(ref.slice(0, hash)) ?? []).filter((k) => qtypes.get(k) === ref.slice(hash + 1));
    if (found.length === 0) throw new Error(`${source}: "${ref}" matches no MedQuAD answer in the corpus`);
    for (const k of found) out.add(k);
  }
  return out;
}
