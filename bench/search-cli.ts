/**
 * Cold start and memory of the compiled CLI, which is what users run (`npm run build`, then
 * `node bin/medbrief.js …`), on a MedQuAD store with the search snapshot current:
 * - `medbrief ask "<real message>"` from spawn to the first answer printed (and to exit), median
 *   of several fresh processes, with each process's peak RSS;
 * - `medbrief ask --batch` over real messages: peak RSS of the process;
 * - `medbrief serve`: RSS after answering the same messages over GET /api/v1/ask, with Node's
 *   defaults and with NODE_OPTIONS=--max-semi-space-size=4.
 * Wall times include waiting for a core; on a shared machine the CPU time (user + system) says
 * what the start costs. The store: $MEDBRIEF_BENCH_DB (a `medbrief import medquad` database), else MedQuAD is imported
 * into a temporary one. lib/ is rebuilt when missing or older than src/.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from './lib.js';

const root = join(import.meta.dirname, '..');
const cli = join(root, 'bin', 'medbrief.js');
const rssAtExit = join(import.meta.dirname, 'rss-at-exit.mjs');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const s = statSync(path);
    newest = Math.max(newest, s.isDirectory() ? newestMtime(path) : s.mtimeMs);
  }
  return newest;
}

function ensureBuilt(): void {
  const main = join(root, 'lib', 'cli', 'main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newestMtime(join(root, 'src'))) return;
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`npm run build failed: ${r.stderr.slice(0, 500)}`);
}

interface Run {
  firstOutputMs: number;
  exitMs: number;
  maxRssMiB: number | null;
  cpuMs: number | null;
  stdout: string;
}

/** Runs the compiled CLI in a fresh process; times the first stdout bytes and the exit. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    let firstOutputMs = Number.NaN;
    let stdout = '';
    let stderr = '';
    const child = spawn(process.execPath, ['--import', rssAtExit, cli, ...args], {
      env: { ...process.env, ...env, MEDBRIEF_RSS_FD: '3' },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
    let rss = '';
    child.stdout!.on('data', (d: Buffer) => {
      if (Number.isNaN(firstOutputMs)) firstOutputMs = performance.now() - t0;
      stdout += d.toString();
    });
    child.stderr!.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    (child.stdio[3] as NodeJS.ReadableStream).on('data', (d: Buffer) => {
      rss += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`medbrief ${args[0]} exited ${code}: ${stderr.slice(0, 500)}`));
      const [kib, cpu] = rss.trim().split(' ').map(Number);
      resolve({
        firstOutputMs,
        exitMs: performance.now() - t0,
        maxRssMiB: kib && kib > 0 ? Math.round(kib / 1024) : null,
        cpuMs: cpu && cpu > 0 ? cpu : null,
        stdout,
      });
    });
  });
}

async function serverRss(db: string, env: NodeJS.ProcessEnv, messages: string[]) {
  const child: ChildProcess = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let err = '';
      const timer = setTimeout(() => reject(new Error(`serve did not start: ${err.slice(0, 300)}`)), 120_000);
      child.stderr!.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /serving .* at http:\/\/[^:]+:(\d+)/.exec(err);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err.slice(0, 300)}`)));
    });
    const latencies: number[] = [];
    for (const q of messages) {
      const t = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/ask?q=${encodeURIComponent(q)}&limit=10`);
      await res.arrayBuffer();
      latencies.push(performance.now() - t);
    }
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? Number.NaN);
    latencies.sort((a, b) => a - b);
    return {
      requests: messages.length,
      rssMiB: Math.round(kib('VmRSS') / 1024),
      peakRssMiB: Math.round(kib('VmHWM') / 1024),
      httpMs: { p50: round(percentile(latencies, 50)), p99: round(percentile(latencies, 99)) },
    };
  } finally {
    child.kill('SIGTERM');
  }
}

const round = (x: number) => Math.round(x * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function compiledCliFigures(messages: string[], medquadDir: string) {
  ensureBuilt();
  const work = mkdtempSync(join(tmpdir(), 'medbrief-bench-cli-'));
  try {
    let db = process.env.MEDBRIEF_BENCH_DB;
    if (!db) {
      db = join(work, 'medquad.db');
      const r = spawnSync(
        process.execPath,
        [cli, 'import', 'medquad', medquadDir, '--db', db, '--no-progress'],
        {
          encoding: 'utf8',
        },
      );
      if (r.status !== 0) throw new Error(`import medquad failed: ${r.stderr.slice(0, 500)}`);
    }
    const env = { MEDBRIEF_CACHE_DIR: join(work, 'cache') };
    const question = messages[0]!;
    // The first run builds the snapshot; the timed runs restore it, as every later start does.
    const warm = await runCli(['ask', question, '--db', db, '--limit', '1'], env);
    const runs: Run[] = [];
    for (let i = 0; i < 5; i++) runs.push(await runCli(['ask', question, '--db', db, '--limit', '1'], env));
    if (runs.some((r) => r.stdout !== warm.stdout)) throw new Error('a restored engine answered differently');
    const batchFile = join(work, 'messages.jsonl');
    writeFileSync(batchFile, messages.map((q, i) => JSON.stringify({ id: i, question: q })).join('\n'));
    const batch = await runCli(['ask', '--batch', batchFile, '--db', db], env);
    return {
      command: 'node bin/medbrief.js ask "<first real message>" --db <16k-answer MedQuAD store> --limit 1',
      question: { chars: question.length },
      firstRunBuildingSnapshotMs: Math.round(warm.exitMs),
      freshProcesses: runs.length,
      firstAnswerMs: {
        median: Math.round(median(runs.map((r) => r.firstOutputMs))),
        min: Math.round(Math.min(...runs.map((r) => r.firstOutputMs))),
      },
      exitMs: { median: Math.round(median(runs.map((r) => r.exitMs))) },
      cpuMs: {
        median: median(runs.map((r) => r.cpuMs ?? Number.NaN)),
        note: 'user + system CPU of the whole process: what the first answer costs without waiting for a core',
      },
      maxRssMiB: Math.max(...runs.map((r) => r.maxRssMiB ?? 0)) || null,
      batch: { messages: messages.length, maxRssMiB: batch.maxRssMiB, seconds: round(batch.exitMs / 1000) },
      server: await serverRss(db, env, messages),
      // A smaller young generation trades a few more scavenges for less resident memory.
      serverSemiSpace4: {
        nodeOptions: '--max-semi-space-size=4',
        ...(await serverRss(db, { ...env, NODE_OPTIONS: '--max-semi-space-size=4' }, messages)),
      },
      targets: 'first answer <= 1000 ms; server RSS <= 200 MiB',
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
