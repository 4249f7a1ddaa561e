/** `medbrief serve`: the public site and API over HTTP. `--demo` imports the demo content first. */
import type { Command } from 'commander';
import { createApp, startServer } from '../../web/index.js';
import { action, CliError, dbOptionHelp, defaultDb, demoContentDir, openCliStore } from '../shared.js';
import { formatImportReport, importContentFolder } from './import.js';

interface ServeOptions {
  db: string;
  port: string;
  host: string;
  baseUrl?: string;
  demo?: boolean;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the site and JSON API')
    .option('--db <url>', dbOptionHelp, defaultDb())
    .option('-p, --port <port>', 'port to listen on', process.env.PORT ?? '3000')
    .option('--host <host>', 'interface to listen on', process.env.HOST ?? '127.0.0.1')
    .option('--base-url <url>', 'public base URL for canonical links (default: http://localhost:<port>)')
    .option('--demo', 'import the demo content on first start (when the database has no conditions)')
    .action(
      action(async (opts: ServeOptions) => {
        const port = Number(opts.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
          throw new CliError(
            `invalid port "${opts.port}"`,
            2,
            'use a number from 1 to 65535 (0 picks a free port)',
          );
        }
        const store = await openCliStore(opts.db);
        if (opts.demo && (await store.countConditions()) === 0) {
          const report = await importContentFolder(store, demoContentDir, 'demo-import');
          console.log(
            `First start: imported the demo content into ${opts.db}\n${formatImportReport(report)}`,
          );
        }
        const baseUrl = (opts.baseUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
        const { app } = createApp({ store, config: { baseUrl } });
        let server: Awaited<ReturnType<typeof startServer>>;
        try {
          server = await startServer(app, port, opts.host);
        } catch (err) {
          await store.close();
          const e = err as NodeJS.ErrnoException;
          if (e.code === 'EADDRINUSE') {
            throw new CliError(
              `port ${port} is already in use`,
              2,
              'stop the other server or pass --port <another>',
            );
          }
          throw err;
        }
        console.log(
          `MedBrief is serving ${opts.db} at http://${opts.host === '127.0.0.1' ? 'localhost' : opts.host}:${server.port}`,
        );
        await new Promise<void>((resolve) => {
          const stop = async () => {
            console.log('Shutting down…');
            await server.close();
            await store.close();
            resolve();
          };
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
      }),
    );
}
