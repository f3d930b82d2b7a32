// The household list's filters and the reads that walk them: the list itself, the export and
// batch print. They span tables (the caller's scope reads household_links and working_groups),
// so they are a named read model rather than one table's repository.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addDays, chinaDayStartIso, daysBetween, LIVE_STATUSES, todayInChina, type HOUSEHOLD_SORT_COLUMNS, type HouseholdFilter } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope, scopeOf, seesFullIdentity } from '../access/scope.js';
import { isPostgres } from '../../db/dialect.js';
import { countFromFacet, countFromTally } from './tally.repository.js';
import { bandExpression } from './tally.sql.js';
import { asOfStatus, asOfTotal } from './as-of.queries.js';
import { groupMembers, rowToData } from './household.mapping.js';

export type { HouseholdFilter };

export const FLAG_COLUMNS = {
  categoryMismatch: 'id_flag_mismatch',
  dibaoNotReceived: 'id_flag_dibao_not_received',
  dibaoAboveLine: 'id_flag_dibao_above',
  noLine: 'id_flag_no_line',
} as const;
const CONDITION_COLUMNS = { C1: 'id_c1', C2: 'id_c2', C3: 'id_c3' } as const;

export interface ListFilter extends HouseholdFilter {
  page: number;
  pageSize: number;
  sort: { column: SortColumn; desc: boolean };
}

export type SortColumn = (typeof HOUSEHOLD_SORT_COLUMNS)[keyof typeof HOUSEHOLD_SORT_COLUMNS];

/**
 * A prefix of a column as a range its index answers. `like 'p%'` uses no index on either database
 * (case-insensitive on SQLite, collation-bound on PostgreSQL); a byte-order range does: on
 * PostgreSQL over the column `collate "C"`, which has its own index (migration 008).
 */
function startsWith(db: Q, column: 'name' | 'worker_no' | 'id_number', prefix: string) {
  const ref = isPostgres(db) ? sql`${sql.ref(column)} collate "C"` : sql.ref(column);
  return sql<boolean>`(${ref} >= ${prefix} and ${ref} < ${`${prefix}\u{10FFFF}`})`;
}

/**
 * A filter column as the list compares it. While searching, as an expression no index answers
 * (`|| ''` for text, `+ 0` for numbers, the same on both databases): the search's indexes on name,
 * worker number and identity number then lead, instead of a filter's index walked in list order.
 */
function column(name: string, searching: boolean, numeric = false) {
  if (!searching) return sql.ref(name);
  return numeric ? sql`(${sql.ref(name)} + 0)` : sql`(${sql.ref(name)} || '')`;
}

/** The list's filters with, for a search, the files that once had a matching worker number (transferred from another region). */
type SearchFilter = HouseholdFilter & { formerIds?: number[] };

const FORMER_LIMIT = 200;

/**
 * A search that may be (a prefix of) a worker number also finds the files that had it before a
 * transfer. Looked up first and given to the search as literal ids: an `id in (subquery)` arm of
 * the search's OR would stop PostgreSQL from combining the indexes of the other arms.
 */
async function withFormerNumbers<F extends HouseholdFilter>(db: Q, f: F): Promise<F & { formerIds?: number[] }> {
  const q = f.q?.toUpperCase();
  // already looked up (the list's total counts with the filter its page was given)
  if ('formerIds' in f || !q || !/^[A-Z]\d{0,7}$/.test(q)) return f;
  const rows = await db.selectFrom('household_former_numbers').select('household_id')
    .where('worker_no', '>=', q).where('worker_no', '<', `${q}\u{10FFFF}`).limit(FORMER_LIMIT).execute();
  return { ...f, formerIds: rows.map((r) => Number(r.household_id)) };
}

/** The households of the caller's scope that pass the list filters: shared by the list, the export and batch print. */
export function filteredHouseholds(db: Q, actor: Actor, f: SearchFilter) {
  const s = !!f.q;
  let base = db.selectFrom('households').where(householdScope(actor, { searching: s }));
  const eq = (name: string, v: string | number, numeric = false) => sql<boolean>`${column(name, s, numeric)} = ${v}`;
  if (f.regionCode) base = base.where(eq('region_code', f.regionCode));
  if (f.category) base = base.where(eq('category', f.category));
  if (f.asOf) base = base.where('created_on', '<=', f.asOf);
  if (f.status) base = base.where(f.asOf ? sql<boolean>`${asOfStatus(f.asOf)} = ${f.status}` : eq('status', f.status));
  if (f.eligible === 'unknown') base = base.where('id_eligible', 'is', null);
  else if (f.eligible) base = base.where(eq('id_eligible', f.eligible === 'true' ? 1 : 0, true));
  if (f.condition) base = base.where(eq(CONDITION_COLUMNS[f.condition], 1, true));
  if (f.suggestedCategory === 'none') base = base.where('id_category', 'is', null);
  else if (f.suggestedCategory) base = base.where(eq('id_category', f.suggestedCategory));
  if (f.flag) base = base.where(eq(FLAG_COLUMNS[f.flag], 1, true));
  if (f.returned) base = base.where(eq('status', 'draft')).where('return_reason', 'is not', null);
  // the county's own files are most of a region's: an expression no index answers, so that the page
  // walks the sort's index (the unit index would gather every such file and sort them: 0.5 s at a million)
  if (f.unitId === 'none') base = base.where(sql<boolean>`coalesce(unit_id, '') = ''`);
  else if (f.unitId) base = base.where(eq('unit_id', f.unitId));
  if (f.fillYear) base = base.where(eq('fill_year', f.fillYear, true));
  // as of a day, entered since a day by the China day entered (the as-of facets' day); otherwise by the
  // UTC day of the creation time, as the facet of the days entered and the per-unit count read it
  if (f.createdSince) base = f.asOf ? base.where('created_on', '>=', f.createdSince) : base.where('created_at', '>=', f.createdSince);
  // the literal list of statuses is what the partial index households_waiting (migration 017) is made for
  if (f.waitingDays !== undefined && f.asOf)
    base = base.where(sql<boolean>`${asOfStatus(f.asOf)} in ('submitted', 'unitApproved')`).where('submitted_on', '<=', addDays(f.asOf, -f.waitingDays));
  else if (f.waitingDays !== undefined) base = base.where(sql<boolean>`status in ('submitted', 'unitApproved')`).where('submitted_at', '<', waitingCutoff(f.waitingDays));
  if (f.q) {
    const q = f.q;
    // A prefix of identity numbers only for the roles that see them in full: for a masked role a
    // prefix match would rebuild a number digit by digit, so only the whole number matches.
    const idMatch = seesFullIdentity(actor)
      ? () => startsWith(db, 'id_number', q.toUpperCase())
      : (eb: ExpressionBuilder<Database, 'households'>) => eb('id_number', '=', q.toUpperCase());
    const former = f.formerIds;
    base = base.where((eb) => eb.or([
      startsWith(db, 'name', q), startsWith(db, 'worker_no', q.toUpperCase()), idMatch(eb),
      ...(former?.length ? [eb('households.id', 'in', former)] : []),
    ]));
  }
  return base;
}

/**
 * The moment before which a file submitted has waited at least `days` days: days are counted on
 * China's calendar (a file submitted yesterday at any hour has waited 1 day), as waitingDaysOf does.
 */
export function waitingCutoff(days: number, today = todayInChina()): string {
  // the start of (today − days + 1) in China, UTC+8
  return chinaDayStartIso(addDays(today, 1 - days));
}

/** The days a file submitted at this moment has waited by today (China's calendar). */
export function waitingDaysOf(submittedAtIso: string, today = todayInChina()): number {
  return daysBetween(todayInChina(new Date(submittedAtIso)), today);
}

/**
 * A small scope the 工作台 counts by GROUP BY: a unit with its sub-units (by code: an IN list the unit
 * index answers; the scope's `like` would read every file), or the households linked to a person.
 */
export type SmallScope = { units: string[] } | { linkedTo: number };
const inSmallScope = (s: SmallScope) => (eb: ExpressionBuilder<Database, 'households'>) =>
  'units' in s ? eb('households.unit_id', 'in', s.units)
    : eb('households.id', 'in', eb.selectFrom('household_links').select('household_links.household_id').where('household_links.user_id', '=', s.linkedTo));

/** A small scope's files of a fill year by status. */
export async function countStatusesInScope(db: Q, scope: SmallScope, year: number): Promise<Record<string, number>> {
  const rows = await db.selectFrom('households').select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .where(inSmallScope(scope)).where('fill_year', '=', year).groupBy('status').execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A small scope's files of a fill year by category or income band. */
export async function countInScope(db: Q, scope: SmallScope, year: number, by: 'category' | 'band'): Promise<{ v: string; n: number }[]> {
  const key = by === 'category' ? sql<string>`category` : sql<string>`${sql.raw(bandExpression('per_capita_income'))}`;
  const rows = await db.selectFrom('households').select([key.as('v'), (eb) => eb.fn.countAll<number>().as('n')])
    .where(inSmallScope(scope)).where('fill_year', '=', year).groupBy(key).execute();
  return rows.map((r) => ({ v: String(r.v), n: Number(r.n) }));
}

export async function countHouseholds(db: Q, actor: Actor, filter: HouseholdFilter): Promise<number> {
  const f = await withFormerNumbers(db, filter);
  const [{ total }] = await filteredHouseholds(db, actor, f).select((eb) => eb.fn.countAll<number>().as('total')).execute();
  return Number(total);
}

/**
 * The list's exact total. Without a search, for the city's and a county's scope, from the kept
 * counts (a sum over a few thousand rows); a search, a unit's or a linked user's list is small
 * enough to count.
 */
async function listTotal(db: Q, actor: Actor, f: HouseholdFilter): Promise<number> {
  const scope = scopeOf(actor);
  if (f.asOf) {
    // as of a day: a progress number's filters are summed from the facets of the steps' days
    if (scope.kind === 'region' && f.regionCode && f.regionCode !== scope.regionCode) return 0;
    const fromFacets = scope.kind === 'all' || scope.kind === 'region'
      ? await asOfTotal(db, f, scope.kind === 'region' ? scope.regionCode : f.regionCode) : null;
    return fromFacets ?? countHouseholds(db, actor, f);
  }
  // 已退回 is not a kept dimension; returned drafts are few, and their partial index (migration 015) finds them
  if (f.q || f.returned || f.createdSince || f.waitingDays !== undefined || (scope.kind !== 'all' && scope.kind !== 'region')) return countHouseholds(db, actor, f);
  if (scope.kind === 'region' && f.regionCode && f.regionCode !== scope.regionCode) return 0;
  if (f.fillYear || f.unitId) {
    // a campaign's year (and unit), with at most a region and a status: the facets keep that count
    const other = f.category || f.eligible || f.condition || f.suggestedCategory || f.flag;
    const region = scope.kind === 'region' ? scope.regionCode : f.regionCode;
    if (other || !f.fillYear || (f.unitId && f.unitId !== 'none' && region && f.unitId.slice(0, 3) !== region)) return countHouseholds(db, actor, f);
    if (!f.unitId) return countFromFacet(db, 'year', String(f.fillYear), { regionCode: region, status: f.status });
    // the county's own files ('none') are counted by region: without one, over all regions
    return countFromFacet(db, 'unit_year', `${f.unitId === 'none' ? '' : f.unitId}|${f.fillYear}`, { regionCode: region, status: f.status });
  }
  if (scope.kind === 'region') {
    if (f.regionCode && f.regionCode !== scope.regionCode) return 0;
    return countFromTally(db, { ...f, regionCode: scope.regionCode });
  }
  return countFromTally(db, f);
}

/** One keyset page of matching ids after `afterId`, in id order (a batch walks the whole set this way). */
export async function householdIdsAfter(db: Q, actor: Actor, filter: HouseholdFilter, afterId: number, limit: number): Promise<number[]> {
  const f = await withFormerNumbers(db, filter);
  const rows = await filteredHouseholds(db, actor, f).select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => Number(r.id));
}

export async function listHouseholdRows(db: Q, actor: Actor, filter: ListFilter) {
  const f = await withFormerNumbers(db, filter);
  const total = await listTotal(db, actor, f);
  // nothing to page through (the total is exact): a filter no index answers would read every file to find no row
  if (total === 0) return { rows: [], total };
  // Each sort key has an index on (key, id) and (region, key, id): the page's ids are read in order
  // from the index alone, stepping over the rows before the page without reading them (a deep page
  // read whole rows would fetch every skipped one); then only the page's rows are read.
  const pageIds = filteredHouseholds(db, actor, f).select('id')
    .orderBy(f.sort.column, f.sort.desc ? 'desc' : 'asc')
    .orderBy('id', f.sort.desc ? 'desc' : 'asc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize);
  const rows = await db.selectFrom('households').where('id', 'in', pageIds)
    .select(['id', 'worker_no', 'region_code', 'name', 'gender', 'id_number', 'category', 'fill_date', 'household_size',
      'household_annual_income', 'per_capita_income', 'causes', 'status', 'warning_count', 'updated_at', 'return_reason',
      'id_eligible', 'id_category', 'id_flag_mismatch', 'id_flag_dibao_not_received', 'id_flag_dibao_above', 'id_flag_no_line'])
    .orderBy(f.sort.column, f.sort.desc ? 'desc' : 'asc')
    .orderBy('id', f.sort.desc ? 'desc' : 'asc')
    .execute();
  return { rows, total };
}


/**
 * The export's pages of files (with members) in worker-number order, under the caller's scope and
 * filters. Two steps per page: the next worker numbers from the unique index alone (a plain range
 * scan, whatever the filters), then those files that pass the filters. With the filters in the
 * first step the planners pick a filter's index and sort every matching file for every page,
 * which made a million-file export quadratic.
 */
export async function* exportPages(db: Q, actor: Actor, filter: HouseholdFilter, pageSize: number) {
  let last = '';
  for (;;) {
    const keys = await db.selectFrom('households').select(['id', 'worker_no']).where('worker_no', '>', last).orderBy('worker_no').limit(pageSize).execute();
    if (keys.length === 0) return;
    last = keys[keys.length - 1].worker_no;
    // without a status filter: the files in the register (剔除 and 脱困 files only when asked for by
    // status), so that an export re-imports cleanly — a closed file's row would clash with its number
    const rows = await filteredHouseholds(db, actor, filter).selectAll().$if(!filter.status, (q) => q.where('status', 'in', [...LIVE_STATUSES]))
      .where('id', 'in', keys.map((k) => Number(k.id))).execute();
    if (rows.length) {
      rows.sort((a, b) => (a.worker_no < b.worker_no ? -1 : 1));
      const members = await db.selectFrom('household_members').selectAll().where('household_id', 'in', rows.map((r) => Number(r.id))).orderBy('household_id').orderBy('seq').execute();
      const byHousehold = groupMembers(members);
      yield rows.map((r) => rowToData(r, byHousehold.get(Number(r.id)) ?? []));
    }
  }
}

/** The files whose eligibility or category a re-evaluation job changed, within the caller's scope. */
export async function changesOfJob(db: Q, actor: Actor, jobId: number, limit: number) {
  return db
    .selectFrom('identification_changes')
    .innerJoin('households', 'households.id', 'identification_changes.household_id')
    .select(['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'identification_changes.old_eligible',
      'identification_changes.new_eligible', 'identification_changes.old_category', 'identification_changes.new_category'])
    .where('identification_changes.job_id', '=', jobId)
    .where(householdScope(actor))
    .orderBy('identification_changes.id')
    .limit(limit)
    .execute();
}

/** Removal proposals of a status within the caller's scope, one page, with their files' names. */
export async function listProposalRows(db: Q, actor: Actor, f: { status: string; regionCode?: string; page: number; pageSize: number }) {
  const base = db
    .selectFrom('removal_proposals')
    .innerJoin('households', 'households.id', 'removal_proposals.household_id')
    .where(householdScope(actor))
    .where('removal_proposals.status', '=', f.status)
    .$if(!!f.regionCode, (q) => q.where('removal_proposals.region_code', '=', f.regionCode!));
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select(['removal_proposals.id', 'removal_proposals.household_id', 'removal_proposals.reason', 'removal_proposals.result', 'removal_proposals.status',
      'removal_proposals.created_at', 'removal_proposals.decided_at', 'removal_proposals.note', 'removal_proposals.policy_version',
      'households.worker_no', 'households.name', 'households.id_number', 'households.region_code', 'households.category'])
    .orderBy('removal_proposals.id')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

/** One proposal, if its file is within the caller's scope. */
export async function findProposalInScope(db: Q, actor: Actor, id: number) {
  return db
    .selectFrom('removal_proposals')
    .innerJoin('households', 'households.id', 'removal_proposals.household_id')
    .select(['removal_proposals.id', 'removal_proposals.household_id', 'removal_proposals.status', 'removal_proposals.reason', 'removal_proposals.result', 'households.region_code'])
    .where('removal_proposals.id', '=', id)
    .where(householdScope(actor))
    .executeTakeFirst();
}
