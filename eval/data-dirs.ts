/**
 * Where the shared data sets are: `$<ENV_VAR>` when set, else ../shared/data/<folder> next to the
 * repository (the same rule as test/helpers/corpus.ts). The eval needs them: a missing folder is
 * an error that says which variable to set.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..');

export const DATA_SETS = {
  medquad: { env: 'MEDQUAD_DIR', folder: 'medquad' },
  rqe: { env: 'MEDIQA_RQE_DIR', folder: 'mediqa-rqe' },
  qa: { env: 'MEDIQA_QA_DIR', folder: 'mediqa-qa' },
  meqsum: { env: 'MEQSUM_DIR', folder: 'meqsum' },
} as const;
export type DataSet = keyof typeof DATA_SETS;

/** The folder of a data set (may not exist). */
export function dataDirPath(set: DataSet): string {
  const { env, folder } = DATA_SETS[set];
  return process.env[env] ?? join(repoRoot, '..', 'shared', 'data', folder);
}

/** The folder of a data set, or an error naming the path tried and the variable to set. */
export function requireDataDir(set: DataSet): string {
  const dir = dataDirPath(set);
  if (!existsSync(dir)) {
    const { env, folder } = DATA_SETS[set];
    throw new Error(
      `${folder} data not found at ${dir}: set ${env} to its folder (see ../shared/data/PROVENANCE.txt)`,
    );
  }
  return dir;
}
