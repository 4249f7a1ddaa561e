import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/index.js';
import { workflowRepo } from '../../src/workflow/index.js';
import { runDuePublications, zonedToUtc } from '../../src/workflow/scheduled-publishing.js';
import { answer } from '../store/fixtures.js';
import { PASSWORDS, startTestSite } from '../workflow/fixture-app.js';
import { TestClient } from '../workflow/http-client.js';

async function signIn(base: string, user: string, password: string) {
  const c = new TestClient(base);
  await c.login(user, password);
  return c;
}

describe('zonedToUtc', () => {
  it('reads wall-clock time in the given zone, across summer time', () => {
    expect(zonedToUtc('2026-01-15T09:00', 'Europe/London').toISOString()).toBe('2026-01-15T09:00:00.000Z');
    expect(zonedToUtc('2026-07-15T09:00', 'Europe/London').toISOString()).toBe('2026-07-15T08:00:00.000Z');
    expect(zonedToUtc('2026-07-15T09:00', 'America/New_York').toISOString()).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedToUtc('2026-07-15T09:00', 'UTC').toISOString()).toBe('2026-07-15T09:00:00.000Z');
  });
  it('refuses an unknown zone and a malformed time with a clear message', () => {
    expect(() => zonedToUtc('2026-07-15T09:00', 'Mars/Olympus')).toThrow(/unknown time zone "Mars\/Olympus"/);
    expect(() => zonedToUtc('15/07/2026 9am', 'UTC')).toThrow(/is not a date and time/);
  });
});

describe('scheduled publishing over HTTP', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-schedule-'));
  const file = join(dir, 'site.db');
  const site = await startTestSite(() => openSqliteStore(file));
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function approved(slug: string) {
    const ann = await site.repo.getUser('ann');
    const rob = await site.repo.getUser('rob');
    const { id } = await site.repo.createAnswer(answer({ slug, question: `What is ${slug}?` }), ann!);
    await site.repo.transition(id, ann!, { action: 'submit' });
    const rev = (await site.repo.getAnswer(id))!.currentRevisionId!;
    await site.repo.transition(id, rob!, { action: 'approve', revisionId: rev });
    return { id, rev };
  }

  /** Ed posts the schedule form: revision `rev` of answer `id` at `publishAt`, wall-clock time in `tz`. */
  async function schedule(id: number, rev: number, publishAt: string, tz: string) {
    const ed = await signIn(site.server.url, 'ed', PASSWORDS.ed);
    const res = await ed.form(`/editor/answers/${id}/schedule`, {
      _csrf: ed.csrf,
      publish_at: publishAt,
      tz,
      revision_id: String(rev),
    });
    return { ed, res };
  }

  it('refuses a time in the past, saying what time it is now', async () => {
    const { id, rev } = await approved('sched-past');
    const { res } = await schedule(id, rev, '2020-01-01T09:00', 'Europe/London');
    expect(res.status).toBe(422);
    expect(await res.text()).toMatch(/is in the past \(it is now/);
    expect(await site.repo.scheduledPublication(id)).toBeNull();
  });

  it('schedules in another time zone, survives a restart, and the due job publishes (audited)', async () => {
    const { id, rev } = await approved('sched-ok');
    const { ed, res } = await schedule(id, rev, '2099-07-01T09:30', 'America/New_York');
    expect(res.status).toBe(303);
    const page = await (await ed.fetch(`/editor/answers/${id}`)).text();
    expect(page).toMatch(/will be published at\s*<strong>2099-07-01 13:30 UTC<\/strong>/);
    // A second process on the same database file (as after a restart) finds and runs the schedule.
    const other = await openSqliteStore(file);
    const repo = workflowRepo(other);
    const edUser = (await repo.getUser('ed'))!;
    const early = await runDuePublications(repo, async () => edUser, new Date('2099-07-01T13:29:00Z'));
    expect(early).toEqual({ published: 0, failed: 0 });
    const done = await runDuePublications(repo, async () => edUser, new Date('2099-07-01T13:31:00Z'));
    expect(done).toEqual({ published: 1, failed: 0 });
    // Claimed once: running again publishes nothing.
    expect(await runDuePublications(repo, async () => edUser, new Date('2099-07-02T00:00:00Z'))).toEqual({
      published: 0,
      failed: 0,
    });
    await other.close();
    expect((await site.repo.getAnswer(id))!.state).toBe('published');
    const audit = await site.repo.listAudit({ entity: 'answer', entityId: String(id) });
    expect(audit.map((e) => e.action)).toEqual(expect.arrayContaining(['schedule-publish', 'publish']));
  });

  it('audits a schedule that can no longer run, and leaves the answer as it was', async () => {
    const { id, rev } = await approved('sched-fail');
    await schedule(id, rev, '2099-01-01T00:00', 'UTC');
    const r = await runDuePublications(
      site.repo,
      async () => {
        throw new Error('the answer changed');
      },
      new Date('2099-01-02T00:00:00Z'),
    );
    expect(r).toEqual({ published: 0, failed: 1 });
    expect((await site.repo.getAnswer(id))!.state).toBe('approved');
    const audit = await site.repo.listAudit({ entity: 'answer', entityId: String(id) });
    expect(audit.find((e) => e.action === 'schedule-failed')?.detail).toMatchObject({
      reason: 'the answer changed',
    });
  });
});
