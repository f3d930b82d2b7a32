// The what-if of a policy change from the files near the lines (policy/whatif.service.ts):
//  - the households' facets gain the year of the fill date (the live files of each region and
//    year): the triggers are made again and the counts recounted;
//  - an index by region and per-capita income that carries what the three conditions and the stored
//    result need, so that the files of a band are read in order from the index alone (PostgreSQL
//    keeps the carried columns as INCLUDE);
//  - the same by region and the largest expense's share of the income (the third condition's edge),
//    of the files with an expense only (the others never meet the third condition).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';
import { expenseShareSql, WITH_EXPENSE } from '../../modules/policy/whatif.queries.js';

const KEY = ['region_code', 'per_capita_income'];
const CARRIED = ['fill_year', 'status', 'household_annual_income', 'household_size', 'id_special', 'medical_expense', 'tuition_expense', 'accident_expense', 'id_eligible', 'id_category'];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of [...dropTallyTriggers(pg), ...tallyTriggers(pg, 13), ...recountStatements(13)]) await sql.raw(s).execute(db);
  if (pg) await sql.raw(`create index households_whatif_band on households (${KEY.join(', ')}) include (${CARRIED.join(', ')}, id)`).execute(db);
  else await db.schema.createIndex('households_whatif_band').on('households').columns([...KEY, ...CARRIED]).execute();
  const expense = `region_code, (${expenseShareSql(pg)})`;
  await sql.raw(pg
    ? `create index households_whatif_expense on households (${expense}) include (${CARRIED.join(', ')}, id) where ${WITH_EXPENSE}`
    : `create index households_whatif_expense on households (${expense}, ${CARRIED.join(', ')}) where ${WITH_EXPENSE}`).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  // the facet rows of the year stay; nothing reads them without this migration's code
  await db.schema.dropIndex('households_whatif_band').execute();
  await db.schema.dropIndex('households_whatif_expense').execute();
}
