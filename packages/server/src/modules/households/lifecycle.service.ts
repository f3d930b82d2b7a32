// The file lifecycle: submit, the unit union's and the city union's review, removal (剔除),
// exit from hardship (脱困) and reopening. core's TRANSITIONS says which action leads from which
// status; this file says who may take it. Each transition is one transaction: the new status,
// the opinion or reason, the version row and the audit row.
import { z } from 'zod';
import {
  addMonths, canTransition, HOUSEHOLD_STATUS_LABELS, parseIsoDate, todayInChina, TRANSITIONS,
  type HouseholdStatus, type LifecycleAction,
} from '@bangfu/core';
import { inTransaction, type Db, type Q as Trx } from '../../db/transaction.js';
import { eachInOwnTransaction } from '../../lib/batch.js';
import { nowIso } from '../../lib/clock.js';
import { parseInput } from '../../lib/validate.js';
import { AppError, forbidden, notFound, validationFailed } from '../../lib/errors.js';
import type { Actor } from '../access/actor.js';
import { canFile, canReviewCity, canReviewUnit } from '../access/scope.js';
import { audit } from '../audit/audit.repository.js';
import { getAssistanceSettings } from '../settings/settings.service.js';
import { evaluateAndStore } from './evaluation.service.js';
import { rowToData } from './household.mapping.js';
import * as repo from './households.repository.js';
import { stepDays } from './step-days.js';
import { loadJson, masked, refuseDuplicateWorker, type HouseholdFile } from './households.service.js';

export interface TransitionInput {
  opinion?: string;
  reason?: string;
  exitDate?: string;
}

const REVIEW_ACTIONS = { unit: { agree: 'unitAgree', return: 'unitReturn' }, city: { agree: 'cityAgree', return: 'cityReturn' } } as const;

export const reviewSchema = z.object({
  level: z.enum(['unit', 'city'], { error: '审核层级应为 unit（单位工会）或 city（市总工会）' }),
  decision: z.enum(['agree', 'return'], { error: '审核意见应为 agree（同意）或 return（退回）' }),
  opinion: z.string({ error: '请填写审核意见' }).trim().min(1, { error: '请填写审核意见' }).max(1000, { error: '审核意见不能超过1000个字' }),
});

export const batchReviewSchema = reviewSchema.extend({
  ids: z.array(z.number().int().positive().max(2_147_483_647, { error: '档案编号无效' }), { error: '请选择档案' }).min(1, { error: '请至少选择一户档案' }).max(500, { error: '一次最多审核500户' }),
});

const reasonSchema = z.object({
  reason: z.string({ error: '请填写原因' }).trim().min(1, { error: '请填写原因' }).max(500, { error: '原因不能超过500个字' }),
});

export const exitSchema = reasonSchema.extend({
  date: z.string({ error: '请填写脱困日期' }).refine((s) => parseIsoDate(s) !== null, { error: '脱困日期应为有效日期，格式 YYYY-MM-DD' }),
});

/** Who may take an action on a file; throws 403 with the reason in Chinese. */
function authorize(actor: Actor, action: LifecycleAction, row: { region_code: string; unit_id: string | null; created_by: number; submitted_by: number | null }) {
  switch (action) {
    case 'submit':
    case 'remove':
    case 'exit':
    case 'reopen':
      if (!canFile(actor, row.region_code, row.unit_id)) throw forbidden('您没有办理此档案的权限');
      return;
    case 'unitAgree':
    case 'unitReturn':
      if (!canReviewUnit(actor, row.region_code, row.unit_id)) throw forbidden('只有职工所在单位工会或县（市、区）工会可以签署单位工会意见');
      if (actor.id === row.created_by || actor.id === row.submitted_by) throw forbidden('填报人不能审核自己填报的档案，请由本单位工会其他人员审核');
      return;
    case 'cityAgree':
    case 'cityReturn':
      if (!canReviewCity(actor)) throw forbidden('只有市总工会可以签署市总工会意见');
      if (actor.id === row.created_by) throw forbidden('填报人不能审核自己填报的档案');
      return;
  }
}

/** Takes one action inside the caller's transaction. */
export async function transitionInTransaction(trx: Trx, actor: Actor, id: number, action: LifecycleAction, input: TransitionInput, auditDetail: Record<string, unknown> = {}): Promise<void> {
  const row = await repo.findHouseholdRow(trx, actor, id);
  if (!row) throw notFound('档案');
  const from = row.status as HouseholdStatus;
  const t = TRANSITIONS[action];
  if (!canTransition(action, from))
    throw new AppError('INVALID_TRANSITION', { message: `档案当前状态为“${HOUSEHOLD_STATUS_LABELS[from] ?? from}”，不能${t.label}` });
  authorize(actor, action, row);
  const at = nowIso();
  const text = (t.needs === 'opinion' ? input.opinion : input.reason) ?? null;
  const set: Record<string, unknown> = { status: t.to, version: row.version + 1, updated_by: actor.id, updated_at: at, ...stepDays(action, at, row.filed_on, input.exitDate) };
  if (action === 'submit') Object.assign(set, { submitted_at: at, submitted_by: actor.id, return_reason: null });
  if (action === 'unitReturn' || action === 'cityReturn') set.return_reason = text;
  if (action === 'remove') Object.assign(set, { removal_reason: text, removed_at: at });
  if (action === 'exit') {
    const date = input.exitDate!;
    if (date > todayInChina()) throw validationFailed([{ path: 'date', message: '脱困日期不能晚于今天' }], 'exit');
    if (date < row.fill_date) throw validationFailed([{ path: 'date', message: '脱困日期不能早于填报日期' }], 'exit');
    // the first planned 脱困回访 (the assistance module keeps it moving with each follow-up)
    const { followUpMonths } = await getAssistanceSettings(trx);
    Object.assign(set, { exit_reason: text, exit_date: date, follow_up_due_on: addMonths(date, followUpMonths[0]), follow_ups_made: 0 });
  }
  if (action === 'reopen') {
    // its records went to the file kept: that one is the family's file now
    if (row.merged_into) throw new AppError('HOUSEHOLD_CLOSED', { message: '该档案是重复建档，已并入另一份档案，不能重新纳入；请在保留的档案上继续办理' });
    await refuseDuplicateWorker(trx, actor, row.id_number, id, '不能重新纳入');
    Object.assign(set, { removal_reason: null, removed_at: null, exit_reason: null, exit_date: null, return_reason: null, follow_up_due_on: null, follow_ups_made: 0 });
  }
  if (!(await repo.updateHouseholdGuarded(trx, id, { version: row.version, status: from }, set))) throw new AppError('VERSION_CONFLICT', { message: '档案已被他人办理，请刷新后重试' });
  if (t.needs === 'opinion') {
    await repo.insertOpinion(trx, {
      household_id: id, file_version: row.version, level: action.startsWith('unit') ? 'unit' : 'city', decision: action.endsWith('Agree') ? 'agree' : 'return',
      opinion: text!, author_id: actor.id, author_name: actor.displayName, org_code: actor.orgCode, org_name: actor.orgName, at,
    });
  }
  const data = rowToData(row, await repo.findMembers(trx, id));
  // Entering or leaving 已建档 changes whether the file may carry a removal proposal (a removed
  // file's pending proposal is withdrawn here, by core's proposalStep).
  await evaluateAndStore(trx, id, data, row.version + 1, t.to);
  await repo.insertVersion(trx, {
    household_id: id, version: row.version + 1, action, changed_by: actor.id, changed_at: at,
    changes: JSON.stringify([{ path: 'status', label: '状态', old: HOUSEHOLD_STATUS_LABELS[from], new: HOUSEHOLD_STATUS_LABELS[t.to] }]),
    reason: action === 'exit' ? `${text}（脱困日期 ${input.exitDate}）` : text, snapshot: JSON.stringify(data),
  });
  await audit(trx, actor, `household.${action}`, 'household', id, { from, to: t.to, text, ...auditDetail });
}

async function run(db: Db, actor: Actor, id: number, action: LifecycleAction, input: TransitionInput): Promise<HouseholdFile> {
  return inTransaction(db, async (trx) => {
    await transitionInTransaction(trx, actor, id, action, input);
    return masked(actor, (await loadJson(trx, actor, id))!);
  });
}

export const submitHousehold = (db: Db, actor: Actor, id: number) => run(db, actor, id, 'submit', {});

export async function reviewHousehold(db: Db, actor: Actor, id: number, input: unknown) {
  const r = parseInput(reviewSchema, input, 'review');
  return run(db, actor, id, REVIEW_ACTIONS[r.level][r.decision], { opinion: r.opinion });
}

export async function removeHousehold(db: Db, actor: Actor, id: number, input: unknown) {
  const r = parseInput(reasonSchema, input, 'removal');
  return run(db, actor, id, 'remove', { reason: r.reason });
}

export async function exitHousehold(db: Db, actor: Actor, id: number, input: unknown) {
  const r = parseInput(exitSchema, input, 'exit');
  return run(db, actor, id, 'exit', { reason: r.reason, exitDate: r.date });
}

export async function reopenHousehold(db: Db, actor: Actor, id: number, input: unknown) {
  const r = parseInput(reasonSchema, input, 'reopen');
  return run(db, actor, id, 'reopen', { reason: r.reason });
}

/** Agree or return many files at once: one transaction and one audit row each. */
export async function reviewBatch(db: Db, actor: Actor, input: unknown) {
  const r = parseInput(batchReviewSchema, input, 'batch review');
  // a role that can never give this opinion is refused as a whole, not file by file
  if (r.level === 'city' ? !canReviewCity(actor) : !['unit', 'region'].includes(actor.role))
    throw forbidden(r.level === 'city' ? '只有市总工会可以签署市总工会意见' : '只有职工所在单位工会或县（市、区）工会可以签署单位工会意见');
  const action = REVIEW_ACTIONS[r.level][r.decision];
  const results = await eachInOwnTransaction(db, r.ids, (trx, id) => transitionInTransaction(trx, actor, id, action, { opinion: r.opinion }, { batch: true }));
  return { done: results.filter((x) => x.ok).length, results };
}
