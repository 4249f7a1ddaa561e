/**
 * `medbrief mcp`: the MCP server over stdio, for AI assistants that start it as a child process.
 * Read-only. stdout belongs to the protocol, so every message for people goes to stderr.
 */
import type { Command } from 'commander';
import { serveMcpStdio } from '../../mcp/index.js';
import { defaultSiteConfig } from '../../site/index.js';
import { action, CliError, dbOptionHelp, defaultDb, demoContentDir, openCliStore } from '../shared.js';
import { formatImportReport, importContentFolder } from './import.js';

interface McpOptions {
  db: string;
  baseUrl: string;
  demo?: boolean;
}

const DEFAULT_BASE_URL = 'http://localhost:3000';

export function register(program: Command): void {
  program
    .command('mcp')
    .description('serve MedBrief answers to AI assistants over MCP (stdio; read-only)')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('--base-url <url>', 'public base URL of the site, for answer links', DEFAULT_BASE_URL)
    .option('--demo', 'import the demo content first when the database has no conditions')
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
        const store = await openCliStore(opts.db, { mustExist: !opts.demo });
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
          console.error(`MedBrief MCP server on stdio, reading ${opts.db}`);
          await serveMcpStdio({ store, config: defaultSiteConfig({ baseUrl }) });
        } finally {
          await store.close();
        }
      }),
    );
}
