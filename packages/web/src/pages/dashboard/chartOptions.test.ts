import { describe, expect, it } from 'vitest';
import { barOption, orgStatusOption, pieOption, statusPieOption, weekOf, weeklyOption, weeksUntil } from './chartOptions';

const byStatus = (filed: number, draft = 0) => ({ draft, submitted: 0, unitApproved: 0, filed, removed: 0, exited: 0 });

describe('files by organization and status', () => {
  const d = {
    year: 2026,
    scope: { kind: 'city' as const, orgCode: 'H', orgName: '荆门市总工会' },
    byOrgStatus: [
      { orgCode: 'H01', orgName: '京山市', byStatus: byStatus(5, 2) },
      { orgCode: 'H02', orgName: '沙洋县', byStatus: byStatus(3) },
    ],
  };

  it('stacks one series per status, each bar leading to its list', () => {
    const o = orgStatusOption(d, false);
    expect(o.series.map((s) => s.name)).toEqual(['草稿', '待单位审核', '待市总审核', '已建档', '已剔除', '已脱困']);
    expect(o.series.every((s) => s.stack === 'status')).toBe(true);
    const filed = o.series.find((s) => s.name === '已建档')!;
    expect(filed.data).toEqual([
      { value: 5, href: '/households?fillYear=2026&regionCode=H01&status=filed' },
      { value: 3, href: '/households?fillYear=2026&regionCode=H02&status=filed' },
    ]);
    expect(o.xAxis).toMatchObject({ type: 'category', data: ['京山市', '沙洋县'] });
  });

  it('lays the bars down on a phone', () => {
    const o = orgStatusOption(d, true);
    expect(o.yAxis).toMatchObject({ type: 'category', inverse: true });
    expect(o.xAxis).toMatchObject({ type: 'value' });
  });

  it('within a region: a unit by its code, the county\'s own files as unitId=none', () => {
    const region = { ...d, scope: { kind: 'region' as const, orgCode: 'H01', orgName: '京山市总工会' }, byOrgStatus: [
      { orgCode: 'H01-0002', orgName: '某厂工会', byStatus: byStatus(1) },
      { orgCode: 'H01', orgName: '县区直接建档', byStatus: byStatus(1) },
    ] };
    const draft = orgStatusOption(region, false).series[0].data.map((x) => x.href);
    expect(draft).toEqual(['/households?fillYear=2026&regionCode=H01&unitId=H01-0002&status=draft', '/households?fillYear=2026&regionCode=H01&unitId=none&status=draft']);
  });
});

describe('counts by key', () => {
  const items = [
    { key: '低保户', label: '低保户', n: 4 },
    { key: '意外致困户', label: '意外致困户', n: 9 },
  ];

  it('a pie whose slices lead where asked (or nowhere)', () => {
    const o = pieOption(items, '困难类别', (k) => (k === '低保户' ? '/x' : null), false);
    expect(o.series[0].data).toEqual([
      { name: '低保户', value: 4, href: '/x', itemStyle: { color: '#fa541c' } },
      { name: '意外致困户', value: 9, href: undefined, itemStyle: { color: '#2f54eb' } },
    ]);
    expect(pieOption([{ key: 'x', label: 'x', n: 1 }], 'x', () => null, true).series[0].data[0]).toEqual({ name: 'x', value: 1, href: undefined });
  });

  it('bars, largest first, or in the server\'s order (income bands)', () => {
    const o = barOption(items, '致困原因', true);
    expect(o.yAxis.data).toEqual(['意外致困户', '低保户']);
    expect(o.series[0].data).toEqual([9, 4]);
    expect(barOption(items, '收入', true, true).series[0].data).toEqual([4, 9]);
  });
});

describe('files per week', () => {
  const weekly = [
    { weekStart: '2026-11-02', created: 3, cumulative: 3 },
    { weekStart: '2026-11-09', created: 0, cumulative: 3 },
    { weekStart: '2026-11-16', created: 5, cumulative: 8 },
  ];

  it('finds the week of a day, or none off the chart', () => {
    expect(weekOf(weekly, '2026-11-12')).toBe('2026-11-09');
    expect(weekOf(weekly, '2026-11-02')).toBe('2026-11-02');
    expect(weekOf(weekly, '2026-11-22')).toBe('2026-11-16');
    expect(weekOf(weekly, '2026-11-23')).toBeNull();
    expect(weekOf(weekly, '2026-11-01')).toBeNull();
    expect(weekOf([], '2026-11-01')).toBeNull();
  });

  it('bars of the new files, the running total on its own axis, the deadline marked on its week', () => {
    const o = weeklyOption(weekly, [{ label: '第一次数据上报', dueDate: '2026-11-20' }], false);
    expect(o.xAxis.data).toEqual(['11-02', '11-09', '11-16']);
    const [bars, line] = o.series;
    expect(bars.data).toEqual([3, 0, 5]);
    expect(line).toMatchObject({ type: 'line', yAxisIndex: 1, data: [3, 3, 8] });
    expect((bars as { markLine?: { data: unknown[] } }).markLine?.data).toEqual([{ xAxis: '11-16', label: { formatter: '第一次数据上报 2026-11-20' } }]);
  });

  it('runs on to a later deadline with empty weeks, and marks it there', () => {
    expect(weeksUntil(weekly, ['2026-12-02']).map((w) => w.weekStart)).toEqual(['2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    const o = weeklyOption(weekly, [{ label: '一', dueDate: '2026-11-03' }, { label: '二', dueDate: '2026-12-02' }], true);
    expect(o.series[0].data).toEqual([3, 0, 5, null, null]);
    expect((o.series[0] as { markLine?: { data: { xAxis: string }[] } }).markLine?.data.map((m) => m.xAxis)).toEqual(['11-02', '11-30']);
  });

  it('no mark without deadlines; half a year ahead at most', () => {
    expect('markLine' in weeklyOption(weekly, [], true).series[0]).toBe(false);
    expect(weeksUntil(weekly, ['2030-01-01'])).toHaveLength(3 + 26);
    expect(weeksUntil([], ['2026-12-01'])).toEqual([]);
  });
});

describe('a unit\'s own files by stage', () => {
  it('slices from the figures (草稿 what is left), each leading to its list', () => {
    const d = { year: 2026, today: '2026-12-01', scope: { kind: 'unit' as const, orgCode: 'H01-0001', orgName: '某厂工会' }, kpis: { files: 10, filed: 5, waiting: 2, removed: 1, exited: 0, records: 3, solved: 1 } };
    const data = statusPieOption(d, true).series[0].data as { name: string; value: number; href: string }[];
    expect(data.map((x) => [x.name, x.value])).toEqual([['草稿', 2], ['审核中', 2], ['已建档', 5], ['已剔除', 1], ['已脱困', 0]]);
    expect(data.map((x) => x.href)).toEqual([
      '/households?fillYear=2026&status=draft',
      '/households?fillYear=2026&waitingDays=0',
      '/households?fillYear=2026&status=filed',
      '/households?fillYear=2026&status=removed',
      '/households?fillYear=2026&status=exited',
    ]);
  });
});
