/** `medbrief lint`: its arguments, options and help; the implementation is ../commands/lint.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/lint.js');

export function register(program: Command): void {
  program
    .command('lint')
    .description('check Markdown answers for evidence and plain-language problems (docs/rules.md)')
    .argument('<paths...>', 'answer files or content folders')
    .option('-f, --format <format>', 'stylish, json or sarif', 'stylish')
    .option('--fix', 'apply automatic fixes (repeated TL;DR, mistyped footnotes) to the files')
    .option('-c, --config <file>', 'configuration file (default: medbrief.config.* found upward)')
    .option('-q, --quiet', 'report errors only')
    .option('--today <date>', 'date used by review-overdue (YYYY-MM-DD)')
    .action(lazyAction(load, (m) => m.runLint));
}
