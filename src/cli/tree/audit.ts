/** `medbrief audit`: its arguments, options and help; the implementation is ../commands/audit.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/audit.js');

export function register(program: Command): void {
  program
    .command('audit')
    .description(
      'audit a published page (text or HTML): finds its header, TL;DR, question, body and disclaimer, then runs the lint rules',
    )
    .argument('<files...>', 'page files (.txt, .html)')
    .option('-f, --format <format>', 'stylish, json or sarif', 'stylish')
    .option('-c, --config <file>', 'configuration file (default: medbrief.config.* found upward)')
    .option('-q, --quiet', 'report errors only')
    .option('--today <date>', 'date used by review-overdue (YYYY-MM-DD)')
    .action(lazyAction(load, (m) => m.runAudit));
}
