import { PostgresAdapter, type Kysely } from 'kysely';

/** Which database a Kysely instance talks to, for the few places where SQL differs. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
