/** The PostgreSQL adapter: a pg pool; each store may live in its own schema (used by tests). */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db.js';
import { KyselyStore } from '../kysely-store.js';
import { migrateToLatest } from '../migrations.js';
import { redact } from '../redact.js';

export interface PostgresOptions {
  /** Schema to create and use (search_path); default "public". */
  schema?: string;
  max?: number;
}

export async function openPostgresStore(url: string, options: PostgresOptions = {}): Promise<KyselyStore> {
  const schema = options.schema;
  if (schema && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name "${schema}"`);
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  if (schema) {
    pool.on('connect', (client) => {
      client.query(`SET search_path TO ${schema}`).catch(() => {});
    });
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    // Kysely's migrator reads the catalogue of every schema before it takes its own lock, so a
    // schema dropped meanwhile (several stores in one database, as in tests) breaks it: migrations
    // and schema drops take this database-wide lock first.
    await withSchemaLock(pool, async () => {
      if (schema) await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(db);
      await migrateToLatest(db as Kysely<unknown>, 'postgres', schema);
    });
  } catch (err) {
    await db.destroy();
    throw new Error(`cannot open PostgreSQL store at ${redact(url)}: ${(err as Error).message}`);
  }
  return new KyselyStore(db, 'postgres');
}

/** Advisory-lock key held while schemas are migrated or dropped ("MBSCHEMA" as a number). */
export const SCHEMA_LOCK_KEY = 0x4d42_5343;

/** Runs `work` while holding the database-wide schema lock on one connection of `pool`. */
export async function withSchemaLock<T>(
  pool: pg.Pool,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [SCHEMA_LOCK_KEY]);
    try {
      return await work(client);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [SCHEMA_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

export { redact } from '../redact.js';
