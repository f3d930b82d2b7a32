// 因户施策: the measure catalog (edited by the city union), each household's recommended
// measures with reasons, and its plan of measures with target dates, status and outcome.
import { z } from 'zod';
import {
  MEASURE_CATEGORIES, parseIsoDate, PLAN_STATUSES, recommendMeasures, toFieldErrors, URGENCY_FACTOR_LABELS, BATCH_LABELS,
  type BatchSummary, type IdentifyResult, type Plan, type PlanStatus, type UrgencyPart,
} from '@bangfu/core';
import { inTransaction, type Db } from '../../db/transaction.js';
import * as repo from './assistance.repository.js';
import { filedPerBatch } from './assistance.queries.js';
import { nowIso } from '../../lib/clock.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canEditPolicy, canFile } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import { rowToData } from '../households/household.mapping.js';
import * as households from '../households/households.repository.js';

export async function listMeasures(db: Db) {
  const rows = await repo.listMeasureRows(db);
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
  return inTransaction(db, async (trx) => {
    if (code) {
      if (!(await repo.updateMeasure(trx, code, { ...m, by: actor.id, at }))) throw notFound('帮扶措施');
    } else {
      const n = await repo.countMeasures(trx);
      code = `m${n + 1}`;
      await repo.insertMeasure(trx, { code, ...m, sort: n + 1, by: actor.id, at });
    }
    await audit(trx, actor, 'measure.save', 'measure', code, m);
    return { code, ...m };
  });
}

async function loadFiled(db: Db, actor: Actor, id: number) {
  const row = await households.findHouseholdRow(db, actor, id);
  if (!row) throw notFound('档案');
  return row;
}

export async function recommendationsFor(db: Db, actor: Actor, id: number) {
  const row = await loadFiled(db, actor, id);
  const data = rowToData(row, await households.findMembers(db, id));
  const result = row.id_result ? (JSON.parse(row.id_result) as IdentifyResult) : null;
  const names = new Map((await listMeasures(db)).map((m) => [m.code, m]));
  return recommendMeasures(data, result)
    .filter((r) => names.get(r.measure)?.active !== false)
    .map((r) => ({ measure: r.measure, reason: r.reason, name: names.get(r.measure)?.name ?? r.measure, category: names.get(r.measure)?.category ?? '' }));
}

export async function getPlan(db: Db, actor: Actor, id: number): Promise<Plan> {
  const row = await loadFiled(db, actor, id);
  const items = await repo.planItems(db, id);
  const parts = row.urgency_parts ? (JSON.parse(row.urgency_parts) as UrgencyPart[]) : [];
  return {
    urgency: row.urgency_score === null ? null : {
      score: row.urgency_score, batch: row.urgency_batch, batchLabel: row.urgency_batch ? BATCH_LABELS[row.urgency_batch - 1] : null,
      parts: parts.map((p) => ({ ...p, label: p.label ?? URGENCY_FACTOR_LABELS[p.factor] })),
    },
    recommendations: await recommendationsFor(db, actor, id),
    items: items.map((i) => ({
      measure: i.measure_code, name: i.name, category: i.category, recommended: !!i.recommended, reason: i.reason, targetDate: i.target_date,
      status: i.status as PlanStatus, outcome: i.outcome, updatedAt: i.updated_at, updatedBy: i.display_name,
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
  if (row.status !== 'filed') throw new AppError('NOT_FILED', { message: '只有已建档的档案可以制定帮扶计划' });
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
  await inTransaction(db, async (trx) => {
    await repo.replacePlan(trx, id, p.items.map((it) => ({
      household_id: id, measure_code: it.measure, recommended: recommended.has(it.measure) ? 1 : 0, reason: recommended.get(it.measure) ?? null,
      target_date: it.targetDate ?? null, status: it.status, outcome: it.outcome ?? null, updated_by: actor.id, updated_at: at,
    })));
    await audit(trx, actor, 'plan.update', 'household', id, { items: p.items.map((i) => ({ measure: i.measure, status: i.status })) });
  });
  return getPlan(db, actor, id);
}

/** How many filed households fall in each batch, per region (the actor's scope). */
export async function batchSummary(db: Db, actor: Actor): Promise<BatchSummary> {
  const rows = await filedPerBatch(db, actor);
  const regions = new Map<string, { regionCode: string; batches: number[]; total: number }>();
  for (const r of rows) {
    const e = regions.get(r.region_code) ?? { regionCode: r.region_code, batches: [0, 0, 0], total: 0 };
    const b = Number(r.urgency_batch ?? 3);
    e.batches[b - 1] += Number(r.n);
    e.total += Number(r.n);
    regions.set(r.region_code, e);
  }
  return { batchLabels: [...BATCH_LABELS], regions: [...regions.values()].sort((a, b) => a.regionCode.localeCompare(b.regionCode)) };
}
