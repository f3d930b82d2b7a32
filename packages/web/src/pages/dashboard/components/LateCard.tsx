// 逾期未报: the organizations past a deadline without an accepted submission, each leading to the
// campaign's page.
import { Link } from 'react-router';
import { Card, Table, Typography } from 'antd';
import type { Dashboard } from '../../../api/campaigns';
import { SubmissionStateTag } from '../../campaigns/components/SubmissionTags';

type Late = Dashboard['late'][number];

export function LateCard({ late, campaignId }: { late: Late[]; campaignId: number | null }) {
  const to = campaignId ? `/campaigns/${campaignId}` : '/campaigns';
  return (
    <Card
      variant="borderless"
      className="dashboard-card table-card"
      id="dashboard-late"
      title={
        <span>
          逾期未报
          <Typography.Text type={late.length ? 'danger' : 'secondary'} className="table-total">
            {late.length} 个单位
          </Typography.Text>
        </span>
      }
    >
      <Table<Late>
        size="small"
        rowKey={(r) => `${r.orgCode}:${r.deadlineId}`}
        dataSource={late}
        pagination={late.length > 10 ? { pageSize: 10, size: 'small' } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有逾期的单位' }}
        columns={[
          { title: '单位', dataIndex: 'orgName', render: (v: string) => <Link to={to} className="cell-wrap">{v}</Link> },
          { title: '截止事项', dataIndex: 'deadlineLabel' },
          { title: '截止日期', dataIndex: 'dueDate', className: 'nowrap-cell' },
          { title: '逾期', dataIndex: 'daysLate', align: 'right', render: (v: number) => <Typography.Text type="danger">{v} 天</Typography.Text> },
          { title: '状态', dataIndex: 'status', render: (v: Late['status']) => <SubmissionStateTag state={v} /> },
        ]}
      />
    </Card>
  );
}
