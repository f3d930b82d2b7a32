// SQL for households, members, causes and versions. No rules here: the service decides.
import { sql, type ExpressionBuilder, type Kysely, type Transaction } from 'kysely';
import { formatWorkerNo, MAX_SERIAL, parseWorkerNo, type HouseholdData } from '@bangfu/core';
import type { Database } from '../../db/schema.js';
import type { Actor } from '../access/actor.js';
import { householdScope, seesFullIdentity } from '../access/scope.js';
import { AppError } from '../../lib/errors.js';
import { memberRows } from './household.mapping.js';

export type Q = Kysely<Database> | Transaction<Database>;

/** Next serial of the region, atomically: the counter row is locked until the transaction ends. */
export async function allocateWorkerNo(trx: Q, regionCode: string): Promise<string> {
  const row = await trx
    .updateTable('worker_no_counters')
    .set((eb) => ({ last_serial: eb('last_serial', '+', 1) }))
    .where('region_code', '=', regionCode)
    .where('last_serial', '<', MAX_SERIAL)
    .returning('last_serial')
    .executeTakeFirst();
  if (row) return formatWorkerNo(regionCode, row.last_serial);
  const exists = await trx.selectFrom('worker_no_counters').select('region_code').where('region_code', '=', regionCode).executeTakeFirst();
  if (!exists) throw new AppError(400, 'VALIDATION_FAILED', `地区 ${regionCode} 未配置`, [{ path: 'regionCode', message: `地区代码 ${regionCode} 不是已配置的地区` }]);
  throw new AppError(409, 'WORKER_NO_EXHAUSTED', `地区 ${regionCode} 的职工编号（${MAX_SERIAL} 个）已全部用完，无法再建档，请联系市总工会`, [
    { path: 'regionCode', message: '该地区职工编号已用完' },
  ]);
}

/** An existing number brought in by import: keeps the counter past it so it is never handed out again. */
export async function reserveWorkerNo(trx: Q, workerNo: string, regionCode: string): Promise<void> {
  const p = parseWorkerNo(workerNo);
  if (!p || p.regionCode !== regionCode)
    throw new AppError(400, 'VALIDATION_FAILED', '职工编号与所属地区不符', [{ path: 'workerNo', message: `职工编号应以地区代码 ${regionCode} 开头` }]);
  const taken = await trx.selectFrom('households').select('id').where('worker_no', '=', workerNo).executeTakeFirst();
  if (taken) throw new AppError(409, 'WORKER_NO_TAKEN', `职工编号 ${workerNo} 已被使用`, [{ path: 'workerNo', message: '职工编号已被使用' }]);
  await trx
    .updateTable('worker_no_counters')
    // CASE, not max(a, b): PostgreSQL's max is only an aggregate (greatest is not in SQLite)
    .set({ last_serial: sql<number>`case when last_serial < ${p.serial} then ${p.serial} else last_serial end` })
    .where('region_code', '=', regionCode)
    .execute();
}

export async function replaceMembersAndCauses(trx: Q, householdId: number, h: HouseholdData): Promise<void> {
  await trx.deleteFrom('household_members').where('household_id', '=', householdId).execute();
  await trx.deleteFrom('household_causes').where('household_id', '=', householdId).execute();
  await insertMembersAndCauses(trx, householdId, h);
}

/** For a file inserted in this transaction: nothing to delete first. */
export async function insertMembersAndCauses(trx: Q, householdId: number, h: HouseholdData): Promise<void> {
  const members = memberRows(householdId, h.members);
  if (members.length) await trx.insertInto('household_members').values(members).execute();
  await trx.insertInto('household_causes').values(h.causes.map((cause) => ({ household_id: householdId, cause }))).execute();
}

export async function findHouseholdRow(db: Q, actor: Actor, id: number) {
  return db.selectFrom('households').selectAll().where('id', '=', id).where(householdScope(actor)).executeTakeFirst();
}

export async function findMembers(db: Q, householdId: number) {
  return db.selectFrom('household_members').selectAll().where('household_id', '=', householdId).orderBy('seq').execute();
}

/** Which of these identity numbers already stand in another live file (as worker or member). */
export async function idNumbersInOtherFiles(db: Q, ids: string[], excludeId: number | null): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const workers = await db
    .selectFrom('households')
    .select('id_number as idn')
    .where('id_number', 'in', ids)
    .where('status', 'not in', ['removed', 'exited'])
    .$if(excludeId !== null, (q) => q.where('id', '<>', excludeId!))
    .execute();
  const members = await db
    .selectFrom('household_members')
    .innerJoin('households', 'households.id', 'household_members.household_id')
    .select('household_members.id_number as idn')
    .where('household_members.id_number', 'in', ids)
    .where('households.status', 'not in', ['removed', 'exited'])
    .$if(excludeId !== null, (q) => q.where('households.id', '<>', excludeId!))
    .execute();
  return new Set([...workers, ...members].map((r) => r.idn!).filter(Boolean));
}

/** A live file whose worker holds this identity number, in any scope (uniqueness is city-wide). */
export async function liveFileOfWorker(db: Q, idNumber: string, excludeId: number | null) {
  return db
    .selectFrom('households')
    .select(['id', 'worker_no', 'region_code'])
    .where('id_number', '=', idNumber)
    .where('status', 'not in', ['removed', 'exited'])
    .$if(excludeId !== null, (q) => q.where('id', '<>', excludeId!))
    .executeTakeFirst();
}

/** Whether the file lies in the actor's scope (no data read). */
export async function isInScope(db: Q, actor: Actor, id: number): Promise<boolean> {
  return !!(await db.selectFrom('households').select('id').where('id', '=', id).where(householdScope(actor)).executeTakeFirst());
}

export const FLAG_COLUMNS = {
  categoryMismatch: 'id_flag_mismatch',
  dibaoNotReceived: 'id_flag_dibao_not_received',
  dibaoAboveLine: 'id_flag_dibao_above',
  noLine: 'id_flag_no_line',
} as const;
const CONDITION_COLUMNS = { C1: 'id_c1', C2: 'id_c2', C3: 'id_c3' } as const;

export interface ListFilter {
  eligible?: 'true' | 'false' | 'unknown';
  condition?: keyof typeof CONDITION_COLUMNS;
  suggestedCategory?: string;
  flag?: keyof typeof FLAG_COLUMNS;
  regionCode?: string;
  category?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
  sort: { column: SortColumn; desc: boolean };
}

export const SORT_COLUMNS = {
  workerNo: 'worker_no',
  fillDate: 'fill_date',
  perCapitaIncome: 'per_capita_income',
  householdAnnualIncome: 'household_annual_income',
  updatedAt: 'updated_at',
  name: 'name',
} as const;
export type SortColumn = (typeof SORT_COLUMNS)[keyof typeof SORT_COLUMNS];

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type HouseholdFilter = Omit<ListFilter, 'page' | 'pageSize' | 'sort'>;

/** The households of the caller's scope that pass the list filters: shared by the list, the export and batch print. */
export function filteredHouseholds(db: Q, actor: Actor, f: HouseholdFilter) {
  let base = db.selectFrom('households').where(householdScope(actor));
  if (f.regionCode) base = base.where('region_code', '=', f.regionCode);
  if (f.category) base = base.where('category', '=', f.category);
  if (f.status) base = base.where('status', '=', f.status);
  if (f.eligible === 'unknown') base = base.where('id_eligible', 'is', null);
  else if (f.eligible) base = base.where('id_eligible', '=', f.eligible === 'true' ? 1 : 0);
  if (f.condition) base = base.where(CONDITION_COLUMNS[f.condition], '=', 1);
  if (f.suggestedCategory === 'none') base = base.where('id_category', 'is', null);
  else if (f.suggestedCategory) base = base.where('id_category', '=', f.suggestedCategory);
  if (f.flag) base = base.where(FLAG_COLUMNS[f.flag], '=', 1);
  if (f.q) {
    const like = `${escapeLike(f.q)}%`;
    const likeRef = (col: string, v: string) => sql<boolean>`${sql.ref(col)} like ${v} escape '\\'`;
    // A prefix of identity numbers only for the roles that see them in full: for a masked role a
    // prefix match would rebuild a number digit by digit, so only the whole number matches.
    const idMatch = seesFullIdentity(actor)
      ? (eb: ExpressionBuilder<Database, 'households'>) => likeRef('id_number', like.toUpperCase())
      : (eb: ExpressionBuilder<Database, 'households'>) => eb('id_number', '=', f.q!.toUpperCase());
    base = base.where((eb) => eb.or([likeRef('name', like), likeRef('worker_no', like.toUpperCase()), idMatch(eb)]));
  }
  return base;
}

export async function countHouseholds(db: Q, actor: Actor, f: HouseholdFilter): Promise<number> {
  const [{ total }] = await filteredHouseholds(db, actor, f).select((eb) => eb.fn.countAll<number>().as('total')).execute();
  return Number(total);
}

/** One keyset page of matching ids after `afterId`, in id order (a batch walks the whole set this way). */
export async function householdIdsAfter(db: Q, actor: Actor, f: HouseholdFilter, afterId: number, limit: number): Promise<number[]> {
  const rows = await filteredHouseholds(db, actor, f).select('id').where('id', '>', afterId).orderBy('id').limit(limit).execute();
  return rows.map((r) => Number(r.id));
}

export async function listHouseholdRows(db: Q, actor: Actor, f: ListFilter) {
  const base = filteredHouseholds(db, actor, f);
  const [{ total }] = await base.select((eb) => eb.fn.countAll<number>().as('total')).execute();
  const rows = await base
    .select(['id', 'worker_no', 'region_code', 'name', 'gender', 'id_number', 'category', 'fill_date', 'household_size',
      'household_annual_income', 'per_capita_income', 'causes', 'status', 'warning_count', 'updated_at',
      'id_eligible', 'id_category', 'id_flag_mismatch', 'id_flag_dibao_not_received', 'id_flag_dibao_above', 'id_flag_no_line'])
    .orderBy(f.sort.column, f.sort.desc ? 'desc' : 'asc')
    .orderBy('id', f.sort.desc ? 'desc' : 'asc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { rows, total: Number(total) };
}

export async function listVersions(db: Q, householdId: number) {
  return db
    .selectFrom('household_versions')
    .innerJoin('users', 'users.id', 'household_versions.changed_by')
    .select(['household_versions.version', 'household_versions.action', 'household_versions.changed_at', 'household_versions.changes',
      'household_versions.reason', 'users.id as user_id', 'users.username', 'users.display_name'])
    .where('household_versions.household_id', '=', householdId)
    .orderBy('household_versions.version', 'desc')
    .execute();
}

/** The file with this worker number, within the actor's scope (the CLI's print looks files up this way). */
export async function findIdByWorkerNo(db: Q, actor: Actor, workerNo: string): Promise<number | undefined> {
  const row = await db.selectFrom('households').select('id').where('worker_no', '=', workerNo).where(householdScope(actor)).executeTakeFirst();
  return row ? Number(row.id) : undefined;
}
