import { describe, expect, it } from 'vitest';
import {
  decodeUtf8,
  footnoteReferences,
  parseAnswer,
  parseCondition,
  parseReviewers,
} from '../../src/content/index.js';

const good = `---
question: What is asthma?
condition: asthma
aspect: overview
tldr: Asthma is a common lung condition.
---
Body text.
`;

function problems(text: string) {
  const r = parseAnswer(text, 'asthma/overview.md');
  if (r.ok) throw new Error('expected problems');
  return r.problems;
}

describe('parseAnswer', () => {
  it('reads a valid answer with the body and its first line', () => {
    const r = parseAnswer(good, 'a.md');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value.answer.question).toBe('What is asthma?');
      expect(r.value.answer.audience).toBe('patient');
      expect(r.value.answer.body).toBe('Body text.\n');
      expect(r.value.bodyLine).toBe(7);
    }
  });

  it('reports a missing front matter with a fix', () => {
    const [p] = problems('Just text\n');
    expect(p).toMatchObject({ code: 'front-matter-missing', line: 1 });
    expect(p?.hint).toMatch(/---/);
  });

  it('reports an unclosed front matter', () => {
    expect(problems('---\nquestion: x?\n')[0]?.code).toBe('front-matter-unclosed');
  });

  it('reports malformed YAML at its line', () => {
    const [p] = problems(good.replace('tldr: Asthma', 'tldr: [Asthma'));
    expect(p?.code).toBe('yaml-syntax');
    expect(p?.line).toBeGreaterThanOrEqual(5);
  });

  it('reports an unknown aspect at its line, listing the allowed ones', () => {
    const [p] = problems(good.replace('aspect: overview', 'aspect: etiology'));
    expect(p).toMatchObject({ code: 'unknown-aspect', line: 4, file: 'asthma/overview.md' });
    expect(p?.message).toContain('"etiology"');
    expect(p?.message).toContain('causes');
  });

  it('reports a missing required field with a hint to add it', () => {
    const [p] = problems(good.replace('tldr: Asthma is a common lung condition.\n', ''));
    expect(p?.code).toBe('missing-field');
    expect(p?.message).toContain('"tldr"');
    expect(p?.hint).toContain('tldr:');
  });

  it('rejects unknown keys (typos) instead of ignoring them', () => {
    const [p] = problems(good.replace('tldr:', 'tldr: x\ntdlr:'));
    expect(p?.message).toMatch(/tdlr|unrecognized/i);
  });

  it('reports a footnote that matches no source at its line and column', () => {
    const text = good.replace('Body text.', 'Line one.\nIt rises 3 times [^nhs].');
    const [p] = problems(text);
    expect(p).toMatchObject({ code: 'broken-footnote', line: 8, column: 18 });
  });

  it('counts a reference before a colon as a reference, and a line-start definition as a definition', () => {
    expect(footnoteReferences('Signs include [^nhs]:\n\n- fever').map((r) => r.id)).toEqual(['nhs']);
    expect(footnoteReferences('[^nhs]: NHS page\nText [^cdc].').map((r) => r.id)).toEqual(['cdc']);
    const [p] = problems(good.replace('Body text.', 'Signs include [^typo]:\n\n- fever'));
    expect(p?.code).toBe('broken-footnote');
  });

  it('ignores footnote-like text inside code fences', () => {
    const r = parseAnswer(good.replace('Body text.', '```\n[^x]\n```'));
    expect(r.ok).toBe(true);
  });

  it('reports a date that is not a calendar date', () => {
    const [p] = problems(good.replace('---\nBody', 'updated: 2026-02-30\n---\nBody'));
    expect(p?.message).toMatch(/calendar date/);
  });
});

describe('decodeUtf8', () => {
  it('refuses invalid UTF-8 and names the line of the first bad byte', () => {
    const bytes = Buffer.concat([Buffer.from('---\nquestion: caf'), Buffer.from([0xe9]), Buffer.from('?\n')]);
    const r = decodeUtf8(bytes, 'x.md');
    expect(typeof r).toBe('object');
    expect(r).toMatchObject({ code: 'not-utf8', line: 2 });
  });
});

describe('parseCondition and parseReviewers', () => {
  it('takes the slug from the folder and the summary from the body', () => {
    const r = parseCondition(
      '---\nname: Gout\nsynonyms: [gouty arthritis]\n---\nA kind of arthritis.\n',
      'gout',
    );
    expect(r).toEqual({
      ok: true,
      value: { name: 'Gout', slug: 'gout', synonyms: ['gouty arthritis'], summary: 'A kind of arthritis.' },
    });
  });

  it('refuses a slug that does not match its folder', () => {
    const r = parseCondition('---\nname: Gout\nslug: goat\n---\n', 'gout');
    expect(r.ok).toBe(false);
  });

  it('validates reviewers with line numbers', () => {
    const r = parseReviewers(
      '- id: a\n  name: A\n  credentials: MD\n- id: B C\n  name: B\n  credentials: MD\n',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]).toMatchObject({ line: 4 });
  });
});
