/**
 * Whether a URL names an existing MedBrief store, found without creating anything: no SQLite file
 * or folder, no PostgreSQL schema, no migration. Commands that only read open stores this way.
 */
import { existsSync, statSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { splitSchema } from './index.js';
import { redact } from './redact.js';

/** Tables every MedBrief store has from its first migration on. */
const MARKER_TABLES = ['kysely_migration', 'conditions'];

/** No MedBrief store at the URL. */
export class MissingStoreError extends Error {
  constructor(readonly url: string) {
    super(`no MedBrief database at ${redact(url)}`);
    this.name = 'MissingStoreError';
  }
}

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/** True when the URL names a store holding MedBrief's tables; connection failures are thrown. */
export async function storeExists(url: string): Promise<boolean> {
  if (isPostgresUrl(url)) {
    const { connection, schema } = splitSchema(url);
    const { default: pg } = await import('pg'); // loaded only for PostgreSQL URLs
    const client = new pg.Client({ connectionString: connection });
    await client.connect();
    try {
      const r = await client.query(
        `select count(distinct table_name)::int as n from information_schema.tables
         where table_schema = coalesce($1, current_schema()) and table_name = any($2)`,
        [schema ?? null, MARKER_TABLES],
      );
      return r.rows[0].n === MARKER_TABLES.length;
    } finally {
      await client.end().catch(() => {});
    }
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file === ':memory:') return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  let db: SqliteDatabase.Database | undefined;
  try {
    db = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
    const n = db
      .prepare(
        `select count(*) as n from sqlite_master where type = 'table' and name in (${MARKER_TABLES.map(() => '?').join(', ')})`,
      )
      .get(...MARKER_TABLES) as { n: number };
    return n.n === MARKER_TABLES.length;
  } catch {
    // Not a SQLite file at all (or unreadable): not a MedBrief store either.
    return false;
  } finally {
    db?.close();
  }
}
