/**
 * The stores a test file runs against, each opened fresh: a SQLite file (not :memory:, so WAL,
 * triggers and foreign keys behave as in production) and, when the server is reachable, a
 * PostgreSQL schema of the `test` database (else the printed skip; a failure under CI=true).
 * The files and schemas go when the file's tests are done.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openPostgresStore, openSqliteStore } from '../../src/store/index.js';
import { dropSchema, postgresUnreachable, postgresUrl, uniqueSchema } from './postgres.js';
import { type SqlStore, sqlStore } from './store-db.js';

export type Backend = [name: 'SQLite' | 'PostgreSQL', open: () => Promise<SqlStore>];

/** `prefix` names the temporary files and schemas (letters and `_`); `what` the skip message. */
export async function storeBackends(prefix: string, what: string): Promise<Backend[]> {
  const dir = mkdtempSync(join(tmpdir(), `medbrief-${prefix}-`));
  const pg = await postgresUrl();
  const schemas: string[] = [];
  let n = 0;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (pg) for (const s of schemas) await dropSchema(pg, s);
  });
  const backends: Backend[] = [
    ['SQLite', async () => sqlStore(await openSqliteStore(join(dir, `${prefix}-${n++}.db`)))],
  ];
  if (!pg) {
    postgresUnreachable(`${what}: PostgreSQL`);
    return backends;
  }
  const url = pg;
  backends.push([
    'PostgreSQL',
    async () => {
      const schema = uniqueSchema(prefix);
      schemas.push(schema);
      return sqlStore(await openPostgresStore(url, { schema }));
    },
  ]);
  return backends;
}
