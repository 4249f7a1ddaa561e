import {
  AskLogRepo,
  DEFAULT_RETENTION_DAYS,
  gapReport,
  gapsToCsv,
  gapsToJson,
  gapsToText,
} from '../../asklog/index.js';
import { loadServerConfig } from '../../config/index.js';
import { parseWindow } from '../../workflow/index.js';
import { CliError, openCliStore } from '../shared.js';

/** The retention period from the configuration ($MEDBRIEF_CONFIG, environment), else the default. */
function configuredRetention(): number {
  try {
    return loadServerConfig().askLogRetentionDays;
  } catch {
    return DEFAULT_RETENTION_DAYS;
  }
}

export async function runGaps(opts: { since: string; format: string; all?: boolean; db: string }) {
  const days = parseWindow(opts.since);
  if (days === null || days < 1) {
    throw new CliError(`--since "${opts.since}" is not a period`, 2, 'write e.g. 7d, 30d, 6w or 3m');
  }
  if (!['text', 'csv', 'json'].includes(opts.format)) {
    throw new CliError(`--format "${opts.format}" is not known`, 2, 'use text, csv or json');
  }
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const report = await gapReport(new AskLogRepo(store), store, {
      since: new Date(Date.now() - days * 86_400_000),
      includeHidden: Boolean(opts.all) || opts.format !== 'text',
    });
    const out =
      opts.format === 'csv'
        ? gapsToCsv(report)
        : opts.format === 'json'
          ? gapsToJson(report)
          : gapsToText(report);
    process.stdout.write(out);
  } finally {
    await store.close();
  }
}

export async function runAsklogPurge(opts: { days?: string; db: string }) {
  const days = opts.days === undefined ? configuredRetention() : Number(opts.days);
  if (!Number.isInteger(days) || days < 0) {
    throw new CliError(
      `--days "${opts.days}" is not a whole number of days`,
      2,
      'write e.g. --days 90 (0 deletes everything)',
    );
  }
  const store = await openCliStore(opts.db, { mustExist: true });
  try {
    const repo = new AskLogRepo(store);
    const removed = await repo.purge(days);
    const left = await repo.countAsks();
    console.log(
      `Deleted ${removed} logged question(s) older than ${days} day(s) from ${opts.db}; ${left} kept.`,
    );
  } finally {
    await store.close();
  }
}
