// 表彰 (对工作成效显著的单位和个人集中表彰): nominations of organizations (先进单位) and of people
// (先进个人, the cadres who help) for a year, from the assessment's ranking or by hand with a
// reason; the city union approves or declines; the approved ones are the year's list.
import { z } from 'zod';

export const COMMENDATION_KINDS = ['org', 'person'] as const;
export type CommendationKind = (typeof COMMENDATION_KINDS)[number];
export const COMMENDATION_KIND_LABELS: Record<CommendationKind, string> = { org: '先进单位', person: '先进个人' };

export const COMMENDATION_STATUSES = ['proposed', 'approved', 'declined'] as const;
export type CommendationStatus = (typeof COMMENDATION_STATUSES)[number];
export const COMMENDATION_STATUS_LABELS: Record<CommendationStatus, string> = { proposed: '待审批', approved: '已批准', declined: '未批准' };

/** ranking: proposed from the assessment's ranking (its reason says the rank and total); manual: by hand */
export const COMMENDATION_SOURCES = ['ranking', 'manual'] as const;

export const commendationInputSchema = z.object({
  year: z.number({ error: '请选择表彰年度' }).int({ error: '请选择表彰年度' }).min(2000, { error: '表彰年度应在2000至2100之间' }).max(2100, { error: '表彰年度应在2000至2100之间' }),
  kind: z.enum(COMMENDATION_KINDS, { error: '表彰类别应为 org（先进单位）或 person（先进个人）' }),
  orgCode: z.string({ error: '请选择单位' }).regex(/^H\d{2}(-\d{4})*$/, { error: '组织代码格式不正确' }).optional(),
  username: z.string({ error: '请选择个人' }).trim().min(1, { error: '请选择个人' }).max(64).optional(),
  title: z.string({ error: '请填写荣誉称号' }).trim().min(2, { error: '请填写荣誉称号' }).max(40, { error: '荣誉称号不能超过40个字' }),
  reason: z.string({ error: '请填写推荐理由' }).trim().min(2, { error: '请填写推荐理由' }).max(500, { error: '推荐理由不能超过500个字' }),
  source: z.enum(COMMENDATION_SOURCES, { error: '推荐来源应为 ranking 或 manual' }).default('manual'),
}).superRefine((c, ctx) => {
  if (c.kind === 'org' && !c.orgCode) ctx.addIssue({ code: 'custom', path: ['orgCode'], message: '推荐先进单位时请选择单位' });
  if (c.kind === 'person' && !c.username) ctx.addIssue({ code: 'custom', path: ['username'], message: '推荐先进个人时请选择个人' });
});
export type CommendationInput = z.input<typeof commendationInputSchema>;

export const commendationDecisionSchema = z.object({
  decision: z.enum(['approve', 'decline'], { error: '审批结果应为 approve（批准）或 decline（不批准）' }),
  opinion: z.string({ error: '意见应为文字' }).trim().max(200, { error: '意见不能超过200个字' }).optional(),
}).superRefine((d, ctx) => {
  if (d.decision === 'decline' && !d.opinion) ctx.addIssue({ code: 'custom', path: ['opinion'], message: '不批准时请填写意见' });
});

/** The default titles, as the seed's 集中表彰 names them. */
export const COMMENDATION_DEFAULT_TITLES: Record<CommendationKind, string> = {
  org: '精准帮扶工作先进单位',
  person: '精准帮扶工作先进个人',
};
