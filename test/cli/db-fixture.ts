/**
 * Stores and folders for the CLI database tests: a small seeded SQLite store (the demo's gout
 * pages and one account), a MedQuAD-shaped folder of one document, and runs in a clean folder
 * with $DATABASE_URL pointing elsewhere, so a command that writes or reads the wrong store shows.
 */
import { copyFileSync, cpSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { expect } from 'vitest';
import { AskLogRepo, hourBucket } from '../../src/asklog/index.js';
import { importContentFolder } from '../../src/cli/commands/import.js';
import { runProgram } from '../../src/cli/program.js';
import { backupStore, openStore } from '../../src/store/index.js';
import { workflowRepo } from '../../src/workflow/index.js';
import type { CliResult } from '../helpers/cli.js';
import { tempDir, writeFiles } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';

export const SEED_USER = 'sam';
export const SEED_PASSWORD = 'correct horse battery staple';

/** A content folder: the demo's gout condition (reviewed answers) and its reviewers. */
export function goutContent(): string {
  const dir = tempDir('medbrief-gout-');
  cpSync(join(repoRoot, 'demo', 'content', 'gout'), join(dir, 'gout'), { recursive: true });
  cpSync(join(repoRoot, 'demo', 'content', 'reviewers.yaml'), join(dir, 'reviewers.yaml'));
  return dir;
}

/**
 * A SQLite store holding `goutContent()`, the account SEED_USER, review_due notifications and two
 * logged questions; returns its path.
 */
export async function seededDb(): Promise<string> {
  const file = join(tempDir('medbrief-seed-'), 'seed.db');
  const store = await openStore(file);
  try {
    await importContentFolder(store, goutContent(), 'test');
    await workflowRepo(store).createUser(
      { username: SEED_USER, name: 'Sam Author', role: 'author', password: SEED_PASSWORD },
      'test',
    );
    // One review_due notification per gout answer in the outbox (for `notify list` / `send`).
    const repo = workflowRepo(store);
    await repo.notifyReviewDue(await repo.reviewDue({ withinDays: 3650 }));
    // Two logged questions the site could not answer: one from this hour, one a year old.
    const ask = (hour: string) => ({
      hour,
      channel: 'page' as const,
      focus: 'gout',
      focusKnown: true,
      aspect: 'outlook',
      outcome: 'abstained' as const,
      answerRef: null,
      score: null,
      reason: 'no answer for this aspect',
      question: 'will my gout get worse',
    });
    await new AskLogRepo(store).insertAsks([
      ask(hourBucket()),
      ask(hourBucket(new Date(Date.now() - 365 * 86_400_000))),
    ]);
  } finally {
    await store.close();
  }
  return file;
}

/** A copy of a (closed) seeded store, for commands that change it. */
export function copyOfSeed(seed: string): string {
  const file = join(tempDir('medbrief-copy-'), 'copy.db');
  copyFileSync(seed, file);
  return file;
}

/** A `medbrief backup` file of a seeded store. */
export async function backupOf(seed: string): Promise<string> {
  const store = await openStore(seed);
  const backup = join(tempDir('medbrief-backup-'), 'seed.jsonl');
  try {
    await backupStore(store, backup);
  } finally {
    await store.close();
  }
  return backup;
}

export const MEDQUAD_FOCUS = 'Caudal regression syndrome';

/** A MedQuAD-shaped folder with one GHR document of two question–answer pairs. */
export function medquadFolder(): string {
  return writeFiles(tempDir('medbrief-mq-'), {
    '3_GHR_QA/0000042.xml': `<?xml version="1.0" encoding="UTF-8"?>
<Document id="0000042" source="GHR" url="https://ghr.nlm.nih.gov/condition/caudal-regression-syndrome">
<Focus>${MEDQUAD_FOCUS}</Focus>
<FocusAnnotations><UMLS><CUIs><CUI>C0684320</CUI></CUIs></UMLS><Synonyms><Synonym>sacral agenesis</Synonym></Synonyms></FocusAnnotations>
<QAPairs>
<QAPair pid="1"><Question qid="0000042-1" qtype="information">What is (are) caudal regression syndrome ?</Question><Answer>Caudal regression syndrome is a disorder that impairs the development of the lower half of the body.</Answer></QAPair>
<QAPair pid="2"><Question qid="0000042-2" qtype="frequency">How many people are affected by caudal regression syndrome ?</Question><Answer>Caudal regression syndrome is estimated to occur in 1 to 2.5 per 100,000 newborns.</Answer></QAPair>
</QAPairs>
</Document>
`,
  });
}

export interface CleanRun {
  /** The working folder the command ran in (empty before). */
  cwd: string;
  /** Where $DATABASE_URL pointed (a SQLite path that must not appear). */
  envDb: string;
}

/** A fresh working folder and a $DATABASE_URL that points at a second, unused path. */
export function cleanRun(): CleanRun {
  return { cwd: tempDir('medbrief-cwd-'), envDb: join(tempDir('medbrief-env-'), 'env.db') };
}

/**
 * Runs `medbrief …args` in this process (the same program main.ts runs, without the seconds a
 * child process takes to load it), in the run's working folder and with its $DATABASE_URL.
 * Needs the forks pool (process.chdir).
 */
export async function runClean(
  args: string[],
  run: CleanRun,
  env: Record<string, string> = {},
): Promise<CliResult> {
  const saved = { cwd: process.cwd(), env: { ...process.env } };
  const out = { stdout: '', stderr: '' };
  const streams = { out: process.stdout.write, err: process.stderr.write };
  const consoles = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const to =
    (key: 'stdout' | 'stderr') =>
    (...a: unknown[]) => {
      out[key] += `${format(...a)}\n`;
    };
  const write = (key: 'stdout' | 'stderr') =>
    ((chunk: string | Uint8Array) => {
      out[key] += String(chunk);
      return true;
    }) as typeof process.stdout.write;
  process.chdir(run.cwd);
  Object.assign(process.env, { DATABASE_URL: run.envDb, NO_COLOR: '1' }, env);
  Object.assign(console, { log: to('stdout'), info: to('stdout'), warn: to('stderr'), error: to('stderr') });
  process.stdout.write = write('stdout');
  process.stderr.write = write('stderr');
  let status: number;
  try {
    status = await runProgram(['node', 'medbrief', ...args]);
  } finally {
    process.stdout.write = streams.out;
    process.stderr.write = streams.err;
    Object.assign(console, consoles);
    process.chdir(saved.cwd);
    for (const key of Object.keys(process.env)) if (!(key in saved.env)) delete process.env[key];
    Object.assign(process.env, saved.env);
    process.exitCode = undefined;
  }
  return { status, ...out };
}

/** Neither the default store (./data/medbrief.db) nor $DATABASE_URL's was touched. */
export function expectNoLeak(run: CleanRun, allowedInCwd: string[] = []): void {
  expect(existsSync(join(run.cwd, 'data')), 'default data/ folder created').toBe(false);
  expect(readdirSync(run.cwd).filter((f) => !allowedInCwd.includes(f))).toEqual([]);
  expect(existsSync(run.envDb), '$DATABASE_URL store created').toBe(false);
}
