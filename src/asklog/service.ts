/**
 * The question log of one process: the recorder the ask path writes to, and the retention job
 * that deletes questions older than the retention period (at start, then every few hours).
 */
import type { Store } from '../store/index.js';
import { AskRecorder } from './recorder.js';
import { AskLogRepo, DEFAULT_RETENTION_DAYS } from './repo.js';

export interface AskLogSettings {
  /** Record asks at all (config `askLog`; default off, on in the demo). */
  enabled: boolean;
  /** Days a logged question is kept (config `askLogRetentionDays`, default 90). */
  retentionDays?: number;
  /** How often the retention job runs (default every 6 hours). */
  purgeEveryMs?: number;
}

export interface AskLogService {
  readonly repo: AskLogRepo;
  readonly recorder: AskRecorder;
  readonly retentionDays: number;
  /** Deletes what is past retention now; returns how many questions. */
  purge(): Promise<number>;
  /** Writes what is queued and stops the retention job. */
  close(): Promise<void>;
}

export function startAskLog(
  store: Store,
  settings: AskLogSettings,
  report: (what: string, err: unknown) => void = () => {},
): AskLogService {
  const repo = new AskLogRepo(store);
  const recorder = new AskRecorder(repo, { onError: (err) => report('ask log write failed', err) });
  const retentionDays = settings.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const purge = () => repo.purge(retentionDays);
  const run = () => {
    purge().catch((err) => report('ask log retention job failed', err));
  };
  const first = setTimeout(run, 1_000);
  first.unref();
  const timer = setInterval(run, settings.purgeEveryMs ?? 6 * 3_600_000);
  timer.unref();
  return {
    repo,
    recorder,
    retentionDays,
    purge,
    async close() {
      clearTimeout(first);
      clearInterval(timer);
      await recorder.close();
    },
  };
}
