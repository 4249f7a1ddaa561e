/**
 * The seed page (../shared/seed/example-page.txt) as a draft: its question, TL;DR (printed twice,
 * once run on into the question and the first body sentence), body, header date and disclaimer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAnswer, parseCondition } from '../../../src/content/index.js';
import { draftFromPage, importPages } from '../../../src/import/page/index.js';
import { auditPage, lintAnswer, pageParts } from '../../../src/lint/index.js';
import { tempDir } from './helpers/pages.js';
import { seedFile, seedPage } from './helpers/seed.js';

const seed = seedPage();

describe.skipIf(!seed)('the seed page as a draft answer', () => {
  const text = seed ?? '';
  const parts = pageParts(text, seedFile);
  const result = draftFromPage(parts, { collection: 'text' });
  if (!result.ok) throw new Error(`seed page not recognised: ${result.problem.message}`);
  const { answer, condition } = result.draft;
  const lines = text.split('\n');

  it('takes question, condition, aspect and the header date from the page', () => {
    expect(answer.question).toBe('What causes sacral agenesis and caudal regression syndrome?');
    expect(answer.condition).toBe('sacral-agenesis');
    expect(answer.aspect).toBe('causes');
    expect(answer.updated).toBe(/Last updated: (\d{4}-\d{2}-\d{2})/.exec(lines[0]!)![1]);
    expect(condition).toMatchObject({ name: 'Sacral agenesis', synonyms: ['caudal regression syndrome'] });
  });

  it('keeps the TL;DR once, without the question and body sentence it runs on into', () => {
    const secondTldr = lines.find((l, i) => i > 1 && l.startsWith('TL;DR:'))!;
    expect(answer.tldr).toBe(secondTldr.slice('TL;DR:'.length).trim());
    expect(answer.tldr).not.toContain('?');
    expect(answer.body).not.toContain('TL;DR');
  });

  it('keeps every body paragraph once, in order, and leaves out header and disclaimer', () => {
    const bodyLines = lines.filter((l) => l.trim() && !/^(TL;DR:|Short answer|Medical disclaimer)/.test(l));
    const paragraphs = answer.body.trim().split(/\n\n/);
    expect(paragraphs).toEqual(bodyLines.map((l) => l.trim()));
    expect(answer.body).not.toMatch(/disclaimer/i);
  });

  it('writes no review block: "Medically reviewed" with no reviewer is a claim, not a review', () => {
    expect(parts.reviewClaim?.reviewer).toBeUndefined();
    expect(answer.review).toBeUndefined();
    expect(result.draft.notes.join('\n')).toMatch(/names no reviewer.*no review block/);
  });

  it('round-trips through the content parser', () => {
    const parsed = parseAnswer(result.draft.text, 'sacral-agenesis/causes.md');
    if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.message).join('\n'));
    expect(parsed.value.answer).toEqual(answer);
    expect(answer.origin).toEqual({ collection: 'text', publisher: 'unknown' });
  });

  it('the draft still shows the defects of its text, but not the duplicated TL;DR', () => {
    const page = new Set(auditPage(text, seedFile).map((m) => m.ruleId));
    const draft = new Set(lintAnswer(result.draft.text).map((m) => m.ruleId));
    expect(page.has('tldr-duplicated')).toBe(true);
    expect(draft.has('tldr-duplicated')).toBe(false);
    for (const rule of [
      'list-empty',
      'statistic-uncited',
      'relative-risk-without-baseline',
      'unattributed-claim',
    ]) {
      expect(page.has(rule), `audit: ${rule}`).toBe(true);
      expect(draft.has(rule), `draft: ${rule}`).toBe(true);
    }
  });

  it('importPages writes the draft and condition.md, and returns the audit of the page', () => {
    const out = tempDir();
    const [outcome] = importPages([seedFile], 'text', { out });
    if (outcome?.status !== 'written') throw new Error(`not written: ${outcome?.status}`);
    expect(outcome.answerFile).toBe(join(out, 'sacral-agenesis', 'causes.md'));
    expect(readFileSync(outcome.answerFile, 'utf8')).toBe(result.draft.text);
    const cond = parseCondition(readFileSync(outcome.conditionFile!, 'utf8'), 'sacral-agenesis');
    expect(cond.ok && cond.value.synonyms).toEqual(['caudal regression syndrome']);
    expect(outcome.messages).toEqual(auditPage(text, seedFile));
  });
});
