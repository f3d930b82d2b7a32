// / — 工作台, the first page after login. 市总工会 and 领导小组: the campaign's phase and deadlines,
// the figures, the charts and who is late; a county union: the same for its units, its own
// submission state and its review queue; a grassroots union, a leader or a cadre: their to-dos
// first (and a leader's or cadre's own 工作组), then the figures of their scope. Every number leads
// to the files it counts. Last, the honours of the user's organization and of the user, if any.
import { Alert, Button, Col, Row, Skeleton } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { useDashboard } from '../../api/queries/campaigns';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { useAccess, useSessionUser } from '../../lib/session';
import { CampaignCard } from './components/CampaignCard';
import { HonorsCard } from './components/HonorsCard';
import { DashboardCharts } from './components/DashboardCharts';
import { KpiTiles } from './components/KpiTiles';
import { LateCard } from './components/LateCard';
import { MyGroupCard } from './components/MyGroupCard';
import { ReviewQueueCard } from './components/ReviewQueueCard';
import { TodoCard } from './components/TodoCard';
import './dashboard.css';

export default function DashboardPage() {
  const access = useAccess();
  const user = useSessionUser();
  const q = useDashboard();
  const d = q.data;
  const reload = () => void q.refetch();
  const scopeKind = d?.scope.kind;
  const leads = scopeKind === 'city' || scopeKind === 'region';

  return (
    <div className="page dashboard" data-scope={scopeKind}>
      <PageHeader
        title="工作台"
        subTitle={d ? `${d.scope.orgName} · ${d.year} 年度 · ${d.today}` : undefined}
        extra={<Button icon={<ReloadOutlined />} onClick={reload} loading={q.isFetching} aria-label="刷新" />}
      />
      {q.error != null && (
        <Alert type="error" showIcon message="工作台加载失败" description={errorMessage(q.error)} action={<Button onClick={reload}>重试</Button>} style={{ marginBottom: 12 }} />
      )}
      {!d ? (
        !q.error && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <>
          {!leads && <TodoCard />}
          {access.linkedOnly && access.canViewGroups && <MyGroupCard username={user.username} />}
          <Row gutter={[12, 12]} className="dashboard-top">
            <Col xs={24} xl={leads && d.reviewQueue ? 16 : 24}>
              <CampaignCard campaign={d.campaign} today={d.today} canCreate={access.canEditCampaigns} />
            </Col>
            {leads && d.reviewQueue && (
              <Col xs={24} xl={8}>
                <ReviewQueueCard queue={d.reviewQueue} />
              </Col>
            )}
          </Row>
          <KpiTiles data={d} assistance={access.canViewAssistanceSummary} />
          {leads && <TodoCard hideWhenEmpty />}
          <DashboardCharts data={d} />
          {leads && <LateCard late={d.late} campaignId={d.campaign?.id ?? null} />}
          {access.canViewCommendations && <HonorsCard user={user} />}
        </>
      )}
    </div>
  );
}
