// 通报 (progress bulletins) of a campaign: the city union's 领导小组办公室 drafts one as of a day,
// edits the text the system drafts from the numbers, and publishes it; a published bulletin is
// read-only and visible to every organization. Numbered per year: 荆工帮通〔2026〕3号.
import { z } from 'zod';
import { parseIsoDate } from './dates.js';

export const BULLETIN_STATUSES = ['draft', 'published'] as const;
export type BulletinStatus = (typeof BULLETIN_STATUSES)[number];
export const BULLETIN_STATUS_LABELS: Record<BulletinStatus, string> = { draft: '草稿', published: '已发布' };
/** the issuing body (版头) and its signature (落款), as the seed names it */
export const BULLETIN_ISSUER = { head: '荆门市总工会', office: '“三万”活动工作领导小组办公室' } as const;
export const BULLETIN_DEFAULT_RECIPIENTS = '各县（市、区）总工会，漳河新区、屈家岭管理区工会，市直各产业（系统）工会，各大中型企事业单位工会：';

export function bulletinNumber(year: number, seq: number): string {
  return `荆工帮通〔${year}〕${seq}号`;
}

const day = (label: string) => z.string({ error: `请选择${label}` }).refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && parseIsoDate(s) !== null, { error: `${label}应为有效日期，格式 YYYY-MM-DD` });
const title = z.string({ error: '请填写标题' }).trim().min(1, { error: '请填写标题' }).max(60, { error: '标题不能超过60个字' });

export const bulletinCreateSchema = z.object({
  campaignId: z.number({ error: '请选择专项行动' }).int({ error: '请选择专项行动' }).positive({ error: '请选择专项行动' }),
  asOf: day('统计截至日期'),
  title: title.optional(),
});

export const bulletinEditSchema = z.object({
  title,
  recipients: z.string({ error: '请填写主送机关' }).trim().min(1, { error: '请填写主送机关' }).max(200, { error: '主送机关不能超过200个字' }),
  paragraphs: z.array(z.string({ error: '段落应为文字' }).trim().max(2000, { error: '每段不能超过2000个字' }), { error: '正文应为段落列表' })
    .min(1, { error: '正文不能为空' }).max(40, { error: '正文最多40段' })
    .refine((ps) => ps.some((p) => p.length > 0), { error: '正文不能为空' }),
  version: z.number({ error: '缺少版本号，请刷新页面' }).int({ error: '缺少版本号，请刷新页面' }),
});
export type BulletinEdit = z.infer<typeof bulletinEditSchema>;

/** A paragraph that is a heading of the body (一、… ): set in 黑体 in the documents. */
export const isBulletinHeading = (p: string) => /^[一二三四五六七八九十]+、/.test(p) && p.length <= 30;
