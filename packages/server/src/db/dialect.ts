import { PostgresAdapter, type Kysely } from 'kysely';

/** Which database a Kysely instance talks to, for the few places where SQL differs. */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** A unique index refused a row (SQLite's message or PostgreSQL's code 23505). */
export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string };
  return e?.code === '23505' || /UNIQUE constraint failed/.test(e?.message ?? '');
}
