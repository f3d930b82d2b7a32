// Raw SQL for the bulk loader: many rows per statement, the whole load in one transaction, the
// secondary indexes of the loaded tables dropped first and built again at the end (building an
// index once from sorted keys is many times cheaper than keeping twenty of them up to date row by
// row). SQLite: statements prepared once per shape on the better-sqlite3 connection, a rollback
// journal for the load (pages appended to a file need no journal, and a killed load leaves nothing
// behind). PostgreSQL: one INSERT … SELECT FROM unnest(…) per table and batch, one array per column.
import { CompiledQuery, type Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import { sqliteHandle, type Db } from '../db/index.js';
import { dropTallyTriggers, tallyTriggers } from '../modules/households/tally.sql.js';
import { assistanceTallyTriggers, dropAssistanceTallyTriggers } from '../modules/assistance/assistance-tally.sql.js';

/**
 * The kept counts of a load into households (and their assistance records): their triggers are
 * dropped for the load (and on PostgreSQL as replica they would not even fire); the loader writes
 * the counts of what it loaded itself (bulk.counts.ts). The statements are the households and
 * assistance modules' own (tally.sql.ts, assistance-tally.sql.ts), run on the loader's connection
 * inside its transaction.
 */
function keptCounts(pg: boolean, rebuild: string[]) {
  if (!rebuild.includes('households')) return { before: [], after: [] };
  return {
    before: [...dropTallyTriggers(pg), ...dropAssistanceTallyTriggers(pg)],
    after: [...tallyTriggers(pg), ...assistanceTallyTriggers(pg)],
  };
}
import type { Database } from '../db/schema.js';
import { isPostgres } from '../db/dialect.js';

export type Row = Record<string, string | number | null>;
export type Value = string | number | null;

/** Rows of one table: the columns once, the values row after row in one flat array. */
export interface Rows {
  cols: string[];
  values: Value[];
}

/** A batch's rows made ready to write (PostgreSQL: one statement with its parameters as text). */
export interface PreparedBatch {
  readonly tables: [string, Rows][];
  readonly statement?: { sql: string; params: string[] };
}

export interface BulkWriter {
  readonly dialect: 'sqlite' | 'postgres';
  /** Inserts rows inside the load's transaction. */
  insert(table: string, rows: Rows): Promise<void>;
  /** Readies a batch of rows of several tables for write(): done while the previous batch is being written. */
  prepare(tables: [string, Rows][]): Promise<PreparedBatch>;
  /** Inserts a prepared batch inside the load's transaction. */
  write(batch: PreparedBatch): Promise<void>;
  /** Runs the whole load as one transaction; `rebuild` lists tables whose secondary indexes are dropped and rebuilt. */
  run<T>(rebuild: string[], load: () => Promise<T>, log?: (line: string) => void): Promise<T>;
  /** Kysely on the load's connection, for the few ordinary statements inside its transaction. */
  query(): Kysely<Database>;
}

export function bulkWriter(db: Db): BulkWriter {
  if (isPostgres(db)) return new PgWriter(db);
  const handle = sqliteHandle(db);
  if (!handle) throw new Error('bulk load: no SQLite connection under this database');
  return new SqliteWriter(handle, db);
}

/** Logs each step of a load with the seconds it took (where a load's time goes). */
function phaseClock(log: (line: string) => void) {
  let last = Date.now();
  return (what: string) => {
    const now = Date.now();
    log(`  ${what}: ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
}

/** Column `c` of the rows (`n` columns each) as a PostgreSQL array literal: `{1,"two",NULL}`. */
export function arrayLiteral(values: readonly Value[], c: number, n: number): string {
  const parts: string[] = [];
  for (let i = c; i < values.length; i += n) {
    const v = values[i];
    if (v === null || v === undefined) parts.push('NULL');
    else if (typeof v === 'number') parts.push(String(v));
    else parts.push(`"${/[\\"]/.test(v) ? v.replace(/[\\"]/g, '\\$&') : v}"`);
  }
  return `{${parts.join(',')}}`;
}

/** SQLite allows at most 32,766 parameters per statement. */
const SQLITE_MAX_PARAMS = 32_000;
const quoteId = (s: string) => `"${s.replace(/"/g, '""')}"`;

class SqliteWriter implements BulkWriter {
  readonly dialect = 'sqlite' as const;
  private readonly statements = new Map<string, SQLite.Statement>();
  constructor(private readonly sqlite: SQLite.Database, private readonly db: Db) {}

  query(): Kysely<Database> {
    return this.db;
  }

  private statement(table: string, cols: string[], rows: number): SQLite.Statement {
    const key = `${table}|${cols.join(',')}|${rows}`;
    let s = this.statements.get(key);
    if (!s) {
      const one = `(${cols.map(() => '?').join(',')})`;
      s = this.sqlite.prepare(`insert into ${quoteId(table)} (${cols.map(quoteId).join(',')}) values ${Array(rows).fill(one).join(',')}`);
      this.statements.set(key, s);
    }
    return s;
  }

  async prepare(tables: [string, Rows][]): Promise<PreparedBatch> {
    return { tables };
  }

  async write(batch: PreparedBatch): Promise<void> {
    for (const [table, rows] of batch.tables) await this.insert(table, rows);
  }

  async insert(table: string, { cols, values }: Rows): Promise<void> {
    if (values.length === 0) return;
    const n = cols.length;
    const count = values.length / n;
    const per = Math.max(1, Math.min(100, Math.floor(SQLITE_MAX_PARAMS / n)));
    let i = 0;
    if (count >= per) {
      const many = this.statement(table, cols, per);
      for (; i + per <= count; i += per) many.run(values.slice(i * n, (i + per) * n));
    }
    const one = this.statement(table, cols, 1);
    for (; i < count; i++) one.run(values.slice(i * n, (i + 1) * n));
  }

  async run<T>(rebuild: string[], load: () => Promise<T>, log: (line: string) => void = () => {}): Promise<T> {
    const db = this.sqlite;
    const phase = phaseClock(log);
    // The rollback journal (not WAL) while loading: a file that grows needs no journal pages, so the
    // one big transaction costs no second write, and a killed load rolls back. Another process
    // holding the database open keeps WAL; the load is then slower, never wrong.
    const wasWal = String(db.pragma('journal_mode', { simple: true })) === 'wal';
    if (wasWal) {
      try {
        db.pragma('journal_mode = DELETE');
      } catch {
        /* busy: keep WAL */
      }
    }
    const fk = db.pragma('foreign_keys', { simple: true });
    db.pragma('foreign_keys = OFF');
    db.pragma('cache_size = -400000'); // 400 MB while loading
    db.pragma('temp_store = MEMORY');
    db.pragma('threads = 2'); // the index builds sort with a helper thread on the second core
    db.exec('begin immediate');
    try {
      const indexes = db.prepare(`select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${rebuild.map(() => '?').join(',')})`)
        .all(...rebuild) as { name: string; sql: string }[];
      for (const ix of indexes) db.exec(`drop index ${quoteId(ix.name)}`);
      const tallies = keptCounts(false, rebuild);
      for (const st of tallies.before) db.exec(st);
      const result = await load();
      phase('rows');
      for (const ix of indexes) db.exec(ix.sql);
      phase(`${indexes.length} indexes`);
      for (const st of tallies.after) db.exec(st);
      phase('triggers');
      db.exec('commit');
      phase('commit');
      // the planner's statistics for the new rows (without them it guesses, and guesses wrong at a million)
      db.pragma('analysis_limit = 1000');
      db.exec('analyze');
      phase('analyze');
      return result;
    } catch (e) {
      if (db.inTransaction) db.exec('rollback');
      throw e;
    } finally {
      this.statements.clear();
      db.pragma('cache_size = -2000');
      db.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
      if (wasWal) db.pragma('journal_mode = WAL');
    }
  }
}

class PgWriter implements BulkWriter {
  readonly dialect = 'postgres' as const;
  private conn: Kysely<Database> | null = null;
  /** Without foreign-key triggers (replica), a batch's tables go in one statement of data-modifying CTEs. */
  private oneStatement = false;
  private readonly types = new Map<string, Map<string, string>>();
  constructor(private readonly db: Db) {}

  query(): Kysely<Database> {
    if (!this.conn) throw new Error('bulk load: no transaction');
    return this.conn;
  }

  private async exec(sqlText: string, params: unknown[] = []) {
    return this.conn!.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sqlText, params));
  }

  private async columnTypes(table: string): Promise<Map<string, string>> {
    let t = this.types.get(table);
    if (!t) {
      const r = await this.exec(`select column_name, udt_name from information_schema.columns where table_schema = current_schema() and table_name = $1`, [table]);
      t = new Map(r.rows.map((x) => [String(x.column_name), String(x.udt_name)]));
      this.types.set(table, t);
    }
    return t;
  }

  /**
   * One statement for the batch's tables (`with a as (insert … select from unnest(…)), b as (…)
   * select 1`), its arrays written as text here: a statement per table, each waiting for the one
   * before, kept the database server and this process taking turns (each idle half the time); now
   * this process readies the next batch while the server writes this one.
   */
  async prepare(tables: [string, Rows][]): Promise<PreparedBatch> {
    if (!this.oneStatement) return { tables };
    const ctes: string[] = [];
    const params: string[] = [];
    for (const [table, rows] of tables) {
      if (rows.values.length === 0) continue;
      ctes.push(`w${ctes.length} as (${await this.insertStatement(table, rows, params)})`);
    }
    return { tables, statement: ctes.length ? { sql: `with ${ctes.join(', ')} select 1`, params } : undefined };
  }

  async write(batch: PreparedBatch): Promise<void> {
    if (!this.oneStatement) {
      for (const [table, rows] of batch.tables) await this.insert(table, rows);
      return;
    }
    if (batch.statement) await this.exec(batch.statement.sql, batch.statement.params);
  }

  /** `insert … select from unnest($k::type[], …)` for the rows, their columns appended to `params` as array literals. */
  private async insertStatement(table: string, { cols, values }: Rows, params: string[]): Promise<string> {
    const types = await this.columnTypes(table);
    const casts = cols.map((c, i) => {
      const t = types.get(c);
      if (!t) throw new Error(`bulk load: no column ${table}.${c}`);
      params.push(arrayLiteral(values, i, cols.length));
      return `$${params.length}::${t}[]`;
    });
    return `insert into ${quoteId(table)} (${cols.map(quoteId).join(',')}) select * from unnest(${casts.join(',')})`;
  }

  async insert(table: string, rows: Rows): Promise<void> {
    if (rows.values.length === 0) return;
    const params: string[] = [];
    await this.exec(await this.insertStatement(table, rows, params), params);
  }

  async run<T>(rebuild: string[], load: () => Promise<T>, log: (line: string) => void = () => {}): Promise<T> {
    const phase = phaseClock(log);
    return this.db.connection().execute(async (conn) => {
      this.conn = conn;
      try {
        await this.exec('begin');
        await this.exec(`set local maintenance_work_mem = '256MB'`);
        // Foreign keys are checked by a trigger per row; the loader writes consistent rows, so it
        // skips them where it may (a superuser, as in the benchmark), and keeps them otherwise.
        await this.exec('savepoint fk');
        this.oneStatement = false;
        try {
          await this.exec(`set local session_replication_role = replica`);
          await this.exec('release savepoint fk');
          // a statement's rows are checked against its other CTEs' only at its end: with the
          // checks on, each table keeps its own statement
          this.oneStatement = true;
        } catch {
          await this.exec('rollback to savepoint fk');
        }
        const indexes = (await this.exec(`
          select i.relname as name, pg_get_indexdef(i.oid) as def
          from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid join pg_namespace n on n.oid = t.relnamespace
          where n.nspname = current_schema() and t.relname = any($1::text[])
            and not exists (select 1 from pg_constraint c where c.conindid = i.oid)`, [rebuild])).rows as { name: string; def: string }[];
        for (const ix of indexes) await this.exec(`drop index ${quoteId(ix.name)}`);
        const tallies = keptCounts(true, rebuild);
        for (const st of tallies.before) await this.exec(st);
        const result = await load();
        phase('rows');
        for (const ix of indexes) await this.exec(ix.def);
        phase(`${indexes.length} indexes`);
        for (const st of tallies.after) await this.exec(st);
        phase('triggers');
        await this.exec('commit');
        phase('commit');
        // the planner's statistics for the new rows: autovacuum would take its time, and until then
        // PostgreSQL plans a file's members as a parallel scan of two million rows. Vacuumed too:
        // without a visibility map an index-only scan reads every row's page anyway (the what-if's
        // covering indexes; 帮扶统计's households without a record this year: 42 ms before, 12 after)
        for (const t of rebuild) await this.exec(`vacuum (analyze) ${quoteId(t)}`);
        phase('vacuum and analyze');
        return result;
      } catch (e) {
        await this.exec('rollback').catch(() => undefined);
        throw e;
      } finally {
        this.conn = null;
      }
    });
  }
}
