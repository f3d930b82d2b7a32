// Rows read as arrays and made into objects are the rows Kysely gives, key for key and value for
// value, and the statement kept for a query is reused with other parameters.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, sqliteHandle, type Db } from './index.js';
import { selectRows } from './fast-rows.js';

let db: Db;

beforeAll(async () => {
  db = openDb({ kind: 'sqlite', file: ':memory:' });
  await sql`create table t (id integer primary key, name text, amount integer, ratio real, note text, "weird key" text)`.execute(db);
  await sql`insert into t values (1, '张三', 120000, 1.3, null, 'a'), (2, '李四', 0, 0.5, '备注 "引号"', 'b'), (3, null, -5, null, '', 'c')`.execute(db);
});
afterAll(() => db?.destroy());

const query = (min: number): any => (db as any).selectFrom('t').selectAll().where('id', '>=', min).orderBy('id');

describe('selectRows', () => {
  it('gives the same rows as Kysely, with every type and an awkward column name', async () => {
    const handle = sqliteHandle(db)!;
    const fast: any[] = selectRows(handle, query(1).compile());
    expect(fast).toEqual(await query(1).execute());
    expect(Object.keys(fast[0])).toEqual(['id', 'name', 'amount', 'ratio', 'note', 'weird key']);
    expect(fast[2]).toEqual({ id: 3, name: null, amount: -5, ratio: null, note: '', 'weird key': 'c' });
  });

  it('reuses the statement of the same query with other parameters', async () => {
    const handle = sqliteHandle(db)!;
    expect(selectRows(handle, query(2).compile()).map((r: any) => r.id)).toEqual([2, 3]);
    expect(selectRows(handle, query(3).compile()).map((r: any) => r.id)).toEqual([3]);
    expect(selectRows(handle, query(4).compile())).toEqual([]);
  });

  it('reads inside a transaction on the same connection, seeing its uncommitted rows', async () => {
    await db.transaction().execute(async (trx) => {
      await sql`insert into t (id, name) values (9, '王五')`.execute(trx);
      expect(selectRows(sqliteHandle(db)!, query(9).compile())).toEqual([{ id: 9, name: '王五', amount: null, ratio: null, note: null, 'weird key': null }]);
      await sql`delete from t where id = 9`.execute(trx);
    });
  });
});
