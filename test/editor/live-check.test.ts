import { afterAll, describe, expect, it } from 'vitest';
import { AnswerSchema } from '../../src/content/index.js';
import { formValues } from '../../src/web/editor/answer-form.js';
import { CheckPool, CheckTimeoutError } from '../../src/web/editor/check-pool.js';
import { liveCheck } from '../../src/web/editor/live-check.js';
import { editableMarkdown } from '../../src/web/editor/markdown.js';

const today = '2025-06-01';
const options = { today, reviewers: ['demo-gp'] };
const long = 'Many people with this condition live full lives and work. '.repeat(8);
const answer = AnswerSchema.parse({
  question: 'What causes sacral agenesis?',
  condition: 'sacral-agenesis',
  aspect: 'causes',
  tldr: `${'Word '.repeat(70)}end.`,
  sources: [{ id: 'nhs', title: 'NHS', url: 'https://www.nhs.uk/a', accessed: '2024-01-01' }],
  body: `About 1 in 25,000 babies are born with it.\n\n${long}\n\nIt is always caused by diabetes.[^nhs]\n`,
});

describe('liveCheck', () => {
  it('says which field each message concerns, with the line inside the body', () => {
    const r = liveCheck({ form: formValues(answer) }, options);
    expect(r.valid).toBe(true);
    const tooLong = r.messages.find((m) => m.ruleId === 'short-answer-too-long');
    expect(tooLong?.field).toBe('tldr');
    const stat = r.messages.find((m) => m.ruleId === 'statistic-uncited');
    expect(stat).toMatchObject({ field: 'body', bodyLine: 1 });
    const absolute = r.messages.find((m) => m.ruleId === 'absolute-claim');
    expect(absolute).toMatchObject({ field: 'body', bodyLine: 5 });
    expect(r.stats).toMatchObject({ tldrWords: 71, tldrBudget: 60, bodyBudget: 300 });
    expect(r.stats.bodyWords).toBeGreaterThan(90);
    expect(typeof r.stats.grade).toBe('number');
    expect(r.markdown).toBe(editableMarkdown(answer));
  });

  it('gives the same lint on the raw Markdown as on the form', () => {
    const fromForm = liveCheck({ form: formValues(answer) }, options);
    const fromMarkdown = liveCheck({ markdown: editableMarkdown(answer) }, options);
    expect(fromMarkdown.messages).toEqual(fromForm.messages);
  });

  it('reports form problems against their field without running the linter', () => {
    const r = liveCheck({ form: { ...formValues(answer), 'sources.0.url': 'javascript:alert(1)' } }, options);
    expect(r.valid).toBe(false);
    expect(r.messages).toEqual([expect.objectContaining({ field: 'sources.0.url', severity: 'error' })]);
    expect(r.stats.tldrWords).toBe(71);
  });

  it('maps front-matter lint messages in raw Markdown to their field', () => {
    const second = {
      id: 'gard',
      title: 'GARD',
      url: 'https://rarediseases.info.nih.gov/',
      accessed: '2024-01-01',
    };
    const md = editableMarkdown({ ...answer, sources: [...answer.sources, second] });
    const r = liveCheck({ markdown: md }, options);
    const uncited = r.messages.find((m) => m.ruleId === 'source-broken');
    expect(uncited?.message).toMatch(/"gard" is listed but never cited/);
    expect(uncited?.field).toBe('sources.1.id');
  });
});

describe('CheckPool', () => {
  const pool = new CheckPool({
    timeoutMs: 2500,
    worker: new URL('./fixtures/slow-check-worker.ts', import.meta.url),
  });
  afterAll(() => pool.close());

  it('runs the same checks in a worker thread', async () => {
    const r = await pool.check({ form: formValues(answer) }, options);
    expect(r).toEqual(liveCheck({ form: formValues(answer) }, options));
  });

  it('stops a check that runs too long, keeps the event loop free meanwhile, and recovers', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 20);
    const slow = pool.check({ markdown: 'spin:10000' }, options);
    await expect(slow).rejects.toBeInstanceOf(CheckTimeoutError);
    clearInterval(timer);
    expect(ticks).toBeGreaterThanOrEqual(40); // the main thread kept running while the worker spun
    const after = await pool.check({ form: formValues(answer) }, options);
    expect(after.valid).toBe(true);
  });
});
