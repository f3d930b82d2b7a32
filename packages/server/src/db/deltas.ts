// Kept counts as insert-only deltas (+/− rows, no row ever updated, so no count row is locked by a
// long transaction), folded now and then into one row per key. Shared by the modules that keep
// counts (households: tally.sql.ts; assistance: assistance-tally.sql.ts).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';

/**
 * The statements that fold a delta table. PostgreSQL: one statement that deletes exactly the rows it
 * sums (a delta committed meanwhile is not seen, so it stays). SQLite: one writer at a time, so the
 * rows up to the highest id read inside the same transaction are the ones summed.
 */
export function foldStatements(pg: boolean, table: string, keys: readonly string[], values: readonly string[]): string[] {
  const k = keys.join(', ');
  const sums = values.map((v) => `sum(${v})`).join(', ');
  const nonZero = values.map((v) => `sum(${v}) <> 0`).join(' or ');
  const cols = `${k}, ${values.join(', ')}`;
  if (pg) return [`with moved as (delete from ${table} returning ${cols}) insert into ${table} (${cols}) select ${k}, ${sums} from moved group by ${k} having ${nonZero}`];
  return [
    `create temp table if not exists fold_max (m integer)`,
    `delete from temp.fold_max`,
    `insert into temp.fold_max select coalesce(max(id), 0) from ${table}`,
    `insert into ${table} (${cols}) select ${k}, ${sums} from ${table} where id <= (select m from temp.fold_max) group by ${k} having ${nonZero}`,
    `delete from ${table} where id <= (select m from temp.fold_max)`,
  ];
}

/** The id column of a delta table. */
export const deltaId = (pg: boolean) => (pg ? 'id bigserial primary key' : 'id integer primary key autoincrement');

/** A delta table: its key columns and the columns summed. */
export interface DeltaTable {
  table: string;
  keys: readonly string[];
  values: readonly string[];
}

/** Folds these delta tables in one transaction. */
export async function foldDeltas(db: Kysely<any>, tables: readonly DeltaTable[]): Promise<void> {
  const pg = isPostgres(db);
  await db.transaction().execute(async (trx) => {
    for (const t of tables) for (const s of foldStatements(pg, t.table, t.keys, t.values)) await sql.raw(s).execute(trx);
  });
  if (pg) await vacuumFolded(db, tables);
}

/**
 * PostgreSQL: a fold deletes every row it sums and writes them again, so each fold leaves a
 * table's worth of dead rows, which every count then steps over until VACUUM removes them.
 * Autovacuum does that where it runs, but it can be off (it was on the machine where this was
 * measured: household_tally's 3,504 rows came with 243,000 dead ones, household_facets' 7,830 with
 * 689,000, and 地区汇总 took 70–115 ms instead of 16). So a delta table whose dead rows outnumber
 * its live ones is vacuumed after the fold (milliseconds: the tables are small).
 */
async function vacuumFolded(db: Kysely<any>, tables: readonly DeltaTable[]): Promise<void> {
  const bloated = await sql<{ relname: string }>`select relname from pg_stat_user_tables
    where schemaname = current_schema() and relname in (${sql.join(tables.map((t) => t.table))})
      and n_dead_tup > 1000 and n_dead_tup > n_live_tup`.execute(db);
  for (const r of bloated.rows) await sql`vacuum (analyze) ${sql.table(r.relname)}`.execute(db);
}

/** The highest delta ids: a fold is due when they moved since the last one. */
async function marker(db: Kysely<any>, tables: readonly DeltaTable[]): Promise<string> {
  const ids: string[] = [];
  for (const t of tables) ids.push(String((await sql<{ m: unknown }>`select max(id) as m from ${sql.table(t.table)}`.execute(db)).rows[0]?.m ?? 0));
  return ids.join(',');
}

/**
 * Folds the delta tables now and then (every 20 s when deltas came), so that a count sums a few
 * thousand rows rather than every change since the last fold. `tick` folds now (after an import).
 */
export function startFolding(db: Kysely<any>, tables: readonly DeltaTable[], log: { error(o: object, msg: string): void }, everyMs = 20_000) {
  let seen = '';
  let busy: Promise<void> | null = null;
  const fold = async () => {
    if ((await marker(db, tables)) === seen) return;
    await foldDeltas(db, tables);
    seen = await marker(db, tables);
  };
  const tick = () => {
    busy ??= fold().catch((e: Error) => log.error({ err: e }, 'folding the kept counts failed')).finally(() => (busy = null));
    return busy;
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return {
    tick,
    async stop() {
      clearInterval(timer);
      await busy;
    },
  };
}

/** A row trigger that keeps counts: after an event on a table, when a condition holds, these statements. */
export interface CountingTrigger {
  name: string;
  table: string;
  event: 'insert' | 'update' | 'delete';
  /** SQL over old./new.; '' for always */
  when: string;
  body: string[];
}

/** The statements that create the triggers, in either dialect (PostgreSQL: a plpgsql function each). */
export function createTriggers(pg: boolean, triggers: readonly CountingTrigger[]): string[] {
  return triggers.flatMap((t) => {
    const when = t.when ? ` when (${t.when})` : '';
    const body = t.body.map((s) => `${s};`).join(' ');
    if (!pg) return [`create trigger ${t.name} after ${t.event} on ${t.table} for each row${when} begin ${body} end`];
    return [
      `create or replace function ${t.name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`,
      `create trigger ${t.name} after ${t.event} on ${t.table} for each row${when} execute function ${t.name}()`,
    ];
  });
}

export function dropTriggers(pg: boolean, triggers: readonly CountingTrigger[]): string[] {
  return triggers.map((t) => (pg ? `drop trigger if exists ${t.name} on ${t.table}` : `drop trigger if exists ${t.name}`));
}

/**
 * The keys whose kept sums differ from a recount (a key missing on one side counts as zeros): what
 * the tests of each module's kept counts assert empty.
 */
export async function keptCountDifferences(db: Kysely<any>, what: string, t: DeltaTable, recount: string): Promise<string[]> {
  const k = t.keys.join(', ');
  const kept = (await sql.raw<Record<string, unknown>>(`select ${k}, ${t.values.map((v) => `sum(${v}) as ${v}`).join(', ')} from ${t.table} group by ${k}`).execute(db)).rows;
  const fresh = (await sql.raw<Record<string, unknown>>(recount).execute(db)).rows;
  const key = (r: Record<string, unknown>) => t.keys.map((c) => String(r[c])).join('|');
  const sums = (r: Record<string, unknown> | undefined) => t.values.map((v) => Number(r?.[v] ?? 0)).join(',');
  const a = new Map(kept.map((r) => [key(r), r]));
  const b = new Map(fresh.map((r) => [key(r), r]));
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const [x, y] = [sums(a.get(key)), sums(b.get(key))];
    if (x !== y) out.push(`${what} ${key}: kept ${x}, recount ${y}`);
  }
  return out;
}
