/** What every command shares: store location, exit codes, and turning errors into messages. */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import pc from 'picocolors';
import { ContentError, formatProblem } from '../content/index.js';
import { MissingStoreError, openExistingStore, openStore, redact } from '../store/index.js';

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

/** The exact words for a read-only command given a database that does not exist. */
export function missingStoreMessage(url: string): string {
  return `no MedBrief database at ${redact(url)} (create one with \`medbrief import …\` or \`medbrief serve --demo\`)`;
}

/**
 * Opens the store for a command. Commands that write create it when missing; commands that only
 * read pass `mustExist` and then fail (exit 2) without creating any file, folder or schema.
 */
export async function openCliStore(url: string, options: { mustExist?: boolean } = {}) {
  try {
    return await (options.mustExist ? openExistingStore(url) : openStore(url));
  } catch (err) {
    if (err instanceof MissingStoreError) throw new CliError(missingStoreMessage(url), EXIT_FAILURE);
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

export function printWarnings(warnings: ContentError['problems']): void {
  for (const p of warnings)
    console.error(`${pc.yellow('warning')} ${formatProblem(p)}${pc.dim(`  [${p.code}]`)}`);
}

const givenByUser = (cmd: Command, key: string) => {
  const source = cmd.getOptionValueSource(key);
  return source !== undefined && source !== 'default';
};

/**
 * A subcommand's options as the user meant them. An option that a parent declares too (`import
 * --db` and `import medquad --db`) takes the value written after the subcommand, else the one
 * written after the parent, else the subcommand's default; a parent option the subcommand does
 * not have is refused rather than silently ignored.
 */
export function effectiveOptions(cmd: Command): Record<string, unknown> {
  const opts: Record<string, unknown> = { ...cmd.opts() };
  const settled = new Set(cmd.options.map((o) => o.attributeName()).filter((k) => givenByUser(cmd, k)));
  for (let parent = cmd.parent; parent; parent = parent.parent) {
    for (const option of parent.options) {
      const key = option.attributeName();
      if (!givenByUser(parent, key) || settled.has(key)) continue;
      if (!cmd.options.some((o) => o.attributeName() === key)) {
        throw new CliError(
          `${option.long ?? option.flags} does not apply to \`${commandPath(cmd)}\``,
          EXIT_FAILURE,
          `see \`${commandPath(cmd)} --help\` for its options`,
        );
      }
      opts[key] = parent.getOptionValue(key);
      settled.add(key);
    }
  }
  return opts;
}

function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/**
 * Runs a command action, mapping errors to messages and exit codes. The options it receives are
 * `effectiveOptions`, so a subcommand sees a shared option the user wrote after its parent.
 */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<unknown>) {
  return async (...args: A) => {
    try {
      const cmd = args.at(-1);
      if (cmd instanceof Command && args.length >= 2) {
        args[args.length - 2] = effectiveOptions(cmd);
      }
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
