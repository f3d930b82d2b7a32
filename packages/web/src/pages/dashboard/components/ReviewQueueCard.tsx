// 待我审核 on a county union's 工作台: how many files wait for its opinion, the oldest for how long.
import { Link } from 'react-router';
import { Button, Card, Statistic, Typography } from 'antd';
import type { Dashboard } from '../../../api/campaigns';

export function ReviewQueueCard({ queue }: { queue: NonNullable<Dashboard['reviewQueue']> }) {
  return (
    <Card variant="borderless" className="dashboard-card" title="待我审核" id="dashboard-review-queue" extra={<Link to={queue.link}>去审核</Link>}>
      <Statistic title="等待审核的档案" value={queue.count} suffix="户" />
      {queue.oldestWaitingDays !== null && (
        <Typography.Paragraph type={queue.oldestWaitingDays > 7 ? 'danger' : 'secondary'} style={{ margin: '8px 0 0' }}>
          最久已等待 {queue.oldestWaitingDays} 天
        </Typography.Paragraph>
      )}
      {queue.count > 0 && (
        <Link to={queue.link}>
          <Button type="primary" style={{ marginTop: 12 }} id="dashboard-review-go">
            进入审核
          </Button>
        </Link>
      )}
    </Card>
  );
}
