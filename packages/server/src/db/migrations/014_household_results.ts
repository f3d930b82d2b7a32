// A file's stored result as shown (the identification's JSON, its versions and time, the urgency's
// parts) moves from households to household_results, one row per file: a re-evaluation rewrites it
// for every file, and on PostgreSQL an update of the wide households row (no room left on its page
// after a bulk load) wrote a new entry into each of its thirty-odd indexes. households keeps the
// result's columns that lists filter and count on.
import { sql, type Kysely } from 'kysely';

const MOVED = ['id_result', 'id_policy_version', 'id_file_version', 'id_at', 'urgency_parts'];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createTable('household_results')
    .addColumn('household_id', 'integer', (c) => c.primaryKey().references('households.id'))
    .addColumn('id_result', 'text')
    .addColumn('id_policy_version', 'integer')
    .addColumn('id_file_version', 'integer')
    .addColumn('id_at', 'varchar(32)')
    .addColumn('urgency_parts', 'text')
    .execute();
  await sql.raw(`insert into household_results (household_id, ${MOVED.join(', ')}) select id, ${MOVED.join(', ')} from households`).execute(db);
  for (const c of MOVED) await db.schema.alterTable('households').dropColumn(c).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  const types: Record<string, string> = { id_result: 'text', id_policy_version: 'integer', id_file_version: 'integer', id_at: 'varchar(32)', urgency_parts: 'text' };
  for (const c of MOVED) await db.schema.alterTable('households').addColumn(c, types[c] as 'text').execute();
  for (const c of MOVED) await sql.raw(`update households set ${c} = (select r.${c} from household_results r where r.household_id = households.id)`).execute(db);
  await db.schema.dropTable('household_results').execute();
}
