/**
 * 200 concurrent conflicting edits to one answer through the HTTP API: exactly one wins per base
 * revision, every other gets 409, and no revision is lost or duplicated. Runs on SQLite and,
 * when reachable, PostgreSQL (row lock with SELECT … FOR UPDATE).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../src/store/index.js';
import { dropSchema, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { PASSWORDS, startTestSite, type TestSite } from './fixture-app.js';
import { TestClient } from './http-client.js';

const CLIENTS = 200;

async function hammer(site: TestSite) {
  const id = (await site.repo.listAnswers({ condition: 'sacral-agenesis' })).find(
    (a) => a.slug === 'symptoms',
  )!.id;
  const c = new TestClient(site.server.url);
  expect((await c.login('ann', PASSWORDS.ann)).status).toBe(303);
  const start = (await (await c.fetch(`/editor/api/answers/${id}`)).json()) as {
    current: { id: number; markdown: string };
  };
  const before = await site.store.listRevisions(id);

  // Round 1: everyone edits the same base revision.
  const round1 = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      c.json('PUT', `/editor/api/answers/${id}`, {
        baseRevisionId: start.current.id,
        markdown: start.current.markdown.replace('Symptoms depend', `Symptoms (edit ${i}) depend`),
      }),
    ),
  );
  const statuses = round1.map((r) => r.status);
  expect(statuses.filter((s) => s === 201)).toHaveLength(1);
  expect(statuses.filter((s) => s === 409)).toHaveLength(CLIENTS - 1);
  const bodies = await Promise.all(
    round1.map(
      (r) => r.json() as Promise<{ revision?: { id: number }; current?: { id: number }; diff?: unknown[] }>,
    ),
  );
  const winner = bodies[statuses.indexOf(201)]!.revision!.id;
  // Every loser was told which revision won and got a diff to merge from.
  for (const b of bodies.filter((x) => x.current)) {
    expect(b.current!.id).toBe(winner);
    expect(b.diff!.length).toBeGreaterThan(0);
  }

  // Round 2: half build on the winner, half on the stale start: again exactly one wins.
  const round2 = await Promise.all(
    Array.from({ length: CLIENTS }, (_, i) =>
      c.json('PUT', `/editor/api/answers/${id}`, {
        baseRevisionId: i % 2 ? winner : start.current.id,
        markdown: start.current.markdown.replace('Symptoms depend', `Symptoms (second ${i}) depend`),
      }),
    ),
  );
  const s2 = round2.map((r) => r.status);
  await Promise.all(round2.map((r) => r.text()));
  expect(s2.filter((s) => s === 201)).toHaveLength(1);
  expect(s2.indexOf(201) % 2).toBe(1); // only an edit of the current revision can win
  expect(s2.filter((s) => s === 409)).toHaveLength(CLIENTS - 1);

  const after = await site.store.listRevisions(id);
  expect(after).toHaveLength(before.length + 2); // none lost, none duplicated
  const bases = after.map((r) => r.baseRevisionId);
  expect(new Set(bases).size).toBe(bases.length); // one child per base revision: a linear history
  const edits = (await site.repo.listAudit({ entity: 'answer', entityId: String(id) })).filter(
    (e) => e.action === 'edit',
  );
  expect(edits).toHaveLength(2);
}

describe('concurrent conflicting edits over HTTP', () => {
  it(`SQLite: ${CLIENTS} clients, one winner per base revision`, async () => {
    const site = await startTestSite();
    try {
      await hammer(site);
    } finally {
      await site.close();
    }
  }, 60_000);

  const schemas: string[] = [];
  let url: string | null = null;
  afterAll(async () => {
    for (const s of schemas) if (url) await dropSchema(url, s);
  });

  it(`PostgreSQL: ${CLIENTS} clients, one winner per base revision`, async (ctx) => {
    url = await postgresUrl();
    if (!url) return ctx.skip();
    const schema = uniqueSchema('concurrency');
    schemas.push(schema);
    const site = await startTestSite(() => openPostgresStore(url!, { schema }));
    try {
      await hammer(site);
    } finally {
      await site.close();
    }
  }, 60_000);
});
