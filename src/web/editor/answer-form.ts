/**
 * The structured answer form, generated from the content schema (AnswerFrontMatterSchema): which
 * fields exist, their widgets, choices and nesting come from zod, so a field added to the schema
 * appears in the form without changes here (a label override is optional). Values travel as a
 * flat map of names such as `question`, `sources.0.url` or `origin.publisher`, which is what an
 * HTML form posts. `formValues` and `answerFromForm` are inverse on every valid answer, and both
 * go through the same serialiser as the raw Markdown view, so switching views loses nothing.
 */
import { parse as parseYamlText, stringify as stringifyYaml } from 'yaml';
import type { z } from 'zod';
import {
  type Answer,
  AnswerFrontMatterSchema,
  AnswerSchema,
  ASPECT_LABELS,
  type Aspect,
  footnoteReferences,
} from '../../content/index.js';

/** Fields the tool records itself (review stamp, last-updated date): never typed in the form. */
export const RECORDED_FIELDS = new Set(['review', 'updated']);

export type FieldKind = 'text' | 'textarea' | 'select' | 'boolean' | 'date' | 'url' | 'lines' | 'yaml';

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

export interface ScalarField {
  type: 'scalar';
  /** Dotted path in the form (`sources.0.id` for rows is built from the row field's `key`). */
  key: string;
  label: string;
  help?: string;
  kind: FieldKind;
  required: boolean;
  choices?: Choice[];
  /** The field is the answer's condition: choices come from the store at render time. */
  condition?: boolean;
  /** For text inputs: a pattern the browser can check before posting (same as the schema). */
  pattern?: string;
}

export interface GroupField {
  type: 'group';
  key: string;
  label: string;
  help?: string;
  required: boolean;
  fields: ScalarField[];
}

export interface RowsField {
  type: 'rows';
  key: string;
  label: string;
  help?: string;
  /** Fields of one row; their keys are relative to the row (`id`, `url`). */
  fields: ScalarField[];
}

export type FormField = ScalarField | GroupField | RowsField;

/** What a reader of the form sees for each schema key; keys missing here get a readable default. */
type Shown = { label?: string; help?: string; kind?: FieldKind };
const LABELS: Record<string, Shown> = {
  question: { label: 'Question', help: 'As a patient would ask it, ending with “?”.' },
  condition: { label: 'Condition' },
  aspect: { label: 'Aspect', help: 'Which kind of question this answers.' },
  slug: { label: 'URL segment', help: 'Optional. Leave empty to use the aspect.' },
  tldr: {
    label: 'TL;DR (short answer)',
    help: 'Two or three plain sentences, main point first.',
    kind: 'textarea',
  },
  tldr_derived: {
    label: 'TL;DR taken from the text by a program',
    help: 'Set to “no” once an editor has written or approved the TL;DR.',
  },
  audience: { label: 'Audience' },
  sources: {
    label: 'Sources',
    help: 'Cite a source in the body with its id, like [^nhs]. A row left empty is removed.',
  },
  'sources.id': { label: 'Id' },
  'sources.title': { label: 'Title' },
  'sources.url': { label: 'URL' },
  'sources.publisher': { label: 'Publisher' },
  'sources.accessed': { label: 'Accessed' },
  origin: { label: 'Imported from', help: 'Kept from the import; shown as “From <publisher>”.' },
  lint: {
    label: 'Linter settings for this answer (YAML)',
    help: 'For example: rules: { readability: [warn, { maxGrade: 10 }] }',
  },
  codes: { label: 'Codes' },
};

/** One line per aspect, shown beside the aspect choice. */
export const ASPECT_DESCRIPTIONS: Record<Aspect, string> = {
  overview: 'What the condition is, in a few sentences.',
  causes: 'Why it happens: genes, infections, exposures, or unknown.',
  symptoms: 'What people notice, and how it shows at different ages.',
  diagnosis: 'How doctors find out: tests, scans, examinations.',
  treatment: 'What can be done: medicines, surgery, therapies, care.',
  outlook: 'What to expect over time (prognosis).',
  inheritance: 'Whether and how it runs in families.',
  frequency: 'How many people have it.',
  prevention: 'Whether it can be prevented, and how.',
  complications: 'Other problems it can lead to.',
  'risk-factors': 'What makes it more likely.',
  'living-with': 'Day-to-day life, support and self-care.',
  research: 'What is being studied now.',
  'when-to-see-a-doctor': 'Signs that need medical help, and how urgently.',
};

function humanise(key: string): string {
  const last = key.split('.').pop() ?? key;
  const words = last.replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

type AnyZod = z.core.$ZodType & { def: Record<string, unknown> & { type: string } };

function unwrap(schema: AnyZod): { inner: AnyZod; optional: boolean } {
  let s = schema;
  let optional = false;
  while (s.def.type === 'optional' || s.def.type === 'default' || s.def.type === 'nullable') {
    optional = true;
    s = s.def.innerType as AnyZod;
  }
  return { inner: s, optional };
}

/** The regex a zod string check enforces, when it has exactly one (for the `pattern` attribute). */
function patternOf(schema: AnyZod): string | undefined {
  const checks = (schema.def.checks ?? []) as { _zod?: { def?: { check?: string; pattern?: RegExp } } }[];
  const regexes = checks.map((c) => c._zod?.def).filter((d) => d?.check === 'string_format' && d.pattern);
  const p = regexes.length === 1 ? regexes[0]!.pattern! : undefined;
  // The browser compiles `pattern` with the v flag; only plain patterns are safe to pass on.
  return p && !p.flags.includes('u') && /^\^[\w\-[\]\\(){}?*+|:^$]*\$$/.test(p.source) ? p.source : undefined;
}

function scalarField(key: string, schema: AnyZod, required: boolean): ScalarField | null {
  const shown: Shown = LABELS[key.replace(/\.\d+\./g, '.')] ?? {};
  const base = {
    type: 'scalar' as const,
    key,
    label: shown.label ?? humanise(key),
    help: shown.help,
    required,
  };
  const t = schema.def.type;
  if (t === 'enum') {
    const values = Object.values(schema.def.entries as Record<string, string>);
    const choices = values.map((v) =>
      key === 'aspect'
        ? { value: v, label: ASPECT_LABELS[v as Aspect] ?? v, description: ASPECT_DESCRIPTIONS[v as Aspect] }
        : { value: v, label: v },
    );
    return { ...base, kind: 'select', choices };
  }
  if (t === 'boolean') return { ...base, kind: 'boolean' };
  if (t === 'string') {
    if (key === 'condition') return { ...base, kind: 'select', condition: true };
    const format = schema.def.format as string | undefined;
    if (format === 'url') return { ...base, kind: 'url' };
    const pattern = patternOf(schema);
    if (pattern === '^\\d{4}-\\d{2}-\\d{2}$') return { ...base, kind: 'date' };
    return { ...base, kind: shown.kind ?? 'text', pattern };
  }
  if (t === 'array') {
    const el = unwrap(schema.def.element as AnyZod).inner;
    if (el.def.type === 'string') return { ...base, kind: 'lines', help: base.help ?? 'One per line.' };
  }
  if (t === 'number' || t === 'int') return { ...base, kind: 'text', pattern: '-?[0-9]+(\\.[0-9]+)?' };
  return { ...base, kind: 'yaml', help: base.help ?? 'Written as YAML.' };
}

function objectShape(schema: AnyZod): Record<string, AnyZod> | null {
  return schema.def.type === 'object' ? ((schema.def.shape ?? {}) as Record<string, AnyZod>) : null;
}

function buildFields(shape: Record<string, AnyZod>): FormField[] {
  const out: FormField[] = [];
  for (const [key, raw] of Object.entries(shape)) {
    if (RECORDED_FIELDS.has(key)) continue;
    const { inner, optional } = unwrap(raw);
    const shown: Shown = LABELS[key] ?? {};
    const nested = objectShape(inner);
    if (nested) {
      const fields = Object.entries(nested).map(([k, s]) => {
        const u = unwrap(s);
        return scalarField(`${key}.${k}`, u.inner, !u.optional);
      });
      out.push({
        type: 'group',
        key,
        label: shown.label ?? humanise(key),
        help: shown.help,
        required: !optional,
        fields: fields.filter((f): f is ScalarField => f !== null),
      });
      continue;
    }
    if (inner.def.type === 'array') {
      const rowShape = objectShape(unwrap(inner.def.element as AnyZod).inner);
      if (rowShape) {
        const fields = Object.entries(rowShape).map(([k, s]) => {
          const u = unwrap(s);
          const f = scalarField(`${key}.${k}`, u.inner, !u.optional);
          return f && { ...f, key: k };
        });
        out.push({
          type: 'rows',
          key,
          label: shown.label ?? humanise(key),
          help: shown.help,
          fields: fields.filter((f): f is ScalarField => f !== null),
        });
        continue;
      }
    }
    const f = scalarField(key, inner, !optional);
    if (f) out.push(f);
  }
  return out;
}

/** The form's fields, in schema order (the body is separate: it has its own editor). */
export const ANSWER_FORM_FIELDS: readonly FormField[] = buildFields(
  (AnswerFrontMatterSchema as unknown as AnyZod).def.shape as Record<string, AnyZod>,
);

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
  const ids = new Set<string>();
  answer.sources.forEach((s, i) => {
    if (ids.has(s.id)) {
      problems.push({
        field: `sources.${postedRowIndex(values, 'sources', i) ?? i}.id`,
        message: `Source id "${s.id}" is used twice`,
        hint: 'give every source a unique id',
      });
    }
    ids.add(s.id);
  });
  for (const ref of footnoteReferences(answer.body)) {
    if (!ids.has(ref.id)) {
      problems.push({
        field: 'body',
        message: `Body line ${ref.line + 1}: footnote [^${ref.id}] does not match any source`,
        hint: ids.size
          ? `use one of the source ids (${[...ids].join(', ')}) or add a source with id "${ref.id}"`
          : `add a source with id "${ref.id}" in the sources table`,
      });
    }
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
