/**
 * `npm run bench:reliability`: the production-hardening suite in its full form, then
 * docs/reliability.md regenerated from what it measured.
 *
 *  1. test/security and test/ops under vitest with MEDBRIEF_FULL=1 (every XSS payload in
 *     Chromium, 60 kill points) — each test records its figures (test/helpers/figures.ts);
 *  2. the load benchmark (bench/load/run.ts: 10 s per scenario, 32 connections, 8 editors, on
 *     SQLite and PostgreSQL);
 *  3. `npm audit --omit=dev --audit-level=high` (recorded as unavailable when the registry's
 *     audit endpoint cannot be reached);
 *  4. bench/results/reliability.json and docs/reliability.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../test/helpers/corpus.js';
import { machine, resultsDir, writeResult } from './lib.js';
import { type ReliabilityResults, reliabilityMarkdown } from './reliability-report.js';

const figuresDir = join(resultsDir, 'reliability-figures');
rmSync(figuresDir, { recursive: true, force: true });
mkdirSync(figuresDir, { recursive: true });

function run(label: string, cmd: string, args: string[], env: Record<string, string> = {}) {
  console.log(`\n== ${label}: ${cmd} ${args.join(' ')}`);
  const started = performance.now();
  const r = spawnSync(cmd, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(r.stdout.split('\n').slice(-40).join('\n'));
  process.stderr.write(r.stderr.split('\n').slice(-20).join('\n'));
  return {
    status: r.status,
    stdout: r.stdout,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}

// 1. security + operations suites, full form
const vitestJson = join(figuresDir, 'vitest.json');
const suites = run(
  'security and operations tests (full form)',
  'npx',
  [
    'vitest',
    'run',
    'test/security',
    'test/ops',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${vitestJson}`,
  ],
  { MEDBRIEF_FULL: '1', MEDBRIEF_FIGURES_DIR: figuresDir },
);
const vitest = existsSync(vitestJson)
  ? (JSON.parse(readFileSync(vitestJson, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
    })
  : { numPassedTests: 0, numFailedTests: -1, numPendingTests: 0 };

// 2. load, full form
const load = run('load benchmark (full form)', 'npx', ['tsx', 'bench/load/run.ts']);

// 3. npm audit of production dependencies
const audit = run('npm audit', 'npm', ['audit', '--omit=dev', '--audit-level=high', '--json']);
let auditResult: ReliabilityResults['audit'];
try {
  const parsed = JSON.parse(audit.stdout) as {
    metadata?: { vulnerabilities?: Record<string, number> };
    message?: string;
    statusCode?: number;
  };
  auditResult = parsed.metadata?.vulnerabilities
    ? { available: true, vulnerabilities: parsed.metadata.vulnerabilities }
    : { available: false, reason: parsed.message ?? `no audit data (exit ${audit.status})` };
} catch {
  auditResult = { available: false, reason: `npm audit printed no JSON (exit ${audit.status})` };
}

const figures: Record<string, unknown> = {};
for (const f of readdirSync(figuresDir)) {
  if (f.endsWith('.json') && f !== 'vitest.json')
    figures[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(figuresDir, f), 'utf8'));
}
const loadResults = ['load-sqlite', 'load-postgres']
  .map((n) => join(resultsDir, `${n}.json`))
  .filter(existsSync)
  .map((f) => JSON.parse(readFileSync(f, 'utf8')));

const results: ReliabilityResults = {
  date: new Date().toISOString(),
  machine: machine(),
  tests: {
    passed: vitest.numPassedTests,
    failed: vitest.numFailedTests,
    skipped: vitest.numPendingTests,
    seconds: suites.seconds,
    exitStatus: suites.status,
  },
  figures,
  load: loadResults,
  loadExitStatus: load.status,
  audit: auditResult,
};
writeResult('reliability', results as unknown as Record<string, unknown>);
const doc = join(repoRoot, 'docs', 'reliability.md');
writeFileSync(doc, reliabilityMarkdown(results));
console.log(`wrote ${doc}`);
process.exitCode = suites.status === 0 && load.status === 0 ? 0 : 1;
