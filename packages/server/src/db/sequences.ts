// PostgreSQL's serial sequences after rows were written with explicit ids (a bulk load, a restore):
// they must continue after the largest id. SQLite needs nothing (AUTOINCREMENT follows max(id)).
import { sql, type Kysely } from 'kysely';

export async function continueSequencesAfterMaxId(q: Kysely<any>, tables: string[]): Promise<void> {
  const withId = await sql<{ t: string }>`select table_name as t from information_schema.columns
    where table_schema = current_schema() and column_name = 'id' and table_name in (${sql.join(tables)})`.execute(q);
  for (const { t } of withId.rows) {
    const seq = await sql<{ s: string | null }>`select pg_get_serial_sequence(${t}, 'id') as s`.execute(q);
    const name = seq.rows[0]?.s;
    if (name) await sql`select setval(${name}, coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(q);
  }
}
