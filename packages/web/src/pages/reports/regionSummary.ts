// 地区汇总 from GET /api/reports/region-summary: the grouped table columns, the 合计 row's cells in
// the same order, and the bar chart, as pure functions of the response (the server names the
// values of each group, so a new category or cause needs no change here).
import type { RegionSummary, RegionSummaryRow, SummaryGroup } from '../../api/exchange';

export const GROUP_TITLES: Record<SummaryGroup, string> = {
  category: '困难类别',
  cause: '致困原因',
  workStatus: '工作状况',
  enterpriseStatus: '企业状况',
  incomeBand: '家庭年人均收入',
};

export const GROUP_ORDER: readonly SummaryGroup[] = ['category', 'cause', 'workStatus', 'enterpriseStatus', 'incomeBand'];

export interface LeafColumn {
  group: SummaryGroup;
  key: string;
  label: string;
}

export interface ColumnGroup {
  group: SummaryGroup;
  title: string;
  leaves: LeafColumn[];
}

/** The column groups and their leaves, in the server's order of values. */
export function columnGroups(columns: RegionSummary['columns']): ColumnGroup[] {
  return GROUP_ORDER.map((group) => {
    const leaves =
      group === 'incomeBand'
        ? columns.incomeBand.map((b) => ({ group, key: b.key, label: b.label }))
        : columns[group].map((v) => ({ group, key: v, label: v }));
    return { group, title: GROUP_TITLES[group], leaves };
  }).filter((g) => g.leaves.length > 0);
}

/** A row's count under one leaf column (0 when the server left it out). */
export function cellOf(row: RegionSummaryRow, leaf: Pick<LeafColumn, 'group' | 'key'>): number {
  return row[leaf.group]?.[leaf.key] ?? 0;
}

/** antd columns (plain objects, no JSX): 地区 fixed left, 合计户数, then one header per group. */
export function tableColumns(columns: RegionSummary['columns']) {
  const leafWidth = (label: string) => Math.max(64, label.length * 14 + 24);
  return [
    { title: '地区', dataIndex: 'regionName', key: 'regionName', fixed: 'left' as const, width: 96 },
    { title: '合计户数', dataIndex: 'total', key: 'total', align: 'right' as const, width: 88 },
    ...columnGroups(columns).map((g) => ({
      title: g.title,
      key: g.group,
      children: g.leaves.map((l) => ({
        title: l.label,
        key: `${l.group}.${l.key}`,
        dataIndex: [l.group, l.key],
        align: 'right' as const,
        width: leafWidth(l.label),
        render: (v: number | undefined) => v ?? 0,
      })),
    })),
  ];
}

/** The 合计 row's cells after 地区, in the order of tableColumns' leaves. */
export function summaryCells(totals: RegionSummaryRow, columns: RegionSummary['columns']): number[] {
  return [totals.total, ...columnGroups(columns).flatMap((g) => g.leaves.map((l) => cellOf(totals, l)))];
}

/** Households by region, stacked by 困难类别 (an ECharts option); `narrow`: a phone, where eight names overlap unless slanted. */
export function categoryChartOption(data: RegionSummary, narrow = false) {
  const regions = data.rows.map((r) => r.regionName);
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0, data: data.columns.category },
    grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: regions, axisLabel: { interval: 0, rotate: narrow ? 45 : regions.length > 8 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '户' },
    series: data.columns.category.map((c) => ({
      name: c,
      type: 'bar',
      stack: 'category',
      barMaxWidth: 36,
      data: data.rows.map((r) => r.category[c] ?? 0),
    })),
  };
}
