// 考核 (the year-end assessment, 结合年底创先争优考核): a rubric per year of indicators, each
// measured per county union (and per required large unit) from the data, turned into 0–100 by a
// stated linear rule, weighted into a total, adjusted by hand with a reason, and ranked. The
// arithmetic lives here so that the server, the browser and the tests compute it one way.
import { z } from 'zod';

export const INDICATOR_CODES = ['filedRate', 'coverage', 'onTime', 'reports', 'assisted', 'targetMet', 'overdue', 'returnedPer100'] as const;
export type IndicatorCode = (typeof INDICATOR_CODES)[number];

export interface IndicatorSpec {
  name: string;
  /** rate: a share 0–1 (shown as a percentage); per100: a number per hundred filed households */
  unit: 'rate' | 'per100';
  better: 'higher' | 'lower';
  /** how it is computed from the data, as the rubric page and the workbook state it */
  how: string;
}

export const INDICATORS: Record<IndicatorCode, IndicatorSpec> = {
  filedRate: { name: '建档率', unit: 'rate', better: 'higher', how: '本年度档案中已建档户数 ÷ 在档户数（草稿、待审核、已建档）' },
  coverage: { name: '原数据库覆盖率', unit: 'rate', better: 'higher', how: '本年度档案户数 ÷ 专项行动录入的原困难职工数据库户数' },
  onTime: { name: '按时上报率', unit: 'rate', better: 'higher', how: '按时上报（且未被退回）的数据上报事项 ÷ 已到截止日期的数据上报事项' },
  reports: { name: '调研报告完成率', unit: 'rate', better: 'higher', how: '已接收的调研报告篇数（不超过应交篇数）÷ 已到截止日期的应交篇数' },
  assisted: { name: '帮扶覆盖率', unit: 'rate', better: 'higher', how: '本年度有帮扶记录的已建档户 ÷ 已建档户（各填表年度，按当前状态）' },
  targetMet: { name: '解决问题达标率', unit: 'rate', better: 'higher', how: '本年度解决实际问题件数达到年度目标的已建档户 ÷ 已建档户' },
  overdue: { name: '走访超期率', unit: 'rate', better: 'lower', how: '超过规定天数未走访的已建档户 ÷ 已建档户（按当前的最近帮扶日期）' },
  returnedPer100: { name: '审核退回率', unit: 'per100', better: 'lower', how: '本年度审核退回次数 ÷ 本年度档案已建档户数 × 100（每百户退回次数）' },
};

export const ASSESSMENT_LEVELS = ['region', 'unit'] as const;
export type AssessmentLevel = (typeof ASSESSMENT_LEVELS)[number];
export const ASSESSMENT_LEVEL_LABELS: Record<AssessmentLevel, string> = { region: '县（市、区）工会', unit: '大中型企事业单位' };

const num = (label: string) => z.number({ error: `${label}应为数字` }).refine(Number.isFinite, { error: `${label}应为数字` });

export const rubricItemSchema = z.object({
  code: z.enum(INDICATOR_CODES, { error: '考核指标代码不正确' }),
  weight: z.number({ error: '权重应为0至100的整数' }).int({ error: '权重应为0至100的整数' }).min(0, { error: '权重应为0至100的整数' }).max(100, { error: '权重应为0至100的整数' }),
  /** the value that scores 0 and the value that scores 100, in the indicator's unit (a rate as 0–1) */
  zero: num('0分对应值'),
  full: num('100分对应值'),
});
export type RubricItem = z.infer<typeof rubricItemSchema>;

export const rubricInputSchema = z.object({
  items: z.array(rubricItemSchema, { error: '考核指标应为列表' }).min(1, { error: '至少要有一个考核指标' }).max(INDICATOR_CODES.length, { error: '考核指标重复' }),
  /** the version read (0 for the seeded rubric never saved): a concurrent edit is refused */
  version: z.number({ error: '缺少版本号，请刷新页面' }).int({ error: '缺少版本号，请刷新页面' }).min(0),
}).superRefine((r, ctx) => {
  r.items.forEach((it, i) => {
    if (r.items.findIndex((x) => x.code === it.code) !== i) ctx.addIssue({ code: 'custom', path: ['items', i, 'code'], message: `考核指标“${INDICATORS[it.code].name}”重复` });
    if (it.zero === it.full) ctx.addIssue({ code: 'custom', path: ['items', i, 'full'], message: `“${INDICATORS[it.code].name}”的0分和100分对应值不能相同` });
    if (INDICATORS[it.code].unit === 'rate' && [it.zero, it.full].some((v) => v < 0 || v > 1))
      ctx.addIssue({ code: 'custom', path: ['items', i, 'zero'], message: `“${INDICATORS[it.code].name}”的对应值应在0%至100%之间` });
    if (INDICATORS[it.code].unit === 'per100' && [it.zero, it.full].some((v) => v < 0 || v > 100))
      ctx.addIssue({ code: 'custom', path: ['items', i, 'zero'], message: `“${INDICATORS[it.code].name}”的对应值应在0至100之间` });
  });
  const sum = r.items.reduce((s, it) => s + it.weight, 0);
  if (sum !== 100) ctx.addIssue({ code: 'custom', path: ['items'], message: `各项权重之和应为100，现为${sum}` });
});
export type RubricInput = z.infer<typeof rubricInputSchema>;

/** The rubric a year starts with until the city union saves its own. */
export const DEFAULT_RUBRIC: readonly RubricItem[] = [
  { code: 'filedRate', weight: 20, zero: 0, full: 1 },
  { code: 'coverage', weight: 15, zero: 0, full: 1 },
  { code: 'onTime', weight: 15, zero: 0, full: 1 },
  { code: 'reports', weight: 10, zero: 0, full: 1 },
  { code: 'assisted', weight: 15, zero: 0, full: 1 },
  { code: 'targetMet', weight: 10, zero: 0, full: 1 },
  { code: 'overdue', weight: 10, zero: 0.5, full: 0 },
  { code: 'returnedPer100', weight: 5, zero: 20, full: 0 },
];

/** One decimal, half away from zero (as a cadre rounds by hand). */
export const round1 = (x: number) => Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9) / 10;

/** 0–100: straight between the value scoring 0 and the one scoring 100, held at the ends. */
export function indicatorScore(value: number, rule: Pick<RubricItem, 'zero' | 'full'>): number {
  const t = (value - rule.zero) / (rule.full - rule.zero);
  return round1(100 * Math.min(1, Math.max(0, t)));
}

/**
 * The weighted total before adjustment: the indicators that apply (a value to measure, a weight)
 * weighed by their weights, over those weights; null when none applies (nothing to assess).
 */
export function weightedTotal(scored: readonly { score: number | null; weight: number }[]): number | null {
  const on = scored.filter((s) => s.score !== null && s.weight > 0);
  const w = on.reduce((s, x) => s + x.weight, 0);
  return w ? round1(on.reduce((s, x) => s + x.score! * x.weight, 0) / w) : null;
}

/** Ranks by total, highest first; equal totals share a rank (1, 2, 2, 4); none without a total. */
export function rankByTotal<T extends { total: number | null }>(items: readonly T[]): (T & { rank: number | null })[] {
  const totals = items.map((i) => i.total).filter((t): t is number => t !== null);
  return items.map((i) => ({ ...i, rank: i.total === null ? null : 1 + totals.filter((t) => t > i.total!).length }));
}

export const adjustmentInputSchema = z.object({
  year: z.number({ error: '请选择考核年度' }).int({ error: '请选择考核年度' }).min(2000, { error: '考核年度应在2000至2100之间' }).max(2100, { error: '考核年度应在2000至2100之间' }),
  orgCode: z.string({ error: '请选择被考核单位' }).regex(/^H\d{2}(-\d{4})*$/, { error: '组织代码格式不正确' }),
  points: z.number({ error: '加减分应为数字' }).refine((p) => Number.isFinite(p) && p !== 0 && Math.abs(p) <= 20 && round1(p) === p, { error: '加减分应为-20至20之间、最多一位小数的非零数' }),
  reason: z.string({ error: '请填写加减分理由' }).trim().min(2, { error: '请填写加减分理由' }).max(200, { error: '理由不能超过200个字' }),
});
export type AdjustmentInput = z.infer<typeof adjustmentInputSchema>;

/** A rate as the pages show it: 0.853 → 85.3%; per100 as a number: 2.5 次/百户. */
export function formatIndicatorValue(code: IndicatorCode, value: number | null): string {
  if (value === null) return '—';
  return INDICATORS[code].unit === 'rate' ? `${round1(value * 100)}%` : `${round1(value)}次/百户`;
}
