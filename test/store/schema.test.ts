/**
 * The schema the migrations make on a fresh database, on SQLite (sqlite_master's own SQL) and on
 * PostgreSQL (columns, constraints, indexes, triggers and functions as the catalogue shows them),
 * compared with the record in test/store/schema/. A landed migration must never change what it
 * makes; a new migration changes the record, on purpose: `npx vitest run test/store/schema.test.ts -u`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { openPostgresStore, openSqliteStore } from '../../src/store/index.js';
import { dropSchema, postgresUnreachable, postgresUrl, uniqueSchema } from '../helpers/postgres.js';
import { sqlStore } from '../helpers/store-db.js';

const dir = mkdtempSync(join(tmpdir(), 'medbrief-schema-'));
const pg = await postgresUrl();
const schemas: string[] = [];
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (pg) for (const s of schemas) await dropSchema(pg, s);
});

const lines = (rows: Record<string, unknown>[]) =>
  rows
    .map((r) =>
      Object.values(r)
        .map((v) => String(v ?? 'NULL'))
        .join(' | '),
    )
    .join('\n');

it('SQLite: the migrations make the recorded schema', async () => {
  const store = sqlStore(await openSqliteStore(join(dir, 'fresh.db')));
  try {
    const { rows } = await sql<Record<string, unknown>>`
      SELECT type, name, tbl_name, sql FROM sqlite_master
      WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name`.execute(store.db);
    await expect(`${lines(rows)}\n`).toMatchFileSnapshot('./schema/sqlite.txt');
  } finally {
    await store.close();
  }
});

if (pg) {
  it('PostgreSQL: the migrations make the recorded schema', async () => {
    const schema = uniqueSchema('schema');
    schemas.push(schema);
    const store = sqlStore(await openPostgresStore(pg, { schema }));
    try {
      const { db } = store;
      const parts = {
        columns: sql<Record<string, unknown>>`
          SELECT table_name, ordinal_position, column_name, data_type, is_nullable, column_default
          FROM information_schema.columns WHERE table_schema = ${schema}
          ORDER BY table_name, ordinal_position`,
        constraints: sql<Record<string, unknown>>`
          SELECT c.relname, k.conname, k.contype, pg_get_constraintdef(k.oid)
          FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid
          JOIN pg_namespace n ON n.oid = k.connamespace WHERE n.nspname = ${schema}
          ORDER BY c.relname, k.conname`,
        indexes: sql<Record<string, unknown>>`
          SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = ${schema}
          ORDER BY tablename, indexname`,
        triggers: sql<Record<string, unknown>>`
          SELECT event_object_table, trigger_name, event_manipulation, action_timing,
                 action_orientation, action_statement
          FROM information_schema.triggers WHERE trigger_schema = ${schema}
          ORDER BY event_object_table, trigger_name, event_manipulation`,
        functions: sql<Record<string, unknown>>`
          SELECT p.proname, pg_get_functiondef(p.oid) FROM pg_proc p
          JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = ${schema}
          ORDER BY p.proname`,
      };
      const out: string[] = [];
      for (const [name, query] of Object.entries(parts)) {
        out.push(`-- ${name}`, lines((await query.execute(db)).rows));
      }
      await expect(`${out.join('\n').replaceAll(schema, '<schema>')}\n`).toMatchFileSnapshot(
        './schema/postgres.txt',
      );
    } finally {
      await store.close();
    }
  });
} else {
  postgresUnreachable('schema record: PostgreSQL');
}
