/** `medbrief import`: its arguments, options and help; the implementation is ../commands/import.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/import.js');

export function register(program: Command): Command {
  return program
    .command('import')
    .description('import content into the store (a content folder; or see the subcommands)')
    .argument('[dir]', 'content folder to import (all or nothing)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--actor <name>', 'who is recorded as author of new revisions', 'import')
    .action(lazyAction(load, (m) => m.runImport));
}
