/** `medbrief export`: its arguments, options and help; the implementation is ../commands/export.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/export.js');

export function register(program: Command): void {
  program
    .command('export')
    .description('write the published content as Markdown files (the reverse of `import <dir>`)')
    .argument(
      '<dir>',
      'folder to write (created if missing; existing files with the same names are replaced)',
    )
    .option('--db <url>', dbOptionHelp, defaultDb())
    .action(lazyAction(load, (m) => m.runExport));
}
