// A campaign (专项行动): its phases and deadlines, who must submit (上报), and the date rules the
// server and the browser both apply: the phase of a day, the days left to a deadline, whether a
// submission was on time. Dates are `YYYY-MM-DD` in China; a submission is on time when it is made
// on or before its deadline's day (China time).
import { z } from 'zod';
import { parseIsoDate, todayInChina } from './dates.js';

/** data: 数据上报 (a snapshot of the files, with its Excel); report: 材料报送 (the written report of the next issue). */
export const DEADLINE_KINDS = ['data', 'report'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];
export const DEADLINE_KIND_LABELS: Record<DeadlineKind, string> = { data: '数据上报', report: '材料报送' };

/** A submission's own states; an organization that has none for a deadline is 未上报 ('none'). */
export const SUBMISSION_STATUSES = ['submitted', 'returned', 'accepted'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export const SUBMISSION_STATES = ['none', ...SUBMISSION_STATUSES] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];
export const SUBMISSION_STATE_LABELS: Record<SubmissionState, string> = {
  none: '未上报', submitted: '已上报', returned: '已退回', accepted: '已接收',
};

/** The statuses of the files a data submission covers (and exports): the ones past the filer's draft and still on the books. */
export const SUBMITTED_FILE_STATUSES = ['submitted', 'unitApproved', 'filed'] as const;

/** Under review: 待单位审核 and 待市总审核 (the "waiting" of the progress table and of the list's `waiting` filter). */
export const WAITING_STATUSES = ['submitted', 'unitApproved'] as const;

const ymd = (label: string) =>
  z.string({ error: `${label}应为日期` }).refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseIsoDate(s) !== null, {
    error: `${label}应为有效日期，格式 YYYY-MM-DD`,
  });

const phaseSchema = z.object({
  name: z.string({ error: '阶段名称不能为空' }).trim().min(1, { error: '阶段名称不能为空' }).max(20, { error: '阶段名称不能超过20个字' }),
  startDate: ymd('阶段开始日期'),
  endDate: ymd('阶段结束日期'),
});

const deadlineSchema = z.object({
  /** an existing deadline keeps its id (its submissions stay with it); a new one has none */
  id: z.number().int().positive().optional(),
  kind: z.enum(DEADLINE_KINDS, { error: '截止类型应为 data（数据上报）或 report（材料报送）' }),
  label: z.string({ error: '截止事项不能为空' }).trim().min(1, { error: '截止事项不能为空' }).max(40, { error: '截止事项不能超过40个字' }),
  dueDate: ymd('截止日期'),
  /** a report deadline: how many 调研报告 each required county union and each required unit owes */
  reportsPerRegion: z.number({ error: '县区工会应交篇数应为1至5' }).int({ error: '县区工会应交篇数应为1至5' }).min(1, { error: '县区工会应交篇数应为1至5' }).max(5, { error: '县区工会应交篇数应为1至5' }).optional(),
  reportsPerUnit: z.number({ error: '基层单位应交篇数应为1至5' }).int({ error: '基层单位应交篇数应为1至5' }).min(1, { error: '基层单位应交篇数应为1至5' }).max(5, { error: '基层单位应交篇数应为1至5' }).optional(),
});

/** What the city union enters for a campaign (create and edit alike). */
export const campaignInputSchema = z.object({
  name: z.string({ error: '行动名称不能为空' }).trim().min(1, { error: '行动名称不能为空' }).max(60, { error: '行动名称不能超过60个字' }),
  year: z.number({ error: '年度应为四位年份' }).int({ error: '年度应为四位年份' }).min(2000, { error: '年度应在2000至2100之间' }).max(2100, { error: '年度应在2000至2100之间' }),
  startDate: ymd('开始日期'),
  endDate: ymd('结束日期'),
  phases: z.array(phaseSchema, { error: '阶段应为列表' }).max(10, { error: '阶段最多10个' }).default([]),
  deadlines: z.array(deadlineSchema, { error: '截止事项应为列表' }).min(1, { error: '至少要有一个截止事项' }).max(10, { error: '截止事项最多10个' }),
  /** the organizations that must submit: regions and units (大中型企事业单位) */
  requiredOrgCodes: z.array(z.string().regex(/^H\d{2}(-\d{4})*$/, { error: '组织代码格式不正确' }), { error: '上报单位应为组织代码列表' })
    .min(1, { error: '至少要有一个上报单位' }).max(1000, { error: '上报单位最多1000个' }),
}).superRefine((c, ctx) => {
  if (c.endDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: '结束日期不能早于开始日期' });
  c.phases.forEach((p, i) => {
    if (p.endDate < p.startDate) ctx.addIssue({ code: 'custom', path: ['phases', i, 'endDate'], message: `第${i + 1}个阶段的结束日期不能早于开始日期` });
    if (p.startDate < c.startDate || p.endDate > c.endDate)
      ctx.addIssue({ code: 'custom', path: ['phases', i, 'startDate'], message: `第${i + 1}个阶段应在行动的起止日期之内` });
  });
  c.deadlines.forEach((d, i) => {
    if (d.dueDate < c.startDate) ctx.addIssue({ code: 'custom', path: ['deadlines', i, 'dueDate'], message: `截止日期“${d.label}”不能早于行动开始日期` });
  });
  const dup = c.requiredOrgCodes.find((code, i) => c.requiredOrgCodes.indexOf(code) !== i);
  if (dup) ctx.addIssue({ code: 'custom', path: ['requiredOrgCodes'], message: `上报单位 ${dup} 重复` });
});
export type CampaignInput = z.input<typeof campaignInputSchema>;
export type CampaignData = z.output<typeof campaignInputSchema>;

export interface Phase { name: string; startDate: string; endDate: string }

/** The phase a day falls in (the first that holds it), or null before, between and after the phases. */
export function phaseOn(phases: readonly Phase[], day: string): Phase | null {
  return phases.find((p) => p.startDate <= day && day <= p.endDate) ?? null;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Whether a submission made at this moment (ISO time) meets a deadline's day, in China time. */
export function submittedOnTime(submittedAtIso: string, dueDate: string): boolean {
  return todayInChina(new Date(submittedAtIso)) <= dueDate;
}

/** The campaign's state on a day: 未开始, 进行中, 已结束. */
export function campaignStateOn(c: { startDate: string; endDate: string }, day: string): 'upcoming' | 'running' | 'ended' {
  return day < c.startDate ? 'upcoming' : day > c.endDate ? 'ended' : 'running';
}
export const CAMPAIGN_STATE_LABELS = { upcoming: '未开始', running: '进行中', ended: '已结束' } as const;

/** A number of the progress table, by the household-list filters that give it. */
export type ProgressMeasure = 'total' | 'draft' | 'submitted' | 'unitApproved' | 'filed' | 'removed' | 'exited' | 'newThisWeek' | 'waiting' | 'returned';

/**
 * The household list's filters (as URL parameters) that list exactly the files a progress number
 * counts: every number of the progress table and the 工作台 links to the list with these.
 */
export function progressFilter(
  year: number, org: { kind: 'region' | 'unit' | 'direct' | 'all'; orgCode: string }, measure: ProgressMeasure, weekStart: string, asOf: string | null = null,
): Record<string, string> {
  const f: Record<string, string> = { fillYear: String(year) };
  // as of a past day: the files entered by then, each in the status it had that day
  if (asOf) f.asOf = asOf;
  if (org.kind !== 'all') f.regionCode = org.orgCode.slice(0, 3);
  if (org.kind === 'unit') f.unitId = org.orgCode;
  if (org.kind === 'direct') f.unitId = 'none';
  if (measure === 'newThisWeek') f.createdSince = weekStart;
  else if (measure === 'waiting') f.waitingDays = '0';
  else if (measure === 'returned') f.returned = 'true';
  else if (measure !== 'total') f.status = measure;
  return f;
}
