import { describe, expect, it } from 'vitest';
import type { RegionSummary, RegionSummaryRow } from '../../api/exchange';
import { categoryChartOption, columnGroups, summaryCells, tableColumns } from './regionSummary';

const row = (code: string, name: string, total: number, parts: Partial<RegionSummaryRow> = {}): RegionSummaryRow => ({
  regionCode: code,
  regionName: name,
  total,
  category: {},
  cause: {},
  workStatus: {},
  enterpriseStatus: {},
  incomeBand: {},
  ...parts,
});

const data: RegionSummary = {
  status: 'live',
  year: null,
  columns: {
    category: ['低保户', '低保边缘户'],
    cause: ['因病', '子女上学'],
    workStatus: [],
    enterpriseStatus: ['正常'],
    incomeBand: [
      { key: 'lt5000', label: '5000元以下' },
      { key: 'ge5000', label: '5000元及以上' },
    ],
  },
  rows: [
    row('H01', '京山', 3, { category: { 低保户: 2, 低保边缘户: 1 }, cause: { 因病: 3, 子女上学: 1 }, incomeBand: { lt5000: 3 } }),
    row('H04', '东宝', 1, { category: { 低保户: 1 }, enterpriseStatus: { 正常: 1 }, incomeBand: { ge5000: 1 } }),
  ],
  totals: row('total', '合计', 4, { category: { 低保户: 3, 低保边缘户: 1 }, cause: { 因病: 3, 子女上学: 1 }, enterpriseStatus: { 正常: 1 }, incomeBand: { lt5000: 3, ge5000: 1 } }),
};

describe('region summary table', () => {
  it('groups the columns under their Chinese headers, in the server order, leaving out empty groups', () => {
    const groups = columnGroups(data.columns);
    expect(groups.map((g) => g.title)).toEqual(['困难类别', '致困原因', '企业状况', '家庭年人均收入']);
    expect(groups[3].leaves.map((l) => l.label)).toEqual(['5000元以下', '5000元及以上']);
  });

  it('builds antd columns: 地区 fixed first, 合计户数, then leaves reading row[group][key]', () => {
    const cols = tableColumns(data.columns);
    expect(cols[0]).toMatchObject({ title: '地区', fixed: 'left' });
    expect(cols[1]).toMatchObject({ title: '合计户数', dataIndex: 'total' });
    const income = cols.find((c) => c.key === 'incomeBand') as { children: { title: string; dataIndex: string[] }[] };
    expect(income.children.map((c) => [c.title, c.dataIndex])).toEqual([
      ['5000元以下', ['incomeBand', 'lt5000']],
      ['5000元及以上', ['incomeBand', 'ge5000']],
    ]);
  });

  it('lines the 合计 cells up with the leaf columns, 0 for a value the server left out', () => {
    const leaves = tableColumns(data.columns).slice(2).flatMap((g) => ('children' in g ? g.children.map((c) => c.title) : []));
    const cells = summaryCells(data.totals, data.columns);
    expect(cells.length).toBe(1 + leaves.length);
    expect(cells).toEqual([4, 3, 1, 3, 1, 1, 3, 1]);
    // a row without a value under 企业状况
    expect(summaryCells(data.rows[0], data.columns)[5]).toBe(0);
  });

  it('stacks one bar series per category over the regions', () => {
    const o = categoryChartOption(data);
    expect(o.xAxis.data).toEqual(['京山', '东宝']);
    expect(o.xAxis.axisLabel.rotate).toBe(0);
    expect(categoryChartOption(data, true).xAxis.axisLabel.rotate).toBe(45); // a phone slants the names
    expect(o.series.map((s) => [s.name, s.data])).toEqual([
      ['低保户', [2, 1]],
      ['低保边缘户', [1, 0]],
    ]);
  });
});
