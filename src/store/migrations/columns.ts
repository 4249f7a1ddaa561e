/**
 * The column sets the migrations share, so a table reads as its list of columns:
 * `table(db, 'meta', [key('key'), text('value')])`; `text('name', 'credentials')` is two NOT NULL
 * text columns in that order, `ref('answer_id', 'answers.id')` a NOT NULL integer referencing
 * answers. Each adds exactly what the long Kysely form would; the schema they make is recorded
 * in test/store/schema/ (a landed migration must never change it).
 */
import type { ColumnDefinitionBuilder, CreateTableBuilder, Kysely } from 'kysely';

type Table = CreateTableBuilder<string, string>;
type Columns = (t: Table) => Table;
type DataType = Parameters<Table['addColumn']>[1];

const columns =
  (
    type: 'text' | 'integer',
    names: string[],
    build?: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder,
  ) =>
  (t: Table): Table =>
    names.reduce((b, name) => b.addColumn(name, type, build), t);

/** CREATE TABLE name with these columns and constraints, in this order. */
export async function table(db: Kysely<unknown>, name: string, parts: Columns[]): Promise<void> {
  await parts.reduce((t, part) => part(t), db.schema.createTable(name) as Table).execute();
}

/** One column, as Kysely's addColumn has it (what no set below covers). */
export const column =
  (name: string, type: DataType, build?: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder) =>
  (t: Table): Table =>
    t.addColumn(name, type, build);

/** A text primary key (a slug, a hash, a key chosen by the writer). */
export const key = (name: string): Columns => column(name, 'text', (c) => c.primaryKey());

/** A NOT NULL integer column, with a default when given. */
export const integer = (name: string, defaultTo?: number): Columns =>
  column(name, 'integer', (c) => (defaultTo === undefined ? c.notNull() : c.notNull().defaultTo(defaultTo)));

/** A composite primary key. */
export const primaryKey =
  (name: string, cols: string[]): Columns =>
  (t) =>
    t.addPrimaryKeyConstraint(name, cols);

/** A composite unique constraint. */
export const unique =
  (name: string, cols: string[]): Columns =>
  (t) =>
    t.addUniqueConstraint(name, cols);

/** NOT NULL text columns, in this order. */
export const text = (...names: string[]): Columns => columns('text', names, (c) => c.notNull());

/** Text columns that may be NULL, in this order. */
export const maybeText = (...names: string[]): Columns => columns('text', names);

/**
 * An integer column referencing `target` (`'answers.id'`): NOT NULL unless `nullable`, or the
 * table's primary key (`primaryKey`); `cascade` deletes the row with the one it references.
 */
export function ref(
  name: string,
  target: string,
  o: { nullable?: boolean; primaryKey?: boolean; cascade?: boolean } = {},
): Columns {
  return (t) =>
    t.addColumn(name, 'integer', (c) => {
      const keyed = o.primaryKey ? c.primaryKey() : o.nullable ? c : c.notNull();
      const referenced = keyed.references(target);
      return o.cascade ? referenced.onDelete('cascade') : referenced;
    });
}

/** CREATE [UNIQUE] INDEX name ON table (columns). */
export async function index(
  db: Kysely<unknown>,
  name: string,
  table: string,
  cols: string[],
  o: { unique?: boolean } = {},
): Promise<void> {
  const q = db.schema.createIndex(name).on(table).columns(cols);
  await (o.unique ? q.unique() : q).execute();
}
