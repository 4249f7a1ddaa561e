import { loggedEngine, startAskLog } from '../../asklog/index.js';
import { ConfigError, loadServerConfig } from '../../config/index.js';
import { serveMcpStdio } from '../../mcp/index.js';
import { searchService } from '../../search/index.js';
import { defaultSiteConfig } from '../../site/index.js';
import { CliError, demoContentDir, openCliStore } from '../shared.js';
import { formatImportReport, importContentFolder } from './import.js';

interface McpOptions {
  db: string;
  baseUrl: string;
  demo?: boolean;
  askLog?: boolean;
  config?: string;
}

export async function runMcp(opts: McpOptions) {
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
    console.error(`MedBrief MCP server on stdio, reading ${opts.db}${askLog ? ' (question log on)' : ''}`);
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
}
