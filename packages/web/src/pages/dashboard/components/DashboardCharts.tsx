// The 工作台's charts: files by organization and status, by category, cause and income band, and
// files per week over the campaign with its data deadline. Bars and slices open the list.
import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row } from 'antd';
import type { Dashboard } from '../../../api/campaigns';
import { EChart } from '../../../components/charts/EChart';
import { useNarrowerThan } from '../../../lib/useNarrow';
import { categoryHref } from '../dashboardLinks';
import { barOption, orgStatusOption, pieOption, statusPieOption, weeklyOption } from '../chartOptions';

function ChartCard({ title, id, empty, children, extra }: { title: string; id: string; empty: boolean; children: ReactNode; extra?: ReactNode }) {
  return (
    <Card variant="borderless" className="dashboard-card chart-card" title={title} id={id} extra={extra}>
      {empty ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无数据" /> : children}
    </Card>
  );
}

const barsHeight = (n: number) => Math.max(180, n * 30 + 24);

export function DashboardCharts({ data }: { data: Dashboard }) {
  const narrow = useNarrowerThan('md');
  const showOrgs = data.scope.kind === 'city' || data.scope.kind === 'region';
  const deadlines = useMemo(() => (data.campaign?.deadlines ?? []).filter((d) => d.kind === 'data'), [data]);
  const options = useMemo(
    () => ({
      orgs: orgStatusOption(data, narrow),
      status: statusPieOption(data, narrow),
      category: pieOption(data.byCategory, '困难类别', (k) => categoryHref(data, k), narrow),
      cause: barOption(data.byCause, '致困原因', narrow),
      income: barOption(data.byIncomeBand, '家庭年人均收入', narrow, true),
      weekly: weeklyOption(data.weekly, deadlines, narrow),
    }),
    [data, narrow, deadlines],
  );
  const sum = (xs: { n: number }[]) => xs.reduce((s, x) => s + x.n, 0);
  const orgHeight = narrow ? Math.max(220, data.byOrgStatus.length * 32 + 60) : 340;
  // a grassroots union or a cadre: its own files by stage; the breakdowns only where the server gives them
  const has = { category: sum(data.byCategory) > 0, cause: sum(data.byCause) > 0, income: sum(data.byIncomeBand) > 0 };
  const show = (key: keyof typeof has) => showOrgs || has[key];
  const half = { xs: 24, md: 12, xl: showOrgs ? 12 : 8 };
  return (
    <Row gutter={[12, 12]} className="dashboard-charts">
      {showOrgs ? (
        <Col xs={24} xl={14}>
          <ChartCard title={data.scope.kind === 'city' ? '各地区档案状态' : '各基层工会档案状态'} id="chart-org-status" empty={!data.byOrgStatus.some((o) => Object.values(o.byStatus).some((n) => n > 0))}>
            <EChart option={options.orgs} height={orgHeight} label="各单位按状态的档案户数" />
          </ChartCard>
        </Col>
      ) : (
        <Col xs={24} md={12} xl={8}>
          <ChartCard title="档案状态" id="chart-status" empty={data.kpis.files === 0}>
            <EChart option={options.status} height={narrow ? 260 : 300} label="本单位档案按状态的户数" />
          </ChartCard>
        </Col>
      )}
      {show('category') && (
        <Col xs={24} md={12} xl={showOrgs ? 10 : 8}>
          <ChartCard title="困难类别" id="chart-category" empty={!has.category}>
            <EChart option={options.category} height={narrow ? 260 : 340} label="按困难类别的档案户数" />
          </ChartCard>
        </Col>
      )}
      {show('cause') && (
        <Col {...half}>
          <ChartCard title="致困原因（在册档案，各年度）" id="chart-cause" empty={!has.cause}>
            <EChart option={options.cause} height={barsHeight(data.byCause.length)} label="按致困原因的档案户数" />
          </ChartCard>
        </Col>
      )}
      {show('income') && (
        <Col {...half}>
          <ChartCard title="家庭年人均收入" id="chart-income" empty={!has.income}>
            <EChart option={options.income} height={barsHeight(data.byIncomeBand.length)} label="按家庭年人均收入的档案户数" />
          </ChartCard>
        </Col>
      )}
      {showOrgs && data.campaign && data.weekly.length > 0 && (
        <Col xs={24}>
          <ChartCard title="建档进度（按周）" id="chart-weekly" empty={false}>
            <EChart option={options.weekly} height={narrow ? 260 : 300} label="每周新建档案户数及累计" />
          </ChartCard>
        </Col>
      )}
    </Row>
  );
}
