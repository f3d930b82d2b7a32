// The 工作台's ECharts options, as pure functions of GET /api/dashboard: files by organization and
// status (stacked), a count by key (category, cause, income band) as a pie or bars, and files per
// week with the running total and the data deadline marked. Items that lead somewhere carry `href`
// (components/charts/EChart opens it on click). `narrow`: a phone, where labels must not collide.
import { HOUSEHOLD_STATUSES, HOUSEHOLD_STATUS_LABELS } from '@bangfu/core';
import type { Dashboard } from '../../api/campaigns';
import { kpiHref, statusHref } from './dashboardLinks';

export const STATUS_COLORS: Record<(typeof HOUSEHOLD_STATUSES)[number], string> = {
  draft: '#bfbfbf',
  submitted: '#91caff',
  unitApproved: '#1677ff',
  filed: '#52c41a',
  removed: '#8c8c8c',
  exited: '#13c2c2',
};

const tooltipAxis = { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true };

/** Files by organization, stacked by status; on a phone the bars lie down (names readable). */
export function orgStatusOption(d: Pick<Dashboard, 'year' | 'scope' | 'byOrgStatus'>, narrow: boolean) {
  const names = d.byOrgStatus.map((o) => o.orgName);
  const category = { type: 'category', data: names, axisLabel: narrow ? { width: 84, overflow: 'truncate' } : { interval: 0, rotate: names.length > 8 ? 30 : 0, width: 90, overflow: 'truncate' } };
  const value = { type: 'value', minInterval: 1, name: narrow ? undefined : '户' };
  return {
    aria: { enabled: true },
    tooltip: tooltipAxis,
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: narrow ? value : category,
    yAxis: narrow ? { ...category, inverse: true } : value,
    series: HOUSEHOLD_STATUSES.map((s) => ({
      name: HOUSEHOLD_STATUS_LABELS[s],
      type: 'bar',
      stack: 'status',
      barMaxWidth: 36,
      itemStyle: { color: STATUS_COLORS[s] },
      data: d.byOrgStatus.map((o) => ({ value: o.byStatus[s], href: statusHref(d, s, o.orgCode) })),
    })),
  };
}

export interface KeyCount {
  key: string;
  label: string;
  n: number;
}

/**
 * A grassroots union's or a cadre's own files of the year by stage (from the figures): 草稿, 审核中,
 * 已建档, 已剔除, 已脱困, each slice leading to its list.
 */
export function statusPieOption(d: Pick<Dashboard, 'year' | 'scope' | 'kpis' | 'today'>, narrow: boolean) {
  const k = d.kpis;
  const draft = Math.max(0, k.files - k.filed - k.waiting - k.removed - k.exited);
  const slices = [
    { name: HOUSEHOLD_STATUS_LABELS.draft, value: draft, href: statusHref(d, 'draft'), color: STATUS_COLORS.draft },
    { name: '审核中', value: k.waiting, href: kpiHref(d, 'waiting', false)!, color: STATUS_COLORS.unitApproved },
    { name: HOUSEHOLD_STATUS_LABELS.filed, value: k.filed, href: statusHref(d, 'filed'), color: STATUS_COLORS.filed },
    { name: HOUSEHOLD_STATUS_LABELS.removed, value: k.removed, href: statusHref(d, 'removed'), color: STATUS_COLORS.removed },
    { name: HOUSEHOLD_STATUS_LABELS.exited, value: k.exited, href: statusHref(d, 'exited'), color: STATUS_COLORS.exited },
  ];
  const option = pieOption([], '档案状态', () => null, narrow);
  return { ...option, series: [{ ...option.series[0], data: slices.map(({ color, ...s }) => ({ ...s, itemStyle: { color } })) }] };
}

/** The categories' own colours (as their tags): 低保户 red-orange, 低保边缘户 gold, 意外致困户 blue. */
export const CATEGORY_COLORS: Record<string, string> = { 低保户: '#fa541c', 低保边缘户: '#faad14', 意外致困户: '#2f54eb' };

/** A count by key as a ring (few keys) with its legend below, each slice leading where `hrefOf` says. */
export function pieOption(items: readonly KeyCount[], name: string, hrefOf: (key: string) => string | null, narrow: boolean) {
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'item', formatter: '{b}：{c} 户（{d}%）', confine: true },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        name,
        type: 'pie',
        radius: narrow ? ['38%', '68%'] : ['40%', '66%'],
        center: ['50%', '44%'],
        avoidLabelOverlap: true,
        // on a phone the names are in the legend; the slices say their counts
        label: narrow ? { position: 'inside', formatter: '{c}', color: '#fff', fontWeight: 600 } : { formatter: '{b}\n{c} 户', fontSize: 12 },
        data: items.map((i) => ({
          name: i.label,
          value: i.n,
          href: hrefOf(i.key) ?? undefined,
          ...(CATEGORY_COLORS[i.key] ? { itemStyle: { color: CATEGORY_COLORS[i.key] } } : {}),
        })),
      },
    ],
  };
}

/**
 * A count by key as horizontal bars (many keys, long labels such as 致困原因): largest on top, or
 * in the server's order (`ordered`: bands of income read low to high).
 */
export function barOption(items: readonly KeyCount[], name: string, narrow: boolean, ordered = false) {
  const sorted = ordered ? [...items] : [...items].sort((a, b) => b.n - a.n);
  return {
    aria: { enabled: true },
    tooltip: { ...tooltipAxis, valueFormatter: (v: number) => `${v} 户` },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: sorted.map((i) => i.label), axisLabel: { width: narrow ? 84 : 140, overflow: 'truncate' } },
    series: [{ name, type: 'bar', barMaxWidth: 22, itemStyle: { color: '#1677ff' }, label: { show: true, position: 'right' }, data: sorted.map((i) => i.n) }],
  };
}

/** The week (its start, as the chart's x value) a day falls in; null outside the weeks shown. */
export function weekOf(weeks: readonly { weekStart: string }[], day: string): string | null {
  if (weeks.length === 0 || day < weeks[0].weekStart) return null;
  const last = weeks[weeks.length - 1].weekStart;
  // a day within seven days after the last week's start is in it; later days are off the chart
  if (day >= last) return Date.parse(day) - Date.parse(last) < 7 * 86_400_000 ? last : null;
  let w = weeks[0].weekStart;
  for (const x of weeks) if (x.weekStart <= day) w = x.weekStart;
  return w;
}

const addDays = (ymd: string, n: number) => new Date(Date.parse(`${ymd}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const MAX_WEEKS_AHEAD = 26;

/** The weeks, followed by empty ones up to the week of the last day given (at most half a year more). */
export function weeksUntil(weekly: Dashboard['weekly'], days: readonly string[]): { weekStart: string; created: number | null; cumulative: number | null }[] {
  const out: { weekStart: string; created: number | null; cumulative: number | null }[] = [...weekly];
  if (out.length === 0) return out;
  const last = days.reduce((m, d) => (d > m ? d : m), '');
  for (let i = 0; i < MAX_WEEKS_AHEAD && last && weekOf(out, last) === null && last > out[out.length - 1].weekStart; i++)
    out.push({ weekStart: addDays(out[out.length - 1].weekStart, 7), created: null, cumulative: null });
  return out;
}

const mmdd = (ymd: string) => ymd.slice(5);

/**
 * Files created per week (bars) and the running total (a line on its own axis); the weeks run on
 * to the last data deadline, each deadline marked on its week.
 */
export function weeklyOption(weekly: Dashboard['weekly'], deadlines: readonly { label: string; dueDate: string }[], narrow: boolean) {
  const weeks = weeksUntil(weekly, deadlines.map((d) => d.dueDate));
  const x = weeks.map((w) => mmdd(w.weekStart));
  const marks = deadlines.flatMap((d) => {
    const at = weekOf(weeks, d.dueDate);
    return at ? [{ xAxis: mmdd(at), label: { formatter: narrow ? `截止 ${d.dueDate.slice(5)}` : `${d.label} ${d.dueDate}` } }] : [];
  });
  return {
    aria: { enabled: true },
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0 },
    // room above the plot for the deadlines' names
    grid: { left: 8, right: 8, top: marks.length ? 60 : 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: x, axisLabel: { rotate: narrow && x.length > 6 ? 45 : 0 } },
    yAxis: [
      { type: 'value', minInterval: 1, name: narrow ? undefined : '新增（户）' },
      { type: 'value', minInterval: 1, name: narrow ? undefined : '累计（户）', splitLine: { show: false } },
    ],
    series: [
      {
        name: '本周新增',
        type: 'bar',
        barMaxWidth: 28,
        itemStyle: { color: '#91caff' },
        data: weeks.map((w) => w.created),
        ...(marks.length
          ? { markLine: { symbol: 'none', silent: true, lineStyle: { color: '#cf1322', type: 'dashed' }, label: { color: '#cf1322', position: 'end', fontSize: 12 }, data: marks } }
          : {}),
      },
      { name: '累计', type: 'line', yAxisIndex: 1, smooth: true, symbolSize: 6, connectNulls: false, itemStyle: { color: '#fa8c16' }, data: weeks.map((w) => w.cumulative) },
    ],
  };
}
