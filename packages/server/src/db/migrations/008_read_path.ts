// The read path at a million households: kept counts (household_tally, household_facets, kept by
// triggers in the same transaction as each change: modules/households/tally.sql.ts), an index per
// list sort key (alone and within a region, with id as the tie-breaker the list orders by), and on
// PostgreSQL byte-order ("C") indexes for the search's prefix ranges.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { CREATE_TALLY_TABLES, dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';

const SORTED = ['updated_at', 'fill_date', 'per_capita_income', 'household_annual_income', 'name'];
// replaced by the (column, id) indexes below, which serve the same lookups
const REPLACED = ['households_fill_date', 'households_region_fill_date', 'households_income', 'households_per_capita', 'households_name'];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = async (s: string) => sql.raw(s).execute(db);
  for (const s of CREATE_TALLY_TABLES(pg)) await run(s);
  for (const s of tallyTriggers(pg, 8)) await run(s);
  for (const s of recountStatements(8)) await run(s);
  for (const name of REPLACED) await db.schema.dropIndex(name).ifExists().execute();
  for (const col of SORTED) {
    await db.schema.createIndex(`households_sort_${col}`).on('households').columns([col, 'id']).execute();
    await db.schema.createIndex(`households_region_sort_${col}`).on('households').columns(['region_code', col, 'id']).execute();
  }
  await db.schema.createIndex('households_region_worker_no').on('households').columns(['region_code', 'worker_no']).execute();
  if (pg)
    for (const col of ['name', 'worker_no', 'id_number', 'unit_id'])
      await run(`create index households_prefix_${col} on households (${col} collate "C")`);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of dropTallyTriggers(pg)) await sql.raw(s).execute(db);
  await db.schema.dropTable('household_tally').execute();
  await db.schema.dropTable('household_facets').execute();
}
