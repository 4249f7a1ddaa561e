/**
 * The structured answer form, generated from the content schema (AnswerFrontMatterSchema): which
 * fields exist, their widgets, choices and nesting come from zod, so a field added to the schema
 * appears in the form without changes here (a label override is optional). Values travel as a
 * flat map of names such as `question`, `sources.0.url` or `origin.publisher`, which is what an
 * HTML form posts. `formValues` and `answerFromForm` are inverse on every valid answer, and both
 * go through the same serialiser as the raw Markdown view, so switching views loses nothing.
 */
import { parse as parseYamlText, stringify as stringifyYaml } from 'yaml';
import { type Answer, AnswerSchema, brokenFootnoteHint, sourceIdProblems } from '../../content/index.js';
import {
  ANSWER_FORM_FIELDS,
  type GroupField,
  humanise,
  type RowsField,
  type ScalarField,
} from './answer-form-fields.js';

export {
  ANSWER_FORM_FIELDS,
  ASPECT_DESCRIPTIONS,
  type Choice,
  type FieldKind,
  type FormField,
  type GroupField,
  RECORDED_FIELDS,
  type RowsField,
  type ScalarField,
} from './answer-form-fields.js';

export type FormValues = Record<string, string>;

function encodeScalar(field: ScalarField, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.kind === 'boolean') return value ? 'true' : 'false';
  if (field.kind === 'lines') return (value as unknown[]).map(String).join('\n');
  if (field.kind === 'yaml') return stringifyYaml(value, { lineWidth: 0 }).trimEnd();
  return String(value);
}

/** The form's values for an answer (recorded fields are left out, like the Markdown view). */
export function formValues(answer: Answer): FormValues {
  const values: FormValues = { body: answer.body };
  const a = answer as unknown as Record<string, unknown>;
  for (const field of ANSWER_FORM_FIELDS) {
    const v = a[field.key];
    if (field.type === 'scalar') values[field.key] = encodeScalar(field, v);
    else if (field.type === 'group') {
      const obj = (v ?? {}) as Record<string, unknown>;
      for (const f of field.fields) values[f.key] = encodeScalar(f, obj[f.key.slice(field.key.length + 1)]);
    } else {
      const rows = (v ?? []) as Record<string, unknown>[];
      rows.forEach((row, i) => {
        for (const f of field.fields) values[`${field.key}.${i}.${f.key}`] = encodeScalar(f, row[f.key]);
      });
    }
  }
  return values;
}

/** How many rows of a repeatable field the posted values hold (highest index + 1). */
export function rowCount(values: FormValues, key: string): number {
  let n = 0;
  const prefix = `${key}.`;
  for (const name of Object.keys(values)) {
    if (!name.startsWith(prefix)) continue;
    const i = Number(name.slice(prefix.length).split('.')[0]);
    if (Number.isInteger(i) && i >= 0 && i < 1000) n = Math.max(n, i + 1);
  }
  return n;
}

export interface FieldProblem {
  /** The form field (`sources.1.url`), or `body`, or '' for the whole answer. */
  field: string;
  message: string;
  hint?: string;
}

function decodeScalar(field: ScalarField, raw: string | undefined, name: string, problems: FieldProblem[]) {
  const text = (raw ?? '').replace(/\r\n?/g, '\n');
  if (field.kind === 'yaml' || field.kind === 'lines' || field.kind === 'boolean') {
    if (!text.trim()) return undefined;
  } else if (text === '') return undefined;
  if (field.kind === 'boolean') return text === 'true' ? true : text === 'false' ? false : text;
  if (field.kind === 'lines')
    return text
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
  if (field.kind === 'yaml') {
    try {
      return parseYamlText(text);
    } catch (err) {
      problems.push({
        field: name,
        message: `${field.label}: not valid YAML (${(err as Error).message.split('\n')[0]})`,
        hint: 'check indentation, or clear the field',
      });
      return undefined;
    }
  }
  return text;
}

/** Drops undefined members so a cleared optional field is absent, as in the Markdown file. */
function compact(obj: Record<string, unknown>): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return Object.keys(out).length ? out : undefined;
}

/**
 * The answer a posted form describes, validated by the same schema and the same footnote checks
 * as a Markdown file. Problems name the field they concern, so they can be shown beside it.
 */
export function answerFromForm(
  values: FormValues,
): { ok: true; answer: Answer } | { ok: false; problems: FieldProblem[]; draft: Record<string, unknown> } {
  const problems: FieldProblem[] = [];
  const draft: Record<string, unknown> = { body: (values.body ?? '').replace(/\r\n?/g, '\n') };
  for (const field of ANSWER_FORM_FIELDS) {
    if (field.type === 'scalar') {
      draft[field.key] = decodeScalar(field, values[field.key], field.key, problems);
    } else if (field.type === 'group') {
      const obj: Record<string, unknown> = {};
      for (const f of field.fields) {
        obj[f.key.slice(field.key.length + 1)] = decodeScalar(f, values[f.key], f.key, problems);
      }
      draft[field.key] = compact(obj);
    } else {
      const rows: Record<string, unknown>[] = [];
      const n = rowCount(values, field.key);
      for (let i = 0; i < n; i++) {
        const row: Record<string, unknown> = {};
        for (const f of field.fields) {
          const name = `${field.key}.${i}.${f.key}`;
          row[f.key] = decodeScalar(f, values[name], name, problems);
        }
        const kept = compact(row);
        if (kept) rows.push(kept);
      }
      draft[field.key] = rows;
    }
  }
  const result = AnswerSchema.safeParse(compact(draft) ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String);
      // Rows are renumbered when empty ones are dropped: map back to the posted row index.
      if (path[0] && typeof issue.path[1] === 'number') {
        const posted = postedRowIndex(values, path[0], issue.path[1] as number);
        if (posted !== null) path[1] = String(posted);
      }
      const name = path.join('.');
      const field = findField(name);
      const missing = issue.code === 'invalid_type' && issue.input === undefined;
      problems.push({
        field: name,
        message: `${field?.label ?? humanise(name || 'answer')}: ${missing ? 'required' : issue.message}`,
        hint: missing ? 'fill in this field' : undefined,
      });
    }
    return { ok: false, problems, draft };
  }
  if (problems.length) return { ok: false, problems, draft };
  const answer = result.data as Answer;
  const { duplicates, brokenFootnotes, ids } = sourceIdProblems(answer);
  for (const d of duplicates) {
    problems.push({
      field: `sources.${postedRowIndex(values, 'sources', d.index) ?? d.index}.id`,
      message: `Source id "${d.id}" is used twice`,
      hint: 'give every source a unique id',
    });
  }
  for (const ref of brokenFootnotes) {
    problems.push({
      field: 'body',
      message: `Body line ${ref.line + 1}: footnote [^${ref.id}] does not match any source`,
      hint: brokenFootnoteHint(ref.id, ids, 'in the sources table'),
    });
  }
  if (problems.length) return { ok: false, problems, draft };
  return { ok: true, answer };
}

/** The posted index of the n-th non-empty row of a repeatable field. */
function postedRowIndex(values: FormValues, key: string, n: number): number | null {
  const total = rowCount(values, key);
  let seen = -1;
  for (let i = 0; i < total; i++) {
    const prefix = `${key}.${i}.`;
    const filled = Object.entries(values).some(([k, v]) => k.startsWith(prefix) && v.trim() !== '');
    if (filled && ++seen === n) return i;
  }
  return null;
}

function findField(name: string): ScalarField | GroupField | RowsField | undefined {
  const [head, second, third] = name.split('.');
  const top = ANSWER_FORM_FIELDS.find((f) => f.key === head);
  if (!top || top.type === 'scalar' || second === undefined) return top;
  if (top.type === 'group') return top.fields.find((f) => f.key === name) ?? top;
  return top.fields.find((f) => f.key === third) ?? top;
}

/** Flattens a posted body (Hono's parseBody) into form values; repeated names keep the last. */
export function toFormValues(body: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k.startsWith('_') || k === 'intent' || k === 'base_revision_id' || k === 'mode') continue;
    const value = Array.isArray(v) ? v[v.length - 1] : v;
    if (typeof value === 'string') out[k] = value;
  }
  return out;
}
