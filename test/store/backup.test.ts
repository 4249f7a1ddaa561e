import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importContentFolder } from '../../src/cli/commands/import.js';
import type { Store } from '../../src/store/index.js';
import {
  backupStore,
  checkIntegrity,
  openPostgresStore,
  openSqliteStore,
  restoreStore,
  tableRows,
  tablesInDependencyOrder,
} from '../../src/store/index.js';
import { importBundle } from '../../src/workflow/index.js';
import { tempDir } from '../helpers/content-fixture.js';
import { repoRoot } from '../helpers/corpus.js';
import { dropSchema, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { type SqlStore, sqlStore } from '../helpers/store-db.js';

const demo = join(repoRoot, 'demo', 'content');

async function everyRow(anyStore: Store) {
  const store = sqlStore(anyStore);
  const out: Record<string, unknown[]> = {};
  for (const t of await tablesInDependencyOrder(store.db, store.dialect)) {
    out[t] = await tableRows(store.db, store.dialect, t);
  }
  return out;
}

async function demoStore(): Promise<SqlStore> {
  const store = sqlStore(await openSqliteStore(join(tempDir(), 'source.db')));
  await importContentFolder(store, demo);
  return store;
}

describe('backup and restore (SQLite)', () => {
  it('restores into a fresh store with every row and hash equal', async () => {
    const source = await demoStore();
    const file = join(tempDir(), 'backup.jsonl');
    const report = await backupStore(source, file);
    expect(report.tables.revisions).toBeGreaterThan(30);
    const target = await openSqliteStore(join(tempDir(), 'target.db'));
    await restoreStore(target, file);
    expect(await everyRow(target)).toEqual(await everyRow(source));
    expect((await checkIntegrity(target)).ok).toBe(true);
    const a = await target.getPublishedAnswer('sacral-agenesis', 'causes');
    const b = await source.getPublishedAnswer('sacral-agenesis', 'causes');
    expect(a?.revision.hash).toBe(b?.revision.hash);
    expect(a?.approvals).toEqual(b?.approvals);
    await source.close();
    await target.close();
  });

  it('refuses to restore into a store that already has content, changing nothing', async () => {
    const source = await demoStore();
    const file = join(tempDir(), 'backup.jsonl');
    await backupStore(source, file);
    const before = await everyRow(source);
    await expect(restoreStore(source, file)).rejects.toThrow(/not empty/);
    expect(await everyRow(source)).toEqual(before);
    await source.close();
  });

  it('detects a truncated backup before writing anything', async () => {
    const source = await demoStore();
    const file = join(tempDir(), 'backup.jsonl');
    await backupStore(source, file);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    writeFileSync(file, `${lines.slice(0, -1).join('\n')}\n`);
    const target = await openSqliteStore(':memory:');
    await expect(restoreStore(target, file)).rejects.toThrow(/truncated/);
    expect(await target.countConditions()).toBe(0);
    await source.close();
    await target.close();
  });

  it.each([
    ['one copy of the words (column vs hashed content)', false],
    ['every copy of the words (hash mismatch)', true],
  ])('refuses a backup whose revision text was tampered with: %s', async (_what, everywhere) => {
    const source = await demoStore();
    const file = join(tempDir(), 'backup.jsonl');
    await backupStore(source, file);
    const text = readFileSync(file, 'utf8');
    const forged = everywhere
      ? text.replaceAll('about 97 times the odds', 'about 9 times the odds')
      : text.replace('about 97 times the odds', 'about 9 times the odds');
    writeFileSync(file, forged);
    const target = await openSqliteStore(':memory:');
    await expect(restoreStore(target, file)).rejects.toThrow(/hashes to|differs from the hashed content/);
    expect(await target.countConditions()).toBe(0);
    await source.close();
    await target.close();
  });

  it('refuses a file that is not a backup', async () => {
    const file = join(tempDir(), 'not.jsonl');
    writeFileSync(file, '{"hello":1}\n');
    const target = await openSqliteStore(':memory:');
    await expect(restoreStore(target, file)).rejects.toThrow(/not a MedBrief backup/);
    await target.close();
  });
});

describe('backup and restore across dialects (PostgreSQL)', async () => {
  const url = await postgresUrl();
  const schemas: string[] = [];
  afterAll(async () => {
    if (url) for (const s of schemas) await dropSchema(url, s);
  });

  it.skipIf(!url)('SQLite → PostgreSQL → SQLite keeps every row and hash', async () => {
    const source = await demoStore();
    const file1 = join(tempDir(), 'a.jsonl');
    await backupStore(source, file1);
    const schema = uniqueSchema('backup');
    schemas.push(schema);
    const pgStore = await openPostgresStore(url!, { schema });
    await restoreStore(pgStore, file1);
    expect((await checkIntegrity(pgStore)).ok).toBe(true);
    const file2 = join(tempDir(), 'b.jsonl');
    await backupStore(pgStore, file2);
    const back = await openSqliteStore(':memory:');
    await restoreStore(back, file2);
    expect(await everyRow(back)).toEqual(await everyRow(source));
    // Sequences continue after the restored ids: a new import gets fresh ids, no collision.
    const report = await importBundle(
      pgStore,
      {
        conditions: [{ slug: 'new-one', name: 'New one', synonyms: [], summary: '' }],
        answers: [],
        reviewers: [],
      },
      { actor: 'test' },
    );
    expect(report.conditions.added).toBe(1);
    await pgStore.close();
    await source.close();
    await back.close();
  });
});
