// /campaigns/:id — one 专项行动: its phases and deadlines, the progress of the regions (or of a
// region's units), 本单位上报 for an organization that must submit, 各单位上报 with 接收 / 退回 and
// 原数据库户数 for the city union, and 调研报告 when the campaign has a report deadline.
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Result, Row, Skeleton, Space, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { CAMPAIGN_STATE_LABELS, todayInChina } from '@bangfu/core';
import { useCampaign, useProgress } from '../../api/queries/campaigns';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { ownRegionOf } from '../../lib/access';
import { useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { CAMPAIGN_STATE_COLORS } from './campaignText';
import { mustSubmit } from './ownSubmission';
import { BaselinesCard } from './components/BaselinesCard';
import { CitySubmissionsCard } from './components/CitySubmissionsCard';
import { DeadlineList } from './components/DeadlineList';
import { OwnSubmissionsCard } from './components/OwnSubmissionsCard';
import { PhaseSteps } from './components/PhaseSteps';
import { ProgressCard } from './components/ProgressCard';
import { ResearchReportsCard } from './components/ResearchReportsCard';
import './campaigns.css';

/** The files a submission would freeze now: 待单位审核, 待市总审核 and 已建档 of the user's organization. */
function useFrozenCount(campaignId: string, ownRegion: string | null, orgCode: string, enabled: boolean): number | null {
  const q = useProgress(campaignId, { level: 'unit', parentCode: ownRegion ?? undefined }, enabled && ownRegion !== null);
  const p = q.data;
  if (!p) return null;
  const c = orgCode.length > 3 ? p.items.find((i) => i.kind === 'unit' && i.orgCode === orgCode) : p.totals;
  return c ? c.byStatus.submitted + c.byStatus.unitApproved + c.byStatus.filed : null;
}

export default function CampaignDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const user = useSessionUser();
  const access = useAccess();
  const { regionName } = useRegions(user);
  const q = useCampaign(id);
  const c = q.data;
  const ownRegion = ownRegionOf(user);
  const submits = !!c && access.canSubmitCampaign && mustSubmit(c, user.orgCode);
  const frozen = useFrozenCount(id, ownRegion, user.orgCode, submits);

  if (q.error && !c)
    return (
      <Result
        status={isApiError(q.error, 'NOT_FOUND') ? '404' : isApiError(q.error, 'FORBIDDEN') ? '403' : 'error'}
        title={isApiError(q.error, 'NOT_FOUND') ? '专项行动不存在' : '专项行动加载失败'}
        subTitle={errorMessage(q.error)}
        extra={<Button onClick={() => navigate('/campaigns')}>返回专项行动</Button>}
      />
    );
  if (!c)
    return (
      <div className="page">
        <Skeleton active paragraph={{ rows: 12 }} />
      </div>
    );

  return (
    <div className="page campaign-detail">
      <PageHeader
        title={c.name}
        tags={
          <Space size={8}>
            <Tag color={CAMPAIGN_STATE_COLORS[c.state]}>{CAMPAIGN_STATE_LABELS[c.state]}</Tag>
            <Tag>{c.year} 年度</Tag>
          </Space>
        }
        subTitle={`${c.startDate} 至 ${c.endDate}${c.currentPhase ? ` · 当前阶段：${c.currentPhase}` : ''}`}
        onBack={() => navigate('/campaigns')}
        extra={
          access.canEditCampaigns && (
            <Link to={`/campaigns/${c.id}/edit`}>
              <Button icon={<EditOutlined />} id="campaign-edit">
                修改
              </Button>
            </Link>
          )
        }
      />
      <Row gutter={[12, 12]} className="campaign-section">
        <Col xs={24} xl={14}>
          <Card variant="borderless" title="行动阶段" style={{ height: '100%' }} id="campaign-phases-card">
            {c.phases.length ? <PhaseSteps phases={c.phases} currentPhase={c.currentPhase} today={todayInChina()} /> : <Typography.Text type="secondary">未设置阶段</Typography.Text>}
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card variant="borderless" title="截止事项" style={{ height: '100%' }} id="campaign-deadlines-card">
            <DeadlineList deadlines={c.deadlines} />
          </Card>
        </Col>
      </Row>
      {submits && <OwnSubmissionsCard campaign={c} org={{ code: user.orgCode, name: user.orgName }} frozenCount={frozen} />}
      <ProgressCard campaignId={id} ownRegion={ownRegion} regionName={regionName} />
      {access.canEditCampaigns && <CitySubmissionsCard campaignId={c.id} />}
      {c.deadlines.some((d) => d.kind === 'report') && (
        <ResearchReportsCard campaign={c} org={{ code: user.orgCode, name: user.orgName }} user={user} drafts={access.canDraftResearchReport} submits={submits} decides={access.canEditCampaigns} />
      )}
      {access.canEditCampaigns && <BaselinesCard campaignId={c.id} />}
    </div>
  );
}
