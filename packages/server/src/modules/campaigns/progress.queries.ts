// The campaign's progress read from the households: what the kept counts (facets) do not hold.
// Files entered since a day per unit, the oldest submission still under review and the returned
// drafts, per region or per unit of a region, for the campaign's fill year. Each reads a small
// index range: files under review (households_waiting), a region's recent files
// (households_region_created), the returned drafts (households_returned).
import { sql } from 'kysely';
import type { Q } from '../../db/transaction.js';

const WAITING = sql<boolean>`status in ('submitted', 'unitApproved')`;

/** Files entered on or after `since` in a region, per unit ('' for the county's own). */
export async function createdSinceByUnit(db: Q, regionCode: string, since: string) {
  const rows = await db.selectFrom('households').select(['unit_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('region_code', '=', regionCode).where('created_at', '>=', since).groupBy('unit_id').execute();
  return new Map(rows.map((r) => [r.unit_id ?? '', Number(r.n)]));
}

/** The earliest submission time of the files under review, per region, or per unit of one region. */
export async function oldestWaiting(db: Q, year: number, regionCode?: string) {
  if (regionCode) {
    const rows = await db.selectFrom('households').select(['unit_id', (eb) => eb.fn.min<string>('submitted_at').as('first')])
      .where('region_code', '=', regionCode).where('fill_year', '=', year).where(WAITING).groupBy('unit_id').execute();
    return new Map(rows.map((r) => [r.unit_id ?? '', r.first]));
  }
  const rows = await db.selectFrom('households').select(['region_code', (eb) => eb.fn.min<string>('submitted_at').as('first')])
    .where('fill_year', '=', year).where(WAITING).groupBy('region_code').execute();
  return new Map(rows.map((r) => [r.region_code, r.first]));
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

/** Files in one status (a review queue), in a region or everywhere: how many, and the earliest submitted. */
export async function reviewQueue(db: Q, status: 'submitted' | 'unitApproved', scope: { regionCode?: string; unitCode?: string }) {
  const row = await db.selectFrom('households')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.min<string>('submitted_at').as('first')])
    .where('status', '=', status)
    .$if(!!scope.regionCode, (q) => q.where('region_code', '=', scope.regionCode!))
    .$if(!!scope.unitCode, (q) => q.where((eb) => eb.or([eb('unit_id', '=', scope.unitCode!), eb('unit_id', 'like', `${scope.unitCode}-%`)])))
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), first: row.first ?? null };
}

/** My households (linked to me, or mine as responsible) that are filed and not assisted since `cutoff`. */
export async function overdueOfUser(db: Q, userId: number, cutoff: string): Promise<number> {
  const row = await db.selectFrom('households')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('id', 'in', (eb) => eb.selectFrom('household_links').select('household_id').where('user_id', '=', userId))
    .where('status', '=', 'filed')
    .where((eb) => eb.or([eb('last_assisted_on', 'is', null), eb('last_assisted_on', '<', cutoff)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Submissions waiting for the city's decision, per campaign. */
export async function undecidedSubmissions(db: Q) {
  const rows = await db.selectFrom('submissions').select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'submitted').groupBy('campaign_id').orderBy('campaign_id').execute();
  return rows.map((r) => ({ campaignId: Number(r.campaign_id), n: Number(r.n) }));
}
