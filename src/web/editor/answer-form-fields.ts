/**
 * The answer form's fields, generated from the content schema (AnswerFrontMatterSchema): which
 * fields exist, their widgets, choices and nesting come from zod; LABELS only overrides labels,
 * help and widgets. The values side (form ⇄ answer) is ./answer-form.ts.
 */
import type { z } from 'zod';
import { AnswerFrontMatterSchema, ASPECT_LABELS, type Aspect } from '../../content/index.js';

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

export function humanise(key: string): string {
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
