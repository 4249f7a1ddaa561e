/** `medbrief ask`: its arguments, options and help; the implementation is ../commands/ask.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/ask.js');

export function register(program: Command): void {
  program
    .command('ask')
    .description('find the reviewed answer to a question in your own words (or say that there is none)')
    .argument('[question]', 'the question, in quotes')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option(
      '--limit <n>',
      'answers to show (default and maximum: the engine defaults, ASK_DEFAULTS — 5 and 50)',
    )
    .option('--json', 'print the result as JSON')
    .option('--explain', 'show which focus, aspect, terms and features produced the ranking')
    .option(
      '--batch <file>',
      'read {"id","question"} JSON lines (or - for stdin) and write one JSON line each',
    )
    .option('--no-cache', 'rebuild the search index instead of using the saved one ($MEDBRIEF_CACHE_DIR)')
    .option(
      '--emergency-number <text>',
      'emergency number in urgent notices (default: $MEDBRIEF_EMERGENCY_NUMBER or "your local emergency number")',
    )
    .action(lazyAction(load, (m) => m.runAsk));
}
