/**
 * The `medbrief` command tree (without parsing), so tests can walk every command and option.
 * Each command is declared in ./tree/<name>.ts and implemented in ./commands/<name>.ts, which
 * is imported only when that command runs (./lazy.ts).
 */
import { Command, CommanderError } from 'commander';
import { EXIT_FAILURE } from './shared.js';
import * as ask from './tree/ask.js';
import * as asklog from './tree/asklog.js';
import * as audit from './tree/audit.js';
import * as backup from './tree/backup.js';
import * as build from './tree/build.js';
import * as codes from './tree/codes.js';
import * as entail from './tree/entail.js';
import * as exportContent from './tree/export.js';
import * as exportJson from './tree/export-json.js';
import * as importCmd from './tree/import.js';
import { registerImportMedquad } from './tree/import-medquad.js';
import { registerImportPage } from './tree/import-page.js';
import * as init from './tree/init.js';
import * as lint from './tree/lint.js';
import * as mcp from './tree/mcp.js';
import * as notify from './tree/notify.js';
import * as review from './tree/review.js';
import * as reviewDue from './tree/review-due.js';
import * as serve from './tree/serve.js';
import * as stats from './tree/stats.js';
import * as user from './tree/user.js';
import * as validate from './tree/validate.js';

export function buildProgram(): Command {
  const program = new Command('medbrief')
    .description('Medically reviewed short answers: write, lint, review, import, search and publish.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    // An option written after a subcommand belongs to that subcommand, even when its parent
    // declares the same option (`import medquad DIR --db X`); see `action` in ./shared.ts.
    .enablePositionalOptions();
  init.register(program);
  validate.register(program);
  lint.register(program);
  audit.register(program);
  const importCommand = importCmd.register(program);
  registerImportMedquad(importCommand);
  registerImportPage(importCommand);
  stats.register(program);
  review.register(program);
  serve.register(program);
  mcp.register(program);
  backup.register(program);
  exportContent.register(program);
  exportJson.register(program);
  ask.register(program);
  entail.register(program);
  user.register(program);
  reviewDue.register(program);
  build.register(program);
  asklog.register(program);
  codes.register(program);
  notify.register(program);
  return program;
}

/**
 * Parses `argv` (as in process.argv) and runs the command; resolves to its exit code. --help and
 * --version end with 0, usage errors with 2.
 */
export async function runProgram(argv: string[]): Promise<number> {
  const program = buildProgram();
  const overrideExits = (cmd: Command) => {
    cmd.exitOverride();
    cmd.commands.forEach(overrideExits);
  };
  overrideExits(program);
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : EXIT_FAILURE;
    throw err;
  }
  return Number(process.exitCode ?? 0);
}
