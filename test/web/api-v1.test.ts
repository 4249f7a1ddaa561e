import { beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import {
  AnswerListSchema,
  AnswerResourceSchema,
  ConditionDetailSchema,
  ConditionListSchema,
  ProblemSchema,
  ReviewerListSchema,
} from '../../src/web/api/index.js';
import { fixtureApp } from '../site/fixture.js';

type App = Awaited<ReturnType<typeof fixtureApp>>['app'];

async function json<S extends z.ZodType>(app: App, path: string, schema: S, init?: RequestInit) {
  const res = await app.request(path, init);
  const body = await res.json();
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.message}`);
  return { res, body: parsed.data as z.infer<S> };
}

describe('/api/v1', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await fixtureApp());
  });

  it('every response matches the zod schema the OpenAPI document is generated from', async () => {
    await json(app, '/api/v1/conditions', ConditionListSchema);
    await json(app, '/api/v1/conditions/sacral-agenesis', ConditionDetailSchema);
    const { body } = await json(app, '/api/v1/conditions/sacral-agenesis/causes', AnswerResourceSchema);
    expect(body.review.kind).toBe('reviewed');
    const imported = await json(app, '/api/v1/conditions/gout/outlook', AnswerResourceSchema);
    expect(imported.body.review).toMatchObject({
      kind: 'imported',
      url: 'https://medlineplus.gov/gout.html',
    });
    await json(app, '/api/v1/answers', AnswerListSchema);
    await json(app, '/api/v1/reviewers', ReviewerListSchema);
  });

  it('paginates with limit/offset, page links and a Link header', async () => {
    const { res, body } = await json(app, '/api/v1/conditions?limit=3&offset=3', ConditionListSchema);
    expect(body.conditions).toHaveLength(3);
    expect(body.pagination).toMatchObject({ limit: 3, offset: 3 });
    expect(body.pagination.next).toBe('https://medbrief.example/api/v1/conditions?limit=3&offset=6');
    expect(body.pagination.prev).toBe('https://medbrief.example/api/v1/conditions?limit=3&offset=0');
    expect(res.headers.get('link')).toContain('rel="next"');
    const all = await json(app, '/api/v1/conditions?limit=100', ConditionListSchema);
    expect(all.body.pagination.next).toBeNull();
    const pages: string[] = [];
    for (let offset = 0; offset < all.body.pagination.total; offset += 4) {
      const p = await json(app, `/api/v1/conditions?limit=4&offset=${offset}`, ConditionListSchema);
      pages.push(...p.body.conditions.map((c) => c.slug));
    }
    expect(pages).toEqual(all.body.conditions.map((c) => c.slug));
  });

  it.each(['limit=0', 'limit=101', 'limit=abc', 'offset=-1'])(
    'rejects %s with a 400 problem listing the parameter',
    async (q) => {
      const res = await app.request(`/api/v1/answers?${q}`);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = ProblemSchema.parse(await res.json());
      expect(body.errors?.[0]?.name).toBe(q.split('=')[0]);
    },
  );

  it('sends an ETag and Cache-Control, and 304 for a matching If-None-Match', async () => {
    const first = await app.request('/api/v1/conditions/gout');
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get('cache-control')).toContain('max-age=');
    const again = await app.request('/api/v1/conditions/gout', { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe(first.headers.get('cache-control'));
    expect(await again.text()).toBe('');
    const weak = await app.request('/api/v1/conditions/gout', {
      headers: { 'If-None-Match': `"x", W/${etag}` },
    });
    expect(weak.status).toBe(304);
    const other = await app.request('/api/v1/conditions/gout', { headers: { 'If-None-Match': '"nope"' } });
    expect(other.status).toBe(200);
    const different = await app.request('/api/v1/conditions/asthma');
    expect(different.headers.get('etag')).not.toBe(etag);
  });

  it('allows cross-origin GET, answers preflight, and exposes ETag and Link', async () => {
    const res = await app.request('/api/v1/conditions', { headers: { Origin: 'https://elsewhere.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-expose-headers')).toContain('ETag');
    const pre = await app.request('/api/v1/conditions', {
      method: 'OPTIONS',
      headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
    expect(pre.headers.get('access-control-allow-methods')).not.toContain('POST');
  });

  it('answers unknown resources with RFC 9457 problem+json', async () => {
    for (const path of ['/api/v1/conditions/nope', '/api/v1/conditions/gout/nope', '/api/v1/nothing']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(ProblemSchema.parse(await res.json())).toMatchObject({ status: 404, title: 'Not Found' });
    }
  });

  it('keeps the unversioned /api paths as aliases with the same bodies', async () => {
    for (const path of ['/conditions?limit=5', '/conditions/gout', '/conditions/gout/causes']) {
      const v1 = await (await app.request(`/api/v1${path}`)).text();
      const alias = await (await app.request(`/api${path}`)).text();
      expect(alias).toBe(v1);
    }
  });

  it('serves an OpenAPI 3.1 document whose schemas come from zod, and a human docs page', async () => {
    // biome-ignore lint/suspicious/noExplicitAny: walking an arbitrary JSON document
    const doc: any = await (await app.request('/api/v1/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/conditions',
        '/conditions/{condition}',
        '/conditions/{condition}/{answer}',
        '/answers',
        '/reviewers',
      ]),
    );
    const answer = doc.components.schemas.AnswerResource;
    // The aspect enum is the content model's vocabulary, not a hand-written copy.
    const { ASPECTS } = await import('../../src/content/index.js');
    expect(answer.properties.aspect.enum).toEqual([...ASPECTS]);
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/(\w+)/g) ?? [];
    for (const r of refs) expect(doc.components.schemas).toHaveProperty(r.split('/').pop()!);
    const docs = await app.request('/api/v1/docs');
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('GET /conditions/{condition}/{answer}');
    expect(html).toContain('href="/api/v1/openapi.json"');
  });
});
