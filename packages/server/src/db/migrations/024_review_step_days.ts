// "As of a day": the progress of a campaign on a past day, and the list of the files it counts. Each
// file keeps the day (China) it reached each review step of its current round: submitted_on,
// approved_on (the unit union's agreement), filed_on (the city's), ended_on (剔除 or 脱困). A file's
// status on day D is then a function of its own row (households.queries asOfStatus), and five facets
// count the files by those days, so that the progress as of D is a sum over kept counts.
//
// The invariant the counts rest on: a file whose status is past a step has that step's day, and the
// days never decrease along the steps (created ≤ submitted ≤ approved ≤ filed ≤ ended). The writes keep
// it (lifecycle.service, households.service); here the files already there get it from what they
// hold: the submission time, the latest review opinions, the removal time and the exit date (UTC days,
// as the times are stored); a file on the books without a city opinion (the registry era) counts as
// filed the day it was entered.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../dialect.js';
import { dropTallyTriggers, recountStatements, tallyTriggers } from '../../modules/households/tally.sql.js';

const COLUMNS = ['submitted_on', 'approved_on', 'filed_on', 'ended_on'] as const;
const PAST_UNIT = "('unitApproved', 'filed', 'removed', 'exited')";
const ON_BOOKS = "('filed', 'removed', 'exited')";
const latestOpinion = (level: string) =>
  `(select substr(max(o.at), 1, 10) from review_opinions o where o.household_id = households.id and o.level = '${level}' and o.decision = 'agree')`;

const BACKFILL = [
  "update households set submitted_on = substr(submitted_at, 1, 10) where status <> 'draft' and submitted_at is not null",
  `update households set approved_on = ${latestOpinion('unit')} where status in ${PAST_UNIT}`,
  `update households set filed_on = ${latestOpinion('city')} where status in ${ON_BOOKS}`,
  `update households set filed_on = substr(created_at, 1, 10) where status in ${ON_BOOKS} and filed_on is null`,
  `update households set approved_on = filed_on where status in ${ON_BOOKS} and (approved_on is null or approved_on > filed_on)`,
  "update households set approved_on = coalesce(submitted_on, substr(created_at, 1, 10)) where status = 'unitApproved' and approved_on is null",
  `update households set submitted_on = approved_on where status in ${PAST_UNIT} and (submitted_on is null or submitted_on > approved_on)`,
  "update households set submitted_on = substr(created_at, 1, 10) where status = 'submitted' and submitted_on is null",
  "update households set ended_on = case when status = 'removed' then substr(removed_at, 1, 10) else exit_date end where status in ('removed', 'exited')",
  "update households set ended_on = filed_on where status in ('removed', 'exited') and (ended_on is null or ended_on < filed_on)",
];

export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of dropTallyTriggers(pg)) await sql.raw(s).execute(db);
  for (const c of COLUMNS) await db.schema.alterTable('households').addColumn(c, 'varchar(10)').execute();
  for (const s of [...BACKFILL, ...tallyTriggers(pg, 24), ...recountStatements(24)]) await sql.raw(s).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  for (const s of dropTallyTriggers(pg)) await sql.raw(s).execute(db);
  for (const c of COLUMNS) await db.schema.alterTable('households').dropColumn(c).execute();
  for (const s of [...tallyTriggers(pg, 23), ...recountStatements(23)]) await sql.raw(s).execute(db);
}
