/** `medbrief gaps` and `medbrief asklog purge`: arguments, options and help; the implementation is ../commands/asklog.ts, loaded when one runs. */
import type { Command } from 'commander';
import { DEFAULT_RETENTION_DAYS } from '../../asklog/repo.js';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/asklog.js');

export function register(program: Command): void {
  program
    .command('gaps')
    .description('list questions the site could not answer well, grouped by condition and aspect')
    .option('--since <window>', 'how far back to look: 30d, 6w, 3m or a number of days', '30d')
    .option('--format <format>', 'text, csv or json', 'text')
    .option('--all', 'also list groups marked "not in scope" or merged')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runGaps));

  const asklog = program.command('asklog').description('the question log (scrubbed patient questions)');
  asklog
    .command('purge')
    .description(
      `delete logged questions older than the retention period (default ${DEFAULT_RETENTION_DAYS} days)`,
    )
    .option('--days <n>', 'keep this many days (default: config askLogRetentionDays or 90)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runAsklogPurge));
}
