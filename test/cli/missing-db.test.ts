/**
 * Commands that only read, given a store that does not exist, exit 2 with one message and create
 * nothing (no file, no folder, no PostgreSQL schema). Every command that takes --db is either in
 * the read-only table here or a known writer, so a new command has to be put in one of them.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { startCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/content-fixture.js';
import { dropSchema, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { cleanRun, expectNoLeak, runClean } from './db-fixture.js';

const message = (where: string) =>
  `error no MedBrief database at ${where} (create one with \`medbrief import …\` or \`medbrief serve --demo\`)`;

/**
 * Commands that need an existing store (they read it, or change only what is already in it, such
 * as an account or the question log) and the arguments they need besides --db.
 */
const READ_ONLY: Record<string, string[]> = {
  stats: [],
  export: ['exported'],
  'export-json': ['--out', 'all.json'],
  ask: ['what causes gout?'],
  'review-due': [],
  build: ['--out', 'site'],
  mcp: [],
  serve: ['--port', '0'],
  backup: ['backup.jsonl'],
  check: [],
  'user list': [],
  'user role': ['sam', 'editor'],
  'user password': ['sam'],
  gaps: [],
  'asklog purge': ['--days', '90'],
  'codes list': [],
  'codes find': ['E11.65'],
  'codes missing': [],
  'codes import': [codesFile()],
  'notify send': ['--sender', 'log'],
  'notify list': [],
};

/** A valid codes file, so `codes import` gets as far as opening the store. */
function codesFile(): string {
  const file = join(tempDir('medbrief-codes-'), 'codes.tsv');
  writeFileSync(file, 'gout\ticd10cm\tM10\n');
  return file;
}
/** Commands that create the store they are given. */
const WRITERS = ['import', 'import medquad', 'restore', 'user add'];

function commandsWithDb(cmd: Command, path: string[] = []): string[] {
  return cmd.commands.flatMap((c) => {
    const p = [...path, c.name()];
    return [...(c.options.some((o) => o.long === '--db') ? [p.join(' ')] : []), ...commandsWithDb(c, p)];
  });
}

describe('read-only commands on a store that does not exist', () => {
  it('every command that takes --db is listed here as read-only or as a writer', () => {
    expect([...commandsWithDb(buildProgram())].sort()).toEqual(
      [...Object.keys(READ_ONLY), ...WRITERS].sort(),
    );
  });

  it.each(Object.entries(READ_ONLY))('%s exits 2, says so and creates nothing', async (name, args) => {
    const run = cleanRun();
    const missing = join(tempDir('medbrief-missing-'), 'no-such-folder', 'site.db');
    const r = await runClean([...name.split(' '), ...args, '--db', missing], run, {
      MEDBRIEF_PASSWORD: 'x'.repeat(12),
    });
    expect(r.status, r.stdout + r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toContain(message(missing));
    expect(r.stdout).toBe('');
    expect(existsSync(join(missing, '..')), 'folder of the missing store created').toBe(false);
    expectNoLeak(run);
  });

  it('serve without --demo refuses a missing store when run as a program too', async () => {
    const run = cleanRun();
    const missing = join(tempDir('medbrief-missing-'), 'site.db');
    const s = startCli(
      ['serve', '--port', '0', '--db', missing],
      /no MedBrief database/,
      { DATABASE_URL: run.envDb },
      run.cwd,
    );
    s.started.catch(() => {});
    // A server that (wrongly) starts is stopped after 20 s rather than left running.
    const stop = setTimeout(() => s.child.kill('SIGTERM'), 20_000);
    const code = await new Promise<number | null>((resolve) => s.child.once('exit', resolve));
    clearTimeout(stop);
    expect(code).toBe(2);
    expect(s.output()).toContain(message(missing));
    expect(existsSync(missing)).toBe(false);
    expectNoLeak(run);
  });

  it('without --db or $DATABASE_URL, names the default store and does not create data/', async () => {
    const run = cleanRun();
    const r = await runClean(['stats'], run, { DATABASE_URL: '' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message('data/medbrief.db'));
    expect(readdirSync(run.cwd)).toEqual([]);
  });

  it.each([
    ['an empty file', ''],
    ['a text file', 'my notes, not a database\n'],
  ])('%s is not a MedBrief store: refused and left as it was', async (_what, text) => {
    const run = cleanRun();
    const file = join(tempDir('medbrief-notdb-'), 'notes.db');
    writeFileSync(file, text);
    const r = await runClean(['stats', '--db', file], run);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message(file));
    expect(readFileSync(file, 'utf8')).toBe(text);
    expect(readdirSync(join(file, '..'))).toEqual(['notes.db']);
  });
});

describe('writing commands still create the store', () => {
  it('serve --demo creates and fills a new store', async () => {
    const run = cleanRun();
    const db = join(tempDir('medbrief-new-'), 'deeper', 'site.db');
    const s = startCli(
      ['serve', '--demo', '--port', '0', '--db', db],
      /MedBrief is serving/,
      { DATABASE_URL: run.envDb },
      run.cwd,
    );
    try {
      await s.started;
    } finally {
      await s.stop();
    }
    expect(existsSync(db)).toBe(true);
    expect(s.output()).toMatch(/First start: imported the demo content/);
  });
});

describe('a PostgreSQL schema without MedBrief tables', () => {
  let url: string | null = null;
  let schema = '';
  let empty = '';
  beforeAll(async () => {
    url = await postgresUrl();
    if (!url) return;
    // One schema that exists but is empty, and one that does not exist at all.
    empty = uniqueSchema('w13_empty');
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`CREATE SCHEMA ${empty}`);
    await client.end();
    schema = uniqueSchema('w13_absent');
  });
  afterAll(async () => {
    if (url) for (const s of [empty, schema]) await dropSchema(url, s);
  });

  async function schemaExists(name: string): Promise<boolean> {
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    try {
      const r = await client.query('select 1 from information_schema.schemata where schema_name = $1', [
        name,
      ]);
      return r.rowCount === 1;
    } finally {
      await client.end();
    }
  }

  async function tables(name: string): Promise<number> {
    const client = new pg.Client({ connectionString: url! });
    await client.connect();
    try {
      const r = await client.query(
        'select count(*)::int as n from information_schema.tables where table_schema = $1',
        [name],
      );
      return r.rows[0].n;
    } finally {
      await client.end();
    }
  }

  /** The test URL with a password added (trust auth ignores it), to see it redacted. */
  const withPassword = (u: string) =>
    /\/\/[^/@]+@/.test(u)
      ? u.replace(/\/\/([^:/@]+)@/, '//$1:s3cret@')
      : u.replace('//', `//${process.env.USER ?? 'root'}:s3cret@`);

  it.each([
    ['an empty schema', () => empty],
    ['a schema that does not exist', () => schema],
  ])('stats on %s exits 2 with the redacted URL and creates no tables or schema', async (_what, name) => {
    if (!url) return;
    const target = `${withPassword(url)}${url.includes('?') ? '&' : '?'}schema=${name()}`;
    const run = cleanRun();
    const r = await runClean(['stats', '--db', target], run);
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toContain(message(target.replace(':s3cret@', ':***@')));
    expect(r.stderr).not.toContain('s3cret');
    expect(await tables(name())).toBe(0);
    if (name() === schema) expect(await schemaExists(schema)).toBe(false);
    expectNoLeak(run);
  });
});
