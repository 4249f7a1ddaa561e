/**
 * The load benchmark in its CI form (2 s per scenario, 8 connections, 3 editors): no request
 * may fail, and after the mixed run no acknowledged write is lost, the store is intact and every
 * published page's badge matches its hash. Full form: npm run bench:reliability.
 */
import { describe, expect, it } from 'vitest';
import { type LoadReport, runLoad } from '../../bench/load/scenarios.js';
import { recordFigures } from '../helpers/figures.js';
import { postgresUrl } from '../helpers/postgres.js';

const pg = await postgresUrl();
const options = { seconds: 2, connections: 8, editors: 3 };

function expectClean(r: LoadReport): void {
  for (const s of [...r.scenarios, r.mixed]) {
    expect({ scenario: s.scenario, errors: s.errors, timeouts: s.timeouts, non2xx: s.non2xx }).toEqual({
      scenario: s.scenario,
      errors: 0,
      timeouts: 0,
      non2xx: 0,
    });
    expect(s.requests).toBeGreaterThan(0);
  }
  expect(r.mixed.acknowledgedWrites).toBeGreaterThan(0);
  expect(r.mixed.editorServerErrors).toBe(0);
  expect(r.mixed.lostWrites).toEqual([]);
  expect(r.mixed.integrityProblems).toEqual([]);
  expect(r.mixed.badgeMismatches).toEqual([]);
  expect(r.mixed.publishedPagesChecked).toBeGreaterThan(0);
}

describe('load (CI form)', () => {
  it('SQLite: pages, API, ask and a mixed read/write run without a single error or lost write', async () => {
    const r = await runLoad({ database: 'sqlite', ...options });
    recordFigures('load-ci-sqlite', { ...r });
    expectClean(r);
  }, 120_000);

  it.skipIf(!pg)(
    'PostgreSQL: the same',
    async () => {
      const r = await runLoad({ database: { postgres: pg! }, ...options });
      recordFigures('load-ci-postgres', { ...r });
      expectClean(r);
    },
    120_000,
  );
});
