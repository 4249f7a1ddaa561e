/**
 * Real server processes for the operations tests (crash, two processes on one database, load).
 * The server (fixtures/serve-child.ts: the app `medbrief serve` runs) is bundled once with
 * esbuild so each start costs a plain `node` start (~1 s) rather than a TypeScript transpile
 * (~2.5 s); without esbuild it falls back to `node --import tsx`. Either way the pid we hold is
 * the process that owns the database connection, so SIGKILL really kills the writer.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../helpers/corpus.js';

const SOURCE = join(repoRoot, 'test', 'ops', 'fixtures', 'serve-child.ts');
// Two levels below the repository root, like src/<module>/, so files the app reads relative to
// its own module (search/red-flags.yaml, models/rqe.json) resolve the same way.
// One file per test process: test files run in parallel processes that would otherwise
// overwrite a bundle another one is starting.
const BUNDLE = join(repoRoot, 'test-results', 'ops-build', `serve-child-${process.pid}.mjs`);

let prepared: Promise<string[]> | null = null;

/** The command line that starts a server: the bundle when esbuild can make it, tsx otherwise. */
export function serverCommand(): Promise<string[]> {
  prepared ??= (async () => {
    try {
      const esbuild = await import('esbuild');
      mkdirSync(join(BUNDLE, '..'), { recursive: true });
      removeBundlesOfDeadProcesses();
      await esbuild.build({
        entryPoints: [SOURCE],
        outfile: BUNDLE,
        bundle: true,
        platform: 'node',
        format: 'esm',
        packages: 'external',
        logLevel: 'warning',
        tsconfig: join(repoRoot, 'tsconfig.json'),
      });
      if (existsSync(BUNDLE)) {
        process.once('exit', () => rmSync(BUNDLE, { force: true }));
        return [BUNDLE];
      }
    } catch {
      // fall through to tsx
    }
    return ['--import', 'tsx', SOURCE];
  })();
  return prepared;
}

/** Test workers are often killed rather than exiting, so their bundles are swept by the next run. */
function removeBundlesOfDeadProcesses(): void {
  for (const f of readdirSync(join(BUNDLE, '..'))) {
    const pid = Number(/^serve-child-(\d+)\.mjs$/.exec(f)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch {
      rmSync(join(BUNDLE, '..', f), { force: true });
    }
  }
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to "listening". */
  startMs: number;
  output(): string;
  /** Resolves with the exit signal (or code) once the process is gone. */
  exited: Promise<NodeJS.Signals | number | null>;
}

export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
  port = 0,
): Promise<ServerProcess> {
  const args = await serverCommand();
  const started = performance.now();
  const child = spawn(process.execPath, [...args, databaseUrl, String(port)], {
    cwd: repoRoot,
    env: { ...process.env, NODE_NO_WARNINGS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = /listening (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]!);
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((how) => reject(new Error(`server exited (${how}) before listening:\n${output}`)));
    setTimeout(() => reject(new Error(`server did not start in 30 s:\n${output}`)), 30_000).unref();
  });
  return { child, url, startMs: performance.now() - started, output: () => output, exited };
}

/** SIGKILL, and wait until the process is really gone. */
export async function kill(server: ServerProcess): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}
