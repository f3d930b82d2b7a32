// Many rows of one table updated by id in one statement, each with its own values: a batch job
// that computed a thousand results writes them at once instead of a thousand UPDATEs (each one a
// round trip, and in Kysely a compile). SQLite: UPDATE … FROM a VALUES list named by a CTE;
// PostgreSQL: UPDATE … FROM unnest() of one typed array per column (a VALUES list of parameters
// would be typed text). Only repositories call it, for the tables their module owns.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.js';
import type { Q } from './transaction.js';

export type CellValue = string | number | null;

/** SQLite allows 32,766 parameters per statement: rows are sent in chunks below it. */
const SQLITE_MAX_PARAMS = 30_000;
const pgTypes = new WeakMap<object, Map<string, Map<string, string>>>();

async function columnTypes(q: Kysely<any>, table: string): Promise<Map<string, string>> {
  // per executor's adapter (one per database), per table: information_schema once
  const key = q.getExecutor().adapter;
  let byTable = pgTypes.get(key);
  if (!byTable) pgTypes.set(key, (byTable = new Map()));
  let types = byTable.get(table);
  if (!types) {
    const r = await sql<{ column_name: string; udt_name: string }>`select column_name, udt_name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table}`.execute(q);
    types = new Map(r.rows.map((x) => [x.column_name, x.udt_name]));
    byTable.set(table, types);
  }
  return types;
}

/** PostgreSQL: one array per column of the rows' values, cast to the column's type (for unnest). */
async function typedArrays(q: Q, table: string, columns: readonly string[], rows: readonly Record<string, CellValue>[]) {
  const types = await columnTypes(q, table);
  return columns.map((c) => {
    const t = types.get(c);
    if (!t) throw new Error(`no column ${table}.${c}`);
    return sql`cast(${rows.map((r) => r[c] ?? null)} as ${sql.raw(`${t}[]`)})`;
  });
}

/**
 * Sets `columns` of each row given (by its `id`) to that row's values. Every row must carry every
 * column; a row whose id is not in the table changes nothing.
 */
export async function updateManyById(q: Q, table: string, columns: readonly string[], rows: readonly Record<string, CellValue>[]): Promise<void> {
  if (rows.length === 0 || columns.length === 0) return;
  const ref = sql.ref;
  const set = sql.join(columns.map((c) => sql`${ref(c)} = ${ref(`v.${c}`)}`));
  if (isPostgres(q)) {
    const arrays = await typedArrays(q, table, ['id', ...columns], rows);
    const names = sql.join(['id', ...columns].map((c) => ref(c)));
    await sql`update ${sql.table(table)} set ${set} from unnest(${sql.join(arrays)}) as v(${names}) where ${ref(`${table}.id`)} = ${ref('v.id')}`.execute(q);
    return;
  }
  const per = Math.max(1, Math.floor(SQLITE_MAX_PARAMS / (columns.length + 1)));
  const names = sql.join(['id', ...columns].map((c) => ref(c)));
  for (let i = 0; i < rows.length; i += per) {
    const values = sql.join(rows.slice(i, i + per).map((r) => sql`(${sql.join([r.id, ...columns.map((c) => r[c] ?? null)])})`));
    await sql`with v(${names}) as (values ${values}) update ${sql.table(table)} set ${set} from v where ${ref(`${table}.id`)} = ${ref('v.id')}`.execute(q);
  }
}

/**
 * PostgreSQL: rows inserted, or written over the row with the same `key`, in one statement over
 * unnest() of one typed array per column. A VALUES list of 500 rows × 6 parameters spent 13 ms of
 * a re-evaluation batch in planning alone (bind), as much as the writing. Every row must carry
 * the same columns.
 */
export async function upsertManyPg(q: Q, table: string, key: string, rows: readonly Record<string, CellValue>[]): Promise<void> {
  if (rows.length === 0) return;
  const ref = sql.ref;
  const columns = Object.keys(rows[0]);
  const arrays = await typedArrays(q, table, columns, rows);
  const names = sql.join(columns.map((c) => ref(c)));
  const set = sql.join(columns.filter((c) => c !== key).map((c) => sql`${ref(c)} = ${ref(`excluded.${c}`)}`));
  await sql`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)}) as v(${names}) on conflict (${ref(key)}) do update set ${set}`.execute(q);
}

/**
 * PostgreSQL: many rows inserted in one statement over unnest() of one typed array per column (an
 * import's batch of 200 files: a VALUES list of 14,000 parameters cost more to bind than to write).
 * Returns the `returning` columns of the rows inserted.
 */
export async function insertManyPg<R extends Record<string, unknown> = Record<string, unknown>>(
  q: Q, table: string, rows: readonly Record<string, unknown>[], returning: readonly string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const ref = sql.ref;
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) => rows.some((r) => r[c] !== undefined));
  const arrays = await typedArrays(q, table, columns, rows as readonly Record<string, CellValue>[]);
  const names = sql.join(columns.map((c) => ref(c)));
  const back = returning.length ? sql` returning ${sql.join(returning.map((c) => ref(c)))}` : sql``;
  const r = await sql<R>`insert into ${sql.table(table)} (${names}) select * from unnest(${sql.join(arrays)}) as v(${names})${back}`.execute(q);
  return r.rows;
}
