/**
 * Online, consistent backups in one portable format for both dialects, and restore into a fresh
 * store of either dialect. The format is JSON lines: a header, then one line per table with its
 * rows, then a trailer with row counts so a truncated file is detected before anything is written.
 *
 * Consistency: the whole export reads inside one transaction (SQLite WAL snapshot; PostgreSQL
 * REPEATABLE READ READ ONLY), so concurrent writers neither block it nor tear it.
 */

import { once } from 'node:events';
import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { type Kysely, sql, type Transaction } from 'kysely';
import { type Answer, contentHash } from '../content/index.js';
import type { Database } from './db.js';
import { kyselyOf } from './kysely-store.js';
import type { Store } from './types.js';

export const BACKUP_FORMAT = 'medbrief-backup';
export const BACKUP_VERSION = 1;

type AnyDb = Kysely<Database> | Transaction<Database>;

interface Header {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
  dialect: string;
  migrations: string[];
  tables: string[];
}

export interface BackupReport {
  file: string;
  tables: Record<string, number>;
  rows: number;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

const INTERNAL = /^(kysely_|sqlite_)/;

/** Our tables, ordered so that every table comes after the tables its foreign keys point to. */
export async function tablesInDependencyOrder(db: AnyDb, dialect: 'sqlite' | 'postgres'): Promise<string[]> {
  const deps = new Map<string, Set<string>>();
  if (dialect === 'sqlite') {
    const tables = await sql<{
      name: string;
    }>`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`.execute(db);
    for (const { name } of tables.rows) {
      if (INTERNAL.test(name)) continue;
      const fks = await sql<{ table: string }>`SELECT * FROM pragma_foreign_key_list(${name})`.execute(db);
      deps.set(name, new Set(fks.rows.map((f) => f.table).filter((t) => t !== name)));
    }
  } else {
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
    const fks = await sql<{ child: string; parent: string }>`
      SELECT tc.table_name AS child, ccu.table_name AS parent
      FROM information_schema.table_constraints tc
      JOIN information_schema.constraint_column_usage ccu
        ON tc.constraint_name = ccu.constraint_name AND tc.table_schema = ccu.table_schema
      WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = current_schema()`.execute(db);
    for (const { name } of tables.rows) if (!INTERNAL.test(name)) deps.set(name, new Set());
    for (const { child, parent } of fks.rows) if (child !== parent) deps.get(child)?.add(parent);
  }
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t)) return;
    path.add(t);
    for (const d of [...(deps.get(t) ?? [])].sort()) if (deps.has(d)) visit(d, path);
    ordered.push(t);
  };
  for (const t of [...deps.keys()].sort()) visit(t, new Set());
  return ordered;
}

async function migrationNames(db: AnyDb): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`.execute(db);
  return r.rows.map((x) => x.name);
}

async function primaryKeyOrder(db: AnyDb, dialect: 'sqlite' | 'postgres', table: string): Promise<string[]> {
  if (dialect === 'sqlite') {
    const cols = await sql<{
      name: string;
      pk: number;
    }>`SELECT name, pk FROM pragma_table_info(${table})`.execute(db);
    const pk = cols.rows.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk);
    return (pk.length ? pk : cols.rows).map((c) => c.name);
  }
  const cols = await sql<{ name: string }>`
    SELECT a.attname AS name FROM pg_index i
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
    WHERE i.indrelid = ${table}::regclass AND i.indisprimary`.execute(db);
  if (cols.rows.length) return cols.rows.map((c) => c.name);
  const all = await sql<{ name: string }>`
    SELECT column_name AS name FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} ORDER BY ordinal_position`.execute(db);
  return all.rows.map((c) => c.name);
}

/** Every row of a table in primary-key order (for backups and for comparing stores). */
export async function tableRows(db: AnyDb, dialect: 'sqlite' | 'postgres', table: string) {
  const order = await primaryKeyOrder(db, dialect, table);
  const orderBy = order.map((c) => sql.ref(c));
  const r = await sql<
    Record<string, unknown>
  >`SELECT * FROM ${sql.table(table)} ORDER BY ${sql.join(orderBy)}`.execute(db);
  return r.rows.map(normaliseRow);
}

function normaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (v instanceof Date) out[k] = v.toISOString();
    else if (typeof v === 'bigint') out[k] = Number(v);
    else if (Buffer.isBuffer(v)) out[k] = { $base64: v.toString('base64') };
    else out[k] = v;
  }
  return out;
}

function denormaliseRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    out[k] =
      v && typeof v === 'object' && '$base64' in v
        ? Buffer.from(String((v as { $base64: string }).$base64), 'base64')
        : v;
  }
  return out;
}

async function inSnapshot<T>(
  store: ReturnType<typeof kyselyOf>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (store.dialect === 'postgres') {
    return store.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`SET TRANSACTION READ ONLY`.execute(trx);
        return fn(trx);
      });
  }
  return store.db.transaction().execute(fn);
}

/** Writes a consistent backup of every table to `file` (written to a temporary name, then renamed). */
export async function backupStore(anyStore: Store, file: string): Promise<BackupReport> {
  const store = kyselyOf(anyStore);
  const tmp = `${file}.partial`;
  const out = createWriteStream(tmp, { encoding: 'utf8' });
  const write = async (value: unknown) => {
    if (!out.write(`${JSON.stringify(value)}\n`)) await once(out, 'drain');
  };
  const counts: Record<string, number> = {};
  try {
    await inSnapshot(store, async (trx) => {
      const tables = await tablesInDependencyOrder(trx, store.dialect);
      const header: Header = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        createdAt: new Date().toISOString(),
        dialect: store.dialect,
        migrations: await migrationNames(trx),
        tables,
      };
      await write(header);
      for (const table of tables) {
        const rows = await tableRows(trx, store.dialect, table);
        counts[table] = rows.length;
        await write({ table, rows });
      }
      await write({ end: true, counts });
    });
    out.end();
    await once(out, 'finish');
    renameSync(tmp, file);
  } catch (err) {
    out.destroy();
    rmSync(tmp, { force: true });
    throw err;
  }
  return { file, tables: counts, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}

async function readBackup(file: string) {
  const lines = createInterface({
    input: createReadStream(file, { encoding: 'utf8' }),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  let header: Header | null = null;
  const tables: { table: string; rows: Record<string, unknown>[] }[] = [];
  let trailer: { counts: Record<string, number> } | null = null;
  let n = 0;
  for await (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let value: Record<string, unknown>;
    try {
      value = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new BackupError(`${file}:${n}: not a MedBrief backup (line is not JSON)`);
    }
    if (n === 1) {
      if (value.format !== BACKUP_FORMAT)
        throw new BackupError(`${file} is not a MedBrief backup (no "${BACKUP_FORMAT}" header)`);
      if (value.version !== BACKUP_VERSION) {
        throw new BackupError(
          `${file} has backup format version ${value.version}; this MedBrief reads version ${BACKUP_VERSION}`,
        );
      }
      header = value as unknown as Header;
    } else if (value.end) {
      trailer = value as unknown as { counts: Record<string, number> };
    } else {
      tables.push(value as unknown as { table: string; rows: Record<string, unknown>[] });
    }
  }
  if (!header) throw new BackupError(`${file} is empty`);
  if (!trailer) throw new BackupError(`${file} is truncated (no end marker): the backup did not finish`);
  for (const t of tables) {
    if (trailer.counts[t.table] !== t.rows.length) {
      throw new BackupError(
        `${file}: table ${t.table} has ${t.rows.length} rows, the trailer says ${trailer.counts[t.table]}`,
      );
    }
  }
  return { header, tables };
}

/**
 * Restores a backup into an empty, freshly migrated store (of either dialect) in one transaction,
 * then re-verifies every revision's content hash. Refuses a store that already holds content.
 */
export async function restoreStore(anyStore: Store, file: string): Promise<BackupReport> {
  const store = kyselyOf(anyStore);
  const { header, tables } = await readBackup(file);
  const migrations = await migrationNames(store.db);
  if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
    throw new BackupError(
      `the backup's schema (${header.migrations.at(-1) ?? 'none'}) differs from this store's (${migrations.at(-1) ?? 'none'}); restore it with the MedBrief version that wrote it`,
    );
  }
  const counts: Record<string, number> = {};
  await store.db.transaction().execute(async (trx) => {
    const known = new Set(await tablesInDependencyOrder(trx, store.dialect));
    for (const t of tables) {
      if (!known.has(t.table))
        throw new BackupError(`the backup has a table "${t.table}" that this store does not`);
      const existing = await sql<{ n: number }>`SELECT COUNT(*) AS n FROM ${sql.table(t.table)}`.execute(trx);
      if (Number(existing.rows[0]?.n ?? 0) > 0) {
        throw new BackupError(`table ${t.table} is not empty: restore into a new, empty database`);
      }
    }
    for (const t of tables) {
      for (let i = 0; i < t.rows.length; i += 200) {
        const chunk = t.rows.slice(i, i + 200).map(denormaliseRow);
        if (chunk.length)
          await trx
            .insertInto(t.table as keyof Database)
            .values(chunk as never)
            .execute();
      }
      counts[t.table] = t.rows.length;
      if (store.dialect === 'postgres') await resetSequences(trx, t.table);
    }
    await verifyRevisionHashes(trx);
  });
  return { file, tables: counts, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}

async function resetSequences(trx: AnyDb, table: string): Promise<void> {
  const seqs = await sql<{ column: string; seq: string | null }>`
    SELECT column_name AS column, pg_get_serial_sequence(${table}, column_name) AS seq
    FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ${table}`.execute(
    trx,
  );
  for (const { column, seq } of seqs.rows) {
    if (!seq) continue;
    await sql`SELECT setval(${seq}, COALESCE((SELECT MAX(${sql.ref(column)}) FROM ${sql.table(table)}), 0) + 1, false)`.execute(
      trx,
    );
  }
}

/** Throws when any stored revision's content no longer hashes to its recorded hash. */
export async function verifyRevisionHashes(db: AnyDb): Promise<number> {
  const rows = await db
    .selectFrom('revisions')
    .select(['id', 'hash', 'content', 'question', 'tldr', 'body'])
    .execute();
  for (const r of rows) {
    const answer = JSON.parse(r.content) as Answer;
    const actual = contentHash(answer);
    if (actual !== r.hash)
      throw new BackupError(`revision ${r.id}: content hashes to ${actual}, recorded ${r.hash}`);
    if (answer.question !== r.question || answer.tldr !== r.tldr || answer.body !== r.body) {
      throw new BackupError(
        `revision ${r.id}: question, TL;DR or body column differs from the hashed content`,
      );
    }
  }
  return rows.length;
}
