/** Runs the medbrief CLI from source in a child process. */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './corpus.js';

const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
const main = join(repoRoot, 'src', 'cli', 'main.ts');
/** tsx reads tsconfig.json (JSX settings) from the working folder unless told where it is. */
const TSX_ENV = { TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.json') };

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): CliResult {
  const r = spawnSync(tsx, [main, ...args], {
    cwd: options.cwd ?? repoRoot,
    input: options.input,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...TSX_ENV,
      NO_COLOR: '1',
      FORCE_COLOR: '0',
      NODE_NO_WARNINGS: '1',
      ...options.env,
    },
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts a long-running CLI command (e.g. serve) and resolves once a line matches `ready`. */
export function startCli(args: string[], ready: RegExp, env: Record<string, string> = {}, cwd = repoRoot) {
  const child: ChildProcess = spawn(tsx, [main, ...args], {
    cwd,
    env: { ...process.env, ...TSX_ENV, NO_COLOR: '1', NODE_NO_WARNINGS: '1', ...env },
  });
  let output = '';
  const started = new Promise<RegExpMatchArray>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      const m = output.match(ready);
      if (m) resolve(m);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
  /** Sends SIGTERM and resolves with the exit code once the process has exited. */
  const stop = (): Promise<number | null> => {
    if (child.exitCode !== null) return Promise.resolve(child.exitCode);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    return exited;
  };
  return { child, started, output: () => output, stop };
}

/**
 * Runs the CLI without blocking this process (so a server in the test can answer it); resolves
 * with the exit code, never rejects on a non-zero one.
 */
export async function runCliAsync(
  args: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await promisify(execFile)(process.execPath, ['--import', 'tsx', main, ...args], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '1', ...env },
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
