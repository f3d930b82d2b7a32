// Pure helpers of the 因户施策 · 常态帮扶 pages: the plan editor's rows, the record form's money
// rule, yearly counts, batch totals and 定点联系 quota wording. No React, no requests.
import { MONEY_ASSISTANCE_TYPES, PLAN_STATUSES, todayInChina, type AssistanceType } from '@bangfu/core';
import type { AssistanceRecord, Plan, PlanItem, PlanItemInput } from '../api/assistance';

/** Types whose record carries an amount in yuan (慰问金、物资、助学、小额贷款、医疗救助). */
export function isMoneyType(type: string | null | undefined): boolean {
  return !!type && (MONEY_ASSISTANCE_TYPES as readonly string[]).includes(type);
}

/** Whether the amount must be filled (server: every money type but 医疗救助, which may be in kind). */
export function amountRequired(type: string | null | undefined): boolean {
  return isMoneyType(type) && type !== '医疗救助';
}

/** One editable row of the plan editor: a plan item before it is saved (who and when come from the server). */
export type PlanRow = Omit<PlanItem, 'updatedAt' | 'updatedBy'>;

/**
 * The rows the editor starts from: the saved plan, or — when there is none yet — the recommended
 * measures, preselected with status 计划.
 */
export function initialPlanRows(plan: Pick<Plan, 'items' | 'recommendations'>): PlanRow[] {
  if (plan.items.length)
    return plan.items.map((i) => ({
      measure: i.measure, name: i.name, category: i.category, recommended: i.recommended, reason: i.reason,
      targetDate: i.targetDate, status: i.status, outcome: i.outcome,
    }));
  return plan.recommendations.map((r) => ({
    measure: r.measure, name: r.name, category: r.category, recommended: true, reason: r.reason, targetDate: null, status: 'planned', outcome: null,
  }));
}

/** The PUT body's items: empty strings become null, outcome trimmed. */
export function planPayload(rows: readonly PlanRow[]): PlanItemInput[] {
  return rows.map((r) => ({
    measure: r.measure,
    targetDate: r.targetDate || null,
    status: (PLAN_STATUSES as readonly string[]).includes(r.status) ? r.status : 'planned',
    outcome: r.outcome?.trim() ? r.outcome.trim() : null,
  }));
}

/** Records of a year (by the record's date) that solved a practical problem. */
export function solvedInYear(records: readonly Pick<AssistanceRecord, 'date' | 'solvedProblem'>[], year: number): number {
  const y = String(year);
  return records.filter((r) => r.solvedProblem && r.date.slice(0, 4) === y).length;
}

/** The record POST body from the form's values (date as YYYY-MM-DD, amount only for money types). */
export function recordPayload(v: { date: string; type: AssistanceType; amount?: string | number | null; description?: string; solvedProblem?: boolean }) {
  const amount = isMoneyType(v.type) && v.amount !== undefined && v.amount !== null && String(v.amount).trim() !== '' ? String(v.amount).trim() : null;
  return { date: v.date, type: v.type, amount, description: (v.description ?? '').trim(), solvedProblem: !!v.solvedProblem };
}

/** Column totals of 分期分批: [第一批, 第二批, 第三批, 合计]. */
/** The 合计 of 分期分批 by column key: b0, b1 … per batch, and total. */
export function batchTotals(regions: readonly { batches: readonly number[]; total: number }[], batchCount: number): Record<string, number> {
  const t: Record<string, number> = { total: 0 };
  for (let i = 0; i < batchCount; i++) t[`b${i}`] = 0;
  for (const r of regions) {
    for (let i = 0; i < batchCount; i++) t[`b${i}`] += r.batches[i] ?? 0;
    t.total += r.total;
  }
  return t;
}

/** Whole days from `from` (YYYY-MM-DD) to `today` (YYYY-MM-DD); null without a date. */
export function daysBetween(from: string | null | undefined, today: string): number | null {
  if (!from) return null;
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${today}T00:00:00Z`);
  if (Number.isNaN(a) || Number.isNaN(b)) return null;
  return Math.round((b - a) / 86_400_000);
}

/** 「超过 N 天未走访」 for an overdue household (never visited: said so). */
export function overdueText(lastAssistedOn: string | null | undefined, overdueDays: number): string {
  return lastAssistedOn ? `超过 ${overdueDays} 天未走访` : `超过 ${overdueDays} 天未走访（尚无帮扶记录）`;
}

/** How a 定点联系 quota reads: 少 1 户 / 多 1 户 / 已达标. */
export function quotaText(q: { expected: number; linked: number }): string {
  if (q.linked < q.expected) return `少 ${q.expected - q.linked} 户`;
  if (q.linked > q.expected) return `多 ${q.linked - q.expected} 户`;
  return '已达标';
}

/** The years a summary can be asked for: this year back to `from`, newest first. */
/** This year, in China (the year a yearly page opens on). */
export const currentYearInChina = (): number => Number(todayInChina().slice(0, 4));

export function yearOptions(current: number, from = 2016): number[] {
  const out: number[] = [];
  for (let y = current; y >= Math.min(from, current); y--) out.push(y);
  return out;
}
