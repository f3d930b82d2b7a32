// The 工作台 of a campaign counts its year's files by category and income band: the households'
// facets gain both with the fill year. The triggers are made again and the counts recounted.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of [...dropTallyTriggers(pg), ...tallyTriggers(pg, 20), ...recountStatements(20)]) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  // the facet rows stay; nothing reads them without this migration's code
}
