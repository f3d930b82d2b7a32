// The day (China) a file was entered: "as of a day" counted files entered by the UTC day of their
// creation time, so a file entered before 08:00 in China fell on the day before. Files keep the
// China day now (households.service, the bulk loader), and the facet of the days entered reads it.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of dropTallyTriggers(pg)) await sql.raw(s).execute(db);
  await db.schema.alterTable('households').addColumn('created_on', 'varchar(10)').execute();
  await (pg
    ? sql`update households set created_on = to_char(created_at::timestamptz at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`
    : sql`update households set created_on = date(created_at, '+8 hours')`).execute(db);
  for (const s of [...tallyTriggers(pg, 29), ...recountStatements(29)]) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of dropTallyTriggers(pg)) await sql.raw(s).execute(db);
  await db.schema.alterTable('households').dropColumn('created_on').execute();
  for (const s of [...tallyTriggers(pg, 28), ...recountStatements(28)]) await sql.raw(s).execute(db);
}
