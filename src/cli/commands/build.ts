/**
 * `medbrief build --out dist/`: the whole public site as static files — HTML pages with JSON-LD,
 * sitemap, robots.txt, Atom feed, the JSON API snapshot and the client-side search index.
 * Incremental: unchanged pages are not rewritten. Builds from a database (--db) or straight
 * from a content folder (--content, loaded into a temporary in-memory database).
 */
import { SingleBar } from 'cli-progress';
import {
  checkOutDir,
  defaultSiteConfig,
  type ExportReport,
  exportSite,
  UnsafeOutputError,
} from '../../site/index.js';
import { openStore, type Store } from '../../store/index.js';
import { apiSnapshotFiles } from '../../web/index.js';
import { CliError, openCliStore, packageRoot } from '../shared.js';
import { importContentFolder } from './import.js';

interface BuildOptions {
  out: string;
  db: string;
  content?: string;
  baseUrl: string;
  force?: boolean;
  progress?: boolean;
}

export interface BuildRun {
  store: Store;
  outDir: string;
  baseUrl: string;
  force?: boolean;
  /** Show a progress bar (on a TTY). */
  progress?: boolean;
}

/** Builds the site from an open store into a checked folder. */
export async function buildSite(run: BuildRun): Promise<ExportReport> {
  const config = defaultSiteConfig({ baseUrl: run.baseUrl });
  const bar = run.progress
    ? new SingleBar({ format: 'building [{bar}] {percentage}% | {value}/{total} files', hideCursor: true })
    : null;
  try {
    return await exportSite({
      store: run.store,
      config,
      outDir: run.outDir,
      force: run.force,
      extraFiles: (snapshot) => apiSnapshotFiles(snapshot, config),
      onStart: (total) => bar?.start(total, 0),
      onProgress: (done) => bar?.update(done),
    });
  } finally {
    bar?.stop();
  }
}

function outDirOrFail(out: string): string {
  try {
    return checkOutDir(out, { repoRoot: packageRoot });
  } catch (err) {
    if (err instanceof UnsafeOutputError) throw new CliError(err.message, 2, err.hint);
    throw err;
  }
}

export async function runBuild(opts: BuildOptions) {
  const outDir = outDirOrFail(opts.out);
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new CliError(
      `invalid --base-url "${opts.baseUrl}"`,
      2,
      'use an absolute URL such as https://example.org',
    );
  }
  const store = opts.content ? await openStore(':memory:') : await openCliStore(opts.db, { mustExist: true });
  try {
    if (opts.content) await importContentFolder(store, opts.content, 'build');
    const report = await buildSite({
      store,
      outDir,
      baseUrl,
      force: opts.force,
      progress: opts.progress !== false && Boolean(process.stderr.isTTY),
    });
    console.log(
      `Built ${outDir}: ${report.total} files (${report.pages} pages) — ${report.written} written, ` +
        `${report.unchanged} unchanged, ${report.removed} removed in ${report.seconds.toFixed(2)} s`,
    );
  } finally {
    await store.close();
  }
}
