/** The `medbrief` command tree (without parsing), so tests can walk every command and option. */
import { Command, CommanderError } from 'commander';
import * as ask from './commands/ask.js';
import * as asklog from './commands/asklog.js';
import * as audit from './commands/audit.js';
import * as backup from './commands/backup.js';
import * as build from './commands/build.js';
import * as codes from './commands/codes.js';
import * as entail from './commands/entail.js';
import * as exportContent from './commands/export.js';
import * as exportJson from './commands/export-json.js';
import * as importCmd from './commands/import.js';
import { registerImportMedquad } from './commands/import-medquad.js';
import { registerImportPage } from './commands/import-page.js';
import * as init from './commands/init.js';
import * as lint from './commands/lint.js';
import * as mcp from './commands/mcp.js';
import * as notify from './commands/notify.js';
import * as review from './commands/review.js';
import * as reviewDue from './commands/review-due.js';
import * as serve from './commands/serve.js';
import * as stats from './commands/stats.js';
import * as user from './commands/user.js';
import * as validate from './commands/validate.js';
import { EXIT_FAILURE } from './shared.js';

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
