// 常态帮扶: assistance records (visits, money, goods, jobs, training, legal and medical help),
// the yearly target of solving practical problems, the overdue list and "my households".
import { z } from 'zod';
import { addDays, ASSISTANCE_TYPES, fenToYuan, maskIdNumber, MONEY_ASSISTANCE_TYPES, parseIsoDate, parseYuan, todayInChina, toFieldErrors, YEARLY_SOLVED_TARGET } from '@bangfu/core';
import { sql } from 'kysely';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { householdScope } from '../access/scope.js';
import { appendAudit } from '../audit/audit.repository.js';
import * as repo from '../households/households.repository.js';
import { listOrgs } from '../orgs/orgs.repository.js';
import { getAssistanceSettings } from './settings.service.js';

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
  const r = recordSchema.safeParse(input ?? {});
  if (!r.success) throw validationFailed(toFieldErrors(r.error), 'assistance record');
  const rec = r.data;
  const errors: { path: string; message: string }[] = [];
  if (rec.date > todayInChina()) errors.push({ path: 'date', message: '帮扶日期不能晚于今天' });
  let amountFen: number | null = null;
  if (rec.amount !== undefined && rec.amount !== null && rec.amount !== '') {
    const m = parseYuan(rec.amount);
    if (!m.ok) errors.push({ path: 'amount', message: `金额：${m.message}` });
    else amountFen = m.fen;
  } else if (MONEY_ASSISTANCE_TYPES.includes(rec.type) && rec.type !== '医疗救助') errors.push({ path: 'amount', message: `${rec.type}须填写金额（元）` });
  if (errors.length) throw validationFailed(errors, 'assistance record');
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  if (row.status !== 'filed' && row.status !== 'exited') throw new AppError(409, 'NOT_FILED', '只有已建档或已脱困的家庭可以记录帮扶');
  const at = nowIso();
  const recordId = await db.transaction().execute(async (trx) => {
    const { id: rid } = await trx.insertInto('assistance_records').values({
      household_id: id, region_code: row.region_code, date: rec.date, year: Number(rec.date.slice(0, 4)), type: rec.type, amount_fen: amountFen,
      description: rec.description, solved_problem: rec.solvedProblem ? 1 : 0, recorded_by: actor.id, recorded_at: at,
    }).returning('id').executeTakeFirstOrThrow();
    if (!row.last_assisted_on || rec.date > row.last_assisted_on)
      await trx.updateTable('households').set({ last_assisted_on: rec.date }).where('id', '=', id).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'assistance.create', entity: 'household', entityId: id,
      detail: { recordId: Number(rid), type: rec.type, date: rec.date, amountFen, solvedProblem: rec.solvedProblem }, ip: actor.ip });
    return Number(rid);
  });
  return (await listRecords(db, actor, id)).find((x) => x.id === recordId)!;
}

export async function listRecords(db: Db, actor: Actor, id: number) {
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  const rows = await db.selectFrom('assistance_records').innerJoin('users', 'users.id', 'assistance_records.recorded_by')
    .select(['assistance_records.id', 'assistance_records.date', 'assistance_records.type', 'assistance_records.amount_fen', 'assistance_records.description',
      'assistance_records.solved_problem', 'assistance_records.recorded_at', 'users.display_name'])
    .where('assistance_records.household_id', '=', id).orderBy('assistance_records.date', 'desc').orderBy('assistance_records.id', 'desc').execute();
  return rows.map((x) => ({
    id: Number(x.id), date: x.date, type: x.type, amount: x.amount_fen === null ? null : fenToYuan(x.amount_fen), description: x.description,
    solvedProblem: !!x.solved_problem, recordedBy: x.display_name, recordedAt: x.recorded_at,
  }));
}

const overdueBefore = (days: number) => addDays(todayInChina(), -days);

const LIMIT = 500;

/** Counts (records of any kind, of which 走访 visits; money; solved problems) per household, per cadre and per region for a year, and the overdue list (actor's scope). */
export async function summary(db: Db, actor: Actor, query: unknown) {
  const q = z.object({
    year: z.coerce.number().int().min(2000, { error: '年度应在 2000 至 2100 之间' }).max(2100, { error: '年度应在 2000 至 2100 之间' }).default(Number(todayInChina().slice(0, 4))),
    regionCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }).optional(),
  }).safeParse(Object.fromEntries(Object.entries((query ?? {}) as Record<string, unknown>).filter(([, v]) => v !== '')));
  if (!q.success) throw validationFailed(toFieldErrors(q.error), 'assistance summary');
  const { year, regionCode } = q.data;
  const { overdueDays } = await getAssistanceSettings(db);
  const filed = db.selectFrom('households').where('households.status', '=', 'filed').where(householdScope(actor))
    .$if(!!regionCode, (x) => x.where('households.region_code', '=', regionCode!));
  const perHousehold = await filed
    .leftJoin('assistance_records', (j) => j.onRef('assistance_records.household_id', '=', 'households.id').on('assistance_records.year', '=', year))
    .leftJoin('users as cadre', 'cadre.id', 'households.cadre_user_id')
    .select((eb) => [
      'households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on', 'cadre.display_name as cadre_name',
      eb.fn.count<number>('assistance_records.id').as('records'),
      eb.fn.coalesce(eb.fn.sum<number>(sql<number>`case when assistance_records.type = '走访' then 1 else 0 end`), sql<number>`0`).as('visits'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.amount_fen'), sql<number>`0`).as('money'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.solved_problem'), sql<number>`0`).as('solved'),
    ])
    .groupBy(['households.id', 'households.worker_no', 'households.name', 'households.region_code', 'households.last_assisted_on', 'cadre.display_name'])
    .execute();
  const names = new Map((await listOrgs(db)).map((o) => [o.code, o.name]));
  const regions = new Map<string, { regionCode: string; regionName: string; households: number; assisted: number; records: number; visits: number; money: number; solved: number; metTarget: number; overdue: number }>();
  const cutoff = overdueBefore(overdueDays);
  const overdue: typeof perHousehold = [];
  for (const h of perHousehold) {
    const r = regions.get(h.region_code) ?? { regionCode: h.region_code, regionName: names.get(h.region_code) ?? h.region_code, households: 0, assisted: 0, records: 0, visits: 0, money: 0, solved: 0, metTarget: 0, overdue: 0 };
    r.households++;
    if (Number(h.records) > 0) r.assisted++;
    r.records += Number(h.records);
    r.visits += Number(h.visits);
    r.money += Number(h.money);
    r.solved += Number(h.solved);
    if (Number(h.solved) >= YEARLY_SOLVED_TARGET) r.metTarget++;
    if (!h.last_assisted_on || h.last_assisted_on < cutoff) {
      r.overdue++;
      overdue.push(h);
    }
    regions.set(h.region_code, r);
  }
  const cadres = await db
    .selectFrom('assistance_records')
    .innerJoin('households', 'households.id', 'assistance_records.household_id')
    .innerJoin('users', 'users.id', 'assistance_records.recorded_by')
    .select((eb) => ['users.username', 'users.display_name', eb.fn.count<number>('assistance_records.id').as('records'),
      eb.fn.coalesce(eb.fn.sum<number>(sql<number>`case when assistance_records.type = '走访' then 1 else 0 end`), sql<number>`0`).as('visits'),
      eb.fn.count<number>('assistance_records.household_id').distinct().as('households'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.amount_fen'), sql<number>`0`).as('money'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.solved_problem'), sql<number>`0`).as('solved')])
    .where('assistance_records.year', '=', year)
    .where(householdScope(actor))
    .$if(!!regionCode, (x) => x.where('households.region_code', '=', regionCode!))
    .groupBy(['users.username', 'users.display_name'])
    .orderBy('records', 'desc')
    .execute();
  const householdView = (h: (typeof perHousehold)[number]) => ({
    id: Number(h.id), workerNo: h.worker_no, name: h.name, regionCode: h.region_code, regionName: names.get(h.region_code) ?? h.region_code,
    cadre: h.cadre_name, records: Number(h.records), visits: Number(h.visits), money: fenToYuan(Number(h.money)), solved: Number(h.solved), lastAssistedOn: h.last_assisted_on,
    metTarget: Number(h.solved) >= YEARLY_SOLVED_TARGET,
  });
  overdue.sort((a, b) => (a.last_assisted_on ?? '').localeCompare(b.last_assisted_on ?? ''));
  return {
    year, overdueDays, target: YEARLY_SOLVED_TARGET,
    regions: [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)).map((r) => ({ ...r, money: fenToYuan(r.money) })),
    cadres: cadres.map((c) => ({ username: c.username, displayName: c.display_name, records: Number(c.records), visits: Number(c.visits), households: Number(c.households), money: fenToYuan(Number(c.money)), solved: Number(c.solved) })),
    households: perHousehold.sort((a, b) => Number(a.solved) - Number(b.solved) || Number(a.records) - Number(b.records)).slice(0, LIMIT).map(householdView),
    householdsTotal: perHousehold.length,
    overdue: overdue.slice(0, LIMIT).map(householdView),
    overdueTotal: overdue.length,
  };
}

/** 我的帮扶对象: households the actor is responsible for or linked to, overdue ones first. */
export async function myHouseholds(db: Db, actor: Actor) {
  const year = Number(todayInChina().slice(0, 4));
  const { overdueDays } = await getAssistanceSettings(db);
  const cutoff = overdueBefore(overdueDays);
  const rows = await db
    .selectFrom('household_links')
    .innerJoin('households', 'households.id', 'household_links.household_id')
    .leftJoin('assistance_records', (j) => j.onRef('assistance_records.household_id', '=', 'households.id').on('assistance_records.year', '=', year))
    .select((eb) => [
      'households.id', 'households.worker_no', 'households.name', 'households.id_number', 'households.region_code', 'households.address', 'households.phone',
      'households.status', 'households.last_assisted_on', 'households.urgency_batch',
      eb.fn.count<number>('assistance_records.id').as('records'),
      eb.fn.coalesce(eb.fn.sum<number>('assistance_records.solved_problem'), sql<number>`0`).as('solved'),
      sql<string>`min(household_links.kind)`.as('kind'),
    ])
    .where('household_links.user_id', '=', actor.id)
    .where('households.status', 'in', ['filed', 'exited'])
    .groupBy(['households.id', 'households.worker_no', 'households.name', 'households.id_number', 'households.region_code', 'households.address', 'households.phone',
      'households.status', 'households.last_assisted_on', 'households.urgency_batch'])
    .execute();
  const items = rows.map((h) => ({
    id: Number(h.id), workerNo: h.worker_no, name: h.name, idNumber: maskIdNumber(h.id_number), regionCode: h.region_code, address: h.address, phone: h.phone,
    status: h.status, lastAssistedOn: h.last_assisted_on, overdue: h.status === 'filed' && (!h.last_assisted_on || h.last_assisted_on < cutoff),
    recordsThisYear: Number(h.records), solvedThisYear: Number(h.solved), metTarget: Number(h.solved) >= YEARLY_SOLVED_TARGET, batch: h.urgency_batch,
  }));
  items.sort((a, b) => Number(b.overdue) - Number(a.overdue) || (a.lastAssistedOn ?? '').localeCompare(b.lastAssistedOn ?? ''));
  return { year, overdueDays, items };
}
