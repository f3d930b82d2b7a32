// Named read models of 民政低保名单核对: which live files a list's identity numbers belong to
// (workers and members), the findings queue with its files, and one file's check. They read the
// households module's tables and the dibao tables.
import { sql, type ExpressionBuilder } from 'kysely';
import { LIVE_STATUSES, type DibaoFindingKind, type DibaoFindingStatus } from '@bangfu/core';
import type { Database } from '../../db/schema.js';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { householdScope, inUnitSubtree, scopeOf } from '../access/scope.js';

/** A county code (H01), or null for the city's list (every file). */
export const countyOf = (regionCode: string): string | null => (regionCode.length > 1 ? regionCode : null);

const FILE_COLUMNS = ['h.id', 'h.worker_no', 'h.region_code', 'h.receives_dibao', 'h.id_c1', 'h.id_flag_no_line', 'h.id_eligible', 'h.per_capita_income', 'h.fill_year'] as const;
export interface MatchedFile {
  id: number;
  worker_no: string;
  region_code: string;
  receives_dibao: number;
  id_c1: number;
  id_flag_no_line: number;
  id_eligible: number | null;
  per_capita_income: number;
  fill_year: number;
}
export interface MatchedPerson {
  householdId: number;
  idNumber: string;
  relation: string;
}

/**
 * The live files of the list's region whose worker or member has one of these identity numbers:
 * an index lookup per number (households' and members' identity-number indexes). Status and region
 * are checked here, not in SQL: given `status in (…)`, SQLite walked a status index instead (3 s a
 * batch at a million files).
 */
export async function matchIdNumbers(db: Q, ids: readonly string[], regionCode: string): Promise<{ persons: MatchedPerson[]; files: MatchedFile[] }> {
  if (!ids.length) return { persons: [], files: [] };
  const county = countyOf(regionCode);
  const live = new Set<string>(LIVE_STATUSES);
  const wanted = (r: { status: string; region_code: string }) => live.has(r.status) && (!county || r.region_code === county);
  const workers = (await db.selectFrom('households as h').select([...FILE_COLUMNS, 'h.status', 'h.id_number']).where('h.id_number', 'in', ids).execute()).filter(wanted);
  const members = (await db.selectFrom('household_members as m').innerJoin('households as h', 'h.id', 'm.household_id')
    .select([...FILE_COLUMNS, 'h.status', 'm.id_number as member_id_number', 'm.relation'])
    .where('m.id_number', 'in', ids).execute()).filter(wanted);
  const files = new Map<number, MatchedFile>();
  const file = (r: (typeof workers)[number] | (typeof members)[number]): MatchedFile => ({
    id: Number(r.id), worker_no: r.worker_no, region_code: r.region_code, receives_dibao: Number(r.receives_dibao),
    id_c1: Number(r.id_c1), id_flag_no_line: Number(r.id_flag_no_line), id_eligible: r.id_eligible === null ? null : Number(r.id_eligible),
    per_capita_income: Number(r.per_capita_income), fill_year: Number(r.fill_year),
  });
  const persons: MatchedPerson[] = [];
  for (const r of workers) {
    files.set(Number(r.id), file(r));
    persons.push({ householdId: Number(r.id), idNumber: r.id_number, relation: '本人' });
  }
  for (const r of members) {
    files.set(Number(r.id), file(r));
    persons.push({ householdId: Number(r.id), idNumber: r.member_id_number!, relation: r.relation });
  }
  return { persons, files: [...files.values()] };
}

/** The monthly lines (fen) of these (region, year) pairs: the detail of an income finding. */
export async function monthlyLines(db: Q, pairs: readonly { region: string; year: number }[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const regions = [...new Set(pairs.map((p) => p.region))];
  if (!regions.length) return out;
  const rows = await db.selectFrom('policy_lines').select(['region_code', 'year', 'monthly_line_fen']).where('region_code', 'in', regions).execute();
  for (const r of rows) out.set(`${r.region_code}|${r.year}`, Number(r.monthly_line_fen));
  return out;
}

/**
 * The latest list that covers what a new list of this region would: for a county its own and the
 * city's, for the city every list (a list may not be older than one it would replace, nor than one
 * that would stand over it).
 */
export async function latestListCovering(db: Q, regionCode: string) {
  const county = countyOf(regionCode);
  return db.selectFrom('dibao_lists').selectAll().$if(!!county, (q) => q.where('region_code', 'in', [county!, county!.slice(0, 1)]))
    .orderBy('month', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The list a file is checked against: the latest of its county's and the city's. */
export async function currentListFor(db: Q, regionCode: string) {
  return db.selectFrom('dibao_lists').selectAll().where('region_code', 'in', [regionCode, regionCode.slice(0, 1)])
    .orderBy('month', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst();
}

/** The lists the actor may see (a county's and the city's for a county or unit user), newest first. */
export async function listRows(db: Q, actor: Actor, opts: { id?: number; limit?: number } = {}) {
  const s = scopeOf(actor);
  const county = s.kind === 'region' ? s.regionCode : s.kind === 'unit' ? s.unitCode.slice(0, 3) : null;
  return db.selectFrom('dibao_lists').leftJoin('users', 'users.id', 'dibao_lists.imported_by').selectAll('dibao_lists').select('users.display_name as imported_by_name')
    .$if(!!county, (q) => q.where('dibao_lists.region_code', 'in', [county!, county!.slice(0, 1)]))
    .$if(opts.id !== undefined, (q) => q.where('dibao_lists.id', '=', opts.id!))
    .orderBy('dibao_lists.month', 'desc').orderBy('dibao_lists.id', 'desc').limit(opts.limit ?? 200).execute();
}

export async function listErrorRows(db: Q, listId: number, page: number, pageSize: number) {
  const [{ n }] = await db.selectFrom('dibao_list_errors').select((eb) => eb.fn.countAll<number>().as('n')).where('list_id', '=', listId).execute();
  const items = await db.selectFrom('dibao_list_errors').select(['row_no', 'col', 'value', 'message']).where('list_id', '=', listId)
    .orderBy('row_no').orderBy('col').limit(pageSize).offset((page - 1) * pageSize).execute();
  return { total: Number(n), items };
}

/** A finding's region as the queue filters it: a county user's own; a unit user's files by unit. */
function findingScope(actor: Actor, regionCode?: string) {
  const s = scopeOf(actor);
  return (eb: ExpressionBuilder<Database, 'dibao_findings' | 'households'>) => {
    if (s.kind === 'region') return eb('dibao_findings.region_code', '=', s.regionCode);
    if (s.kind === 'unit') return eb.and([eb('dibao_findings.region_code', '=', s.unitCode.slice(0, 3)), inUnitSubtree(eb, eb.ref('households.unit_id'), s.unitCode)]);
    if (s.kind === 'linked') return eb.lit(false);
    return regionCode ? eb('dibao_findings.region_code', '=', regionCode) : eb.lit(true);
  };
}

function findingBase(db: Q) {
  return db.selectFrom('dibao_findings')
    .innerJoin('households', 'households.id', 'dibao_findings.household_id')
    .innerJoin('dibao_lists', 'dibao_lists.id', 'dibao_findings.list_id')
    .leftJoin('users', 'users.id', 'dibao_findings.resolved_by')
    .select(['dibao_findings.id', 'dibao_findings.list_id', 'dibao_findings.household_id', 'dibao_findings.kind', 'dibao_findings.status', 'dibao_findings.detail',
      'dibao_findings.resolved_at', 'dibao_findings.reason', 'users.display_name as resolved_by_name',
      'households.worker_no', 'households.name', 'households.region_code', 'households.unit_id', 'households.status as household_status',
      'households.receives_dibao', 'households.version', 'households.id_c1', 'households.id_eligible', 'households.id_flag_no_line',
      'dibao_findings.region_code as finding_region_code', 'dibao_lists.month', 'dibao_lists.region_code as list_region_code']);
}
export type FindingRow = Awaited<ReturnType<ReturnType<typeof findingBase>['execute']>>[number];

export async function findingRows(db: Q, actor: Actor, f: { status: DibaoFindingStatus; kind?: DibaoFindingKind; regionCode?: string; listId?: number; page: number; pageSize: number }) {
  const unit = scopeOf(actor).kind === 'unit';
  // the city's and a county's queue is read from the findings alone (their region is on the row,
  // index dibao_findings_region); a unit's needs its files' units
  // the status as a literal: SQLite uses a partial index (where status = 'open') only for a literal
  const q = db.selectFrom('dibao_findings').$if(unit, (x) => x.innerJoin('households', 'households.id', 'dibao_findings.household_id'))
    .where(sql<boolean>`dibao_findings.status = ${sql.lit(f.status)}`)
    .where(findingScope(actor, f.regionCode) as never)
    .$if(!!f.kind, (x) => x.where('dibao_findings.kind', '=', f.kind!))
    .$if(!!f.listId, (x) => x.where('dibao_findings.list_id', '=', f.listId!));
  // the open findings of the city or a county: their kept count
  const kept = !unit && f.status === 'open' && !f.listId;
  const s = scopeOf(actor);
  const region = s.kind === 'region' ? s.regionCode : f.regionCode;
  const [{ n }] = kept
    ? await db.selectFrom('dibao_open_tally').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('n'), eb.lit(0)).as('n'))
      .$if(!!region, (x) => x.where('region_code', '=', region!)).$if(!!f.kind, (x) => x.where('kind', '=', f.kind!)).execute()
    : await q.select((eb) => eb.fn.countAll<number>().as('n')).execute();
  const ids = (await q.select('dibao_findings.id').orderBy('dibao_findings.id', 'desc').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute()).map((r) => Number(r.id));
  const rows = ids.length ? await findingBase(db).where('dibao_findings.id', 'in', ids).orderBy('dibao_findings.id', 'desc').execute() : [];
  return { total: Number(n), rows };
}

export async function findingRow(db: Q, id: number) {
  return findingBase(db).where('dibao_findings.id', '=', id).executeTakeFirst();
}

export async function findingsOfHousehold(db: Q, householdId: number, listId: number | null) {
  return findingBase(db).where('dibao_findings.household_id', '=', householdId)
    .where((eb) => eb.or([eb('dibao_findings.status', '=', 'open'), ...(listId ? [eb('dibao_findings.list_id', '=', listId)] : [])]))
    .orderBy('dibao_findings.id', 'desc').limit(20).execute();
}

/** A file as the check reads it, if the actor may read it. */
export async function householdForCheck(db: Q, actor: Actor, householdId: number) {
  return db.selectFrom('households').select(['id', 'region_code', 'receives_dibao']).where('id', '=', householdId).where(householdScope(actor)).executeTakeFirst();
}

/** Every list's people of one file, with their list's month and source (the personal-data copy). */
export async function listedOfHousehold(db: Q, householdId: number) {
  return db.selectFrom('dibao_persons').innerJoin('dibao_lists', 'dibao_lists.id', 'dibao_persons.list_id')
    .select(['dibao_lists.month', 'dibao_lists.source', 'dibao_persons.name', 'dibao_persons.id_number', 'dibao_persons.relation', 'dibao_persons.household_size', 'dibao_persons.monthly_fen', 'dibao_persons.list_id', 'dibao_persons.household_id'])
    .where('dibao_persons.household_id', '=', householdId).orderBy('dibao_persons.list_id').execute();
}

export async function findingRowsOfHousehold(db: Q, householdId: number) {
  return findingBase(db).where('dibao_findings.household_id', '=', householdId).orderBy('dibao_findings.id').execute();
}

/** The listed people of these (list, household) pairs. */
export async function personsOf(db: Q, pairs: readonly { listId: number; householdId: number }[]) {
  if (!pairs.length) return [];
  return db.selectFrom('dibao_persons').select(['list_id', 'household_id', 'name', 'id_number', 'relation', 'household_size', 'monthly_fen'])
    .where((eb) => eb.or(pairs.map((p) => eb.and([eb('list_id', '=', p.listId), eb('household_id', '=', p.householdId)]))))
    .orderBy('row_no').execute();
}
