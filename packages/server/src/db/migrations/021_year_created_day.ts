// New this week and files per week count the campaign year's files: the facet of the day a file was
// entered carries the fill year ('2026|2026-12-07'). The triggers are made again and the counts recounted.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of [...dropTallyTriggers(pg), ...tallyTriggers(pg, 21), ...recountStatements(21)]) await sql.raw(s).execute(db);
}

export async function down(): Promise<void> {
  // the facet rows stay; nothing reads them without this migration's code
}
