// SQL of the dibao tables (民政低保名单核对): lists, their matched people and bad rows, findings.
// No rules here.
import { sql, type Insertable } from 'kysely';
import type { DibaoFindingTable, DibaoListTable, DibaoPersonTable } from '../../db/schema.js';
import { LIVE_STATUSES } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import { isPostgres } from '../../db/dialect.js';
import { countyOf } from './dibao.queries.js';

const CHUNK = 400;

/** A list as imported; its finding counts are set once the findings are written. */
export type NewList = Omit<Insertable<DibaoListTable>, 'f_declared_not_listed' | 'f_listed_not_declared' | 'f_listed_above_line'>;

/**
 * Two imports write one after the other (PostgreSQL; SQLite has one writer anyway): the later one
 * must see the earlier one's findings to supersede them.
 */
export async function lockLists(q: Q): Promise<void> {
  if (isPostgres(q)) await sql`lock table dibao_lists in share row exclusive mode`.execute(q);
}

export async function insertList(q: Q, list: NewList): Promise<number> {
  const r = await q.insertInto('dibao_lists').values({ ...list, f_declared_not_listed: 0, f_listed_not_declared: 0, f_listed_above_line: 0 }).returning('id').executeTakeFirstOrThrow();
  return Number(r.id);
}

export async function setListCounts(q: Q, id: number, c: { declaredNotListed: number; listedNotDeclared: number; listedAboveLine: number }): Promise<void> {
  await q.updateTable('dibao_lists').set({
    f_declared_not_listed: c.declaredNotListed, f_listed_not_declared: c.listedNotDeclared, f_listed_above_line: c.listedAboveLine,
    open_findings: c.declaredNotListed + c.listedNotDeclared + c.listedAboveLine,
  }).where('id', '=', id).execute();
}

async function listOpenDelta(q: Q, listId: number, delta: number): Promise<void> {
  await q.updateTable('dibao_lists').set((eb) => ({ open_findings: eb('open_findings', '+', delta) })).where('id', '=', listId).execute();
}

export type NewPerson = Omit<Insertable<DibaoPersonTable>, 'list_id'>;

export async function insertPersons(q: Q, listId: number, persons: readonly NewPerson[]): Promise<void> {
  for (let i = 0; i < persons.length; i += CHUNK)
    await q.insertInto('dibao_persons').values(persons.slice(i, i + CHUNK).map((p) => ({ ...p, list_id: listId }))).execute();
  // PostgreSQL plans the anti-join of insertDeclaredNotListed by these statistics: without the new
  // list's rows in them it expected none and read the table once per declared file (ten minutes
  // at a million files, where the index answers in seconds)
  if (isPostgres(q)) await sql`analyze dibao_persons`.execute(q);
}

export async function insertErrors(q: Q, listId: number, errors: readonly { row_no: number; col: string; value: string; message: string }[]): Promise<void> {
  for (let i = 0; i < errors.length; i += CHUNK)
    await q.insertInto('dibao_list_errors').values(errors.slice(i, i + CHUNK).map((e) => ({ ...e, list_id: listId }))).execute();
}

export type NewFinding = Omit<Insertable<DibaoFindingTable>, 'list_id' | 'status'>;

export async function insertFindings(q: Q, listId: number, findings: readonly NewFinding[]): Promise<void> {
  for (let i = 0; i < findings.length; i += CHUNK)
    await q.insertInto('dibao_findings').values(findings.slice(i, i + CHUNK).map((f) => ({ ...f, list_id: listId, status: 'open' }))).execute();
}

/**
 * 申报低保未在册: every live file of the list's region that says 享受低保 and none of whose people the
 * list holds, written in one statement from the files (a set difference the database does best).
 */
export async function insertDeclaredNotListed(q: Q, listId: number, regionCode: string, detail: string): Promise<number> {
  const county = countyOf(regionCode);
  const r = await q.insertInto('dibao_findings').columns(['list_id', 'household_id', 'region_code', 'kind', 'status', 'detail'])
    .expression((eb) => eb.selectFrom('households as h')
      .select([sql.lit(listId).as('list_id'), 'h.id', 'h.region_code', sql.lit('declaredNotListed').as('kind'), sql.lit('open').as('status'), sql.val(detail).as('detail')])
      .where('h.receives_dibao', '=', 1).where('h.status', 'in', [...LIVE_STATUSES])
      .$if(!!county, (x) => x.where('h.region_code', '=', county!))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('dibao_persons as p').select(sql.lit(1).as('one')).where('p.list_id', '=', listId).whereRef('p.household_id', '=', 'h.id')))))
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0);
}

/** The open findings of earlier lists that a newer list of the same region (or of the city) replaces. */
export async function supersedeOpen(q: Q, newListId: number, regionCode: string): Promise<number> {
  const county = countyOf(regionCode);
  const open = () => q.selectFrom('dibao_findings').where(sql<boolean>`status = 'open'`).where('list_id', '<', newListId).$if(!!county, (x) => x.where('region_code', '=', county!));
  const perList = await open().select(['list_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('list_id').execute();
  if (!perList.length) return 0;
  const r = await q.updateTable('dibao_findings').set({ status: 'superseded' }).where('status', '=', 'open').where('list_id', '<', newListId)
    .$if(!!county, (x) => x.where('region_code', '=', county!)).executeTakeFirst();
  for (const l of perList) await listOpenDelta(q, Number(l.list_id), -Number(l.n));
  return Number(r.numUpdatedRows);
}

/** The open findings of a county (or of every region), counted again into the tally after an import. */
export async function recountOpen(q: Q, regionCode: string): Promise<void> {
  const county = countyOf(regionCode);
  const rows = await q.selectFrom('dibao_findings').select(['region_code', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where(sql<boolean>`status = 'open'`).$if(!!county, (x) => x.where('region_code', '=', county!)).groupBy(['region_code', 'kind']).execute();
  await q.deleteFrom('dibao_open_tally').$if(!!county, (x) => x.where('region_code', '=', county!)).execute();
  if (rows.length) await q.insertInto('dibao_open_tally').values(rows.map((r) => ({ region_code: r.region_code, kind: r.kind, n: Number(r.n) }))).execute();
}

async function tallyDelta(q: Q, regionCode: string, kind: string, delta: number): Promise<void> {
  await q.insertInto('dibao_open_tally').values({ region_code: regionCode, kind, n: delta })
    .onConflict((oc) => oc.columns(['region_code', 'kind']).doUpdateSet({ n: (eb) => eb('dibao_open_tally.n', '+', delta) })).execute();
}

/** One open finding fewer: its region's and kind's count and its list's. */
export async function countResolved(q: Q, f: { regionCode: string; kind: string; listId: number }): Promise<void> {
  await tallyDelta(q, f.regionCode, f.kind, -1);
  await listOpenDelta(q, f.listId, -1);
}

/** A file moved to another region (档案转移): its findings go with it, to that region's queue and count. */
export async function moveFindingsOf(q: Q, householdId: number, toRegion: string): Promise<void> {
  const open = await q.selectFrom('dibao_findings').select(['region_code', 'kind']).where('household_id', '=', householdId).where('status', '=', 'open').execute();
  for (const f of open) {
    if (f.region_code === toRegion) continue;
    await tallyDelta(q, f.region_code, f.kind, -1);
    await tallyDelta(q, toRegion, f.kind, 1);
  }
  await q.updateTable('dibao_findings').set({ region_code: toRegion }).where('household_id', '=', householdId).execute();
}

/** A file merged into another (重复建档): its open findings are closed with the merge's words. */
export async function closeFindingsOf(q: Q, householdId: number, by: number, at: string, reason: string): Promise<void> {
  const open = await q.selectFrom('dibao_findings').select(['region_code', 'kind', 'list_id']).where('household_id', '=', householdId).where('status', '=', 'open').execute();
  for (const f of open) await countResolved(q, { regionCode: f.region_code, kind: f.kind, listId: Number(f.list_id) });
  await q.updateTable('dibao_findings').set({ status: 'explained', resolved_by: by, resolved_at: at, reason }).where('household_id', '=', householdId).where('status', '=', 'open').execute();
}

/**
 * The bad rows of the lists a new list replaces: they hold the bureau's numbers of people the union
 * has no file of, kept only while their list is the one to work on.
 */
export async function dropReplacedErrors(q: Q, newListId: number, regionCode: string): Promise<void> {
  const county = countyOf(regionCode);
  await q.deleteFrom('dibao_list_errors').where('list_id', 'in', (eb) => eb.selectFrom('dibao_lists').select('id').where('id', '<', newListId)
    .$if(!!county, (x) => x.where('region_code', '=', county!))).execute();
}

/** Resolves an open finding; false when someone resolved it first. */
export async function resolveOpen(q: Q, id: number, set: { status: 'explained' | 'corrected'; resolved_by: number; resolved_at: string; reason: string }): Promise<boolean> {
  const r = await q.updateTable('dibao_findings').set(set).where('id', '=', id).where('status', '=', 'open').executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Fresh statistics after an import wrote thousands of rows (the queue's plans depend on them). */
export async function analyzeFindings(q: Q): Promise<void> {
  await sql`analyze dibao_findings`.execute(q);
  await sql`analyze dibao_persons`.execute(q);
}

/**
 * The end of retention: the people a list matched to these files are deleted (a list's name and
 * number are personal data the union kept only for the check), the findings' explanations erased.
 */
export async function eraseDibaoRecords(q: Q, householdIds: number[]): Promise<void> {
  if (!householdIds.length) return;
  await q.deleteFrom('dibao_persons').where('household_id', 'in', householdIds).execute();
  await q.updateTable('dibao_findings').set({ reason: '（已删除）' }).where('household_id', 'in', householdIds).where('reason', 'is not', null).execute();
}
