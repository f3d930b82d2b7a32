// /assistance — 帮扶统计: for a year (and a region), per region (with a bar chart of households
// meeting the target against filed households), per cadre, the overdue list and the households
// below the yearly target; 导出Excel downloads the per-region and per-cadre tables of the same year
// and region as a workbook.
import { Alert, Button, Card, Select, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { todayInChina } from '@bangfu/core';
import { downloadSummary } from '../../api/assistance';
import { useAssistanceSummary } from '../../api/queries/assistance';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { YearSelect } from '../../components/YearSelect';
import { useParamsUpdate } from '../../lib/useParamsUpdate';
import { useDownload } from '../../lib/useDownload';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { SummaryFigures, useSummaryTotals } from './components/SummaryFigures';
import { CadresCard, HouseholdsCard, RegionsCard } from './components/SummaryTables';
import './assistance.css';

export default function SummaryPage() {
  const user = useSessionUser();
  const { regions } = useRegions(user);
  const [params, update] = useParamsUpdate();
  const thisYear = Number(todayInChina().slice(0, 4));
  const year = Number(params.get('year')) || thisYear;
  const regionCode = params.get('regionCode') ?? '';
  const { data, error, isFetching: loading } = useAssistanceSummary(year, regionCode || undefined);
  const { busy: saving, download } = useDownload();
  const onExport = () => download('正在生成帮扶统计表…', () => downloadSummary({ year, regionCode: regionCode || undefined }), (name) => `已导出 ${name}`);


  const totals = useSummaryTotals(data);
  const from = `/assistance?${params.toString()}`;
  const below = (data?.households ?? []).filter((h) => !h.metTarget);

  return (
    <div className="page">
      <PageHeader title="帮扶统计" subTitle={data ? `${data.year} 年 · 每户每年解决实际问题目标 ${data.target} 个 · 超过 ${data.overdueDays} 天未走访为超期` : undefined} />
      <Card variant="borderless" className="toolbar-card" style={{ marginBottom: 12 }}>
        <div className="toolbar">
          <Space>
            <span>年度</span>
            <YearSelect id="summary-year" value={year} onChange={(v) => update({ year: String(v) })} />
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
          <Button icon={<DownloadOutlined />} id="assistance-summary-export" loading={saving} onClick={onExport}>
            导出Excel
          </Button>
        </div>
      </Card>
      {error != null && <Alert type="error" showIcon message="统计加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}

      <SummaryFigures totals={totals} loading={loading && !data} />
      <RegionsCard data={data} totals={totals} loading={loading} />
      <CadresCard data={data} loading={loading} />
      <HouseholdsCard
        id="summary-overdue"
        title="超期未走访"
        note={
          data && (
            <Typography.Text type="danger">
              （{data.overdueTotal} 户{data.overdueTotal > data.overdue.length ? `，显示前 ${data.overdue.length} 户` : ''}）
            </Typography.Text>
          )
        }
        rows={data?.overdue ?? []}
        from={from}
        overdueDays={data?.overdueDays ?? 0}
        loading={loading}
        empty="没有超期未走访的家庭"
      />
      <HouseholdsCard
        id="summary-below-target"
        title="未达到年度目标的家庭"
        note={data && <Typography.Text type="secondary">（本年解决实际问题少于 {data.target} 个，{below.length} 户）</Typography.Text>}
        rows={below}
        from={from}
        loading={loading}
        empty="所有家庭均已达到年度目标"
      />
    </div>
  );
}
