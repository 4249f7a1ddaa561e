/**
 * Load benchmark, full form: each scenario for BENCH_LOAD_SECONDS (default 10) with
 * BENCH_LOAD_CONNECTIONS (default 32) connections and BENCH_LOAD_EDITORS (default 8) editors in
 * the mixed run, on SQLite and (when reachable) PostgreSQL. Writes bench/results/load-sqlite.json
 * and bench/results/load-postgres.json.
 *
 *   npx tsx bench/load/run.ts            (also part of: npm run bench:reliability)
 */
import { postgresUrl } from '../../test/helpers/postgres.js';
import { writeResult } from '../lib.js';
import { runLoad } from './scenarios.js';

const options = {
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 10),
  connections: Number(process.env.BENCH_LOAD_CONNECTIONS ?? 32),
  editors: Number(process.env.BENCH_LOAD_EDITORS ?? 8),
};

function summary(r: Awaited<ReturnType<typeof runLoad>>): void {
  for (const s of [...r.scenarios, r.mixed]) {
    console.log(
      `${r.database.padEnd(8)} ${s.scenario.padEnd(38)} ${String(s.requestsPerSecond).padStart(6)} req/s  p50 ${s.latencyMs.p50} ms  p99 ${s.latencyMs.p99} ms  max ${s.latencyMs.max} ms  errors ${s.errors + s.timeouts + s.non2xx}`,
    );
  }
  const m = r.mixed;
  console.log(
    `${r.database.padEnd(8)} mixed: ${m.acknowledgedWrites} acknowledged writes, lost ${m.lostWrites.length}, integrity problems ${m.integrityProblems.length}, badge mismatches ${m.badgeMismatches.length}/${m.publishedPagesChecked}`,
  );
}

const sqlite = await runLoad({ database: 'sqlite', ...options });
summary(sqlite);
writeResult('load-sqlite', { options, ...sqlite });
const pg = await postgresUrl().catch(() => null);
if (pg) {
  const postgres = await runLoad({ database: { postgres: pg }, ...options });
  summary(postgres);
  writeResult('load-postgres', { options, ...postgres });
} else {
  console.log('PostgreSQL not reachable: load-postgres skipped');
}
