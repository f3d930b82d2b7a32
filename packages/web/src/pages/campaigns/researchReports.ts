// 调研报告 as the card shows them: a tracker row's state (逾期 / 按时 / 进行中), what one may do to a
// report (更换 / 接收 / 退回), sizes and counts in Chinese, and the chosen file checked with core's
// own rule before it is sent. Pure functions of core's responses.
import { checkReportFile, REPORT_MAX_BYTES } from '@bangfu/core';
import type { Campaign, Deadline, ReportTrackerRow, ResearchReport } from '../../api/campaigns';

/** A report is 已报送 (a data submission is 已上报), then 已退回 or 已接收. */
export const REPORT_STATUS_TEXT: Record<ResearchReport['status'], string> = { submitted: '已报送', returned: '已退回', accepted: '已接收' };

export type TrackerState = 'late' | 'done' | 'open';

export const TRACKER_STATE_TEXT: Record<TrackerState, string> = { late: '逾期', done: '按时', open: '进行中' };
export const TRACKER_STATE_COLORS: Record<TrackerState, string> = { late: 'red', done: 'green', open: 'processing' };

/** 逾期 (the server says late), 按时 (all owed sent in time), else 进行中. */
export function trackerState(row: Pick<ReportTrackerRow, 'late' | 'owed' | 'submitted'>): TrackerState {
  if (row.late) return 'late';
  return row.submitted >= row.owed ? 'done' : 'open';
}

/** The report deadlines of a campaign, in its order. */
export function reportDeadlines(c: Pick<Campaign, 'deadlines'>): Deadline[] {
  return c.deadlines.filter((d) => d.kind === 'report');
}

/** 应交：每个县区工会 2 篇，每个上报单位 1 篇 (only the kinds the campaign requires); '' for a data deadline. */
export function reportsOwedText(owed: Deadline['reportsOwed'], requiredOrgs: readonly { kind: 'region' | 'unit' }[]): string {
  if (!owed) return '';
  const parts = [
    ...(requiredOrgs.some((o) => o.kind === 'region') ? [`每个县区工会 ${owed.region} 篇`] : []),
    ...(requiredOrgs.some((o) => o.kind === 'unit') ? [`每个上报单位 ${owed.unit} 篇`] : []),
  ];
  return parts.length ? `应交：${parts.join('，')}` : '';
}

/** 第N次更换, or null when never replaced. */
export function replacedText(replaced: number): string | null {
  return replaced > 0 ? `第${replaced}次更换` : null;
}

/** 860 B, 12 KB, 1.5 MB */
export function fileSizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(Math.round((bytes / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
}

export interface ReportViewer {
  orgCode: string;
  /** the user's organization must submit and the role submits (region / unit) */
  submits: boolean;
  /** the city union (city / admin): 接收 / 退回 */
  decides: boolean;
}

export interface ReportActions {
  replace: boolean;
  decide: boolean;
}

/** 更换: the owner organization, until the city accepts; 接收 / 退回: the city, while it waits. */
export function reportActions(r: Pick<ResearchReport, 'orgCode' | 'status'>, who: ReportViewer): ReportActions {
  return {
    replace: who.submits && r.orgCode === who.orgCode && r.status !== 'accepted',
    decide: who.decides && r.status === 'submitted',
  };
}

/** The user's own organization's row of the tracker, or null. */
export function ownTally(tracker: readonly ReportTrackerRow[], orgCode: string): ReportTrackerRow | null {
  return tracker.find((t) => t.orgCode === orgCode) ?? null;
}

/**
 * What is wrong with the chosen file, by core's rule (its name and its content), or null. Reads at
 * most one byte past the limit, so that a huge file is refused without being read whole.
 */
export async function chosenFileProblem(file: Blob & { name: string }): Promise<string | null> {
  const bytes = new Uint8Array(await file.slice(0, REPORT_MAX_BYTES + 1).arrayBuffer());
  const r = checkReportFile(file.name, bytes);
  return 'error' in r ? r.error : null;
}

export interface DraftOrgOption {
  value: string;
  label: string;
}

/**
 * The organizations whose 数据稿 a user may ask for (the server's rule: the user's own subtree): a
 * unit cadre its own union; a county union itself and its units; the city's people (who see every
 * file; leaders and staff get no 数据稿 at all) the regions and the campaign's required units.
 */
export function draftOrgOptions(
  user: { role: string; orgCode: string; orgName: string },
  regions: readonly DraftOrgOption[],
  ownUnits: readonly DraftOrgOption[],
  requiredOrgs: Campaign['requiredOrgs'],
): DraftOrgOption[] {
  const own = { value: user.orgCode, label: user.orgName };
  if (user.role === 'unit') return [own];
  if (user.role === 'region') return [own, ...ownUnits.filter((u) => u.value.startsWith(`${user.orgCode}-`))];
  const units = requiredOrgs.filter((o) => o.kind === 'unit' && !regions.some((r) => r.value === o.code)).map((o) => ({ value: o.code, label: o.name }));
  return [...regions, ...units];
}
