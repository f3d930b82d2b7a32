// A working group's county in the current 专项行动 (the running one, else the newest): the campaign
// page's progress table of the county's units, its numbers opening the files they count.
import { Link } from 'react-router';
import { Alert, Card, Empty, Skeleton, Typography } from 'antd';
import { CAMPAIGN_STATE_LABELS } from '@bangfu/core';
import { useCampaigns } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import { campaignForGroups } from '../../../lib/workingGroups';
import { ProgressCard } from '../../campaigns/components/ProgressCard';
import '../../campaigns/campaigns.css';

export function GroupProgressCard({ regionCode, regionName }: { regionCode: string; regionName: string }) {
  const q = useCampaigns();
  const campaign = q.data ? campaignForGroups(q.data.items) : null;
  if (!q.data)
    return (
      <Card variant="borderless" title="工作进度" className="campaign-section" id="group-progress">
        {q.error != null ? <Alert type="error" showIcon message="专项行动加载失败" description={errorMessage(q.error)} /> : <Skeleton active paragraph={{ rows: 4 }} />}
      </Card>
    );
  if (!campaign)
    return (
      <Card variant="borderless" title="工作进度" className="campaign-section" id="group-progress">
        <Empty description="尚无专项行动" />
      </Card>
    );
  return (
    <div id="group-progress" data-campaign={campaign.id}>
      <ProgressCard
        campaignId={String(campaign.id)}
        ownRegion={regionCode}
        regionName={() => regionName}
        note={
          <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="group-campaign">
            专项行动：
            <Link to={`/campaigns/${campaign.id}`} id="group-campaign-link">
              {campaign.name}
            </Link>
            （{CAMPAIGN_STATE_LABELS[campaign.state]}）· {regionName}各基层工会
          </Typography.Paragraph>
        }
      />
    </div>
  );
}
