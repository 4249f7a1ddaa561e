/** `medbrief serve`: its arguments, options and help; the implementation is ../commands/serve.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';

const load = () => import('../commands/serve.js');

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the site and JSON API')
    .option('--config <file>', 'settings file, JSON or YAML (default: $MEDBRIEF_CONFIG)')
    .option(
      '--db <url>',
      'database: SQLite path or postgres:// URL (default: $DATABASE_URL or data/medbrief.db)',
    )
    .option('-p, --port <port>', 'port to listen on (default: $PORT or 3000; 0 picks a free port)')
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .option('--base-url <url>', 'public base URL for canonical links (default: http://localhost:<port>)')
    .option(
      '--demo',
      'import the demo content on first start (when the database has no conditions) and turn the question log on unless askLog is set',
    )
    .action(lazyAction(load, (m) => m.runServe));
}
