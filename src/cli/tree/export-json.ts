/** `medbrief export-json`: its arguments, options and help; the implementation is ../commands/export-json.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/export-json.js');

export function register(program: Command): void {
  program
    .command('export-json')
    .description('write all conditions and published answers as JSON (stdout, or --out file)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('-o, --out <file>', 'file to write (default: standard output)')
    .option('--base-url <url>', 'base URL for answer links', 'http://localhost:3000')
    .action(lazyAction(load, (m) => m.runExportJson));
}
