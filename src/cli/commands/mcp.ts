/**
 * `medbrief mcp`: the MCP server over stdio, for AI assistants that start it as a child process.
 * Read-only for content; with the question log on (`--ask-log`, or `askLog` in the settings), each
 * `ask_medbrief` question is recorded scrubbed, channel "mcp", as /mcp over HTTP does.
 * stdout belongs to the protocol, so every message for people goes to stderr.
 */
import type { Command } from 'commander';
import { loggedEngine, startAskLog } from '../../asklog/index.js';
import { ConfigError, loadServerConfig } from '../../config/index.js';
import { serveMcpStdio } from '../../mcp/index.js';
import { searchService } from '../../search/index.js';
import { defaultSiteConfig } from '../../site/index.js';
import { action, CliError, dbOptionHelp, defaultDb, demoContentDir, openCliStore } from '../shared.js';
import { formatImportReport, importContentFolder } from './import.js';

interface McpOptions {
  db: string;
  baseUrl: string;
  demo?: boolean;
  askLog?: boolean;
  config?: string;
}

const DEFAULT_BASE_URL = 'http://localhost:3000';

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
    .action(
      action(async (opts: McpOptions) => {
        // Anything a module prints with console.log would corrupt the JSON-RPC stream on stdout.
        console.log = console.error;
        console.info = console.error;
        console.debug = console.error;
        let baseUrl: string;
        try {
          baseUrl = new URL(opts.baseUrl).href.replace(/\/+$/, '');
        } catch {
          throw new CliError(
            `invalid --base-url "${opts.baseUrl}"`,
            2,
            'give an absolute URL such as https://medbrief.example.org',
          );
        }
        let settings: ReturnType<typeof loadServerConfig>;
        try {
          settings = loadServerConfig({ file: opts.config, flags: { askLog: opts.askLog } });
        } catch (err) {
          if (err instanceof ConfigError) {
            throw new CliError(err.message, 2, 'fix the setting named above (see README: Configuration)');
          }
          throw err;
        }
        const store = await openCliStore(opts.db, { mustExist: !opts.demo });
        const askLog = settings.askLog
          ? startAskLog(store, { enabled: true, retentionDays: settings.askLogRetentionDays }, (what, err) =>
              console.error(`warning: ${what}: ${(err as Error).message}`),
            )
          : null;
        try {
          if ((await store.countConditions()) === 0) {
            if (opts.demo) {
              const report = await importContentFolder(store, demoContentDir, 'demo-import');
              console.error(`Imported the demo content into ${opts.db}\n${formatImportReport(report)}`);
            } else {
              console.error(
                `warning: ${opts.db} has no content yet; import some with \`medbrief import <dir> --db ${opts.db}\` (or pass --demo)`,
              );
            }
          }
          console.error(
            `MedBrief MCP server on stdio, reading ${opts.db}${askLog ? ' (question log on)' : ''}`,
          );
          const config = defaultSiteConfig({ baseUrl, emergencyNumber: settings.emergencyNumber });
          const search = searchService(store, { emergencyNumber: config.emergencyNumber });
          await serveMcpStdio({
            store,
            config,
            ask: askLog ? loggedEngine(search, askLog.recorder, 'mcp') : search,
          });
        } finally {
          await askLog?.close(); // writes the questions still queued
          await store.close();
        }
      }),
    );
}
