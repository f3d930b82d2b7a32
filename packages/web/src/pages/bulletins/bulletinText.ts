// 通报 as the pages show them: the document's parts in Chinese (the issuing body, the date, the
// 附件 table's cells as the PDF writes them), who has not read it yet, and the edit form's values
// checked with core's own schema. Pure functions of core's responses.
import { BULLETIN_ISSUER, bulletinEditSchema, chineseDate, nowInChinaText, todayInChina, type BulletinStatus } from '@bangfu/core';
import type { Bulletin, BulletinEdit, BulletinRead, BulletinRow } from '../../api/bulletins';
import { toFormFieldErrors, type FormFieldError } from '../../lib/fieldErrors';

/** The 版头 and the 落款: 荆门市总工会“三万”活动工作领导小组办公室. */
export const BULLETIN_ISSUER_TEXT = `${BULLETIN_ISSUER.head}${BULLETIN_ISSUER.office}`;

export const BULLETIN_STATUS_COLORS: Record<BulletinStatus, string> = { draft: 'orange', published: 'green' };

/** 数据上报 of the 附件 table, as the PDF and Word write it. */
export const SUBMISSION_TEXT: Record<BulletinRow['submission'], string> = { onTime: '按时', late: '逾期', missing: '未上报', notDue: '—' };
export const SUBMISSION_COLORS: Record<BulletinRow['submission'], string | undefined> = { onTime: 'green', late: 'orange', missing: 'red', notDue: undefined };

/** The 发文字号 (荆工帮通〔2026〕3号), given when the bulletin is published; a draft has none yet. */
export function numberText(b: { number: string | null }): string {
  return b.number ?? '（发布时编号）';
}

/** 0.875 → 87.5%; none → — */
export function pctText(x: number | null): string {
  return x === null ? '—' : `${(x * 100).toFixed(1)}%`;
}

/** 调研报告 of a row: sent/owed, or — when none is owed. */
export function reportsText(r: Pick<BulletinRow, 'reportsSent' | 'reportsOwed'>): string {
  return r.reportsOwed ? `${r.reportsSent}/${r.reportsOwed}` : '—';
}

/** A stored time (ISO, UTC) as China's wall clock: 2026-05-01 09:30. */
export function chinaTimeText(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : nowInChinaText(d);
}

/** The 成文日期: the day of publication (of the last change for a draft) in China, 2026年5月1日. */
export function issueDateText(b: Pick<Bulletin, 'publishedAt' | 'updatedAt'>): string {
  const d = new Date(b.publishedAt ?? b.updatedAt);
  return Number.isNaN(d.getTime()) ? '' : chineseDate(todayInChina(d));
}

/** What the server names a bulletin without a title of its own. */
export function defaultBulletinTitle(campaignName: string): string {
  return `关于${campaignName}工作进展情况的通报`;
}

/** The 附件 table's title, as the documents write it. */
export function attachmentTitle(asOf: string): string {
  return `各地各单位工作进展情况（截至${chineseDate(asOf)}；排名按建档率，县（市、区）与大中型企事业单位分列）`;
}

/**
 * 未读: a published bulletin the user has not opened. The issuers' own readings are not recorded,
 * so they never see it.
 */
export function isUnread(b: Pick<Bulletin, 'status' | 'readByMe'>, issuer: boolean): boolean {
  return !issuer && b.status === 'published' && !b.readByMe;
}

export interface ReadSummary {
  /** the organizations that have read it, first reader first */
  read: BulletinRead[];
  /** the organizations of the 附件 table (regions and required units) none of whose people has read it */
  unread: Pick<BulletinRow, 'orgCode' | 'orgName' | 'kind'>[];
  /** of the table's organizations, how many have read it */
  readOfRows: number;
}

export function readSummary(rows: readonly BulletinRow[], reads: readonly BulletinRead[]): ReadSummary {
  const codes = new Set(reads.map((r) => r.orgCode));
  const unread = rows.filter((r) => !codes.has(r.orgCode)).map(({ orgCode, orgName, kind }) => ({ orgCode, orgName, kind }));
  return {
    read: [...reads].sort((a, b) => a.firstReadAt.localeCompare(b.firstReadAt) || a.orgCode.localeCompare(b.orgCode)),
    unread,
    readOfRows: rows.length - unread.length,
  };
}

// ---- 编辑 -------------------------------------------------------------------------------------

/** The edit form's values: the text of a draft. */
export interface EditValues {
  title: string;
  recipients: string;
  paragraphs: string[];
}

export function editValuesOf(b: Pick<Bulletin, 'title' | 'recipients' | 'paragraphs'>): EditValues {
  return { title: b.title, recipients: b.recipients, paragraphs: [...b.paragraphs] };
}

/** The form's values as they stand (a field never touched may be undefined). */
function normalized(v: Partial<EditValues> | undefined): EditValues {
  return { title: v?.title ?? '', recipients: v?.recipients ?? '', paragraphs: (v?.paragraphs ?? []).map((p) => p ?? '') };
}

/** Whether the form differs from the saved text (order of paragraphs included). */
export function isDirty(saved: EditValues, current: Partial<EditValues> | undefined): boolean {
  if (!current) return false;
  const c = normalized(current);
  return c.title !== saved.title || c.recipients !== saved.recipients || c.paragraphs.length !== saved.paragraphs.length || c.paragraphs.some((p, i) => p !== saved.paragraphs[i]);
}

/** PUT's body; the server trims and drops empty paragraphs. */
export function editBody(v: Partial<EditValues>, version: number): BulletinEdit {
  return { ...normalized(v), version };
}

/** core's bulletinEditSchema on the form's values: the errors beside their fields ([] when none). */
export function editProblems(v: Partial<EditValues>, version: number): FormFieldError[] {
  const r = bulletinEditSchema.safeParse(editBody(v, version));
  if (r.success) return [];
  const errors = r.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.').replace(/\.\[/g, '['), message: i.message }));
  return toFormFieldErrors(errors).fields;
}
