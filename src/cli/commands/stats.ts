/** `medbrief stats`: what the store holds (conditions, synonyms, answers by aspect and publisher, review state). */
import type { Command } from 'commander';
import { collectStats, formatStats } from '../../import/stats/index.js';
import { action, dbOptionHelp, defaultDb, openCliStore } from '../shared.js';

export function register(program: Command): Command {
  return program
    .command('stats')
    .description('count conditions, synonyms and answers (by aspect, publisher, imported vs reviewed)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--json', 'print JSON')
    .action(
      action(async (opts: { db: string; json?: boolean }) => {
        const store = await openCliStore(opts.db, { mustExist: true });
        try {
          const stats = await collectStats(store);
          console.log(opts.json ? JSON.stringify(stats, null, 2) : formatStats(stats));
        } finally {
          await store.close();
        }
      }),
    );
}
