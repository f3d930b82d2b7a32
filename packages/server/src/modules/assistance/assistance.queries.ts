// Read models of regular assistance that span households, records, links and users: the yearly
// summary (per household, per cadre), 我的帮扶对象, the link quota, the groups' progress and the
// batches. Counted in SQL under the caller's scope.
import { sql } from 'kysely';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope, scopeOf } from '../access/scope.js';
import { facetByRegion } from '../households/tally.repository.js';

const visits = sql<number>`case when assistance_records.type = '走访' then 1 else 0 end`;
const zero = sql<number>`0`;

/** Filed households of the scope (and region) with their records of the year, counted. */
export async function householdsWithRecords(db: Q, actor: Actor, year: number, regionCode?: string) {
  return db.selectFrom('households').where('households.status', '=', 'filed').where(householdScope(actor))
    .$if(!!regionCode, (x) => x.where('households.region_code', '=', regionCode!))
    .leftJoin('assistance_records', (j) => j.onRef('assistance_records.household_id', '=', 'households.id').on('assistance_records.year', '=', year))
    .leftJoin('users as cadre', 'cadre.id', 'households.cadre_user_id')
    .select((eb) => [
      'households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on', 'cadre.display_name as cadre_name',
      eb.fn.count<number>('assistance_records.id').as('records'),
      eb.fn.coalesce(eb.fn.sum<number>(visits), zero).as('visits'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.amount_fen'), zero).as('money'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.solved_problem'), zero).as('solved'),
    ])
    .groupBy(['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on', 'cadre.display_name'])
    .execute();
}

/** A household with its counts of the year: a row of 帮扶统计's lists. */
export interface HouseholdYear {
  id: number;
  worker_no: string;
  name: string;
  region_code: string;
  last_assisted_on: string | null;
  cadre_name: string | null;
  records: number;
  visits: number;
  money: number;
  solved: number;
}

/** Filed households (of a region) with their year's kept counts and cadre: the columns of the two lists. */
function filedWithYear(db: Q, year: number, region: string | undefined) {
  return db.selectFrom('households')
    .leftJoin('assistance_household_year as y', (j) => j.onRef('y.household_id', '=', 'households.id').on('y.year', '=', year))
    .leftJoin('users as cadre', 'cadre.id', 'households.cadre_user_id')
    .select((eb) => ['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on', 'cadre.display_name as cadre_name',
      eb.fn.coalesce('y.records', zero).as('records'), eb.fn.coalesce('y.visits', zero).as('visits'), eb.fn.coalesce('y.money', zero).as('money'), eb.fn.coalesce('y.solved', zero).as('solved')])
    .where('households.status', '=', 'filed')
    .$if(!!region, (x) => x.where('households.region_code', '=', region!));
}

/**
 * The least-helped filed households, `limit` of them, in the order (solved, records, id): first
 * those with no record this year by id (an index walk that skips the assisted), then the assisted
 * from the kept per-household counts' index (year, solved, records, id).
 */
export async function leastAssisted(db: Q, year: number, region: string | undefined, limit: number): Promise<HouseholdYear[]> {
  const never = await filedWithYear(db, year, region).where('y.household_id', 'is', null).orderBy('households.id').limit(limit).execute();
  if (never.length >= limit) return never as HouseholdYear[];
  // driven from the kept counts' index, in its order: a join from the households would sort them all
  const some = await db.selectFrom('assistance_household_year as y')
    .innerJoin('households', 'households.id', 'y.household_id')
    .leftJoin('users as cadre', 'cadre.id', 'households.cadre_user_id')
    .select(['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on', 'cadre.display_name as cadre_name',
      'y.records', 'y.visits', 'y.money', 'y.solved'])
    .where('y.year', '=', year).where('households.status', '=', 'filed')
    .$if(!!region, (x) => x.where('households.region_code', '=', region!))
    .orderBy('y.year').orderBy('y.solved').orderBy('y.records').orderBy('y.household_id').limit(limit - never.length).execute();
  return [...never, ...some] as HouseholdYear[];
}

/** The overdue filed households, `limit` of them: never assisted first (by id), then by the day of the last assistance before `cutoff`, then id. */
export async function overdueHouseholds(db: Q, year: number, region: string | undefined, cutoff: string, limit: number): Promise<HouseholdYear[]> {
  const never = await filedWithYear(db, year, region).where('households.last_assisted_on', 'is', null).orderBy('households.id').limit(limit).execute();
  if (never.length >= limit) return never as HouseholdYear[];
  const late = await filedWithYear(db, year, region).where('households.last_assisted_on', '<', cutoff)
    .orderBy('households.last_assisted_on').orderBy('households.id').limit(limit - never.length).execute();
  return [...never, ...late] as HouseholdYear[];
}

/** Records of the year per recording user, within the scope (and region). */
export async function recordsPerCadre(db: Q, actor: Actor, year: number, regionCode?: string) {
  return db
    .selectFrom('assistance_records')
    .innerJoin('households', 'households.id', 'assistance_records.household_id')
    .innerJoin('users', 'users.id', 'assistance_records.recorded_by')
    .select((eb) => ['users.username', 'users.display_name', eb.fn.count<number>('assistance_records.id').as('records'),
      eb.fn.coalesce(eb.fn.sum<number>(visits), zero).as('visits'),
      eb.fn.count<number>('assistance_records.household_id').distinct().as('households'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.amount_fen'), zero).as('money'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.solved_problem'), zero).as('solved')])
    .where('assistance_records.year', '=', year)
    .where(householdScope(actor))
    .$if(!!regionCode, (x) => x.where('households.region_code', '=', regionCode!))
    .groupBy(['users.username', 'users.display_name'])
    .orderBy('records', 'desc')
    .orderBy('users.username')
    .execute();
}

/** The filed or exited households linked to a user (responsible or 定点联系), with the year's counts. */
export async function linkedHouseholds(db: Q, userId: number, year: number) {
  return db
    .selectFrom('household_links')
    .innerJoin('households', 'households.id', 'household_links.household_id')
    .leftJoin('assistance_records', (j) => j.onRef('assistance_records.household_id', '=', 'households.id').on('assistance_records.year', '=', year))
    .select((eb) => [
      'households.id', 'households.worker_no', 'households.name', 'households.id_number', 'households.region_code', 'households.address', 'households.phone',
      'households.status', 'households.last_assisted_on', 'households.urgency_batch', 'households.exit_date',
      eb.fn.count<number>('assistance_records.id').as('records'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.solved_problem'), zero).as('solved'),
      sql<string>`min(household_links.kind)`.as('kind'),
    ])
    .where('household_links.user_id', '=', userId)
    .where('households.status', 'in', ['filed', 'exited'])
    .groupBy(['households.id', 'households.worker_no', 'households.name', 'households.id_number', 'households.region_code', 'households.address', 'households.phone',
      'households.status', 'households.last_assisted_on', 'households.urgency_batch', 'households.exit_date'])
    .execute();
}

/** Every 定点联系 link with its household. */
export async function cityLinks(db: Q) {
  return db
    .selectFrom('household_links')
    .innerJoin('households', 'households.id', 'household_links.household_id')
    .select(['household_links.user_id', 'households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on'])
    .where('household_links.kind', '=', 'link')
    .execute();
}

/** The households linked to these users (定点联系, or named responsible), each once per user it is linked to. */
export async function householdsLinkedTo(db: Q, userIds: number[]) {
  if (userIds.length === 0) return [];
  // a user may be linked to a household more than once (定点联系 and 具体责任人)
  return db.selectFrom('household_links').innerJoin('households', 'households.id', 'household_links.household_id').distinct()
    .select(['household_links.user_id', 'households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.status', 'households.last_assisted_on'])
    .where('household_links.user_id', 'in', userIds).orderBy('household_links.user_id').orderBy('households.worker_no').execute();
}

/** Filed households per region and urgency batch, within the scope (the city's and a county's from the kept counts). */
export async function filedPerBatch(db: Q, actor: Actor) {
  const scope = scopeOf(actor);
  if (scope.kind === 'all' || scope.kind === 'region')
    return (await facetByRegion(db, 'batch', ['filed'], scope.kind === 'region' ? scope.regionCode : undefined))
      .map((r) => ({ region_code: r.region_code, urgency_batch: r.v === '' ? null : Number(r.v), n: r.n }));
  return db
    .selectFrom('households')
    .select(['region_code', 'urgency_batch', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'filed')
    .where(householdScope(actor))
    .groupBy(['region_code', 'urgency_batch'])
    .execute();
}

/**
 * 我写的帮扶记录: the records a user wrote, newest first, with their household's number and name
 * now and whether the user still sees that household (not after it was transferred out of reach).
 */
export async function recordsWrittenBy(db: Q, actor: Actor, page: number, pageSize: number) {
  const mine = db.selectFrom('assistance_records').where('assistance_records.recorded_by', '=', actor.id);
  const [{ n }] = await mine.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const rows = await mine.innerJoin('households', 'households.id', 'assistance_records.household_id')
    .innerJoin('users', 'users.id', 'assistance_records.recorded_by')
    .select(['assistance_records.id', 'assistance_records.household_id', 'assistance_records.region_code', 'assistance_records.date', 'assistance_records.type',
      'assistance_records.amount_fen', 'assistance_records.description', 'assistance_records.solved_problem', 'assistance_records.recorded_at',
      'users.display_name', 'households.worker_no', 'households.name'])
    // the caller's scope over the joined household: 1 while they may still open it
    .select((eb) => eb.case().when(householdScope(actor)(eb as never)).then(1).else(0).end().as('in_scope'))
    .orderBy('assistance_records.year', 'desc').orderBy('assistance_records.date', 'desc').orderBy('assistance_records.id', 'desc')
    .limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total: Number(n), rows };
}
