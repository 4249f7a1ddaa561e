/**
 * SIGKILL of a real server process while editors write through HTTP, at random moments, many
 * times over (test/workflow/crash.test.ts kills one process at one chosen point inside one
 * transaction; this kills the whole server wherever it happens to be). After every kill the
 * store must pass the integrity check (SQLite integrity_check and foreign keys, every revision's
 * hash recomputed, pointers and approvals consistent) and hold every write the server had
 * acknowledged with a 2xx; editors' sessions survive the restart (they live in the database).
 *
 * CI: 20 kills. `MEDBRIEF_FULL=1` (npm run bench:reliability): 60 kills.
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkIntegrity, openSqliteStore } from '../../src/store/index.js';
import { importBundle, workflowRepo } from '../../src/workflow/index.js';
import { recordFigures } from '../helpers/figures.js';
import { bundle } from '../store/fixtures.js';
import { kill, startServerProcess } from './server-process.js';
import { editorLoop, lostWrites, newStats, type Staff, seedWorkload } from './workload.js';

const KILLS = process.env.MEDBRIEF_FULL === '1' ? 60 : 20;
const WRITERS = 4;

const dir = mkdtempSync(join(tmpdir(), 'medbrief-ops-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety of the server process', () => {
  it(`survives ${KILLS} SIGKILLs at random points of concurrent HTTP writes without losing an acknowledged write`, async () => {
    const file = join(dir, 'crash.db');
    let staff: Staff;
    let answerIds: number[];
    {
      const store = await openSqliteStore(file);
      await importBundle(store, bundle(), { actor: 'seed' });
      ({ staff, answerIds } = await seedWorkload(workflowRepo(store), WRITERS, 'crash'));
      await store.close();
    }
    const stats = newStats();
    const starts: number[] = [];
    const killedAfter: number[] = [];
    let inFlightAtKill = 0;
    for (let k = 0; k < KILLS; k++) {
      const server = await startServerProcess(file);
      starts.push(server.startMs);
      let stopped = false;
      const before = stats.acks.length;
      const loops = answerIds.map((id) =>
        editorLoop(
          () => server.url,
          id,
          staff,
          stats,
          () => stopped,
        ),
      );
      // a random moment once writes are flowing: 30–400 ms after the first acknowledgement
      const t0 = performance.now();
      while (stats.acks.length === before && performance.now() - t0 < 10_000) await sleep(5);
      const delay = 30 + Math.random() * 370;
      await sleep(delay);
      killedAfter.push(Math.round(performance.now() - t0));
      const errorsBefore = stats.transportErrors;
      await kill(server);
      stopped = true;
      await Promise.all(loops);
      inFlightAtKill += stats.transportErrors - errorsBefore;

      const store = await openSqliteStore(file);
      try {
        const integrity = await checkIntegrity(store);
        expect(integrity.problems, `after kill ${k + 1}`).toEqual([]);
        expect(await lostWrites(store, stats.acks), `after kill ${k + 1}`).toEqual([]);
      } finally {
        await store.close();
      }
    }
    recordFigures('crash', {
      kills: KILLS,
      writers: WRITERS,
      acknowledgedWrites: stats.acks.length,
      acknowledgedByAction: stats.acks.reduce((m: Record<string, number>, a) => {
        m[a.action] = (m[a.action] ?? 0) + 1;
        return m;
      }, {}),
      requestsCutByKill: inFlightAtKill,
      lostWrites: 0,
      integrityProblems: 0,
      serverErrors: stats.serverErrors,
      startMsMedian: median(starts),
      killedAfterMs: { min: Math.min(...killedAfter), max: Math.max(...killedAfter) },
    });
    expect(stats.serverErrors).toBe(0);
    expect(stats.acks.length).toBeGreaterThan(KILLS);
    // the kills really hit requests in flight, not idle servers
    expect(inFlightAtKill).toBeGreaterThanOrEqual(KILLS);
  }, 600_000);
});

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] ?? 0);
}
