/** A part of one write transaction (StoreTx.accounts, .outbox, .imports): its rows and its clock. */
import type { Transaction } from 'kysely';
import type { Database } from './db.js';

export abstract class TxPart {
  constructor(
    protected readonly trx: Transaction<Database>,
    /** The transaction's clock (ISO timestamp), the same for every row it writes. */
    protected readonly at: string,
  ) {}
}
