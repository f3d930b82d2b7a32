// The region summary's counts, of every year or of one fill year. For the city's and a county's scope they come from the kept counts
// (household_tally, household_facets: a few thousand rows whatever the number of files); a unit's
// or a linked user's scope is small and is counted with GROUP BY queries on indexed columns.
import { INCOME_BANDS } from '@bangfu/core';
import { sql } from 'kysely';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope, scopeOf } from '../access/scope.js';
import { facetByRegion, facetOfYear, tallyByRegion } from '../households/tally.repository.js';

// literals, not parameters: PostgreSQL matches the GROUP BY expression to the selected one only
// when they are the same text, and two parameter lists ($1… vs $6…) are not
const bandCase = sql<string>`case ${sql.join(
  INCOME_BANDS.filter((b) => b.max !== null).map((b) => sql`when per_capita_income < ${sql.lit(b.max)} then ${sql.lit(b.key)}`),
  sql` `,
)} else ${sql.lit(INCOME_BANDS[INCOME_BANDS.length - 1].key)} end`;

const live = (db: Q, actor: Actor, statuses: readonly string[], year?: number) =>
  db.selectFrom('households').where(householdScope(actor)).where('status', 'in', statuses).$if(year !== undefined, (q) => q.where('fill_year', '=', year!));

/** A facet's counts of one fill year (its year facet, migrations 020 and 024), or of every year. */
const facetOf = (db: Q, facet: string, statuses: readonly string[], regionCode: string | undefined, year: number | undefined) =>
  year === undefined ? facetByRegion(db, facet, statuses, regionCode) : facetOfYear(db, facet, statuses, regionCode, year);

/** The kept counts answer for the whole city or one region; null for the other scopes. */
function talliedScope(actor: Actor): { regionCode?: string } | null {
  const s = scopeOf(actor);
  return s.kind === 'all' ? {} : s.kind === 'region' ? { regionCode: s.regionCode } : null;
}

/** Files per region and value of one column. */
export async function countByColumn(db: Q, actor: Actor, statuses: readonly string[], column: 'category' | 'work_status' | 'enterprise_status', year?: number) {
  const t = talliedScope(actor);
  if (t) return column === 'category' && year === undefined ? tallyByRegion(db, 'category', statuses, t.regionCode) : facetOf(db, column, statuses, t.regionCode, year);
  return live(db, actor, statuses, year).select(['region_code', `${column} as v`, (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['region_code', column]).execute();
}

/** Files per region and cause (a file counts once under each of its causes). */
export async function countByCause(db: Q, actor: Actor, statuses: readonly string[], year?: number) {
  const t = talliedScope(actor);
  if (t) return (await facetOf(db, 'cause', statuses, t.regionCode, year)).map((r) => ({ region_code: r.region_code, cause: r.v, n: r.n }));
  return db.selectFrom('household_causes').innerJoin('households', 'households.id', 'household_causes.household_id')
    .where(householdScope(actor)).where('households.status', 'in', statuses)
    .$if(year !== undefined, (q) => q.where('households.fill_year', '=', year!))
    .select(['households.region_code', 'household_causes.cause', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['households.region_code', 'household_causes.cause']).execute();
}

/** Files per region and per-capita income band. */
export async function countByIncomeBand(db: Q, actor: Actor, statuses: readonly string[], year?: number) {
  const t = talliedScope(actor);
  if (t) return (await facetOf(db, 'band', statuses, t.regionCode, year)).map((r) => ({ region_code: r.region_code, band: r.v, n: r.n }));
  return live(db, actor, statuses, year).select(['region_code', bandCase.as('band'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['region_code', bandCase]).execute();
}
