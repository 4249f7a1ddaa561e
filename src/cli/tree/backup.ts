/** `medbrief backup|restore|check`: arguments, options and help; the implementation is ../commands/backup.ts, loaded when one runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/backup.js');

export function register(program: Command): void {
  program
    .command('backup')
    .description(
      'write an online, consistent backup of the whole store (portable between SQLite and PostgreSQL)',
    )
    .argument('<file>', 'backup file to write (JSON lines)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--force', 'overwrite an existing file')
    .action(lazyAction(load, (m) => m.runBackup));

  program
    .command('restore')
    .description('restore a backup into a new, empty store; verifies every content hash')
    .argument('<file>', 'backup file written by `medbrief backup`')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runRestore));

  program
    .command('check')
    .description('check the store: database integrity, foreign keys, revision hashes and pointers')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runCheck));
}
