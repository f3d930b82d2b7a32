// 常态帮扶: assistance records (visits, money, goods, jobs, training, legal and medical help),
// the yearly target of solving practical problems, the overdue list and "my households".
import { z } from 'zod';
import { type AssistanceRecord, type MyAssistanceRecordList, followUpState, type HouseholdStatus, type MyHouseholdsResponse, addDays, ASSISTANCE_TYPES, fenToYuan, maskIdNumber, MONEY_ASSISTANCE_TYPES, parseIsoDate, parseYuan, todayInChina, toFieldErrors, YEARLY_SOLVED_TARGET } from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import { parseInput, parseQuery } from '../../lib/validate.js';
import * as repo from './assistance.repository.js';
import { linkedHouseholds, recordsWrittenBy } from './assistance.queries.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { audit } from '../audit/audit.repository.js';
import * as households from '../households/households.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';

export const recordSchema = z.object({
  date: z.string({ error: '请填写帮扶日期' }).refine((s) => parseIsoDate(s) !== null, { error: '帮扶日期应为有效日期，格式 YYYY-MM-DD' }),
  type: z.enum(ASSISTANCE_TYPES, { error: `帮扶类型应为：${ASSISTANCE_TYPES.join('、')}` }),
  amount: z.union([z.number(), z.string(), z.null()], { error: '金额应为数字（元）' }).optional(),
  description: z.string({ error: '请填写帮扶内容' }).trim().min(2, { error: '请填写帮扶内容（至少2个字）' }).max(1000, { error: '帮扶内容不能超过1000个字' }),
  solvedProblem: z.boolean({ error: '是否解决实际问题应为“是”或“否”' }).default(false),
});

/** Anyone who sees the file and works with households records help; the read-only steering group does not. */
export async function addRecord(db: Db, actor: Actor, id: number, input: unknown) {
  if (actor.role === 'viewer') throw forbidden('领导小组为只读账号，不能记录帮扶');
  const rec = parseInput(recordSchema, input, 'assistance record');
  const errors: { path: string; message: string }[] = [];
  if (rec.date > todayInChina()) errors.push({ path: 'date', message: '帮扶日期不能晚于今天' });
  let amountFen: number | null = null;
  if (rec.amount !== undefined && rec.amount !== null && rec.amount !== '') {
    const m = parseYuan(rec.amount);
    if (!m.ok) errors.push({ path: 'amount', message: `金额：${m.message}` });
    else amountFen = m.fen;
  } else if (MONEY_ASSISTANCE_TYPES.includes(rec.type) && rec.type !== '医疗救助') errors.push({ path: 'amount', message: `${rec.type}须填写金额（元）` });
  if (errors.length) throw validationFailed(errors, 'assistance record');
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (row.status !== 'filed' && row.status !== 'exited') throw new AppError('NOT_FILED', { message: '只有已建档或已脱困的家庭可以记录帮扶' });
  const at = nowIso();
  const recordId = await inTransaction(db, async (trx) => {
    const rid = await repo.insertRecord(trx, {
      household_id: id, region_code: row.region_code, date: rec.date, year: Number(rec.date.slice(0, 4)), type: rec.type, amount_fen: amountFen,
      description: rec.description, solved_problem: rec.solvedProblem ? 1 : 0, recorded_by: actor.id, recorded_at: at,
    });
    if (!row.last_assisted_on || rec.date > row.last_assisted_on) await households.setHouseholdColumns(trx, id, { last_assisted_on: rec.date });
    await audit(trx, actor, 'assistance.create', 'household', id, { recordId: rid, type: rec.type, date: rec.date, amountFen, solvedProblem: rec.solvedProblem });
    return rid;
  });
  return (await listRecords(db, actor, id)).find((x) => x.id === recordId)!;
}

export async function listRecords(db: Db, actor: Actor, id: number): Promise<AssistanceRecord[]> {
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  const rows = await repo.listRecordRows(db, id);
  return rows.map((x) => ({
    id: Number(x.id), date: x.date, type: x.type, amount: x.amount_fen === null ? null : fenToYuan(x.amount_fen), description: x.description,
    solvedProblem: !!x.solved_problem, recordedBy: x.display_name, recordedAt: x.recorded_at,
  }));
}

const pageQuery = z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) });

/** 我写的帮扶记录: every record the user wrote, also of households since transferred out of their reach. */
export async function myAssistanceRecords(db: Db, actor: Actor, query: unknown): Promise<MyAssistanceRecordList> {
  const { page, pageSize } = parseQuery(pageQuery, query, 'my assistance records');
  const { total, rows } = await recordsWrittenBy(db, actor, page, pageSize);
  return {
    total, page, pageSize,
    items: rows.map((x) => ({
      id: Number(x.id), date: x.date, type: x.type, amount: x.amount_fen === null ? null : fenToYuan(x.amount_fen), description: x.description,
      solvedProblem: !!x.solved_problem, recordedBy: x.display_name, recordedAt: x.recorded_at,
      householdId: Number(x.household_id), workerNo: x.worker_no, name: x.name, regionCode: x.region_code, inScope: !!Number(x.in_scope),
    })),
  };
}

const overdueBefore = (days: number) => addDays(todayInChina(), -days);

/** 我的帮扶对象: households the actor is responsible for or linked to, overdue ones first. */
export async function myHouseholds(db: Db, actor: Actor): Promise<MyHouseholdsResponse> {
  const year = Number(todayInChina().slice(0, 4));
  const { overdueDays, followUpMonths } = await getAssistanceSettings(db);
  const cutoff = overdueBefore(overdueDays);
  const rows = await linkedHouseholds(db, actor.id, year);
  const today = todayInChina();
  const exits = rows.filter((h) => h.status === 'exited' && h.exit_date).map((h) => ({ id: Number(h.id), exitDate: h.exit_date! }));
  const made = await repo.followUpsOfExits(db, exits);
  const followUp = (h: (typeof rows)[number]) => {
    if (h.status !== 'exited' || !h.exit_date) return { nextFollowUpOn: null, followUpDue: false, followUpOverdue: false };
    const s = followUpState(h.exit_date, followUpMonths, made.get(Number(h.id)) ?? [], today);
    return { nextFollowUpOn: s.next?.dueOn ?? null, followUpDue: s.due, followUpOverdue: s.overdue };
  };
  const items = rows.map((h) => ({
    id: Number(h.id), workerNo: h.worker_no, name: h.name, idNumber: maskIdNumber(h.id_number), regionCode: h.region_code, address: h.address, phone: h.phone,
    status: h.status as HouseholdStatus, lastAssistedOn: h.last_assisted_on, overdue: h.status === 'filed' && (!h.last_assisted_on || h.last_assisted_on < cutoff),
    recordsThisYear: Number(h.records), solvedThisYear: Number(h.solved), metTarget: Number(h.solved) >= YEARLY_SOLVED_TARGET, batch: h.urgency_batch,
    ...followUp(h),
  }));
  items.sort((a, b) => Number(b.overdue || b.followUpOverdue) - Number(a.overdue || a.followUpOverdue) || (a.lastAssistedOn ?? '').localeCompare(b.lastAssistedOn ?? ''));
  return { year, overdueDays, items };
}
