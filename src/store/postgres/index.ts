/** The PostgreSQL adapter: a pg pool; each store may live in its own schema (used by tests). */
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db.js';
import { KyselyStore } from '../kysely-store.js';
import { migrateToLatest } from '../migrations.js';

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
    if (schema) await sql.raw(`CREATE SCHEMA IF NOT EXISTS ${schema}`).execute(db);
    await migrateToLatest(db as Kysely<unknown>, 'postgres', schema);
  } catch (err) {
    await db.destroy();
    throw new Error(`cannot open PostgreSQL store at ${redact(url)}: ${(err as Error).message}`);
  }
  return new KyselyStore(db, 'postgres');
}

/** Hides the password in a connection URL before it reaches a message. */
export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
