// The query handle every repository takes, and the one way to open a transaction. A repository
// function accepts `Q` so that the same call runs alone or inside the caller's transaction.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.js';

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
export type Q = Db | Trx;

/** Runs `fn` in one transaction: everything it writes commits together or not at all. */
export function inTransaction<T>(db: Db, fn: (trx: Trx) => Promise<T>): Promise<T> {
  return db.transaction().execute(fn);
}
