/**
 * Load scenarios with autocannon against a real server process on 127.0.0.1 (the app
 * `medbrief serve` runs, over the demo content): public pages, the JSON API, /ask, and a mixed
 * run where editors save, review and publish while readers load pages. Each scenario reports
 * requests/s, p50/p99/max latency and errors; the mixed run also proves afterwards that no
 * acknowledged revision was lost, the store is intact, and every published page's badge matches
 * the hash it shows. Used by bench/load/run.ts (full form) and test/ops/load.test.ts (CI form).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { demoContentDir } from '../../src/cli/shared.js';
import { checkIntegrity, openStore } from '../../src/store/index.js';
import { workflowRepo } from '../../src/workflow/index.js';
import { kill, type ServerProcess, startServerProcess } from '../../test/ops/server-process.js';
import { badgeMismatches, editorLoop, lostWrites, newStats, seedWorkload } from '../../test/ops/workload.js';

export interface LoadOptions {
  /** 'sqlite' or a PostgreSQL URL (a unique schema is added). */
  database: 'sqlite' | { postgres: string };
  seconds: number;
  connections: number;
  /** Concurrent editors in the mixed run. */
  editors: number;
}

export interface ScenarioResult {
  scenario: string;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface MixedResult extends ScenarioResult {
  editors: number;
  acknowledgedWrites: number;
  editorRefusals: number;
  editorServerErrors: number;
  lostWrites: string[];
  integrityProblems: string[];
  publishedPagesChecked: number;
  badgeMismatches: string[];
}

export interface LoadReport {
  database: string;
  seconds: number;
  connections: number;
  serverStartMs: number;
  scenarios: ScenarioResult[];
  mixed: MixedResult;
}

async function cannon(
  url: string,
  scenario: string,
  paths: string[],
  o: LoadOptions,
): Promise<ScenarioResult> {
  const result = await autocannon({
    url,
    connections: o.connections,
    duration: o.seconds,
    requests: paths.map((path) => ({ method: 'GET', path })),
  });
  return {
    scenario,
    requests: result.requests.total,
    requestsPerSecond: Math.round(result.requests.average),
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

async function prepare(
  o: LoadOptions,
): Promise<{ url: string; label: string; cleanup: () => Promise<void> }> {
  if (o.database === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'medbrief-load-'));
    return {
      url: join(dir, 'load.db'),
      label: 'sqlite',
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const base = o.database.postgres;
  const schema = `load_${process.pid}_${Date.now().toString(36)}`;
  const url = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  return {
    url,
    label: 'postgres',
    cleanup: async () => {
      const pg = (await import('pg')).default;
      const client = new pg.Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

export async function runLoad(o: LoadOptions): Promise<LoadReport> {
  const db = await prepare(o);
  let server: ServerProcess | null = null;
  try {
    const seed = await openStore(db.url);
    await importContentFolder(seed, demoContentDir, 'load-seed');
    const workload = await seedWorkload(
      workflowRepo(seed),
      o.editors,
      'load',
      (await seed.listReviewers())[0]!.id,
    );
    const pages = ['/'];
    const api = ['/api/v1/conditions', '/api/v1/answers'];
    for (const c of await seed.listConditions()) {
      pages.push(`/conditions/${c.slug}`);
      api.push(`/api/v1/conditions/${c.slug}`);
      for (const a of await seed.listPublishedAnswers(c.slug)) {
        pages.push(`/conditions/${c.slug}/${a.slug}`);
        api.push(`/api/v1/conditions/${c.slug}/${a.slug}`);
      }
    }
    const questions = [
      'what causes gout',
      'is chickenpox contagious',
      'migraine treatment',
      'symptoms of type 2 diabetes',
      'can coeliac disease be cured',
      'how is hypothyroidism diagnosed',
      'iron deficiency tiredness',
      'asthma attack what to do',
    ];
    await seed.close();

    server = await startServerProcess(db.url);
    const url = server.url;
    // Warm up (first /ask builds its index) so the figures are steady-state.
    for (const p of [...pages.slice(0, 3), '/ask?q=warm+up', '/api/v1/ask?q=warm+up', api[0]!])
      await (await fetch(`${url}${p}`)).text();

    const scenarios = [
      await cannon(url, 'public pages', pages, o),
      await cannon(url, 'JSON API', api, o),
      await cannon(
        url,
        'ask (page and /api/v1/ask)',
        questions.flatMap((q) => [
          `/ask?q=${encodeURIComponent(q)}`,
          `/api/v1/ask?q=${encodeURIComponent(q)}`,
        ]),
        o,
      ),
    ];

    // Mixed: editors write through the editor API while readers load pages.
    const stats = newStats();
    let stop = false;
    const editors = workload.answerIds.map((id) =>
      editorLoop(
        () => url,
        id,
        workload.staff,
        stats,
        () => stop,
      ),
    );
    const readers = await cannon(url, 'mixed: pages while editors publish', pages, o);
    stop = true;
    await Promise.all(editors);
    const check = await openStore(db.url);
    let mixed: MixedResult;
    try {
      const integrity = await checkIntegrity(check);
      const badges = await badgeMismatches(url, check);
      mixed = {
        ...readers,
        editors: o.editors,
        acknowledgedWrites: stats.acks.length,
        editorRefusals: stats.refusals,
        editorServerErrors: stats.serverErrors + stats.transportErrors,
        lostWrites: await lostWrites(check, stats.acks),
        integrityProblems: integrity.problems,
        publishedPagesChecked: badges.pages,
        badgeMismatches: badges.mismatches,
      };
    } finally {
      await check.close();
    }
    return {
      database: db.label,
      seconds: o.seconds,
      connections: o.connections,
      serverStartMs: Math.round(server.startMs),
      scenarios,
      mixed,
    };
  } finally {
    if (server) await kill(server);
    await db.cleanup();
  }
}
