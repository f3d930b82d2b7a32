// The campaign's progress read from the households: what the kept counts (facets) do not hold.
// Files entered since a day per unit, the oldest submission still under review and the returned
// drafts, per region or per unit of a region, for the campaign's fill year. Each reads a small
// index range: files under review (households_waiting), a region's recent files
// (households_region_created), the returned drafts (households_returned).
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';

const WAITING = sql<boolean>`status in ('submitted', 'unitApproved')`;

/** Files of a fill year entered on or after `since` in a region, per unit ('' for the county's own). */
export async function createdSinceByUnit(db: Q, regionCode: string, since: string, year: number) {
  const rows = await db.selectFrom('households').select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('region_code', '=', regionCode).where('created_at', '>=', since).where('fill_year', '=', year).groupBy('unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id ?? '', Number(r.n)]));
}

/**
 * The earliest submission time of the files under review: per unit of one region, or per region of
 * `regions` (one index seek each: the first entry of the region's and year's range of households_waiting).
 */
export async function oldestWaiting(db: Q, year: number, where: { regionCode: string } | { regions: string[] }) {
  if ('regionCode' in where) {
    const rows = await db.selectFrom('households').select(['unit_id', (eb) => eb.fn.min<string>('submitted_at').as('first')])
      .where('region_code', '=', where.regionCode).where('fill_year', '=', year).where(WAITING).groupBy('unit_id').execute();
    return new Map(rows.map((r) => [r.unit_id ?? '', r.first]));
  }
  const out = new Map<string, string>();
  for (const region of where.regions) {
    const row = await db.selectFrom('households').select((eb) => eb.fn.min<string>('submitted_at').as('first'))
      .where('region_code', '=', region).where('fill_year', '=', year).where(WAITING).executeTakeFirst();
    if (row?.first) out.set(region, row.first);
  }
  return out;
}

/**
 * For units named by code (the 大中型企事业单位 of the progress per region): files of the year entered
 * since `since`, the earliest submission of those under review, and the returned drafts, per unit.
 */
export async function unitExtras(db: Q, units: string[], year: number, since: string) {
  const base = () => db.selectFrom('households').where('unit_id', 'in', units).where('fill_year', '=', year);
  const [created, waiting, returned] = await Promise.all([
    base().select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')]).where('created_at', '>=', since).groupBy('unit_id').execute(),
    base().select(['unit_id', (eb) => eb.fn.min<string>('submitted_at').as('first')]).where(WAITING).groupBy('unit_id').execute(),
    base().select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'draft').where('return_reason', 'is not', null).groupBy('unit_id').execute(),
  ]);
  return {
    created: new Map(created.map((r) => [r.unit_id!, Number(r.n)])),
    waiting: new Map(waiting.map((r) => [r.unit_id!, r.first])),
    returned: new Map(returned.map((r) => [r.unit_id!, Number(r.n)])),
  };
}

/** Drafts a reviewer returned (not yet submitted again), per region, or per unit of one region. */
export async function returnedDrafts(db: Q, year: number, regionCode?: string) {
  const base = db.selectFrom('households').where('status', '=', 'draft').where('return_reason', 'is not', null).where('fill_year', '=', year);
  if (regionCode) {
    const rows = await base.select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')]).where('region_code', '=', regionCode).groupBy('unit_id').execute();
    return new Map(rows.map((r) => [r.unit_id ?? '', Number(r.n)]));
  }
  const rows = await base.select(['region_code', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('region_code').execute();
  return new Map(rows.map((r) => [r.region_code, Number(r.n)]));
}

/** Files in one status (a review queue), in a region, a unit with its sub-units, or everywhere: how many, and the earliest submitted. */
export async function reviewQueue(db: Q, status: 'submitted' | 'unitApproved', scope: { regionCode?: string; units?: string[] }) {
  const row = await db.selectFrom('households')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<string>('submitted_at').as('first')])
    .where('status', '=', status)
    .$if(!!scope.regionCode, (q) => q.where('region_code', '=', scope.regionCode!))
    // a unit with its sub-units by code: the unit index answers an IN list (a `like` would read every file)
    .$if(!!scope.units, (q) => q.where('unit_id', 'in', scope.units!))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first ?? null };
}

/**
 * My filed households not assisted since `cutoff`: those I am the responsible cadre of, those I lead
 * (and am not their cadre), and those linked to me (定点联系) that I am neither. Each part is read from
 * an index of its own (households_cadre_visits, households_leader_visits, household_links_user_kind), not
 * by joining every household of a cadre with thousands.
 */
export async function overdueOfUser(db: Q, userId: number, cutoff: string): Promise<number> {
  const overdue = (eb: ExpressionBuilder<Database, 'households'>) => eb.or([eb('households.last_assisted_on', 'is', null), eb('households.last_assisted_on', '<', cutoff)]);
  const count = async (q: SelectQueryBuilder<Database, any, object>) => Number((await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow() as { n: number }).n);
  const filed = db.selectFrom('households').where('households.status', '=', 'filed').where(overdue);
  const [asCadre, asLeader, linked] = await Promise.all([
    count(filed.where('households.cadre_user_id', '=', userId)),
    count(filed.where('households.leader_user_id', '=', userId).where((eb) => eb.or([eb('households.cadre_user_id', 'is', null), eb('households.cadre_user_id', '<>', userId)]))),
    // the links first (a user's few), then their households
    count(filed.where('households.id', 'in', (eb) => eb.selectFrom('household_links').select('household_links.household_id')
      .where('household_links.user_id', '=', userId).where('household_links.kind', '=', 'link'))
      .where((eb) => eb.and([
        eb.or([eb('households.cadre_user_id', 'is', null), eb('households.cadre_user_id', '<>', userId)]),
        eb.or([eb('households.leader_user_id', 'is', null), eb('households.leader_user_id', '<>', userId)]),
      ]))),
  ]);
  return asCadre + asLeader + linked;
}

/** Submissions waiting for the city's decision, per campaign. */
export async function undecidedSubmissions(db: Q) {
  const rows = await db.selectFrom('submissions').select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'submitted').groupBy('campaign_id').orderBy('campaign_id').execute();
  return rows.map((r) => ({ campaignId: Number(r.campaign_id), n: Number(r.n) }));
}
