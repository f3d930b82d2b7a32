// What a bulletin says, computed when it is drafted: per region (and required large unit) the
// campaign's progress as of the day (filed rate, coverage: progress.service), the data submission's
// state that day, the research reports sent and accepted by then, and the year's assisted share;
// the ranking by filed rate; whom to praise and whom to name as late, by stated rules; and the
// paragraphs the cadre then edits.
import { addDays, chinaDayStartIso, chineseDate, type BulletinRow, type Campaign, type ProgressItem } from '@bangfu/core';
import type { Q } from '../../db/transaction.js';
import type { Actor } from '../access/actor.js';
import { assistancePerRegion } from '../assistance/assistance-tally.repository.js';
import { facetRows } from '../households/tally.repository.js';
import { progress } from '../campaigns/progress.service.js';
import { listReports, nextReportDeadline } from '../campaigns/research-reports.service.js';

export interface BulletinData { rows: BulletinRow[]; praised: string[]; late: { orgName: string; reason: string }[] }

/** 0.5 → 50.0%; — without a value. */
export const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`);

function submissionOf(item: ProgressItem, daysLeft: number | null): BulletinRow['submission'] {
  const s = item.submission;
  if (!s || s.status === 'none') return daysLeft !== null && daysLeft < 0 ? 'missing' : 'notDue';
  return s.onTime ? 'onTime' : 'late';
}

/** Ranks by filed rate, then coverage (none without files), within regions and within units apart. */
function rank(rows: Omit<BulletinRow, 'rank'>[]): BulletinRow[] {
  const key = (r: Omit<BulletinRow, 'rank'>) => [r.filedRate ?? -1, r.coverage ?? -1];
  const sorted = [...rows].sort((a, b) => {
    if (a.kind !== b.kind) return a.kind === 'region' ? -1 : 1;
    const [x, y] = [key(a), key(b)];
    return y[0] - x[0] || y[1] - x[1] || a.orgCode.localeCompare(b.orgCode);
  });
  const n = { region: 0, unit: 0 };
  return sorted.map((r) => ({ ...r, rank: r.filedRate === null ? null : ++n[r.kind] }));
}

export interface Totals { total: number; filed: number; baseline: number | null }

/** The bulletin's numbers, and the regions' totals its first paragraphs cite (progress's 合计). */
export async function bulletinData(db: Q, actor: Actor, c: Campaign, asOf: string): Promise<{ data: BulletinData; totals: Totals }> {
  const [p, reports, assisted, byYear] = await Promise.all([
    progress(db, actor, String(c.id), { level: 'region', asOf }),
    listReports(db, actor, String(c.id)),
    assistancePerRegion(db, Number(asOf.slice(0, 4)), 'filed'),
    facetRows(db, 'year'),
  ]);
  // 帮扶覆盖: of a region's files on the books now (every fill year), those assisted in the day's calendar year
  const filedNow = new Map<string, number>();
  for (const r of byYear) if (r.status === 'filed') filedNow.set(r.regionCode, (filedNow.get(r.regionCode) ?? 0) + r.n);
  const end = chinaDayStartIso(addDays(asOf, 1));
  // the report deadline as the day saw it: the next due from then, else the last
  const reportDeadline = nextReportDeadline({ ...c, deadlines: c.deadlines.map((d) => ({ ...d, daysLeft: Math.round((Date.parse(d.dueDate) - Date.parse(asOf)) / 86_400_000) })) });
  const dataDaysLeft = p.deadline?.daysLeft ?? null;
  const rows = rank(p.items.filter((i) => i.kind === 'region' || i.kind === 'unit').map((i) => {
    const mine = reports.items.filter((r) => r.orgCode === i.orgCode && r.deadlineId === reportDeadline?.id && r.firstSubmittedAt < end);
    const owed = !reportDeadline || !i.required ? 0 : i.kind === 'region' ? reportDeadline.reportsOwed!.region : reportDeadline.reportsOwed!.unit;
    const a = assisted.find((x) => x.region_code === i.orgCode);
    const onBooks = filedNow.get(i.orgCode) ?? 0;
    return {
      orgCode: i.orgCode, orgName: i.orgName, kind: i.kind as 'region' | 'unit', total: i.total, filed: i.byStatus.filed, filedRate: i.filedRate, coverage: i.coverage,
      submission: i.required ? submissionOf(i, dataDaysLeft) : 'notDue',
      reportsOwed: owed, reportsSent: mine.length, reportsAccepted: mine.filter((r) => r.status === 'accepted' && r.decidedAt !== null && r.decidedAt < end).length,
      assistedShare: i.kind === 'region' && onBooks > 0 ? Number(a?.assisted ?? 0) / onBooks : null,
    };
  }));
  // 表扬: on time and among the first three regions (the first unit) by filed rate
  const praised = rows.filter((r) => r.submission === 'onTime' && r.rank !== null && r.rank <= (r.kind === 'region' ? 3 : 1)).map((r) => r.orgName);
  // 督促: the data late or missing past its deadline; reports short of what is owed past theirs
  const reportsDue = !!reportDeadline && reportDeadline.dueDate < asOf;
  const late = rows.flatMap((r) => {
    const why = [
      r.submission === 'late' ? '数据逾期上报' : r.submission === 'missing' ? '数据逾期未上报' : null,
      reportsDue && r.reportsSent < r.reportsOwed ? `调研报告应交${r.reportsOwed}篇、已交${r.reportsSent}篇` : null,
    ].filter((x): x is string => !!x);
    return why.length ? [{ orgName: r.orgName, reason: why.join('，') }] : [];
  });
  return { data: { rows, praised, late }, totals: { total: p.totals.total, filed: p.totals.byStatus.filed, baseline: p.totals.baseline } };
}

/** The paragraphs the system drafts from the numbers; headings are the lines 一、… */
export function draftParagraphs(c: Campaign, asOf: string, d: BulletinData, totals: Totals): string[] {
  const regions = d.rows.filter((r) => r.kind === 'region' && r.rank !== null);
  const rate = totals.total ? totals.filed / totals.total : null;
  const dataDeadline = c.deadlines.filter((x) => x.kind === 'data').find((x) => x.dueDate >= asOf) ?? c.deadlines.filter((x) => x.kind === 'data').at(-1);
  const count = (s: BulletinRow['submission']) => d.rows.filter((r) => r.submission === s).length;
  const upcoming = c.deadlines.filter((x) => x.dueDate > asOf);
  const top = regions.slice(0, 3).map((r) => `${r.orgName}（${pct(r.filedRate)}）`).join('、');
  const bottom = regions.length > 3 ? regions.slice(-2).map((r) => `${r.orgName}（${pct(r.filedRate)}）`).join('、') : '';
  return [
    `为及时掌握各地各单位工会精准帮扶工作进展情况，根据“${c.name}”工作安排，现将截至${chineseDate(asOf)}的工作进展情况通报如下：`,
    '一、总体进展',
    `截至${chineseDate(asOf)}，全市共录入${c.year}年度困难职工档案${totals.total}户，已建档${totals.filed}户，建档率${pct(rate)}` +
      (totals.baseline ? `；各地原困难职工数据库共${totals.baseline}户，覆盖率${pct(totals.total / totals.baseline)}` : '') + '。' +
      (dataDeadline ? `“${dataDeadline.label}”（${chineseDate(dataDeadline.dueDate)}截止）：${count('onTime')}个单位按时上报，${count('late')}个单位逾期上报，${count('missing')}个单位逾期未上报。` : ''),
    '二、各地进展情况',
    regions.length ? `按建档率排序，居前的是${top}${bottom ? `；${bottom}建档率相对较低，需加快进度` : ''}。各地各单位具体情况见附表。` : '各地尚未录入本年度档案。',
    '三、表扬和督促',
    d.praised.length ? `${d.praised.join('、')}按时上报数据、建档率居前，予以通报表扬。` : '本期没有予以表扬的单位。',
    d.late.length ? `${d.late.map((l) => `${l.orgName}（${l.reason}）`).join('；')}，请抓紧落实，尽快补报。` : '各单位均按时上报，没有逾期情况。',
    '四、下一步工作要求',
    '各地各单位要对照实施方案，加快入户调查和建档立卡进度，做到应建尽建、精准识别；已建档的要落实常态帮扶责任人，及时记录帮扶情况。' +
      upcoming.map((x) => `请于${chineseDate(x.dueDate)}前完成“${x.label}”。`).join(''),
  ];
}
