/**
 * MedQuAD import benchmark: the whole collection into a fresh SQLite file (time, peak RSS,
 * phases), then the same import again (must change nothing) → bench/results/import.json.
 * `MEDQUAD_DIR` overrides the corpus location.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defaultMedquadDir, importMedquad, readAndPlanMedquad } from '../src/import/medquad/index.js';
import { openStore } from '../src/store/index.js';
import { peakRssMiB, timed, writeResult } from './lib.js';

export async function main() {
  const dir = defaultMedquadDir(resolve(import.meta.dirname, '..'));
  const tmp = mkdtempSync(join(tmpdir(), 'medbrief-bench-import-'));
  try {
    const readPlan = await timed(() => readAndPlanMedquad(dir));
    const store = await openStore(join(tmp, 'bench.db'));
    try {
      let plannedAt = 0;
      const start = process.hrtime.bigint();
      const first = await timed(() =>
        importMedquad(store, dir, {
          onPlanned: () => {
            plannedAt = Number(process.hrtime.bigint() - start) / 1e9;
          },
        }),
      );
      const again = await timed(() => importMedquad(store, dir));
      const result = {
        corpus: dir,
        files: first.value.files,
        documents: first.value.plan.documents,
        answers: first.value.write.answers.added,
        duplicatesLinked: first.value.plan.duplicatesLinked,
        readAndPlanSeconds: round(readPlan.seconds),
        importSeconds: round(first.seconds),
        importWriteSeconds: round(first.seconds - plannedAt),
        answersPerSecond: Math.round(first.value.write.answers.added / first.seconds),
        reimportSeconds: round(again.seconds),
        reimport: again.value.write.answers,
        peakRssMiB: peakRssMiB(),
        // Other work on the machine slows every figure above; recorded so runs can be compared.
        loadAverage1m: round(loadavg()[0]!),
      };
      console.log(result);
      writeResult('import', result);
      return result;
    } finally {
      await store.close();
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function round(s: number): number {
  return Math.round(s * 1000) / 1000;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
