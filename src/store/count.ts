/** Counting rows the same way on SQLite and PostgreSQL (where count(*) comes back as a string). */
import type { SelectQueryBuilder } from 'kysely';

/** How many rows `query` matches. */
export async function countRows<DB, TB extends keyof DB>(
  query: SelectQueryBuilder<DB, TB, object>,
): Promise<number> {
  // The selection's type does not resolve while DB is generic; it is `{ n }` by construction.
  const row = (await query.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()) as {
    n: unknown;
  };
  return Number(row.n);
}
