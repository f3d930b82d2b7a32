// /reports/region-summary — 地区汇总: households per region by 困难类别, 致困原因, 工作状况,
// 企业状况 and 家庭年人均收入, with a 合计 row, of every year or of one 填表年度 (?year=); the same as a
// workbook; a bar chart by category.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Card, Radio, Select, Space, Table, Typography } from 'antd';
import { todayInChina } from '@bangfu/core';
import { yearOptions } from '../../lib/assistance';
import { DownloadOutlined, ReloadOutlined } from '@ant-design/icons';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useNarrowerThan } from '../../lib/useNarrow';
import { downloadRegionSummary, type RegionSummaryRow, type SummaryScope } from '../../api/exchange';
import { useRegionSummary } from '../../api/queries/exchange';
import { errorMessage } from '../../api/request';
import { useDownload } from '../../lib/useDownload';
import PageHeader from '../../components/PageHeader';
import { categoryChartOption, summaryCells, tableColumns } from './regionSummary';
import './reports.css';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

const SCOPES: { value: SummaryScope; label: string }[] = [
  { value: 'live', label: '在册档案' },
  { value: 'filed', label: '仅已建档' },
];

export default function RegionSummaryPage() {
  const [params, setParams] = useSearchParams();
  const scope: SummaryScope = params.get('status') === 'filed' ? 'filed' : 'live';
  const thisYear = Number(todayInChina().slice(0, 4));
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= thisYear ? asked : null;
  const update = (next: { status?: SummaryScope; year?: number | null }) => {
    const p = new URLSearchParams();
    if ((next.status ?? scope) === 'filed') p.set('status', 'filed');
    const y = next.year === undefined ? year : next.year;
    if (y) p.set('year', String(y));
    setParams(p, { replace: true });
  };
  const q = useRegionSummary(scope, year);
  const { data, error } = q;
  const loading = q.isFetching;
  const reload = () => void q.refetch();
  const { busy: saving, download } = useDownload();

  const columns = useMemo(() => (data ? tableColumns(data.columns) : []), [data]);
  const totals = useMemo(() => (data ? summaryCells(data.totals, data.columns) : []), [data]);
  const narrow = useNarrowerThan('md');
  const chart = useMemo(() => (data ? categoryChartOption(data, narrow) : null), [data, narrow]);

  const onExport = () => download('正在生成地区汇总表…', () => downloadRegionSummary(scope, year), () => '地区汇总表已下载');

  return (
    <div className="page">
      <PageHeader
        title="地区汇总"
        subTitle={`${year ? `${year} 年度填表的` : '全部年度的'}${scope === 'filed' ? '已建档困难职工档案，按地区统计' : '在册档案（草稿至已建档），按地区统计'}`}
      />
      <Card variant="borderless" className="table-card" style={{ marginBottom: 12 }}>
        <div className="summary-toolbar table-toolbar">
          <Space wrap>
            <span>统计范围</span>
            <Radio.Group
              id="summary-scope"
              optionType="button"
              buttonStyle="solid"
              value={scope}
              options={SCOPES}
              onChange={(e) => update({ status: e.target.value })}
            />
            <span>填表年度</span>
            <Select<number>
              id="summary-year"
              value={year ?? 0}
              style={{ width: 120 }}
              options={[{ value: 0, label: '全部年度' }, ...yearOptions(thisYear).map((y) => ({ value: y, label: `${y} 年` }))]}
              onChange={(v) => update({ year: v || null })}
            />
          </Space>
          <Space>
            <Button icon={<ReloadOutlined />} onClick={reload} aria-label="刷新" />
            <Button icon={<DownloadOutlined />} id="summary-export" loading={saving} onClick={onExport}>
              导出Excel
            </Button>
          </Space>
        </div>
        {error != null && (
          <Alert type="error" showIcon message="地区汇总加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} style={{ marginBottom: 12 }} />
        )}
        <Table<RegionSummaryRow>
          id="summary-table"
          className="summary-table"
          size="small"
          bordered
          rowKey="regionCode"
          columns={columns}
          dataSource={data?.rows ?? []}
          loading={loading}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: '暂无档案' }}
          summary={() =>
            data ? (
              <Table.Summary>
                <Table.Summary.Row data-testid="summary-total-row">
                  <Table.Summary.Cell index={0}>{data.totals.regionName || '合计'}</Table.Summary.Cell>
                  {totals.map((v, i) => (
                    <Table.Summary.Cell key={i} index={i + 1} align="right">
                      {v}
                    </Table.Summary.Cell>
                  ))}
                </Table.Summary.Row>
              </Table.Summary>
            ) : null
          }
        />
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          致困原因可多选，各原因户数之和可能大于合计户数；家庭年人均收入按档案填报数计算。
        </Typography.Paragraph>
      </Card>
      {chart && data && data.rows.length > 0 && (
        <Card variant="borderless" title="各地区档案户数（按困难类别）">
          <ReactEChartsCore echarts={echarts} option={chart} notMerge style={{ height: 320 }} />
        </Card>
      )}
    </div>
  );
}
