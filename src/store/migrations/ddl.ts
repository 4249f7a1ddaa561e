/** What the migrations share: the dialect, its auto-numbered primary key, append-only tables. */
import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

export type Dialect = 'sqlite' | 'postgres';

export function idColumn(dialect: Dialect) {
  return dialect === 'sqlite' ? ('integer' as const) : ('serial' as const);
}

/** An auto-numbered primary key: INTEGER PRIMARY KEY AUTOINCREMENT, or SERIAL PRIMARY KEY. */
export function primaryKey(dialect: Dialect) {
  return (c: ColumnDefinitionBuilder) =>
    dialect === 'sqlite' ? c.primaryKey().autoIncrement() : c.primaryKey();
}

/** Rows of these tables are written once and never changed or removed. */
export const APPEND_ONLY = ['revisions', 'revision_sources', 'audit_events'] as const;

export async function appendOnly(db: Kysely<unknown>, dialect: Dialect, table: string): Promise<void> {
  if (dialect === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE']) {
      await sql
        .raw(
          `CREATE TRIGGER ${table}_no_${op.toLowerCase()} BEFORE ${op} ON ${table}
           BEGIN SELECT RAISE(ABORT, '${table} rows are append-only'); END`,
        )
        .execute(db);
    }
  } else {
    await sql
      .raw(
        `CREATE OR REPLACE FUNCTION medbrief_append_only() RETURNS trigger AS $$
         BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END $$ LANGUAGE plpgsql`,
      )
      .execute(db);
    await sql
      .raw(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION medbrief_append_only()`,
      )
      .execute(db);
  }
}

/** What a migration may need to know about the database it runs on. */
export interface MigrationContext {
  dialect: Dialect;
  /** The column type of an auto-numbered id. */
  id: ReturnType<typeof idColumn>;
  /** Makes that column the primary key. */
  pk: ReturnType<typeof primaryKey>;
}
