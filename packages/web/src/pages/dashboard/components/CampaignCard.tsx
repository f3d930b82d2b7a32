// The campaign now running (or next): its name, state and phase, the phases as Steps and each
// deadline with the days left (and the user's own organization's submission state).
import { Link } from 'react-router';
import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import { CAMPAIGN_STATE_LABELS } from '@bangfu/core';
import type { Dashboard } from '../../../api/campaigns';
import { PhaseSteps } from '../../campaigns/components/PhaseSteps';
import { DeadlineList } from '../../campaigns/components/DeadlineList';
import { CAMPAIGN_STATE_COLORS } from '../../campaigns/campaignText';

export function CampaignCard({ campaign, today, canCreate }: { campaign: Dashboard['campaign']; today: string; canCreate: boolean }) {
  if (!campaign)
    return (
      <Card variant="borderless" title="专项行动" className="dashboard-card" id="dashboard-campaign">
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="目前没有进行中的专项行动">
          {canCreate && (
            <Link to="/campaigns/new">
              <Button type="primary">新建专项行动</Button>
            </Link>
          )}
        </Empty>
      </Card>
    );
  return (
    <Card
      variant="borderless"
      className="dashboard-card"
      id="dashboard-campaign"
      title={
        <Space size={8} wrap>
          <span>{campaign.name}</span>
          <Tag color={CAMPAIGN_STATE_COLORS[campaign.state]}>{CAMPAIGN_STATE_LABELS[campaign.state]}</Tag>
          {campaign.currentPhase && <Typography.Text type="secondary">当前阶段：{campaign.currentPhase}</Typography.Text>}
        </Space>
      }
      extra={<Link to={`/campaigns/${campaign.id}`}>查看进度</Link>}
    >
      <PhaseSteps phases={campaign.phases} currentPhase={campaign.currentPhase} today={today} />
      <div className="dashboard-deadlines">
        <DeadlineList deadlines={campaign.deadlines} />
      </div>
    </Card>
  );
}
