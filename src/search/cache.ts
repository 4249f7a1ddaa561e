/**
 * The search index, persisted: a snapshot of the built engine (AskEngine.toSnapshot) stored in
 * a cache folder under a key made of the database, its content version and the day (review
 * badges expire by date), so `medbrief ask` and the server start answering without reading and
 * re-indexing every published answer. A stale or unreadable snapshot is rebuilt, never trusted.
 *
 * Folder: $MEDBRIEF_CACHE_DIR, else $XDG_CACHE_HOME/medbrief, else ~/.cache/medbrief.
 * MEDBRIEF_CACHE_DIR=off disables it.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { todayIso } from '../content/index.js';
import type { Store } from '../store/index.js';
import { documentsFromStore } from './documents.js';
import { AskEngine, type AskEngineOptions } from './engine.js';

export function searchCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const set = env.MEDBRIEF_CACHE_DIR;
  if (set === 'off' || set === '0') return null;
  if (set) return set;
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'medbrief');
}

export interface CachedEngineOptions extends AskEngineOptions {
  /** Identifies the database (its URL or path); part of the cache key. */
  databaseKey: string;
  /** Cache folder, or null for none (default: searchCacheDir()). */
  cacheDir?: string | null;
  today?: string;
}

export interface CachedEngine {
  engine: AskEngine;
  /** Where the engine came from: a snapshot file, or a fresh build (saved when a folder is set). */
  source: 'snapshot' | 'built';
  /** The store's content version the engine reflects. */
  version: string;
  file: string | null;
}

/** The engine for the store's published answers, from the cache when it is current. */
export async function cachedEngine(store: Store, options: CachedEngineOptions): Promise<CachedEngine> {
  const { databaseKey, cacheDir = searchCacheDir(), today = todayIso(), ...engineOptions } = options;
  const version = await store.contentVersion();
  const key = createHash('sha256')
    .update(JSON.stringify([databaseKey, version, today, AskEngine.snapshotVersion]))
    .digest('hex')
    .slice(0, 24);
  const prefix = `search-${createHash('sha256').update(databaseKey).digest('hex').slice(0, 12)}-`;
  const file = cacheDir ? join(cacheDir, `${prefix}${key}.bin`) : null;
  if (file) {
    try {
      const engine = AskEngine.fromSnapshot(readFileSync(file), engineOptions);
      return { engine, source: 'snapshot', version, file };
    } catch {
      // missing, stale format or damaged: rebuild below
    }
  }
  const engine = new AskEngine(await documentsFromStore(store, today), engineOptions);
  if (file && cacheDir) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, engine.toSnapshot());
      renameSync(tmp, file);
      // older snapshots of the same database are no longer current
      for (const f of readdirSync(cacheDir)) {
        if (f.startsWith(prefix) && f.endsWith('.bin') && join(cacheDir, f) !== file) {
          rmSync(join(cacheDir, f), { force: true });
        }
      }
    } catch {
      // a read-only or full disk only costs the next start its speed
    }
  }
  return { engine, source: 'built', version, file };
}
