// Opens the database named by the config and runs migrations. SQLite is the embedded default;
// PostgreSQL is production. Everything above this file is dialect-neutral Kysely.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, Migrator, PostgresAdapter, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type SqliteDatabase, type TransactionSettings } from 'kysely';
import type { DbTarget } from '../config.js';
import type { Database } from './schema.js';
import { migrations } from './migrations/index.js';

import type { Db } from './transaction.js';
export type { Db };

// pg returns int8 (COUNT, SUM) as strings to be safe beyond 2^53; our sums of fen stay far below.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

const sqliteHandles = new WeakMap<Db, SQLite.Database>();
export type SQLiteHandle = SQLite.Database;

/** The better-sqlite3 connection under a SQLite Kysely instance (the demo's bulk loader prepares its own statements). */
export function sqliteHandle(db: Db): SQLite.Database | undefined {
  return sqliteHandles.get(db);
}

/**
 * SQLite with several server processes (WEB_CONCURRENCY): a transaction that writes takes the write
 * lock when it begins (BEGIN IMMEDIATE), waiting for another process's writer up to busy_timeout. A
 * deferred BEGIN would read first and then fail at once with SQLITE_BUSY when another process wrote
 * meanwhile (its snapshot could not become a writer). A read-only transaction (a backup's snapshot)
 * stays deferred, so that it blocks no writer.
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly cfg: ConstructorParameters<typeof SqliteDialect>[0]) {
    super(cfg);
  }
  override createDriver() {
    return new ImmediateSqliteDriver(this.cfg);
  }
}

/** How many prepared statements a SQLite connection keeps for reuse (the most recently used). */
const STATEMENTS_KEPT = 256;

/**
 * The connection as Kysely sees it, with its prepared statements kept and reused: Kysely prepares
 * every query anew, and a batch's statements with 500 parameters took 3 ms a batch to prepare (a
 * re-evaluation prepares the same few shapes two thousand times). A statement still being read (a
 * stream) is not handed out again.
 */
function reusingStatements(sqlite: SQLite.Database): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(text: string) {
      const old = kept.get(text);
      if (old && !old.busy) {
        kept.delete(text); // to the end: the map's order is the order of use
        kept.set(text, old);
        return old;
      }
      const stmt = sqlite.prepare(text);
      kept.set(text, stmt);
      if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
      return stmt;
    },
  };
}

export function openDb(target: DbTarget): Db {
  if (target.kind === 'sqlite') {
    if (target.file !== ':memory:') fs.mkdirSync(path.dirname(target.file), { recursive: true });
    const sqlite = new SQLite(target.file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    // another process's writer is waited for, not failed on (an import's commit holds it longest)
    sqlite.pragma('busy_timeout = 30000');
    sqlite.pragma('synchronous = NORMAL');
    // 64 MB of pages per process (the default 2 MB holds 500 pages of a database of gigabytes: a
    // batch job re-read the index pages it had just written)
    sqlite.pragma('cache_size = -65536');
    const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: reusingStatements(sqlite) }) });
    sqliteHandles.set(db, sqlite);
    return db;
  }
  // JIT off: PostgreSQL compiled the expressions of any query its planner costed above
  // jit_above_cost, 25–35 ms each time, for queries that then ran in 2–3 ms (a re-evaluation batch's
  // read: 33 ms of JIT for 2.5 ms of work, two thousand times); bangfu's queries are short by design.
  // random_page_cost 1.1 (default 4, priced for spinning disks): with it a county's 帮扶统计 walked
  // the whole households table in id order rather than its region's (region, status, id) index
  const options = ['-c jit=off', '-c random_page_cost=1.1', ...(target.searchPath ? [`-c search_path=${target.searchPath}`] : [])].join(' ');
  const pool = new pg.Pool({ connectionString: target.url, max: 10, options });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** Brings the schema up to date; throws (and the caller exits non-zero) on any failure. */
export async function migrateToLatest(db: Kysely<any>, opts: { schema?: string } = {}): Promise<string[]> {
  // With a schema of its own (tests), the migrator's bookkeeping tables must live there too.
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
    ...(opts.schema ? { migrationTableSchema: opts.schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed?.migrationName ?? '(unknown)';
    const cause = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${name} failed: ${cause}`);
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  // SQLite keeps its planner's statistics per index: new indexes get theirs (1,000 rows sampled
  // an index). PostgreSQL's are per column, which new indexes on existing columns already have.
  if (applied.length && !(db.getExecutor().adapter instanceof PostgresAdapter)) {
    await sql`pragma analysis_limit = 1000`.execute(db);
    await sql`analyze`.execute(db);
  }
  // PostgreSQL: a migration that rewrites a table's rows (a new column filled in) leaves as many dead
  // rows, which every index scan then visits until VACUUM removes them; autovacuum may be off or
  // late (measured: after migration 029 filled created_on, a county's progress 13 → 135 ms and the
  // city's 工作台 21 → 292 ms at a million files). Such tables are vacuumed now, while upgrading.
  if (applied.length && db.getExecutor().adapter instanceof PostgresAdapter) {
    const bloated = await sql<{ relname: string }>`select relname from pg_stat_user_tables
      where schemaname = current_schema() and n_dead_tup > 10000 and n_dead_tup > n_live_tup / 5`.execute(db);
    for (const r of bloated.rows) await sql`vacuum (analyze) ${sql.table(r.relname)}`.execute(db);
  }
  return applied;
}

export function describeTarget(t: DbTarget): string {
  return t.kind === 'sqlite' ? `SQLite ${t.file}` : `PostgreSQL ${t.url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`;
}

/** A round trip to the database (the health check). */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
