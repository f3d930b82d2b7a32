// The what-if of a policy change reads, per (region, year), only the columns the three conditions
// and the stored result need: one covering index holds them, so the files themselves (3.6 GB at a
// million) are not read. PostgreSQL keeps the non-key columns as INCLUDE.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';

const KEY = ['region_code', 'fill_year', 'status'];
const CARRIED = ['household_annual_income', 'household_size', 'id_special', 'medical_expense', 'tuition_expense', 'accident_expense', 'id_eligible', 'id_category'];

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql.raw(`create index households_whatif on households (${KEY.join(', ')}) include (${CARRIED.join(', ')}, id)`).execute(db);
  else await db.schema.createIndex('households_whatif').on('households').columns([...KEY, ...CARRIED]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('households_whatif').execute();
}
