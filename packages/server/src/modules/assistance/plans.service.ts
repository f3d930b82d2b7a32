// 因户施策: the measure catalog (edited by the city union), each household's recommended
// measures with reasons, and its plan of measures with target dates, status and outcome.
import { z } from 'zod';
import {
  MEASURE_CATEGORIES, parseIsoDate, PLAN_STATUSES, recommendMeasures, toFieldErrors, URGENCY_FACTOR_LABELS, BATCH_LABELS,
  type IdentifyResult, type UrgencyPart,
} from '@bangfu/core';
import type { Db } from '../../db/index.js';
import { nowIso } from '../../lib/clock.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canEditPolicy, canFile, householdScope } from '../access/scope.js';
import { appendAudit } from '../audit/audit.repository.js';
import { rowToData } from '../households/household.mapping.js';
import * as repo from '../households/households.repository.js';

export async function listMeasures(db: Db) {
  const rows = await db.selectFrom('measures').selectAll().orderBy('sort').execute();
  return rows.map((m) => ({ code: m.code, name: m.name, category: m.category, description: m.description, active: !!m.active }));
}

export const measureSchema = z.object({
  name: z.string({ error: '请填写措施名称' }).trim().min(2, { error: '措施名称至少2个字' }).max(64, { error: '措施名称不能超过64个字' }),
  category: z.enum(MEASURE_CATEGORIES, { error: `措施类别应为：${MEASURE_CATEGORIES.join('、')}` }),
  description: z.string().trim().max(500, { error: '说明不能超过500个字' }).default(''),
  active: z.boolean().default(true),
});

/** Adds (code absent) or edits a catalog entry. Codes of the seed are stable; new ones are m<N>. */
export async function saveMeasure(db: Db, actor: Actor, code: string | null, input: unknown) {
  if (!canEditPolicy(actor)) throw forbidden('只有市总工会可以维护帮扶措施目录');
  const m = parseInput(measureSchema, input, 'measure');
  const at = nowIso();
  return db.transaction().execute(async (trx) => {
    if (code) {
      const res = await trx.updateTable('measures').set({ name: m.name, category: m.category, description: m.description, active: m.active ? 1 : 0, updated_by: actor.id, updated_at: at })
        .where('code', '=', code).executeTakeFirst();
      if (Number(res.numUpdatedRows) !== 1) throw notFound('帮扶措施');
    } else {
      const n = await trx.selectFrom('measures').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      code = `m${Number(n.n) + 1}`;
      await trx.insertInto('measures').values({ code, name: m.name, category: m.category, description: m.description, active: m.active ? 1 : 0, sort: Number(n.n) + 1, updated_by: actor.id, updated_at: at }).execute();
    }
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'measure.save', entity: 'measure', entityId: code, detail: m, ip: actor.ip });
    return { code, ...m };
  });
}

async function loadFiled(db: Db, actor: Actor, id: number) {
  const row = await repo.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  return row;
}

export async function recommendationsFor(db: Db, actor: Actor, id: number) {
  const row = await loadFiled(db, actor, id);
  const data = rowToData(row, await repo.findMembers(db, id));
  const result = row.id_result ? (JSON.parse(row.id_result) as IdentifyResult) : null;
  const names = new Map((await listMeasures(db)).map((m) => [m.code, m]));
  return recommendMeasures(data, result)
    .filter((r) => names.get(r.measure)?.active !== false)
    .map((r) => ({ measure: r.measure, reason: r.reason, name: names.get(r.measure)?.name ?? r.measure, category: names.get(r.measure)?.category ?? '' }));
}

export async function getPlan(db: Db, actor: Actor, id: number) {
  const row = await loadFiled(db, actor, id);
  const items = await db
    .selectFrom('household_plans')
    .innerJoin('measures', 'measures.code', 'household_plans.measure_code')
    .leftJoin('users', 'users.id', 'household_plans.updated_by')
    .select(['household_plans.measure_code', 'measures.name', 'measures.category', 'household_plans.recommended', 'household_plans.reason', 'household_plans.target_date',
      'household_plans.status', 'household_plans.outcome', 'household_plans.updated_at', 'users.display_name'])
    .where('household_plans.household_id', '=', id)
    .orderBy('measures.sort')
    .execute();
  const parts = row.urgency_parts ? (JSON.parse(row.urgency_parts) as UrgencyPart[]) : [];
  return {
    urgency: row.urgency_score === null ? null : {
      score: row.urgency_score, batch: row.urgency_batch, batchLabel: row.urgency_batch ? BATCH_LABELS[row.urgency_batch - 1] : null,
      parts: parts.map((p) => ({ ...p, label: p.label ?? URGENCY_FACTOR_LABELS[p.factor] })),
    },
    recommendations: await recommendationsFor(db, actor, id),
    items: items.map((i) => ({
      measure: i.measure_code, name: i.name, category: i.category, recommended: !!i.recommended, reason: i.reason, targetDate: i.target_date,
      status: i.status, outcome: i.outcome, updatedAt: i.updated_at, updatedBy: i.display_name,
    })),
  };
}

export const planSchema = z.object({
  items: z.array(z.object({
    measure: z.string({ error: '请选择帮扶措施' }).min(1, { error: '请选择帮扶措施' }),
    targetDate: z.string().refine((s) => parseIsoDate(s) !== null, { error: '目标日期应为有效日期，格式 YYYY-MM-DD' }).nullish(),
    status: z.enum(PLAN_STATUSES, { error: '状态应为 planned（计划）、inProgress（实施中）、done（已完成）或 cancelled（已取消）' }).default('planned'),
    outcome: z.string().trim().max(1000, { error: '实施效果不能超过1000个字' }).nullish(),
  }), { error: '帮扶计划应为措施列表' }).max(30, { error: '一户最多30项措施' }),
});

/** Replaces the plan of a filed household (measures not listed are dropped). */
export async function savePlan(db: Db, actor: Actor, id: number, input: unknown) {
  const row = await loadFiled(db, actor, id);
  if (!canFile(actor, row.region_code, row.unit_id) && row.cadre_user_id !== actor.id) throw forbidden('只有本地区、本单位工会或具体责任人可以制定帮扶计划');
  if (row.status !== 'filed') throw new AppError(409, 'NOT_FILED', '只有已建档的档案可以制定帮扶计划');
  // the shape and the catalog are checked together, so one answer names every bad item
  const parsed = planSchema.safeParse(input ?? {});
  const raw = (input as { items?: unknown })?.items;
  const rawItems = Array.isArray(raw) ? (raw as { measure?: unknown }[]) : [];
  const catalog = new Map((await listMeasures(db)).map((m) => [m.code, m]));
  const errors = parsed.success ? [] : toFieldErrors(parsed.error);
  const seen = new Set<string>();
  rawItems.forEach((it, i) => {
    const code = typeof it?.measure === 'string' ? it.measure : '';
    if (!code || errors.some((e) => e.path === `items[${i}].measure`)) return;
    if (!catalog.has(code)) errors.push({ path: `items[${i}].measure`, message: `帮扶措施 ${code} 不在措施目录中` });
    else if (seen.has(code)) errors.push({ path: `items[${i}].measure`, message: '同一措施重复出现' });
    seen.add(code);
  });
  if (errors.length || !parsed.success) throw validationFailed(errors, 'plan');
  const p = parsed.data;
  const recommended = new Map((await recommendationsFor(db, actor, id)).map((r) => [r.measure, r.reason]));
  const at = nowIso();
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('household_plans').where('household_id', '=', id).execute();
    if (p.items.length)
      await trx.insertInto('household_plans').values(p.items.map((it) => ({
        household_id: id, measure_code: it.measure, recommended: recommended.has(it.measure) ? 1 : 0, reason: recommended.get(it.measure) ?? null,
        target_date: it.targetDate ?? null, status: it.status, outcome: it.outcome ?? null, updated_by: actor.id, updated_at: at,
      }))).execute();
    await appendAudit(trx, { userId: actor.id, username: actor.username, action: 'plan.update', entity: 'household', entityId: id,
      detail: { items: p.items.map((i) => ({ measure: i.measure, status: i.status })) }, ip: actor.ip });
  });
  return getPlan(db, actor, id);
}

/** How many filed households fall in each batch, per region (the actor's scope). */
export async function batchSummary(db: Db, actor: Actor) {
  const rows = await db
    .selectFrom('households')
    .select(['region_code', 'urgency_batch', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'filed')
    .where(householdScope(actor))
    .groupBy(['region_code', 'urgency_batch'])
    .execute();
  const regions = new Map<string, { regionCode: string; batches: number[]; total: number }>();
  for (const r of rows) {
    const e = regions.get(r.region_code) ?? { regionCode: r.region_code, batches: [0, 0, 0], total: 0 };
    const b = Number(r.urgency_batch ?? 3);
    e.batches[b - 1] += Number(r.n);
    e.total += Number(r.n);
    regions.set(r.region_code, e);
  }
  return { batchLabels: BATCH_LABELS, regions: [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)) };
}
