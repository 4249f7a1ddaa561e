import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Answer, AnswerSchema } from '../../src/content/index.js';
import { ANSWER_FORM_FIELDS, answerFromForm, formValues } from '../../src/web/editor/answer-form.js';
import { editableMarkdown, parseEditorMarkdown } from '../../src/web/editor/markdown.js';
import { answerArbitrary } from '../content/arbitraries.js';

const editable = (a: Answer): Answer => {
  const { review: _r, updated: _u, ...rest } = a;
  return rest as Answer;
};

/** What a browser posts back: textareas turn line breaks into CRLF. */
const posted = (values: Record<string, string>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.replace(/\n/g, '\r\n')]));

describe('answer form generated from the schema', () => {
  it('has a widget for every front-matter field the author types', () => {
    const keys = ANSWER_FORM_FIELDS.map((f) => f.key);
    expect(keys).toEqual(
      expect.arrayContaining(['question', 'condition', 'aspect', 'audience', 'tldr', 'sources']),
    );
    expect(keys).not.toContain('review');
    expect(keys).not.toContain('updated');
    const aspect = ANSWER_FORM_FIELDS.find((f) => f.key === 'aspect');
    expect(aspect?.type === 'scalar' && aspect.choices?.length).toBe(14);
    expect(aspect?.type === 'scalar' && aspect.choices?.every((c) => c.description)).toBe(true);
    const sources = ANSWER_FORM_FIELDS.find((f) => f.key === 'sources');
    expect(sources?.type).toBe('rows');
    expect(sources?.type === 'rows' && sources.fields.map((f) => `${f.key}:${f.kind}`)).toEqual([
      'id:text',
      'title:text',
      'url:url',
      'publisher:text',
      'accessed:date',
    ]);
  });

  it('form → answer → form is lossless for every valid answer (and matches the Markdown view)', () => {
    fc.assert(
      fc.property(answerArbitrary, (answer) => {
        const values = formValues(answer);
        const back = answerFromForm(posted(values));
        if (!back.ok) throw new Error(JSON.stringify(back.problems));
        expect(back.answer).toEqual(AnswerSchema.parse(editable(answer)));
        // The raw Markdown view of the form's answer is the Markdown view of the original.
        expect(editableMarkdown(back.answer)).toBe(editableMarkdown(answer));
        // And Markdown → form → Markdown is the identity on editable Markdown.
        const md = editableMarkdown(answer);
        const parsed = parseEditorMarkdown(md);
        if (!parsed.ok) return; // arbitrary bodies may hold broken footnotes; covered above
        const again = answerFromForm(posted(formValues(parsed.answer)));
        expect(again.ok && editableMarkdown(again.answer)).toBe(md);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps fields the form shows as groups or YAML (origin, lint, tldr_derived)', () => {
    const md = `---
question: What causes it?
condition: sacral-agenesis
aspect: causes
tldr: It is rare.
tldr_derived: false
origin:
  collection: medquad
  publisher: GARD
  documentId: "0001"
lint:
  rules:
    readability:
      - warn
      - maxGrade: 10
sources:
  - id: nhs
    title: NHS page
    url: https://www.nhs.uk/x
    accessed: 2024-01-02
---
Body text.[^nhs]
`;
    const parsed = parseEditorMarkdown(md);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const values = formValues(parsed.answer);
    expect(values['origin.publisher']).toBe('GARD');
    expect(values['sources.0.url']).toBe('https://www.nhs.uk/x');
    const back = answerFromForm(values);
    expect(back.ok && editableMarkdown(back.answer)).toBe(editableMarkdown(parsed.answer));
  });

  it('names the field of each problem, drops empty rows and refuses javascript: URLs', () => {
    const base = formValues(
      AnswerSchema.parse({ question: 'Why?', condition: 'x', aspect: 'causes', tldr: 'T.', body: 'B.' }),
    );
    const r = answerFromForm({
      ...base,
      question: '',
      'sources.0.id': 'a',
      'sources.0.title': 'A',
      'sources.0.url': 'https://a.example/',
      'sources.0.accessed': '2024-01-01',
      'sources.1.id': '',
      'sources.2.id': 'evil',
      'sources.2.title': 'Evil',
      'sources.2.url': 'javascript:alert(1)',
      'sources.2.accessed': '2024-13-01',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const fields = r.problems.map((p) => p.field);
    expect(fields).toContain('question');
    expect(fields).toContain('sources.2.url');
    expect(fields).toContain('sources.2.accessed');
    expect(fields).not.toContain('sources.1.id');
    expect(r.problems.find((p) => p.field === 'sources.2.url')?.message).toMatch(
      /URL: must be an http\(s\) URL/,
    );
  });

  it('reports a footnote without a source against the body, and duplicate ids against the row', () => {
    const base = formValues(
      AnswerSchema.parse({ question: 'Why?', condition: 'x', aspect: 'causes', tldr: 'T.', body: 'B.[^zz]' }),
    );
    const row = { title: 'A', url: 'https://a.example/', accessed: '2024-01-01' };
    const r = answerFromForm({
      ...base,
      ...Object.fromEntries(Object.entries(row).map(([k, v]) => [`sources.0.${k}`, v])),
      ...Object.fromEntries(Object.entries(row).map(([k, v]) => [`sources.3.${k}`, v])),
      'sources.0.id': 'a',
      'sources.3.id': 'a',
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.field)).toEqual(['sources.3.id', 'body']);
  });
});
