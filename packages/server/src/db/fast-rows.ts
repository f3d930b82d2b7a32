// A SELECT's rows read by better-sqlite3 as arrays and made into objects by a function made for the
// statement's columns. better-sqlite3 builds each row object key by key: for a re-evaluation batch
// (500 files of 60 columns) that was most of the read (10 ms; as arrays 4.5 ms).
import type SQLite from 'better-sqlite3';
import type { CompiledQuery } from 'kysely';

interface Kept {
  stmt: SQLite.Statement;
  make: (a: unknown[]) => unknown;
}

const keptBy = new WeakMap<SQLite.Database, Map<string, Kept>>();

/** The query's rows as objects with the same keys and values as Kysely gives on SQLite. */
export function selectRows<R>(handle: SQLite.Database, query: CompiledQuery<R>): R[] {
  let kept = keptBy.get(handle);
  if (!kept) keptBy.set(handle, (kept = new Map()));
  let k = kept.get(query.sql);
  if (!k) {
    const stmt = handle.prepare(query.sql).raw(true);
    const names = stmt.columns().map((c) => c.name);
    // one object shape for every row, made in one step
    const make = new Function('a', `return {${names.map((n, i) => `${JSON.stringify(n)}: a[${i}]`).join(', ')}};`) as Kept['make'];
    k = { stmt, make };
    kept.set(query.sql, k);
    if (kept.size > 32) kept.delete(kept.keys().next().value!);
  }
  return (k.stmt.all(...(query.parameters as unknown[])) as unknown[][]).map(k.make) as R[];
}
