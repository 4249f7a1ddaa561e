/**
 * Editor benchmarks: the live-check round trip (form values in, lint messages and counts out)
 * for a 300-word answer, through the worker thread and through HTTP; and the filtered answer
 * list over 16,000 answers on SQLite and PostgreSQL. Writes bench/results/editor.json.
 *
 *   npx tsx bench/editor.ts          (or: npm run bench -- editor)
 *   BENCH_EDITOR_ANSWERS=16000       answers in the list benchmark
 *   BENCH_EDITOR_ONLY=live|list      only the live-check round trips or the answer list
 *                                    (bench/results/editor-live.json, editor-list.json)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { AnswerSchema } from '../src/content/index.js';
import { answerListQuery, listAnswerPage } from '../src/store/answer-list.js';
import { openPostgresStore, openSqliteStore } from '../src/store/index.js';
import type { KyselyStore } from '../src/store/kysely-store.js';
import { formValues } from '../src/web/editor/answer-form.js';
import { CheckPool } from '../src/web/editor/check-pool.js';
import { generateAnswers } from '../test/helpers/many-answers.js';
import { PASSWORDS, startTestSite } from '../test/workflow/fixture-app.js';
import { TestClient } from '../test/workflow/http-client.js';
import { percentile, writeResult } from './lib.js';

const ANSWERS = Number(process.env.BENCH_EDITOR_ANSWERS ?? 16_000);
const PG_URL = process.env.DATABASE_URL_TEST ?? 'postgres://root@127.0.0.1:5432/test';
const today = '2025-06-01';

export function answer300() {
  const para =
    'Sacral agenesis happens when the lower spine does not form fully before birth. Doctors do not know the cause in most babies, but diabetes in the mother raises the chance.[^nhs] ';
  const body = Array.from({ length: 9 }, (_, i) => `${para}This is paragraph ${i + 1} of the answer.`).join(
    '\n\n',
  );
  return AnswerSchema.parse({
    question: 'What causes sacral agenesis?',
    condition: 'sacral-agenesis',
    aspect: 'causes',
    tldr: 'Most cases have no known cause. Diabetes in the mother raises the chance.',
    sources: [
      { id: 'nhs', title: 'NHS: sacral agenesis', url: 'https://www.nhs.uk/a', accessed: '2025-01-01' },
    ],
    body: `${body}\n`,
  });
}

function summary(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  const r = (x: number) => Math.round(x * 100) / 100;
  return {
    runs: s.length,
    p50Ms: r(percentile(s, 50)),
    p95Ms: r(percentile(s, 95)),
    p99Ms: r(percentile(s, 99)),
    maxMs: r(s.at(-1)!),
  };
}

async function liveCheckBench() {
  const pool = new CheckPool();
  const values = formValues(answer300());
  const options = { today, reviewers: [] };
  for (let i = 0; i < 20; i++) await pool.check({ form: values }, options); // warm up
  const ms: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    await pool.check({ form: { ...values, tldr: `${values.tldr} ${i}` } }, options);
    ms.push(performance.now() - t);
  }
  await pool.close();
  return summary(ms);
}

/**
 * The round trip as the page's script makes it: POST /editor/api/check over HTTP with a session
 * cookie and CSRF header (session lookup, body parsing, reviewer list, worker, JSON both ways).
 */
async function liveCheckHttpBench() {
  // No scheduled-publishing job in this app: it would tick on after the store closes.
  const scheduler = process.env.MEDBRIEF_SCHEDULER_MS;
  process.env.MEDBRIEF_SCHEDULER_MS = '0';
  const site = await startTestSite().finally(() => {
    if (scheduler === undefined) delete process.env.MEDBRIEF_SCHEDULER_MS;
    else process.env.MEDBRIEF_SCHEDULER_MS = scheduler;
  });
  try {
    const client = new TestClient(site.server.url);
    await client.login('ann', PASSWORDS.ann);
    const values = formValues(answer300());
    const once = async (i: number) => {
      const res = await client.json('POST', '/editor/api/check', {
        form: { ...values, tldr: `${values.tldr} ${i}` },
      });
      if (res.status !== 200) throw new Error(`live check answered ${res.status}`);
      await res.json();
    };
    for (let i = 0; i < 20; i++) await once(i); // warm up
    const ms: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t = performance.now();
      await once(i);
      ms.push(performance.now() - t);
    }
    return summary(ms);
  } finally {
    await site.close();
  }
}

const FILTERS: Record<string, string>[] = [
  {},
  { state: 'published', sort: 'due', dir: 'asc' },
  { q: 'outlook' },
  { q: 'rare condition', aspect: 'causes' },
  { publisher: 'GARD', reviewed: 'no' },
  { due: 'overdue' },
  { state: 'in_review', sort: 'question', page: '3' },
];

async function listBench(store: KyselyStore) {
  await generateAnswers(store.db, ANSWERS);
  // BENCH_EDITOR_VACUUM=1: measure after the clean-up autovacuum would do (the bulk load rewrites
  // every row once), instead of with autovacuum free to start in the middle of the runs.
  if (process.env.BENCH_EDITOR_VACUUM === '1' && store.dialect === 'postgres')
    await sql`VACUUM ANALYZE answers, answer_origins, conditions`.execute(store.db);
  const perFilter: Record<string, ReturnType<typeof summary>> = {};
  const all: number[] = [];
  for (const f of FILTERS) {
    const q = answerListQuery(f, today);
    for (let i = 0; i < 3; i++) await listAnswerPage(store.db, q);
    const ms: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t = performance.now();
      await listAnswerPage(store.db, q);
      ms.push(performance.now() - t);
    }
    perFilter[JSON.stringify(f)] = summary(ms);
    all.push(...ms);
  }
  return { answers: ANSWERS, overall: summary(all), perFilter };
}

async function listBenches() {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-bench-editor-'));
  const sqlite = (await openSqliteStore(join(dir, 'b.db'))) as unknown as KyselyStore;
  const listSqlite = await listBench(sqlite);
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
  console.log('answer list SQLite:', listSqlite.overall, listSqlite.perFilter);
  let listPostgres: unknown = 'skipped: PostgreSQL not reachable';
  try {
    const schema = `bench_editor_${process.pid}`;
    const pg = (await openPostgresStore(PG_URL, { schema })) as unknown as KyselyStore;
    try {
      listPostgres = await listBench(pg);
    } finally {
      await pg.db.schema.dropSchema(schema).ifExists().cascade().execute();
      await pg.close();
    }
    const p = listPostgres as { overall: unknown; perFilter: unknown };
    console.log('answer list PostgreSQL:', p.overall, p.perFilter);
  } catch (err) {
    listPostgres = `failed: ${(err as Error).message}`;
  }
  return { sqlite: listSqlite, postgres: listPostgres };
}

export async function main() {
  const only = process.env.BENCH_EDITOR_ONLY;
  const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
  let liveCheck: unknown = null;
  if (only !== 'list') {
    const live = await liveCheckBench();
    console.log('live check (worker round trip, 300-word answer):', live);
    const liveHttp = await liveCheckHttpBench();
    console.log('live check (HTTP round trip, 300-word answer):', liveHttp);
    liveCheck = { words: 300, worker: live, http: liveHttp };
  }
  const answerList = only === 'live' ? null : await listBenches();
  const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);
  writeResult(only ? `editor-${only}` : 'editor', {
    // 1/5/15-minute load averages; on a shared machine, p99 over 30 runs mostly measures the wait
    // for a core (see the note). Run with `nice` and compare p50 across runs.
    load: { before: loadBefore, after: loadAfter, note: process.env.BENCH_NOTE ?? null },
    target: { liveCheckP99Ms: 50, answerListP99Ms: 50 },
    ...(liveCheck ? { liveCheck } : {}),
    ...(answerList ? { answerList } : {}),
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await main();
  process.exit(0); // see bench/run.ts
}
