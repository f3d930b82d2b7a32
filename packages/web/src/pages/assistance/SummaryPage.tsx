// /assistance — 帮扶统计: for a year (and a region), per region (with a bar chart of households
// meeting the target against filed households), per cadre, the overdue list and the households
// below the yearly target.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Card, Col, Row, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { todayInChina } from '@bangfu/core';
import type { CadreSummary, HouseholdSummary, RegionSummary } from '../../api/assistance';
import { useAssistanceSummary } from '../../api/queries/assistance';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { yearOptions } from '../../lib/assistance';
import { dateText } from '../../lib/format';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { moneyText } from './shared';
import './assistance.css';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export default function SummaryPage() {
  const user = useSessionUser();
  const { regions } = useRegions(user);
  const [params, setParams] = useSearchParams();
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const regionCode = params.get('regionCode') ?? '';
  const { data, error, isFetching: loading } = useAssistanceSummary(year, regionCode || undefined);

  function update(p: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(p)) if (v) next.set(k, v);
    else next.delete(k);
    setParams(next, { replace: true });
  }

  const totals = useMemo(() => {
    const t = { households: 0, assisted: 0, records: 0, money: 0, solved: 0, metTarget: 0, overdue: 0 };
    for (const r of data?.regions ?? []) {
      t.households += r.households;
      t.assisted += r.assisted;
      t.records += r.records;
      t.money += Math.round(r.money * 100);
      t.solved += r.solved;
      t.metTarget += r.metTarget;
      t.overdue += r.overdue;
    }
    return { ...t, money: t.money / 100 };
  }, [data]);

  const pct = (a: number, b: number) => (b ? `${Math.round((a * 1000) / b) / 10}%` : '—');

  const regionColumns: TableProps<RegionSummary>['columns'] = [
    { title: '地区', dataIndex: 'regionName', width: 120 },
    { title: '建档户数', dataIndex: 'households', align: 'right' },
    { title: '已帮扶户数', dataIndex: 'assisted', align: 'right' },
    { title: '帮扶次数', dataIndex: 'records', align: 'right' },
    { title: '其中走访', dataIndex: 'visits', align: 'right' },
    { title: '帮扶金额（元）', dataIndex: 'money', align: 'right', render: (v: number) => moneyText(v) },
    { title: '解决实际问题', dataIndex: 'solved', align: 'right' },
    { title: '达标户数', dataIndex: 'metTarget', align: 'right' },
    { title: '达标率', key: 'rate', align: 'right', render: (_, r) => pct(r.metTarget, r.households) },
    { title: `超期未走访`, dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
  ];

  const cadreColumns: TableProps<CadreSummary>['columns'] = [
    { title: '帮扶人', dataIndex: 'displayName', render: (v: string, r) => `${v}（${r.username}）` },
    { title: '帮扶户数', dataIndex: 'households', align: 'right' },
    { title: '帮扶次数', dataIndex: 'records', align: 'right' },
    { title: '其中走访', dataIndex: 'visits', align: 'right' },
    { title: '帮扶金额（元）', dataIndex: 'money', align: 'right', render: (v: number) => moneyText(v) },
    { title: '解决实际问题', dataIndex: 'solved', align: 'right' },
  ];

  const householdColumns = (overdue: boolean): TableProps<HouseholdSummary>['columns'] => [
    {
      title: '职工编号',
      dataIndex: 'workerNo',
      render: (v: string, h) => <WorkerNoLink id={h.id} workerNo={v} from={`/assistance?${params.toString()}`} />,
    },
    { title: '姓名', dataIndex: 'name' },
    { title: '地区', dataIndex: 'regionName' },
    { title: '具体责任人', dataIndex: 'cadre', render: (v: string | null) => v ?? <Typography.Text type="secondary">未确定</Typography.Text> },
    {
      title: '最近帮扶',
      dataIndex: 'lastAssistedOn',
      render: (v: string | null) => (v ? dateText(v) : <Typography.Text type="secondary">尚无记录</Typography.Text>),
    },
    ...(overdue
      ? [{ title: '', key: 'tag', render: () => <Tag color="red">超过 {data?.overdueDays ?? ''} 天未走访</Tag> }]
      : []),
    { title: '本年帮扶次数', dataIndex: 'records', align: 'right' as const },
    { title: '其中走访', dataIndex: 'visits', align: 'right' as const },
    { title: '解决实际问题', dataIndex: 'solved', align: 'right' as const },
  ];

  const chart = useMemo(() => {
    const rs = data?.regions ?? [];
    return {
      tooltip: { trigger: 'axis' },
      legend: { data: ['建档户数', '达标户数'], top: 0 },
      grid: { left: 40, right: 16, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rs.map((r) => r.regionName), axisLabel: { interval: 0, rotate: rs.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: '建档户数', type: 'bar', data: rs.map((r) => r.households), itemStyle: { color: '#91caff' }, barMaxWidth: 28 },
        { name: '达标户数', type: 'bar', data: rs.map((r) => r.metTarget), itemStyle: { color: '#52c41a' }, barMaxWidth: 28 },
      ],
    };
  }, [data]);

  const below = (data?.households ?? []).filter((h) => !h.metTarget);

  return (
    <div className="page">
      <PageHeader title="帮扶统计" subTitle={data ? `${data.year} 年 · 每户每年解决实际问题目标 ${data.target} 个 · 超过 ${data.overdueDays} 天未走访为超期` : undefined} />
      <Card variant="borderless" className="toolbar-card" style={{ marginBottom: 12 }}>
        <div className="toolbar">
          <Space>
            <span>年度</span>
            <Select
              id="summary-year"
              value={year}
              style={{ width: 110 }}
              options={yearOptions(thisYear).map((y) => ({ value: y, label: `${y} 年` }))}
              onChange={(v: number) => update({ year: String(v) })}
            />
          </Space>
          <Space>
            <span>地区</span>
            <Select
              id="summary-region"
              value={regionCode || undefined}
              placeholder="全部地区"
              allowClear
              style={{ width: 180 }}
              options={regions}
              onChange={(v?: string) => update({ regionCode: v ?? '' })}
            />
          </Space>
        </div>
      </Card>
      {error != null && <Alert type="error" showIcon message="统计加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}

      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        {[
          { t: '建档户数', v: totals.households },
          { t: '已帮扶户数', v: totals.assisted, s: pct(totals.assisted, totals.households) },
          { t: '帮扶次数', v: totals.records },
          { t: '帮扶金额（元）', v: moneyText(totals.money) },
          { t: '达标户数', v: totals.metTarget, s: pct(totals.metTarget, totals.households) },
          { t: '超期未走访', v: totals.overdue, danger: totals.overdue > 0 },
        ].map((x) => (
          <Col key={x.t} xs={12} sm={8} xl={4}>
            <Card variant="borderless" size="small">
              <Statistic title={x.t} value={x.v} loading={loading && !data} valueStyle={x.danger ? { color: '#cf1322' } : undefined} suffix={x.s ? <span style={{ fontSize: 13, color: 'rgba(0,0,0,.45)' }}>{x.s}</span> : undefined} />
            </Card>
          </Col>
        ))}
      </Row>

      <Row gutter={[12, 12]}>
        <Col xs={24} xxl={15}>
          <Card variant="borderless" title="各地区帮扶情况" className="table-card">
            <Table<RegionSummary>
              id="summary-regions"
              rowKey="regionCode"
              size="small"
              columns={regionColumns}
              dataSource={data?.regions ?? []}
              loading={loading}
              pagination={false}
              scroll={{ x: 'max-content' }}
              summary={() =>
                data && data.regions.length > 1 ? (
                  <Table.Summary.Row className="summary-total-row">
                    <Table.Summary.Cell index={0}>合计</Table.Summary.Cell>
                    <Table.Summary.Cell index={1} align="right">{totals.households}</Table.Summary.Cell>
                    <Table.Summary.Cell index={2} align="right">{totals.assisted}</Table.Summary.Cell>
                    <Table.Summary.Cell index={3} align="right">{totals.records}</Table.Summary.Cell>
                    <Table.Summary.Cell index={4} align="right">{moneyText(totals.money)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={5} align="right">{totals.solved}</Table.Summary.Cell>
                    <Table.Summary.Cell index={6} align="right">{totals.metTarget}</Table.Summary.Cell>
                    <Table.Summary.Cell index={7} align="right">{pct(totals.metTarget, totals.households)}</Table.Summary.Cell>
                    <Table.Summary.Cell index={8} align="right">{totals.overdue}</Table.Summary.Cell>
                  </Table.Summary.Row>
                ) : null
              }
            />
          </Card>
        </Col>
        <Col xs={24} xxl={9}>
          <Card variant="borderless" title="达标户数 / 建档户数" className="table-card">
            <ReactEChartsCore echarts={echarts} option={chart} notMerge style={{ height: 300 }} />
          </Card>
        </Col>
      </Row>

      <Card variant="borderless" title="帮扶人员工作量" className="table-card" style={{ marginTop: 12 }}>
        <Table<CadreSummary>
          id="summary-cadres"
          rowKey="username"
          size="small"
          columns={cadreColumns}
          dataSource={data?.cadres ?? []}
          loading={loading}
          pagination={(data?.cadres.length ?? 0) > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '本年度尚无帮扶记录' }}
        />
      </Card>

      <Card
        variant="borderless"
        title={
          <span>
            超期未走访{' '}
            {data && (
              <Typography.Text type="danger">
                （{data.overdueTotal} 户{data.overdueTotal > data.overdue.length ? `，显示前 ${data.overdue.length} 户` : ''}）
              </Typography.Text>
            )}
          </span>
        }
        className="table-card"
        style={{ marginTop: 12 }}
      >
        <Table<HouseholdSummary>
          id="summary-overdue"
          rowKey="id"
          size="small"
          columns={householdColumns(true)}
          dataSource={data?.overdue ?? []}
          loading={loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '没有超期未走访的家庭' }}
        />
      </Card>

      <Card
        variant="borderless"
        title={
          <span>
            未达到年度目标的家庭{' '}
            {data && <Typography.Text type="secondary">（本年解决实际问题少于 {data.target} 个，{below.length} 户）</Typography.Text>}
          </span>
        }
        className="table-card"
        style={{ marginTop: 12 }}
      >
        <Table<HouseholdSummary>
          id="summary-below-target"
          rowKey="id"
          size="small"
          columns={householdColumns(false)}
          dataSource={below}
          loading={loading}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '所有家庭均已达到年度目标' }}
        />
      </Card>
    </div>
  );
}
