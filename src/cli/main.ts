#!/usr/bin/env node
/** The `medbrief` command line. Each command lives in ./commands/<name>.ts. */
import { Command, CommanderError } from 'commander';
import * as exportJson from './commands/export-json.js';
import * as importCmd from './commands/import.js';
import * as init from './commands/init.js';
import * as review from './commands/review.js';
import * as serve from './commands/serve.js';
import * as validate from './commands/validate.js';
import { EXIT_FAILURE } from './shared.js';

export function buildProgram(): Command {
  const program = new Command('medbrief')
    .description('Medically reviewed short answers: write, lint, review, import, search and publish.')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)');
  init.register(program);
  validate.register(program);
  importCmd.register(program);
  review.register(program);
  serve.register(program);
  exportJson.register(program);
  return program;
}

const program = buildProgram();
const overrideExits = (cmd: Command) => {
  cmd.exitOverride();
  cmd.commands.forEach(overrideExits);
};
overrideExits(program);
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end through here with exit code 0; usage errors become exit code 2.
    process.exitCode = err.exitCode === 0 ? 0 : EXIT_FAILURE;
  } else {
    throw err;
  }
}
