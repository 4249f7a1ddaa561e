/**
 * The structured answer form, rendered from ANSWER_FORM_FIELDS (which come from the zod schema).
 * Each field has a box for its messages (id `msg-<field>`), filled by the server after "Preview
 * and check" and by /assets/editor.js while typing.
 */
import {
  ANSWER_FORM_FIELDS,
  type FieldProblem,
  type FormValues,
  rowCount,
  type ScalarField,
} from '../answer-form.js';
import type { LiveMessage, LiveStats } from '../live-check.js';

export interface FieldNote {
  field: string;
  severity: 'error' | 'warn';
  message: string;
  hint?: string;
  ruleId?: string;
  bodyLine?: number;
}

export function notesFrom(
  problems: readonly FieldProblem[] = [],
  lint: readonly LiveMessage[] = [],
): FieldNote[] {
  return [
    ...problems.map((p) => ({
      field: p.field,
      severity: 'error' as const,
      message: p.message,
      hint: p.hint,
    })),
    ...lint.map((m) => ({
      field: m.field,
      severity: m.severity,
      message: m.message,
      hint: m.hint,
      ruleId: m.ruleId,
      bodyLine: m.bodyLine,
    })),
  ];
}

const domId = (key: string) => key.replace(/\./g, '-');

function Messages({ id, notes }: { id: string; notes: readonly FieldNote[] }) {
  return (
    <ul class="field-messages" id={`msg-${id}`} aria-live="polite">
      {notes.map((n) => (
        <li class={n.severity === 'warn' ? 'lint-warn' : 'lint-error'}>
          <strong>{n.severity === 'warn' ? 'Warning' : 'Error'}:</strong>{' '}
          {n.bodyLine ? `Line ${n.bodyLine}: ` : ''}
          {n.message}
          {n.ruleId && n.ruleId !== 'form' ? <span class="rule"> [{n.ruleId}]</span> : null}
          {n.hint ? <span class="fix">How to fix: {n.hint}</span> : null}
        </li>
      ))}
    </ul>
  );
}

interface Ctx {
  values: FormValues;
  notes: readonly FieldNote[];
  conditions: readonly { slug: string; name: string }[];
  stats?: LiveStats;
}

function Input({ field, name, ctx }: { field: ScalarField; name: string; ctx: Ctx }) {
  const id = `f-${domId(name)}`;
  const value = ctx.values[name] ?? '';
  const described = [field.help ? `${id}-help` : '', `msg-${domId(name)}`].filter(Boolean).join(' ');
  const common = { id, name, 'aria-describedby': described, required: field.required };
  if (field.kind === 'select' && field.condition) {
    return (
      <>
        <input
          type="text"
          {...common}
          value={value}
          list="condition-list"
          autocomplete="off"
          spellcheck={false}
        />
        <datalist id="condition-list">
          {ctx.conditions.map((c) => (
            <option value={c.slug}>{c.name}</option>
          ))}
        </datalist>
      </>
    );
  }
  if (field.kind === 'select') {
    return (
      <select {...common}>
        {field.required && value ? null : <option value="">(not set)</option>}
        {(field.choices ?? []).map((c) => (
          <option value={c.value} selected={c.value === value}>
            {c.description ? `${c.label} — ${c.description}` : c.label}
          </option>
        ))}
      </select>
    );
  }
  if (field.kind === 'boolean') {
    return (
      <select {...common} required={false}>
        <option value="">(not set)</option>
        <option value="true" selected={value === 'true'}>
          yes
        </option>
        <option value="false" selected={value === 'false'}>
          no
        </option>
      </select>
    );
  }
  // Multi-line values (and long-form fields) get a textarea, so nothing is flattened.
  if (field.kind === 'textarea' || field.kind === 'yaml' || field.kind === 'lines' || value.includes('\n')) {
    const rows = field.key === 'tldr' ? 3 : Math.min(10, Math.max(2, value.split('\n').length + 1));
    return (
      <textarea {...common} rows={rows} spellcheck={field.kind !== 'yaml'}>
        {`\n${value}`}
      </textarea>
    );
  }
  const type = field.kind === 'url' ? 'url' : field.kind === 'date' ? 'date' : 'text';
  return (
    <input type={type} {...common} value={value} pattern={type === 'text' ? field.pattern : undefined} />
  );
}

function Field({
  field,
  name,
  ctx,
  className,
}: {
  field: ScalarField;
  name: string;
  ctx: Ctx;
  className?: string;
}) {
  const id = `f-${domId(name)}`;
  const notes = ctx.notes.filter((n) => n.field === name);
  const invalid = notes.some((n) => n.severity === 'error');
  return (
    <div class={`field ${className ?? ''}${invalid ? ' invalid' : ''}`}>
      <label for={id}>
        {field.label}
        {field.required ? '' : ' (optional)'}
      </label>
      {field.help ? (
        <span class="help" id={`${id}-help`}>
          {field.help}
        </span>
      ) : null}
      <Input field={field} name={name} ctx={ctx} />
      {field.key === 'tldr' ? (
        <WordCount id="count-tldr" n={ctx.stats?.tldrWords} budget={ctx.stats?.tldrBudget} />
      ) : null}
      <Messages id={domId(name)} notes={notes} />
    </div>
  );
}

function WordCount({ id, n, budget }: { id: string; n?: number; budget?: number }) {
  return (
    <p class="counts">
      <output id={id} class={n !== undefined && budget !== undefined && n > budget ? 'over' : ''}>
        {n !== undefined && budget !== undefined ? `${n} of ${budget} words` : ''}
      </output>
    </p>
  );
}

/** The fields of the form (everything between the hidden inputs and the buttons). */
export function AnswerFormFields(props: Ctx) {
  const ctx = props;
  const out = [];
  // Rarely used fields (import origin, per-answer linter settings) fold away unless they hold something.
  const more = [];
  const advanced = (f: (typeof ANSWER_FORM_FIELDS)[number]) =>
    f.type === 'group' || (f.type === 'scalar' && f.kind === 'yaml');
  for (const field of ANSWER_FORM_FIELDS) {
    if (advanced(field)) {
      more.push(field);
      continue;
    }
    if (field.type === 'scalar') {
      out.push(<Field field={field} name={field.key} ctx={ctx} />);
      if (field.key === 'tldr') out.push(<BodyField ctx={ctx} />);
    } else if (field.type === 'rows') {
      const n = rowCount(ctx.values, field.key) + 1; // one empty row to add a source without script
      out.push(
        <fieldset id={`f-${field.key}`}>
          <legend>{field.label}</legend>
          {field.help ? <p class="help">{field.help}</p> : null}
          <Messages id={domId(field.key)} notes={ctx.notes.filter((x) => x.field === field.key)} />
          {Array.from({ length: n }, (_, i) => (
            <fieldset class="source-row">
              <legend class="row-title">
                {field.label.replace(/s$/, '')} {i + 1}
              </legend>
              {field.fields.map((f) => (
                <Field field={f} name={`${field.key}.${i}.${f.key}`} ctx={ctx} className={`f-${f.key}`} />
              ))}
              <Messages
                id={`${field.key}-${i}`}
                notes={ctx.notes.filter((x) => x.field === `${field.key}.${i}`)}
              />
            </fieldset>
          ))}
          <button type="button" id="add-source" hidden>
            Add another source
          </button>
        </fieldset>,
      );
    }
  }
  const filled = more.some((f) =>
    Object.entries(ctx.values).some(
      ([k, v]) => (k === f.key || k.startsWith(`${f.key}.`)) && v.trim() !== '',
    ),
  );
  const noted = more.some((f) => ctx.notes.some((n) => n.field === f.key || n.field.startsWith(`${f.key}.`)));
  return (
    <>
      {out}
      {more.length ? (
        <details class="more" open={filled || noted}>
          <summary>More fields: {more.map((f) => f.label.replace(/ \(YAML\)$/, '')).join(', ')}</summary>
          {more.map((field) =>
            field.type === 'group' ? (
              <fieldset>
                <legend>
                  {field.label}
                  {field.required ? '' : ' (optional)'}
                </legend>
                {field.help ? <p class="help">{field.help}</p> : null}
                {field.fields.map((f) => (
                  <Field field={f} name={f.key} ctx={ctx} />
                ))}
                <Messages id={domId(field.key)} notes={ctx.notes.filter((n) => n.field === field.key)} />
              </fieldset>
            ) : field.type === 'scalar' ? (
              <Field field={field} name={field.key} ctx={ctx} />
            ) : null,
          )}
        </details>
      ) : null}
    </>
  );
}

function BodyField({ ctx }: { ctx: Ctx }) {
  const notes = ctx.notes.filter((n) => n.field === 'body');
  return (
    <div class={`field${notes.some((n) => n.severity === 'error') ? ' invalid' : ''}`}>
      <label for="f-body">Answer (Markdown)</label>
      <span class="help" id="f-body-help">
        Plain paragraphs; “## ” starts a heading, “- ” a list item; cite with [^source-id].
      </span>
      <div class="toolbar" id="body-toolbar" role="toolbar" aria-label="Formatting" hidden>
        <button type="button" data-md="heading">
          Heading
        </button>
        <button type="button" data-md="list">
          Bulleted list
        </button>
        <button type="button" data-md="numbered">
          Numbered list
        </button>
        <button type="button" data-md="bold">
          Bold
        </button>
        <button type="button" data-md="footnote">
          Footnote
        </button>
      </div>
      <textarea id="f-body" name="body" rows={16} aria-describedby="f-body-help msg-body" spellcheck>
        {`\n${ctx.values.body ?? ''}`}
      </textarea>
      <div id="footnote-suggest" class="suggest" hidden />
      <p class="counts">
        <output id="count-body">
          {ctx.stats ? `${ctx.stats.bodyWords} of ${ctx.stats.bodyBudget} words` : ''}
        </output>{' '}
        · Reading level: <output id="grade">{ctx.stats ? gradeText(ctx.stats) : 'not checked yet'}</output>
      </p>
      <Messages id="body" notes={notes} />
    </div>
  );
}

export function gradeText(stats: LiveStats): string {
  return stats.grade === null
    ? 'too short to grade'
    : `grade ${stats.grade} (target ${stats.targetGrade} or below)`;
}
