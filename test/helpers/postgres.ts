/**
 * PostgreSQL for tests: a unique schema per test file on the `test` database, dropped after.
 * Outside CI an unreachable server skips the tests with a printed reason; under CI=true it fails.
 */
import pg from 'pg';
import { describe, it } from 'vitest';
import { withSchemaLock } from '../../src/store/postgres/index.js';

export const TEST_DATABASE_URL = process.env.DATABASE_URL_TEST ?? 'postgres://127.0.0.1:5432/test';

/** The URL with a user that can log in (trust auth: current OS user, else root, else postgres). */
export async function postgresUrl(): Promise<string | null> {
  const candidates = /\/\/[^/]*@/.test(TEST_DATABASE_URL)
    ? [TEST_DATABASE_URL]
    : [TEST_DATABASE_URL, ...['root', 'postgres'].map((u) => TEST_DATABASE_URL.replace('//', `//${u}@`))];
  let lastError = '';
  for (const url of candidates) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    try {
      await client.connect();
      await client.query('select 1');
      return url;
    } catch (err) {
      lastError = (err as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
  }
  const message = `PostgreSQL not reachable at ${TEST_DATABASE_URL} (${lastError}); set DATABASE_URL_TEST`;
  if (process.env.CI === 'true') throw new Error(`CI requires PostgreSQL: ${message}`);
  console.warn(`skipping PostgreSQL tests: ${message}`);
  return null;
}

export function uniqueSchema(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}

/** Drops a test schema, holding the store's schema lock so no migration elsewhere reads it half-gone. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await withSchemaLock(pool, (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  } finally {
    await pool.end();
  }
}

/**
 * The placeholder a PostgreSQL test file declares when the server is not reachable: a skipped test
 * that names the reason in the report. Only reachable outside CI: under CI=true postgresUrl()
 * throws instead (README: "Skipped tests").
 */
export function postgresUnreachable(suite: string): void {
  describe(suite, () => {
    it.skip('PostgreSQL is not reachable (outside CI only; see README: Skipped tests)', () => {});
  });
}
