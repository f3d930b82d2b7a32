// Measured at a million households (docs/PERFORMANCE.md, campaigns):
//  - the oldest file under review per region: the partial index of the files under review is now
//    ordered by region, fill year and submission time (the unit last), so that a region's oldest is
//    the first entry of its range (the progress per unit still reads only the files under review);
//  - a cadre's or leader's households overdue for a visit (待办): by responsible person, status and
//    the day of the last assistance, from the index alone (the single-column indexes they extend go).
import { sql, type Kysely } from 'kysely';

const WAITING = sql.raw<boolean>("status in ('submitted', 'unitApproved')");

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('households_waiting').execute();
  await db.schema.createIndex('households_waiting').on('households').columns(['region_code', 'fill_year', 'submitted_at', 'unit_id']).where(WAITING).execute();
  await db.schema.dropIndex('households_cadre').execute();
  await db.schema.dropIndex('households_leader').execute();
  await db.schema.createIndex('households_cadre_visits').on('households').columns(['cadre_user_id', 'status', 'last_assisted_on']).execute();
  await db.schema.createIndex('households_leader_visits').on('households').columns(['leader_user_id', 'status', 'last_assisted_on', 'cadre_user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('households_waiting').execute();
  await db.schema.createIndex('households_waiting').on('households').columns(['region_code', 'fill_year', 'unit_id', 'submitted_at']).where(WAITING).execute();
  await db.schema.dropIndex('households_cadre_visits').execute();
  await db.schema.dropIndex('households_leader_visits').execute();
  await db.schema.createIndex('households_cadre').on('households').column('cadre_user_id').execute();
  await db.schema.createIndex('households_leader').on('households').column('leader_user_id').execute();
}
