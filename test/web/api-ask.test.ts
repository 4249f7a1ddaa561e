import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { AskEngine } from '../../src/search/index.js';
import { askRoutes } from '../../src/web/api/index.js';
import { FIXTURE_DOCS } from '../search/fixtures.js';

const engine = new AskEngine(FIXTURE_DOCS);
const app = new Hono().route(
  '/api/v1',
  askRoutes(() => engine),
);
const get = (qs: string) => app.request(`/api/v1/ask${qs}`);

describe('GET /api/v1/ask', () => {
  it('returns the AskResult shape', async () => {
    const res = await get(`?q=${encodeURIComponent('what causes gout?')}&limit=2`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      abstained: boolean;
      redFlag: unknown;
      results: { answerId: string; origin: unknown }[];
    };
    expect(body.abstained).toBe(false);
    expect(body.redFlag).toBeNull();
    expect(body.results[0]?.answerId).toBe('gout/causes');
    expect(body.results.length).toBeLessThanOrEqual(2);
  });

  it('explains with explain=1', async () => {
    const body = (await (await get('?q=gout%20cure&explain=1')).json()) as { explain?: { focus: unknown[] } };
    expect(body.explain?.focus.length).toBeGreaterThan(0);
  });

  it.each([
    ['', 'Missing question'],
    ['?q=%20%20', 'Missing question'],
    [`?q=${'a'.repeat(5_000)}`, 'Question too long'],
    ['?q=gout&limit=0', 'Invalid limit'],
    ['?q=gout&limit=abc', 'Invalid limit'],
  ])('400 problem+json for %s', async (qs, title) => {
    const res = await get(qs);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(((await res.json()) as { title: string }).title).toBe(title);
  });

  it('FTS-syntax questions are plain text, not errors', async () => {
    const res = await get(`?q=${encodeURIComponent('"gout" NEAR( * AND OR')}`);
    expect(res.status).toBe(200);
  });
});
