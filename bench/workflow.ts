/**
 * Editorial workflow benchmark: full review cycles (edit → submit → approve → publish) on many
 * answers, on SQLite and PostgreSQL. Reports transitions per second (each edit, submit, approve
 * and publish counts as one) and the p50/p99 latency of edit and approve, through the
 * WorkflowRepo (the layer the HTTP handlers call). Writes bench/results/workflow.json.
 *
 *   npx tsx bench/workflow.ts            (or: npm run bench -- workflow)
 *   BENCH_WORKFLOW_ANSWERS=200           answers per store (default 200, 4 transitions each)
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Answer } from '../src/content/index.js';
import { openPostgresStore, openSqliteStore, type Store } from '../src/store/index.js';
import { importBundle, workflowRepo } from '../src/workflow/index.js';
import { createTeam } from '../test/store/workflow-users.js';
import { percentile, writeResult } from './lib.js';

const ANSWERS = Number(process.env.BENCH_WORKFLOW_ANSWERS ?? 200);
const PG_URL = process.env.DATABASE_URL_TEST ?? 'postgres://root@127.0.0.1:5432/test';

function draft(i: number): Answer {
  return {
    question: `What is benchmark condition ${i}?`,
    condition: 'bench-condition',
    aspect: 'overview',
    slug: `q-${i}`,
    tldr: `A short answer about benchmark condition ${i}.`,
    audience: 'patient',
    sources: [{ id: 's1', title: 'A source', url: 'https://example.org/s1', accessed: '2026-01-01' }],
    body: `Benchmark condition ${i} is invented for timing [^s1].\n\nIt has a second paragraph.\n`,
  };
}

async function measure(store: Store) {
  await importBundle(
    store,
    {
      conditions: [{ slug: 'bench-condition', name: 'Bench condition', synonyms: [], summary: '' }],
      reviewers: [
        { id: 'bench-reviewer', name: 'Bench Reviewer (demo)', credentials: 'MD (demo)', demo: true },
      ],
      answers: [],
    },
    { actor: 'bench' },
  );
  const repo = workflowRepo(store);
  const {
    ann: author,
    rita: reviewer,
    ed: editor,
  } = await createTeam(repo, {
    rita: 'bench-reviewer',
    rob: 'bench-reviewer',
  });
  const created = [];
  for (let i = 0; i < ANSWERS; i++) created.push(await repo.createAnswer(draft(i), author));

  const edit: number[] = [];
  const approve: number[] = [];
  let transitions = 0;
  const t0 = performance.now();
  for (const [i, c] of created.entries()) {
    let t = performance.now();
    const saved = await repo.saveRevision(
      c.id,
      c.revision.id,
      { ...draft(i), tldr: `An edited answer ${i}.` },
      author,
    );
    edit.push(performance.now() - t);
    await repo.transition(c.id, author, { action: 'submit' });
    t = performance.now();
    await repo.transition(c.id, reviewer, { action: 'approve', revisionId: saved.revision.id });
    approve.push(performance.now() - t);
    await repo.transition(c.id, editor, { action: 'publish' });
    transitions += 4;
  }
  const seconds = (performance.now() - t0) / 1000;
  edit.sort((a, b) => a - b);
  approve.sort((a, b) => a - b);
  const ms = (x: number) => Math.round(x * 100) / 100;
  return {
    answers: ANSWERS,
    transitions,
    seconds: ms(seconds),
    transitionsPerSecond: Math.round(transitions / seconds),
    editMs: { p50: ms(percentile(edit, 50)), p99: ms(percentile(edit, 99)) },
    approveMs: { p50: ms(percentile(approve, 50)), p99: ms(percentile(approve, 99)) },
  };
}

async function postgresReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'medbrief-bench-workflow-'));
  const results: Record<string, unknown> = {};
  try {
    const sqlite = await openSqliteStore(join(dir, 'bench.db'));
    results.sqlite = await measure(sqlite);
    await sqlite.close();
    console.log('sqlite', results.sqlite);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (await postgresReachable(PG_URL)) {
    const schema = `bench_workflow_${process.pid}`;
    const store = await openPostgresStore(PG_URL, { schema });
    try {
      results.postgres = await measure(store);
      console.log('postgres', results.postgres);
    } finally {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    }
  } else {
    results.postgres = { skipped: `PostgreSQL not reachable at ${PG_URL}` };
    console.warn(`workflow bench: PostgreSQL not reachable at ${PG_URL}; measured SQLite only`);
  }
  writeResult('workflow', {
    description: 'edit → submit → approve → publish per answer, sequential, through WorkflowRepo',
    ...results,
  });
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
