/**
 * Foundation benchmark: import 16,000 generated answers into a SQLite store in one transaction,
 * then read every published answer back (what a search index build or static export does).
 */

import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../src/store/index.js';
import { importBundle } from '../src/workflow/index.js';
import { generateBundle } from './generate.js';
import { peakRssMiB, timed, writeResult } from './lib.js';

export async function main(count = Number(process.env.BENCH_ANSWERS ?? 16_000)) {
  const file = join(tmpdir(), `medbrief-bench-${process.pid}.db`);
  rmSync(file, { force: true });
  const bundle = generateBundle(count);
  const store = await openSqliteStore(file);
  const imported = await timed(() => importBundle(store, bundle, { actor: 'bench' }));
  const reimport = await timed(() => importBundle(store, bundle, { actor: 'bench' }));
  const readBack = await timed(() => store.allPublishedAnswers());
  await store.close();
  rmSync(file, { force: true });
  rmSync(`${file}-wal`, { force: true });
  rmSync(`${file}-shm`, { force: true });
  const result = {
    answers: count,
    conditions: bundle.conditions.length,
    importSeconds: round(imported.seconds),
    answersPerSecond: Math.round(count / imported.seconds),
    reimportUnchangedSeconds: round(reimport.seconds),
    readAllPublishedSeconds: round(readBack.seconds),
    readBackCount: readBack.value.length,
    peakRssMiB: peakRssMiB(),
  };
  console.table(result);
  writeResult('foundation-import', result);
  return result;
}

function round(n: number) {
  return Math.round(n * 1000) / 1000;
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
