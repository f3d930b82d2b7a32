// Kept counts of regular assistance for 帮扶统计 (modules/assistance/assistance-tally.sql.ts), and
// the households' facets gain the day of the last assistance (the overdue count): the households'
// triggers are made again and every kept count recounted.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';
import {
  assistanceTallyTriggers, CREATE_ASSISTANCE_TALLY_TABLES, dropAssistanceTallyTriggers, RECOUNT_ASSISTANCE_STATEMENTS,
} from '../../modules/assistance/assistance-tally.sql.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  const run = async (statements: string[]) => {
    for (const s of statements) await sql.raw(s).execute(db);
  };
  await run(CREATE_ASSISTANCE_TALLY_TABLES(pg));
  await run(assistanceTallyTriggers(pg));
  await run(dropTallyTriggers(pg));
  await run(tallyTriggers(pg, 10));
  await run(recountStatements(10));
  await run(RECOUNT_ASSISTANCE_STATEMENTS);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of dropAssistanceTallyTriggers(pg)) await sql.raw(s).execute(db);
  for (const t of ['assistance_cadre_tally', 'assistance_tally', 'assistance_household_year']) await db.schema.dropTable(t).execute();
  await db.schema.dropIndex('households_region_last_assisted').execute();
}
