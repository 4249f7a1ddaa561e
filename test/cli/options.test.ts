/**
 * Every command that takes --db (found by walking the commander program, so a new command is
 * covered or this test fails) is run with a non-default store, in an empty working folder and
 * with $DATABASE_URL pointing at another path: the data must go to, or come from, the store
 * named and no other. Every option that a parent and a subcommand both declare is also given
 * after the parent (`import --db X medquad DIR`) and must reach the subcommand.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AskLogRepo } from '../../src/asklog/index.js';
import { buildProgram } from '../../src/cli/program.js';
import { openStore } from '../../src/store/index.js';
import { workflowRepo } from '../../src/workflow/index.js';
import { type CliResult, startCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/content-fixture.js';
import { dropSchema, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import {
  backupOf,
  type CleanRun,
  cleanRun,
  copyOfSeed,
  expectNoLeak,
  goutContent,
  medquadFolder,
  runClean,
  SEED_USER,
  seededDb,
} from './db-fixture.js';

interface Found {
  path: string[];
  command: Command;
}

function allCommands(cmd: Command, path: string[] = []): Found[] {
  return cmd.commands.flatMap((c) => [
    { path: [...path, c.name()], command: c },
    ...allCommands(c, [...path, c.name()]),
  ]);
}

const program = buildProgram();
const commands = allCommands(program);
const withDb = commands
  .filter((c) => c.command.options.some((o) => o.long === '--db'))
  .map((c) => c.path.join(' '));

/** Options a subcommand declares that one of its parents declares too. */
const shared = commands.flatMap(({ path, command }) => {
  const out: { parent: string[]; child: string; flag: string }[] = [];
  for (let up = command.parent, depth = 1; up && up !== program; up = up.parent, depth++) {
    for (const o of command.options) {
      if (o.long && up.options.some((p) => p.long === o.long))
        out.push({ parent: path.slice(0, -depth), child: path.join(' '), flag: o.long });
    }
  }
  return out;
});

interface Ctx {
  seed: string;
  content: string;
  medquad: string;
  backup: string;
  seedPasswordHash: string;
  /** A folder outside the working folder for files a command writes. */
  out: string;
}

type Target = 'seed' | 'copy' | 'fresh';

interface DbCase {
  /** Arguments after the command path, without --db. */
  args: (ctx: Ctx) => string[];
  /** What the named store holds before: the seed (read-only use), a copy of it, or nothing. */
  target: Target;
  /** Proves the data went to, or came from, the named store. */
  check: (r: CliResult, db: string, ctx: Ctx) => Promise<void> | void;
  /** Long-running commands: the line that says it is up, and what to ask it then. */
  ready?: RegExp;
  probe?: (m: RegExpMatchArray, output: string) => Promise<void> | void;
}

async function conditionSlugs(db: string): Promise<string[]> {
  const store = await openStore(db);
  try {
    return (await store.listConditions()).map((c) => c.slug);
  } finally {
    await store.close();
  }
}

async function user(db: string) {
  const store = await openStore(db);
  try {
    return await workflowRepo(store).passwordHashFor(SEED_USER);
  } finally {
    await store.close();
  }
}

const ok = (r: CliResult) => expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0);

const CASES: Record<string, DbCase> = {
  'codes list': {
    args: () => ['--json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(JSON.parse(r.stdout)).toContainEqual({
        slug: 'gout',
        name: 'Gout',
        system: 'icd10cm',
        code: 'M10',
      });
    },
  },
  'codes find': {
    args: () => ['m10.9'],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(r.stdout).toContain('icd10cm M10 (parent of M10.9): gout');
    },
  },
  'codes missing': {
    args: () => ['--system', 'umls', '--json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(JSON.parse(r.stdout)).toEqual([{ slug: 'gout', name: 'Gout' }]);
    },
  },
  'codes import': {
    args: (c) => {
      const file = join(c.out, 'codes.tsv');
      writeFileSync(file, 'condition\tsystem\tcode\ngout\tumls\tC0018099\n');
      return [file];
    },
    target: 'copy',
    check: async (r, db) => {
      ok(r);
      const store = await openStore(db);
      try {
        expect((await store.findCondition('gout'))?.codes?.umls).toEqual(['C0018099']);
      } finally {
        await store.close();
      }
    },
  },
  import: {
    args: (c) => [c.content],
    target: 'fresh',
    check: async (r, db) => {
      ok(r);
      expect(await conditionSlugs(db)).toEqual(['gout']);
    },
  },
  'import medquad': {
    args: (c) => [c.medquad, '--no-progress'],
    target: 'fresh',
    check: async (r, db) => {
      ok(r);
      expect(await conditionSlugs(db)).toEqual(['caudal-regression-syndrome']);
    },
  },
  stats: {
    args: () => ['--json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(JSON.parse(r.stdout)).toMatchObject({ conditions: 1 });
    },
  },
  backup: {
    args: (c) => [join(c.out, 'b.jsonl')],
    target: 'seed',
    check: (r, _db, c) => {
      ok(r);
      expect(readFileSync(join(c.out, 'b.jsonl'), 'utf8')).toContain('"slug":"gout"');
    },
  },
  restore: {
    args: (c) => [c.backup],
    target: 'fresh',
    check: async (r, db) => {
      ok(r);
      expect(await conditionSlugs(db)).toEqual(['gout']);
    },
  },
  check: {
    args: () => [],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(Number(r.stdout.match(/\((\d+) revision hashes verified\)/)?.[1])).toBeGreaterThan(0);
    },
  },
  export: {
    args: (c) => [join(c.out, 'content')],
    target: 'seed',
    check: (r, _db, c) => {
      ok(r);
      expect(readdirSync(join(c.out, 'content'))).toContain('gout');
    },
  },
  'export-json': {
    args: () => [],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(JSON.parse(r.stdout).conditions.map((c: { slug: string }) => c.slug)).toEqual(['gout']);
    },
  },
  ask: {
    args: () => ['what causes gout?', '--json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      const results = JSON.parse(r.stdout).results as { condition: string }[];
      expect(results.length).toBeGreaterThan(0);
      expect(JSON.stringify(results[0])).toContain('gout');
    },
  },
  'review-due': {
    args: () => ['--within', '3650d', '--format', 'json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      const items = JSON.parse(r.stdout).items as { conditionSlug: string }[];
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.conditionSlug))).toEqual(new Set(['gout']));
    },
  },
  'notify list': {
    args: () => ['--status', 'pending', '--limit', '2', '--format', 'json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      const out = JSON.parse(r.stdout);
      expect(out.counts.pending).toBeGreaterThan(0);
      expect(out.notifications).toHaveLength(Math.min(2, out.counts.pending));
      expect(out.notifications[0]).toMatchObject({ event: 'review_due', payload: { condition: 'gout' } });
    },
  },
  'notify send': {
    args: () => ['--sender', 'log', '--limit', '1', '--max-attempts', '3'],
    target: 'copy',
    check: async (r, db) => {
      ok(r);
      expect(r.stdout).toMatch(/^notification #1 review_due gout\/\S+ due \d{4}-\d\d-\d\d/m);
      expect(r.stdout).toContain('Sent 1 notification by log.');
      const store = await openStore(db);
      try {
        expect((await store.outbox().counts()).sent).toBe(1);
      } finally {
        await store.close();
      }
    },
  },
  build: {
    args: (c) => ['--out', join(c.out, 'site'), '--no-progress', '--base-url', 'https://example.org'],
    target: 'seed',
    check: (r, _db, c) => {
      ok(r);
      const files = readdirSync(join(c.out, 'site'), { recursive: true }).map(String);
      expect(files.some((f) => f.includes('gout'))).toBe(true);
    },
  },
  'user add': {
    args: () => ['alice', '--role', 'author'],
    target: 'fresh',
    check: async (r, db) => {
      ok(r);
      const store = await openStore(db);
      try {
        expect((await workflowRepo(store).getUser('alice'))?.role).toBe('author');
      } finally {
        await store.close();
      }
    },
  },
  'user list': {
    args: () => ['--format', 'json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      expect(JSON.parse(r.stdout).users.map((u: { username: string }) => u.username)).toEqual([SEED_USER]);
    },
  },
  'user role': {
    args: () => [SEED_USER, 'editor'],
    target: 'copy',
    check: async (r, db) => {
      ok(r);
      expect((await user(db))?.user.role).toBe('editor');
    },
  },
  'user password': {
    args: () => [SEED_USER],
    target: 'copy',
    check: async (r, db, c) => {
      ok(r);
      expect((await user(db))?.hash).not.toBe(c.seedPasswordHash);
    },
  },
  gaps: {
    args: () => ['--since', '30d', '--format', 'json'],
    target: 'seed',
    check: (r) => {
      ok(r);
      const report = JSON.parse(r.stdout) as { total: number; groups: { focus: string }[] };
      expect(report.total).toBe(1);
      expect(report.groups.map((g) => g.focus)).toEqual(['gout']);
    },
  },
  'asklog purge': {
    args: () => ['--days', '90'],
    target: 'copy',
    check: async (r, db) => {
      ok(r);
      expect(r.stdout).toMatch(/Deleted 1 logged question\(s\) older than 90 day\(s\)/);
      const store = await openStore(db);
      try {
        expect(await new AskLogRepo(store).countAsks()).toBe(1);
      } finally {
        await store.close();
      }
    },
  },
  mcp: {
    args: () => [],
    target: 'seed',
    ready: /MedBrief MCP server on stdio, reading (.+)/,
    probe: (_m, output) => expect(output).not.toMatch(/has no content yet/),
    check: () => {},
  },
  serve: {
    args: () => ['--port', '0'],
    target: 'seed',
    ready: /MedBrief is serving .+ at (http:\/\/\S+)/,
    probe: async (m) => {
      const res = await fetch(`${m[1]}/conditions/gout`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Gout');
    },
    check: () => {},
  },
};

/** The shared options and how to check that a value given to the parent reaches the child. */
const SHARED_CASES: Record<string, string> = { 'import medquad --db': 'import medquad' };

let ctx: Ctx;
let pg: string | null = null;
const schemas: string[] = [];

beforeAll(async () => {
  const seed = await seededDb();
  ctx = {
    seed,
    content: goutContent(),
    medquad: medquadFolder(),
    backup: await backupOf(seed),
    seedPasswordHash: (await user(seed))!.hash,
    out: tempDir('medbrief-out-'),
  };
  pg = await postgresUrl();
}, 60_000);

afterAll(async () => {
  if (pg) for (const s of schemas) await dropSchema(pg, s);
});

function targetFor(kind: Target): string {
  if (kind === 'seed') return ctx.seed;
  if (kind === 'copy') return copyOfSeed(ctx.seed);
  return join(tempDir('medbrief-target-'), 'nested', 'target.db');
}

async function runLong(args: string[], c: DbCase, run: CleanRun): Promise<CliResult> {
  const s = startCli(args, c.ready!, { DATABASE_URL: run.envDb }, run.cwd);
  try {
    const m = await s.started;
    await c.probe?.(m, s.output());
  } finally {
    await s.stop();
  }
  return { status: 0, stdout: s.output(), stderr: '' };
}

async function runCase(path: string[], c: DbCase, db: string, dbAfterParent = false): Promise<void> {
  const run = cleanRun();
  const args = dbAfterParent
    ? [...path.slice(0, -1), '--db', db, path.at(-1)!, ...c.args(ctx)]
    : [...path, ...c.args(ctx), '--db', db];
  const r = c.ready
    ? await runLong(args, c, run)
    : await runClean(args, run, { MEDBRIEF_PASSWORD: 'a new password 123' });
  await c.check(r, db, ctx);
  expectNoLeak(run);
}

describe('commands that take --db', () => {
  it('are found in the program, import medquad among them, and each has a case here', () => {
    expect(withDb.length).toBeGreaterThan(10);
    expect(withDb).toContain('import medquad');
    expect(withDb).toContain('import');
    expect(Object.keys(CASES).sort()).toEqual([...withDb].sort());
  });

  it.each(withDb)('%s uses the store given by --db and no other', async (name) => {
    const c = CASES[name]!;
    await runCase(name.split(' '), c, targetFor(c.target));
  });
});

describe('options declared by a parent and a subcommand', () => {
  it('are found in the program (import and import medquad share --db) and each has a case here', () => {
    const keys = shared.map((s) => `${s.child} ${s.flag}`);
    expect(keys).toContain('import medquad --db');
    expect(Object.keys(SHARED_CASES).sort()).toEqual([...keys].sort());
  });

  it.each(shared.map((s) => `${s.child} ${s.flag}`))(
    '%s given after the parent reaches the subcommand',
    async (key) => {
      const name = SHARED_CASES[key]!;
      const c = CASES[name]!;
      await runCase(name.split(' '), c, targetFor(c.target), true);
    },
  );

  it('given after both, the value after the subcommand wins and the other store is not created', async () => {
    const run = cleanRun();
    const parentDb = targetFor('fresh');
    const childDb = targetFor('fresh');
    const r = await runClean(
      ['import', '--db', parentDb, 'medquad', ctx.medquad, '--no-progress', '--db', childDb],
      run,
    );
    await CASES['import medquad']!.check(r, childDb, ctx);
    expect(existsSync(parentDb)).toBe(false);
    expectNoLeak(run);
  });

  it('a parent option the subcommand does not take is refused, not ignored', async () => {
    const run = cleanRun();
    const db = targetFor('fresh');
    const r = await runClean(['import', '--actor', 'bob', 'medquad', ctx.medquad, '--db', db], run);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--actor does not apply to `medbrief import medquad`');
    expect(existsSync(db)).toBe(false);
    expectNoLeak(run);
  });
});

describe('imports into PostgreSQL given by --db', () => {
  const pgCases: [string, boolean][] = [
    ['import', false],
    ['import medquad', false],
    ['import medquad', true],
  ];
  it.each(pgCases)(
    '%s (--db after the parent: %s) writes to the schema named and nowhere else',
    async (name, afterParent) => {
      if (!pg) return;
      const schema = uniqueSchema('w13_opts');
      schemas.push(schema);
      const url = `${pg}${pg.includes('?') ? '&' : '?'}schema=${schema}`;
      await runCase(name.split(' '), CASES[name]!, url, afterParent);
    },
  );
});
