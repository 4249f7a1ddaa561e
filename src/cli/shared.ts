/** What every command shares: store location, exit codes, and turning errors into messages. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pc from 'picocolors';
import { ContentError, formatProblem } from '../content/index.js';
import { openStore, redact } from '../store/index.js';

export const EXIT_OK = 0;
/** The input was read but has problems (invalid content, lint errors). */
export const EXIT_PROBLEMS = 1;
/** The command could not run: bad usage, missing file, unreachable database. */
export const EXIT_FAILURE = 2;

/** A failure the user can fix; printed without a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_FAILURE,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The package root (two levels above this file, in src/ and in dist/ alike). */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const demoContentDir = join(packageRoot, 'demo', 'content');

export const DEFAULT_DB = 'data/medbrief.db';

export function defaultDb(): string {
  return process.env.DATABASE_URL || DEFAULT_DB;
}

export const dbOptionHelp = `database: a SQLite file path or postgres:// URL (default: $DATABASE_URL or ${DEFAULT_DB})`;

export async function openCliStore(url: string) {
  try {
    return await openStore(url);
  } catch (err) {
    throw new CliError(
      `cannot open the database ${redact(url)}: ${(err as Error).message}`,
      EXIT_FAILURE,
      'check --db / DATABASE_URL; a SQLite path must be in a writable folder',
    );
  }
}

/** Problems that mean the command could not run at all (exit 2) rather than bad content (exit 1). */
export function exitCodeFor(problems: ContentError['problems']): number {
  return problems.some((p) => p.code === 'not-a-folder') ? EXIT_FAILURE : EXIT_PROBLEMS;
}

export function printProblems(problems: ContentError['problems']): void {
  for (const p of problems) console.error(`${pc.red('error')} ${formatProblem(p)}${pc.dim(`  [${p.code}]`)}`);
  const files = new Set(problems.map((p) => p.file)).size;
  console.error(
    pc.red(
      `\n${problems.length} ${problems.length === 1 ? 'problem' : 'problems'} in ${files} ${files === 1 ? 'file' : 'files'}`,
    ),
  );
}

/** Runs a command action, mapping errors to messages and exit codes. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      process.exitCode = typeof code === 'number' ? code : EXIT_OK;
    } catch (err) {
      process.exitCode = reportError(err);
    }
  };
}

export function reportError(err: unknown): number {
  if (err instanceof ContentError) {
    printProblems(err.problems);
    return exitCodeFor(err.problems);
  }
  if (err instanceof CliError) {
    console.error(`${pc.red('error')} ${err.message}`);
    if (err.hint) console.error(`  hint: ${err.hint}`);
    return err.exitCode;
  }
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT' || e?.code === 'EACCES' || e?.code === 'EISDIR') {
    console.error(`${pc.red('error')} ${e.message}`);
    return EXIT_FAILURE;
  }
  console.error(`${pc.red('error')} ${(err as Error)?.message ?? String(err)}`);
  if (process.env.MEDBRIEF_DEBUG) console.error(err);
  else console.error(pc.dim('  (set MEDBRIEF_DEBUG=1 for details)'));
  return EXIT_FAILURE;
}
