/** `medbrief mcp`: its arguments, options and help; the implementation is ../commands/mcp.ts, loaded when it runs. */
import type { Command } from 'commander';
import { lazyAction } from '../lazy.js';
import { dbOptionHelp, defaultDb } from '../shared.js';

const DEFAULT_BASE_URL = 'http://localhost:3000';
const load = () => import('../commands/mcp.js');

export function register(program: Command): void {
  program
    .command('mcp')
    .description('serve MedBrief answers to AI assistants over MCP (stdio; read-only)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--base-url <url>', 'public base URL of the site, for answer links', DEFAULT_BASE_URL)
    .option('--demo', 'import the demo content first when the database has no conditions')
    .option(
      '--ask-log',
      'record each ask_medbrief question in the question log (scrubbed; default: the askLog setting)',
    )
    .option('--config <file>', 'settings file for askLog and askLogRetentionDays (default: $MEDBRIEF_CONFIG)')
    .action(lazyAction(load, (m) => m.runMcp));
}
