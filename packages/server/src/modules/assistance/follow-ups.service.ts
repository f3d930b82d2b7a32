// 脱困回访: after a household exits (脱困) its cadre visits it again at the months the city union
// set (by default 3, 6 and 12). A follow-up says whether the family stays out of hardship; "fallen
// back" reopens the file in the same transaction (it goes through review again) when the recorder
// may file it, and otherwise waits in the filers' to-dos as 返困待重新纳入.
import { z } from 'zod';
import {
  addDays, fallenBackReason, followUpInputSchema, followUpState, FOLLOW_UP_NOTICE_DAYS, latestExitFor, todayInChina,
  type FollowUpCreated, type FollowUpList, type FollowUpOutcome, type FollowUpRecord, type FollowUpSummary, type HouseholdFollowUps, type HouseholdStatus,
} from '@bangfu/core';
import { inTransaction, type Db, type Q } from '../../db/transaction.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import type { Actor } from '../access/actor.js';
import { canFile } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import * as households from '../households/households.repository.js';
import { transitionInTransaction } from '../households/lifecycle.service.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import * as repo from './assistance.repository.js';
import { countExited, exitCohort, exitedPage, returnsOfYear, type ExitFilter } from './follow-ups.queries.js';

const recordView = (r: Awaited<ReturnType<typeof repo.followUpsOf>>[number]): FollowUpRecord => ({
  id: Number(r.id), date: r.date, outcome: r.outcome as FollowUpOutcome, note: r.note, exitDate: r.exit_date,
  reopened: !!Number(r.reopened), recordedBy: r.display_name, recordedAt: r.recorded_at,
});

export async function householdFollowUps(db: Q, actor: Actor, id: number): Promise<HouseholdFollowUps> {
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  const { followUpMonths: months } = await getAssistanceSettings(db);
  const items = (await repo.followUpsOf(db, id)).map(recordView);
  const exitDate = row.status === 'exited' ? row.exit_date : null;
  if (!exitDate) return { months, exitDate: null, visits: [], next: null, due: false, overdue: false, daysOverdue: 0, pendingReopen: false, items };
  const current = items.filter((r) => r.exitDate === exitDate);
  const state = followUpState(exitDate, months, current, todayInChina());
  return { months, exitDate, ...state, pendingReopen: current.some((r) => r.outcome === 'fallenBack'), items };
}

/** The kept schedule of these exits (next visit's day, visits made) from their follow-ups, as core computes it. */
export async function schedulesOf(q: Q, exits: { id: number; exitDate: string }[], months: readonly number[]) {
  const made = await repo.followUpsOfExits(q, exits);
  return exits.map((e) => {
    const own = made.get(e.id) ?? [];
    return { id: e.id, follow_up_due_on: followUpState(e.exitDate, months, own, e.exitDate).next?.dueOn ?? null, follow_ups_made: own.length };
  });
}

/** Records a follow-up of an exited household; "fallen back" reopens it when the recorder files it. */
export async function recordFollowUp(db: Db, actor: Actor, id: number, input: unknown): Promise<FollowUpCreated> {
  if (actor.role === 'viewer') throw forbidden('领导小组为只读账号，不能记录回访');
  const f = parseInput(followUpInputSchema, input, 'follow-up');
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (row.status !== 'exited' || !row.exit_date) throw new AppError('NOT_EXITED', { message: '只有已脱困的家庭可以记录脱困回访' });
  if (f.date > todayInChina()) throw validationFailed([{ path: 'date', message: '回访日期不能晚于今天' }], 'follow-up');
  if (f.date < row.exit_date) throw validationFailed([{ path: 'date', message: `回访日期不能早于脱困日期（${row.exit_date}）` }], 'follow-up');
  const reopen = f.outcome === 'fallenBack' && canFile(actor, row.region_code, row.unit_id);
  const { followUpMonths: months } = await getAssistanceSettings(db);
  const exitDate = row.exit_date;
  const recordId = await inTransaction(db, async (trx) => {
    const rid = await repo.insertFollowUp(trx, {
      household_id: id, region_code: row.region_code, exit_date: exitDate, date: f.date, outcome: f.outcome, note: f.note,
      reopened: reopen ? 1 : 0, recorded_by: actor.id, recorded_at: nowIso(),
    });
    await audit(trx, actor, 'followUp.create', 'household', id, { followUpId: rid, date: f.date, outcome: f.outcome, exitDate, reopened: reopen });
    if (reopen) await transitionInTransaction(trx, actor, id, 'reopen', { reason: fallenBackReason(f.date, f.note) }, { followUpId: rid });
    else await households.setFollowUpSchedules(trx, await schedulesOf(trx, [{ id, exitDate }], months));
    return rid;
  });
  const record = (await repo.followUpsOf(db, id)).find((r) => Number(r.id) === recordId)!;
  return { record: recordView(record), status: (reopen ? 'draft' : row.status) as HouseholdStatus };
}

const listQuerySchema = z.object({
  due: z.enum(['true', 'false'], { error: 'due 应为 true 或 false' }).optional(),
  overdue: z.enum(['true', 'false'], { error: 'overdue 应为 true 或 false' }).optional(),
  fallenBack: z.enum(['true', 'false'], { error: 'fallenBack 应为 true 或 false' }).optional(),
  mine: z.enum(['true', 'false'], { error: 'mine 应为 true 或 false' }).optional(),
  regionCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }).optional(),
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在 2000 至 2100 之间' }).max(2100, { error: '年度应在 2000 至 2100 之间' }).optional(),
  page: z.coerce.number({ error: '页码应为数字' }).int({ error: '页码应为整数' }).min(1, { error: '页码应从1开始' }).max(10_000, { error: '页码不能超过10000' }).default(1),
  pageSize: z.coerce.number({ error: '每页条数应为数字' }).int({ error: '每页条数应为整数' }).min(1, { error: '每页至少1条' }).max(200, { error: '每页最多200条' }).default(20),
});

/** Exited households in the caller's scope: due (within the notice days or past), overdue, fallen back, or all. */
export async function listFollowUps(db: Q, actor: Actor, query: unknown): Promise<FollowUpList> {
  const p = parseQuery(listQuerySchema, query, 'follow-ups');
  const { followUpMonths: months } = await getAssistanceSettings(db);
  const today = todayInChina();
  const filter: ExitFilter = { regionCode: p.regionCode, year: p.year, mineOf: p.mine === 'true' ? actor.id : undefined, pendingReopen: p.fallenBack === 'true' };
  if (p.overdue === 'true') filter.dueBy = addDays(today, -1);
  else if (p.due === 'true') filter.dueBy = addDays(today, FOLLOW_UP_NOTICE_DAYS);
  const [total, rows, names] = [await countExited(db, actor, filter), await exitedPage(db, actor, filter, p.page, p.pageSize), await regionNames(db)];
  // the page's schedules from the follow-ups of its current exits
  const made = await repo.followUpsOfExits(db, rows.map((r) => ({ id: Number(r.id), exitDate: r.exit_date! })));
  const items = rows.map((r) => {
    const own = made.get(Number(r.id)) ?? [];
    const s = followUpState(r.exit_date!, months, own, today);
    const fallen = own.some((o) => o.outcome === 'fallenBack');
    return {
      householdId: Number(r.id), workerNo: r.worker_no, name: r.name, regionCode: r.region_code, regionName: names.get(r.region_code) ?? r.region_code,
      exitDate: r.exit_date!, done: own.length, next: s.next, due: s.due, overdue: s.overdue, daysOverdue: s.daysOverdue,
      lastOutcome: fallen ? 'fallenBack' as const : own.length > 0 ? 'stable' as const : null, pendingReopen: fallen,
    };
  });
  return { months: [...months], total, page: p.page, pageSize: p.pageSize, items };
}

async function regionNames(db: Q) {
  return new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
}

/** 待办 of a cadre: the households linked to them whose next follow-up is due (or past). */
export async function followUpsDueOf(db: Q, actor: Actor, today = todayInChina()): Promise<number> {
  return countExited(db, actor, { mineOf: actor.id, dueBy: addDays(today, FOLLOW_UP_NOTICE_DAYS) });
}

/** 待办 of a filer: exits a follow-up found fallen back that wait to be reopened, in their scope. */
export async function fallenBackPendingOf(db: Q, actor: Actor): Promise<number> {
  return countExited(db, actor, { pendingReopen: true });
}

const summaryQuerySchema = z.object({
  year: z.coerce.number({ error: '年度应为数字' }).int({ error: '年度应为整数' }).min(2000, { error: '年度应在 2000 至 2100 之间' }).max(2100, { error: '年度应在 2000 至 2100 之间' }).default(Number(todayInChina().slice(0, 4))),
});

/** A year's exits per region: planned visits come and made, overdue, stable, returns. */
export async function followUpSummary(db: Q, actor: Actor, query: unknown): Promise<FollowUpSummary> {
  const { year } = parseQuery(summaryQuerySchema, query, 'follow-up summary');
  const { followUpMonths: months } = await getAssistanceSettings(db);
  const today = todayInChina();
  const cohort = await exitCohort(db, actor, year, months.map((m) => latestExitFor(today, m)), today);
  const returns = await returnsOfYear(db, actor, year);
  const names = await regionNames(db);
  const zero = () => ({ exits: 0, visitsDue: 0, visitsDone: 0, overdue: 0, stable: 0, returns: 0 });
  const byRegion = new Map<string, ReturnType<typeof zero>>();
  const at = (code: string) => byRegion.get(code) ?? byRegion.set(code, zero()).get(code)!;
  for (const c of cohort) Object.assign(at(c.region_code), {
    exits: Number(c.exits), visitsDue: Number(c.visits_due), visitsDone: Number(c.visits_done), overdue: Number(c.overdue), stable: Number(c.visited),
  });
  for (const r of returns) {
    const x = at(r.region_code);
    x.returns += Number(r.returns);
    x.exits += Number(r.ended); // reopened since: an exit of the year all the same
    x.stable -= Number(r.returns) - Number(r.ended); // visited, but found fallen back and still waiting
  }
  const regions = [...byRegion].sort(([a], [b]) => a.localeCompare(b))
    .map(([regionCode, c]) => ({ regionCode, regionName: names.get(regionCode) ?? regionCode, ...c }));
  const total = zero();
  for (const r of regions) for (const k of Object.keys(total) as (keyof typeof total)[]) total[k] += r[k];
  return { year, months: [...months], regions, total };
}
