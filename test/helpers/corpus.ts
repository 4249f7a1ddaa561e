/**
 * Locating the shared data sets for tests. Outside CI a missing corpus skips the tests that need
 * it, with a printed reason (a user's clone has no ../shared); under CI=true it is a failure.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
const sharedData = join(repoRoot, '..', 'shared', 'data');

function locate(envVar: string, relative: string): string | null {
  const dir = process.env[envVar] ?? join(sharedData, relative);
  if (existsSync(dir)) return dir;
  const message = `${relative} not found at ${dir} (set ${envVar} to its folder)`;
  if (process.env.CI === 'true') throw new Error(`CI requires the corpus: ${message}`);
  console.warn(`skipping tests that need ${relative}: ${message}`);
  return null;
}

/** The MedQuAD folder, or null (tests skip) outside CI when it is absent. */
export function medquadDir(): string | null {
  return locate('MEDQUAD_DIR', 'medquad');
}

export function rqeDir(): string | null {
  return locate('MEDIQA_RQE_DIR', 'mediqa-rqe');
}

export function mediqaQaDir(): string | null {
  return locate('MEDIQA_QA_DIR', 'mediqa-qa');
}

export function meqsumDir(): string | null {
  return locate('MEQSUM_DIR', 'meqsum');
}
