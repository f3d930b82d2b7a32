// 脱困回访: the follow-up visits after a household's exit (assistance's table). Each row keeps the
// exit it follows, so a household reopened and exited again starts a new schedule. An exited file
// keeps the day of its next planned visit and the visits made (households' columns, written with
// the exit and with each follow-up), so that due lists and counts walk a partial index in due
// order instead of counting follow-ups for every exit.
import { sql, type Kysely } from 'kysely';
import { addMonths, DEFAULT_FOLLOW_UP_MONTHS } from '@bangfu/core';
import { isPostgres } from '../dialect.js';

export async function up(db: Kysely<any>): Promise<void> {
  const idType = isPostgres(db) ? 'serial' : 'integer';
  await db.schema.createTable('follow_ups')
    .addColumn('id', idType, (c) => c.primaryKey())
    .addColumn('household_id', 'integer', (c) => c.notNull().references('households.id'))
    .addColumn('region_code', 'varchar(8)', (c) => c.notNull())
    .addColumn('exit_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('outcome', 'varchar(16)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)', (c) => c.notNull())
    /** 1 when this follow-up reopened the file (the recorder could file it) */
    .addColumn('reopened', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('recorded_by', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('follow_ups_household').on('follow_ups').columns(['household_id', 'exit_date', 'date']).execute();
  await db.schema.alterTable('households').addColumn('follow_up_due_on', 'varchar(10)').execute();
  await db.schema.alterTable('households').addColumn('follow_ups_made', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  // files exited before: their first visit, by the default schedule (the settings hold none yet)
  const first = DEFAULT_FOLLOW_UP_MONTHS[0];
  const exits = await db.selectFrom('households').select(['id', 'exit_date']).where('status', '=', 'exited').where('exit_date', 'is not', null).execute();
  for (const e of exits) await db.updateTable('households').set({ follow_up_due_on: addMonths(e.exit_date, first) }).where('id', '=', e.id).execute();
  // Only an exited file has an exit day (reopening clears it) and a next visit: the partial indexes
  // and the queries say so rather than status = 'exited', which the planners misjudge (SQLite's
  // sampled statistics of the status indexes, PostgreSQL's guess for an expression). A year's exits
  // per region, covered (the summary), and all exits by exit day (city-wide, per region); the due lists in due order,
  // city-wide and per region. The unit is held too: a unit union's lists are read from the index alone.
  await sql`create index households_exited on households (exit_date, id, region_code, follow_ups_made, follow_up_due_on, unit_id) where exit_date is not null`.execute(db);
  await sql`create index households_exited_region on households (region_code, exit_date, id, follow_ups_made, follow_up_due_on, unit_id) where exit_date is not null`.execute(db);
  await sql`create index households_follow_up_due on households (follow_up_due_on, id, exit_date, unit_id) where follow_up_due_on is not null`.execute(db);
  await sql`create index households_follow_up_region on households (region_code, follow_up_due_on, id, exit_date) where follow_up_due_on is not null`.execute(db);
  await sql`create index follow_ups_fallen on follow_ups (household_id, exit_date) where outcome = 'fallenBack'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index households_follow_up_region`.execute(db);
  await sql`drop index households_follow_up_due`.execute(db);
  await sql`drop index households_exited_region`.execute(db);
  await sql`drop index households_exited`.execute(db);
  await db.schema.alterTable('households').dropColumn('follow_ups_made').execute();
  await db.schema.alterTable('households').dropColumn('follow_up_due_on').execute();
  await db.schema.dropTable('follow_ups').execute();
}
