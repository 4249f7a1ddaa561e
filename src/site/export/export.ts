/**
 * Writes the static site into a folder any static host can serve. Incremental: a manifest of
 * every written file's key lets the next build skip files whose inputs did not change and remove
 * files that no longer belong to the site (and only those: files we did not write are kept).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Store } from '../../store/index.js';
import type { SiteConfig } from '../config.js';
import { MANIFEST_FILE, safeJoin } from './paths.js';
import { loadSnapshot, type OutputFile, type SiteSnapshot, sitePlan } from './plan.js';

export interface ExportOptions {
  store: Store;
  config: SiteConfig;
  /** An already checked folder (see checkOutDir). */
  outDir: string;
  /** More files to write, e.g. the JSON API snapshot from the web module. */
  extraFiles?: (snapshot: SiteSnapshot) => OutputFile[] | Promise<OutputFile[]>;
  /** Ignore the manifest and write every file. */
  force?: boolean;
  onStart?: (total: number) => void;
  onProgress?: (done: number, total: number) => void;
}

export interface ExportReport {
  total: number;
  written: number;
  unchanged: number;
  removed: number;
  pages: number;
  seconds: number;
}

interface Manifest {
  version: 1;
  files: Record<string, string>;
}

function readManifest(outDir: string): Manifest {
  const file = join(outDir, MANIFEST_FILE);
  if (!existsSync(file)) return { version: 1, files: {} };
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
    return m.version === 1 && m.files ? m : { version: 1, files: {} };
  } catch {
    return { version: 1, files: {} };
  }
}

export async function exportSite(options: ExportOptions): Promise<ExportReport> {
  const started = performance.now();
  const { outDir, config } = options;
  const snapshot = await loadSnapshot(options.store);
  const files = [...sitePlan(snapshot, config), ...((await options.extraFiles?.(snapshot)) ?? [])];
  const seen = new Set<string>();
  for (const f of files) {
    if (seen.has(f.path)) throw new Error(`two outputs claim ${f.path}`);
    seen.add(f.path);
  }
  mkdirSync(outDir, { recursive: true });
  const old: Manifest = options.force ? { version: 1, files: {} } : readManifest(outDir);
  const next: Manifest = { version: 1, files: {} };
  const made = new Set<string>();
  let written = 0;
  let unchanged = 0;
  options.onStart?.(files.length);
  for (const [i, f] of files.entries()) {
    const full = safeJoin(outDir, f.path);
    if (old.files[f.path] === f.key && existsSync(full)) {
      unchanged++;
    } else {
      const dir = dirname(full);
      if (!made.has(dir)) {
        mkdirSync(dir, { recursive: true });
        made.add(dir);
      }
      writeFileSync(full, await f.render());
      written++;
    }
    next.files[f.path] = f.key;
    if (i % 50 === 0 || i === files.length - 1) options.onProgress?.(i + 1, files.length);
  }
  let removed = 0;
  for (const path of Object.keys(old.files)) {
    if (next.files[path] !== undefined) continue;
    const full = safeJoin(outDir, path);
    if (existsSync(full)) {
      rmSync(full);
      removed++;
    }
  }
  writeFileSync(join(outDir, MANIFEST_FILE), `${JSON.stringify(next)}\n`);
  return {
    total: files.length,
    written,
    unchanged,
    removed,
    pages: files.filter((f) => f.path.endsWith('.html')).length,
    seconds: (performance.now() - started) / 1000,
  };
}
