// The region summary's counts: GROUP BY queries on indexed columns under the caller's scope, so
// the summary stays one round of small queries whatever the number of files.
import { INCOME_BANDS } from '@bangfu/core';
import { sql } from 'kysely';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope } from '../access/scope.js';

// literals, not parameters: PostgreSQL matches the GROUP BY expression to the selected one only
// when they are the same text, and two parameter lists ($1… vs $6…) are not
const bandCase = sql<string>`case ${sql.join(
  INCOME_BANDS.filter((b) => b.max !== null).map((b) => sql`when per_capita_income < ${sql.lit(b.max)} then ${sql.lit(b.key)}`),
  sql` `,
)} else ${sql.lit(INCOME_BANDS[INCOME_BANDS.length - 1].key)} end`;

const live = (db: Q, actor: Actor, statuses: readonly string[]) => db.selectFrom('households').where(householdScope(actor)).where('status', 'in', statuses);

/** Files per region and value of one column. */
export async function countByColumn(db: Q, actor: Actor, statuses: readonly string[], column: 'category' | 'work_status' | 'enterprise_status') {
  return live(db, actor, statuses).select(['region_code', `${column} as v`, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['region_code', column]).execute();
}

/** Files per region and cause (a file counts once under each of its causes). */
export async function countByCause(db: Q, actor: Actor, statuses: readonly string[]) {
  return db.selectFrom('household_causes').innerJoin('households', 'households.id', 'household_causes.household_id')
    .where(householdScope(actor)).where('households.status', 'in', statuses)
    .select(['households.region_code', 'household_causes.cause', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['households.region_code', 'household_causes.cause']).execute();
}

/** Files per region and per-capita income band. */
export async function countByIncomeBand(db: Q, actor: Actor, statuses: readonly string[]) {
  return live(db, actor, statuses).select(['region_code', bandCase.as('band'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['region_code', bandCase]).execute();
}
