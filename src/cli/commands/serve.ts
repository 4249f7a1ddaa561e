import { pino } from 'pino';
import { ConfigError, loadServerConfig } from '../../config/index.js';
import { createSender, type NotificationJob, startNotificationJob } from '../../notify/index.js';
import type { Lifecycle } from '../../web/health.js';
import { createApp, startServer } from '../../web/index.js';
import { CliError, demoContentDir, openCliStore } from '../shared.js';
import { formatImportReport, importContentFolder } from './import.js';

interface ServeOptions {
  config?: string;
  db?: string;
  port?: string;
  host?: string;
  baseUrl?: string;
  demo?: boolean;
}

export async function runServe(opts: ServeOptions) {
  let config: ReturnType<typeof loadServerConfig>;
  try {
    config = loadServerConfig({
      file: opts.config,
      flags: { database: opts.db, port: opts.port, host: opts.host, baseUrl: opts.baseUrl },
    });
  } catch (err) {
    if (err instanceof ConfigError) {
      throw new CliError(err.message, 2, 'fix the setting named above (see README: Configuration)');
    }
    throw err;
  }
  const logger = pino({ level: config.logLevel, base: { service: 'medbrief' } });
  const sender =
    config.notifySender === 'off'
      ? null
      : createSender({
          sender: config.notifySender,
          webhookUrl: config.notifyWebhookUrl,
          webhookSecret: config.notifyWebhookSecret,
          webhookTimeoutSeconds: config.notifyWebhookTimeoutSeconds,
          log: (line, m) => logger.info({ notification: m.id, event: m.event, to: m.recipients }, line),
        });
  const store = await openCliStore(config.database, { mustExist: !opts.demo });
  if (opts.demo && (await store.countConditions()) === 0) {
    const report = await importContentFolder(store, demoContentDir, 'demo-import');
    console.error(
      `First start: imported the demo content into ${config.database}\n${formatImportReport(report)}`,
    );
  }
  const lifecycle: Lifecycle = { ready: true };
  const baseUrl = (config.baseUrl ?? `http://localhost:${config.port}`).replace(/\/+$/, '');
  const { app, search, askLog } = createApp({
    store,
    logger,
    searchCacheKey: config.database,
    lifecycle,
    // The question log is off unless configured; the demo turns it on (README: Question log).
    askLog: {
      enabled: config.askLog ?? Boolean(opts.demo),
      retentionDays: config.askLogRetentionDays,
    },
    config: {
      baseUrl,
      siteName: config.siteName,
      emergencyNumber: config.emergencyNumber,
      reviewIntervalMonths: config.reviewIntervalMonths,
    },
  });
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(app, config.port, config.host);
  } catch (err) {
    await store.close();
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') {
      throw new CliError(
        `port ${config.port} is already in use`,
        2,
        'stop the other server or pass --port <another>',
      );
    }
    throw err;
  }
  const shown = config.host === '127.0.0.1' || config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.error(`MedBrief is serving ${config.database} at http://${shown}:${server.port}`);
  logger.info({ port: server.port, host: config.host, store: store.dialect }, 'listening');
  // Deliver the notification outbox (and add review-due notices daily) when a sender is set.
  const notifications: NotificationJob | null = sender
    ? startNotificationJob({
        store,
        sender,
        intervalSeconds: config.notifyIntervalSeconds,
        maxAttempts: config.notifyMaxAttempts,
        onRun: ({ report, reviewDueAdded }) => logger.info({ ...report, reviewDueAdded }, 'notification run'),
        onError: (err) => logger.error({ err }, 'notification run failed'),
      })
    : null;
  void notifications?.tick();
  // Build the search index now rather than on the first question.
  Promise.resolve(search()).catch((err: unknown) => logger.error({ err }, 'search index build failed'));
  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      lifecycle.ready = false;
      logger.info({ signal }, 'shutting down: finishing in-flight requests');
      const grace = setTimeout(() => {
        logger.warn('grace period over: closing remaining connections');
        resolve();
      }, config.shutdownGraceSeconds * 1000);
      grace.unref();
      await server.close().catch(() => {});
      clearTimeout(grace);
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
  await askLog?.close();
  await notifications?.stop();
  await store.close();
  logger.info('stopped');
  logger.flush();
}
