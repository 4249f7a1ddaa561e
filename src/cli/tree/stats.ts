/** `medbrief stats`: its arguments, options and help; the implementation is ../commands/stats.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/stats.js');

export function register(program: Command): Command {
  return program
    .command('stats')
    .description('count conditions, synonyms and answers (by aspect, publisher, imported vs reviewed)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--json', 'print JSON')
    .action(lazyAction(load, (m) => m.runStats));
}
