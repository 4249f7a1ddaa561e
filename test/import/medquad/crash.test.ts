/**
 * Crash safety: a child process importing MedQuAD is killed with SIGKILL at seeded random
 * moments; after each kill the store must pass the integrity checks (SQLite integrity, foreign
 * keys, hashes, whole documents), and resuming must finish with the counts of a clean import.
 * CI form: the GHR folder (1,086 documents) in batches of 25. MEDBRIEF_CRASH_FULL=1: all folders.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rng } from '../../../eval/dev-set.js';
import { medquadDir, repoRoot } from '../../helpers/corpus.js';
import { checkImportIntegrity } from '../helpers/integrity.js';
import { countXml } from '../helpers/xml-counts.js';

const root = medquadDir();
const full = process.env.MEDBRIEF_CRASH_FULL === '1';
const KILLS = Number(process.env.MEDBRIEF_CRASH_RUNS ?? 5);

function startImport(dir: string, db: string): ChildProcess {
  return spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'test/import/fixtures/cli.mts'),
      'import',
      'medquad',
      dir,
      '--db',
      db,
      '--batch',
      '25',
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

/** Waits until the child reports progress (it is writing), then a random extra delay, then SIGKILL. */
async function killAtRandom(child: ChildProcess, extraMs: number): Promise<'killed' | 'finished'> {
  const writing = new Promise<void>((resolve) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('importing:')) resolve();
    });
  });
  const done = exited(child).then(() => 'finished' as const);
  const first = await Promise.race([writing.then(() => 'writing' as const), done]);
  if (first === 'finished') return 'finished';
  const later = await Promise.race([new Promise<'kill'>((r) => setTimeout(() => r('kill'), extraMs)), done]);
  if (later === 'finished') return 'finished';
  child.kill('SIGKILL');
  await exited(child);
  return 'killed';
}

describe.skipIf(!root)('killing an import at random moments', () => {
  const dir = full ? root! : join(root!, '3_GHR_QA');
  const tmp = mkdtempSync(join(tmpdir(), 'medbrief-crash-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));
  const xml = root ? countXml(dir) : null;
  const expected = new Map(xml ? xml.files.map((f) => [`medquad:${f.publisher}:${f.documentId}`, f]) : []);

  it(`leaves a consistent store after each of ${KILLS} SIGKILLs and resumes to the clean result`, async () => {
    const reference = join(tmp, 'reference.db');
    const clean = startImport(dir, reference);
    expect(await exited(clean)).toBe(0);
    const want = checkImportIntegrity(reference, expected);
    expect(want.problems).toEqual([]);
    expect(want.documents).toBe(xml!.documents);

    const db = join(tmp, 'crashed.db');
    const random = rng(Number(process.env.MEDBRIEF_CRASH_SEED ?? 7));
    const outcomes: string[] = [];
    for (let i = 0; i < KILLS; i++) {
      const outcome = await killAtRandom(startImport(dir, db), Math.floor(random() * (full ? 8000 : 2500)));
      outcomes.push(outcome);
      const state = checkImportIntegrity(db, expected);
      expect(state.problems, `after kill ${i + 1} (${outcome})`).toEqual([]);
    }
    expect(outcomes.filter((o) => o === 'killed').length).toBeGreaterThan(0);
    const resume = startImport(dir, db);
    expect(await exited(resume)).toBe(0);
    const got = checkImportIntegrity(db, expected);
    expect(got.problems).toEqual([]);
    expect({ ...got, problems: undefined }).toEqual({ ...want, problems: undefined });
  }, 600_000);
});
