/**
 * Two stateless web processes on one PostgreSQL database, as behind a load balancer: a session
 * opened on A works on B (sessions live in the database), an edit saved on A is what B serves
 * and what B checks conflicts against (a stale edit on B gets 409 with A's revision), a
 * publication on A is the page B serves, and signing out on A ends the session on B too.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, splitSchema } from '../../src/store/index.js';
import { importBundle, workflowRepo } from '../../src/workflow/index.js';
import { recordFigures } from '../helpers/figures.js';
import { dropSchema, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { bundle } from '../store/fixtures.js';
import { TestClient } from '../workflow/http-client.js';
import { kill, type ServerProcess, startServerProcess } from './server-process.js';
import { type Staff, seedWorkload } from './workload.js';

const pg = await postgresUrl();
const schema = uniqueSchema('ops_two');
const url = pg ? `${pg}${pg.includes('?') ? '&' : '?'}schema=${schema}` : '';
let a: ServerProcess;
let b: ServerProcess;
let staff: Staff;
let answerId: number;

beforeAll(async () => {
  if (!pg) return;
  const store = await openStore(url);
  await importBundle(store, bundle(), { actor: 'seed' });
  const seeded = await seedWorkload(workflowRepo(store), 1, 'two');
  staff = seeded.staff;
  answerId = seeded.answerIds[0]!;
  await store.close();
  [a, b] = await Promise.all([startServerProcess(url), startServerProcess(url)]);
}, 120_000);

afterAll(async () => {
  await Promise.all([a && kill(a), b && kill(b)]);
  if (pg) await dropSchema(pg, schema);
});

describe.skipIf(!pg)('two server processes on one PostgreSQL', () => {
  it('openStore honours ?schema= and keeps it out of the connection string', () => {
    expect(splitSchema(url)).toEqual({ connection: pg, schema });
    expect(splitSchema('postgres://h/db')).toEqual({ connection: 'postgres://h/db' });
  });

  it('share sessions, edits, conflict checks, publications and sign-out', async () => {
    const author = new TestClient(a.url);
    expect((await author.login('ops-author', 'ops-author password 123')).status).toBe(303);
    // The same cookie on the other process: the session is in the database, not in A's memory.
    const onB = new TestClient(b.url);
    for (const [k, v] of author.cookies) onB.cookies.set(k, v);
    onB.csrf = author.csrf;
    const who = await onB.fetch('/editor/api/session');
    expect(who.status).toBe(200);
    expect(((await who.json()) as { user: { username: string } }).user.username).toBe('ops-author');

    const before = (await (await onB.fetch(`/editor/api/answers/${answerId}`)).json()) as {
      current: { id: number; markdown: string };
    };
    // Edit on A.
    const markdown = `${before.current.markdown.trimEnd()}\n\nSaved on process A.\n`;
    const saved = await author.json('PUT', `/editor/api/answers/${answerId}`, {
      baseRevisionId: before.current.id,
      markdown,
    });
    expect(saved.status).toBe(201);
    const revision = ((await saved.json()) as { revision: { id: number; hash: string } }).revision;
    // B serves it at once.
    const seen = (await (await onB.fetch(`/editor/api/answers/${answerId}`)).json()) as {
      current: { id: number; hash: string; markdown: string };
    };
    expect(seen.current).toMatchObject({ id: revision.id, hash: revision.hash });
    expect(seen.current.markdown).toContain('Saved on process A.');
    // A stale edit on B (based on what was current before A saved) is refused with A's revision.
    const stale = await onB.json('PUT', `/editor/api/answers/${answerId}`, {
      baseRevisionId: before.current.id,
      markdown: `${before.current.markdown.trimEnd()}\n\nSaved on process B.\n`,
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { current: { id: number } }).current.id).toBe(revision.id);

    // Review and publish on A; B's public page shows the new text with the reviewed badge.
    const call = (server: ServerProcess, s: Staff[keyof Staff], action: string) =>
      fetch(`${server.url}/editor/api/answers/${answerId}/transition`, {
        method: 'POST',
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
        body: JSON.stringify({ action, revisionId: revision.id }),
      });
    expect((await call(a, staff.author, 'submit')).status).toBe(200);
    expect((await call(b, staff.reviewer, 'approve')).status).toBe(200);
    expect((await call(a, staff.editor, 'publish')).status).toBe(200);
    const page = await (await fetch(`${b.url}/conditions/sacral-agenesis/two-0`)).text();
    expect(page).toContain('Saved on process A.');
    expect(page).toContain('Medically reviewed by');

    // Signing out on A ends the session on B.
    expect((await author.form('/logout', { _csrf: author.csrf })).status).toBe(303);
    expect((await onB.fetch('/editor/api/session')).status).toBe(401);
    recordFigures('multi-process', {
      processes: 2,
      database: 'postgres',
      sessionShared: true,
      conflictStatus: 409,
    });
  }, 60_000);
});
