/** `medbrief build`: its arguments, options and help; the implementation is ../commands/build.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const load = () => import('../commands/build.js');

export function register(program: Command): void {
  program
    .command('build')
    .description(
      'write the public site as static files (HTML, JSON-LD, sitemap, feed, JSON API, search index)',
    )
    .requiredOption(
      '-o, --out <dir>',
      'output folder (created; a folder from an earlier build is updated in place)',
    )
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--content <dir>', 'build straight from a content folder instead of a database')
    .option(
      '--base-url <url>',
      'public base URL for canonical links, sitemap and feed',
      'http://localhost:3000',
    )
    .option('--force', 'rewrite every file, ignoring the previous build')
    .option('--no-progress', 'no progress bar')
    .action(lazyAction(load, (m) => m.runBuild));
}
