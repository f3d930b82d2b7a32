// The cards of 帮扶统计 below the figures: per region (with the chart), per cadre, and the two
// household lists.
import { useMemo, type ReactNode } from 'react';
import { Card, Col, Row } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { AssistanceSummary, HouseholdSummary, RegionSummary } from '../../../api/assistance';
import TableCard, { totalCells } from '../../../components/TableCard';
import { moneyText } from '../assistanceParts';
import { cadreColumns, householdColumns, pct, regionColumns } from '../summaryColumns';
import type { SummaryTotals } from './SummaryFigures';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

function regionChart(rs: RegionSummary[]) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { data: ['建档户数', '达标户数'], top: 0 },
    grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rs.map((r) => r.regionName), axisLabel: { interval: 0, rotate: rs.length > 6 ? 30 : 0, width: 80, overflow: 'break' } }, // a long region name breaks onto a second line
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '建档户数', type: 'bar', data: rs.map((r) => r.households), itemStyle: { color: '#91caff' }, barMaxWidth: 28 },
      { name: '达标户数', type: 'bar', data: rs.map((r) => r.metTarget), itemStyle: { color: '#52c41a' }, barMaxWidth: 28 },
    ],
  };
}

export function RegionsCard({ data, totals, loading }: { data: AssistanceSummary | undefined; totals: SummaryTotals; loading: boolean }) {
  const chart = useMemo(() => regionChart(data?.regions ?? []), [data]);
  const cells = totalCells(regionColumns, { ...totals, money: moneyText(totals.money), rate: pct(totals.metTarget, totals.households) });
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xxl={15}>
        <TableCard<RegionSummary> title="各地区帮扶情况" id="summary-regions" rowKey="regionCode" columns={regionColumns} dataSource={data?.regions ?? []}
          loading={loading} scroll={{ x: 'max-content' }} total={data && data.regions.length > 1 ? cells : null} totalTestId="summary-regions-total" />
      </Col>
      <Col xs={24} xxl={9}>
        <Card variant="borderless" title="达标户数 / 建档户数" className="table-card">
          <ReactEChartsCore echarts={echarts} option={chart} notMerge style={{ height: 300 }} />
        </Card>
      </Col>
    </Row>
  );
}

export function CadresCard({ data, loading }: { data: AssistanceSummary | undefined; loading: boolean }) {
  return (
    <TableCard title="帮扶人员工作量" cardStyle={{ marginTop: 12 }} id="summary-cadres" rowKey="username" columns={cadreColumns} dataSource={data?.cadres ?? []}
      loading={loading} pagination={(data?.cadres.length ?? 0) > 20 ? { pageSize: 20 } : false} scroll={{ x: 'max-content' }} locale={{ emptyText: '本年度尚无帮扶记录' }} />
  );
}

interface HouseholdsProps {
  id: string;
  title: string;
  note: ReactNode;
  rows: HouseholdSummary[];
  from: string;
  overdueDays?: number;
  loading: boolean;
  empty: string;
}

/** 超期未走访 / 未达到年度目标的家庭. */
export function HouseholdsCard({ id, title, note, rows, from, overdueDays, loading, empty }: HouseholdsProps) {
  return (
    <TableCard<HouseholdSummary> title={<span>{title} {note}</span>} cardStyle={{ marginTop: 12 }} id={id} rowKey="id" columns={householdColumns(from, overdueDays)}
      dataSource={rows} loading={loading} pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }} scroll={{ x: 'max-content' }}
      locale={{ emptyText: empty }} />
  );
}
