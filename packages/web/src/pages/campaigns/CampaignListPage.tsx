// /campaigns — 专项行动: the campaigns, newest first, with their state, current phase and next
// deadline; 新建专项行动 for the city union.
import { Link, useNavigate } from 'react-router';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { CAMPAIGN_STATE_LABELS } from '@bangfu/core';
import type { Campaign } from '../../api/campaigns';
import { useCampaigns } from '../../api/queries/campaigns';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useAccess } from '../../lib/session';
import { CAMPAIGN_STATE_COLORS, daysLeftColor, daysLeftText, nextDeadline } from './campaignText';
import './campaigns.css';

export default function CampaignListPage() {
  const access = useAccess();
  const navigate = useNavigate();
  const q = useCampaigns();
  const items = q.data?.items ?? [];
  const reload = () => void q.refetch();

  return (
    <div className="page">
      <PageHeader title="专项行动" subTitle="困难职工建档立卡专项行动：阶段安排、截止事项、各单位进度与上报" />
      <Card variant="borderless" className="table-card">
        <ListToolbar title="专项行动" total={q.data?.items.length} unit="项">
          <Space>
            <ReloadButton onClick={reload} />
            {access.canEditCampaigns && (
              <Button type="primary" icon={<PlusOutlined />} id="campaign-new" onClick={() => navigate('/campaigns/new')}>
                新建专项行动
              </Button>
            )}
          </Space>
        </ListToolbar>
        <LoadError error={q.error} title="专项行动加载失败" onRetry={reload} />
        <Table<Campaign>
          id="campaign-table"
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20 } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: q.isFetching ? '正在加载…' : '暂无专项行动' }}
          columns={[
            {
              title: '行动名称',
              dataIndex: 'name',
              render: (v: string, c) => (
                <Link to={`/campaigns/${c.id}`} className="campaign-name-link">
                  {v}
                </Link>
              ),
            },
            { title: '年度', dataIndex: 'year', align: 'right' },
            { title: '状态', dataIndex: 'state', render: (v: Campaign['state']) => <Tag color={CAMPAIGN_STATE_COLORS[v]}>{CAMPAIGN_STATE_LABELS[v]}</Tag> },
            { title: '起止日期', key: 'dates', className: 'nowrap-cell', render: (_, c) => `${c.startDate} 至 ${c.endDate}` },
            { title: '当前阶段', dataIndex: 'currentPhase', render: (v: string | null) => v ?? <Typography.Text type="secondary">—</Typography.Text> },
            {
              title: '下一截止',
              key: 'next',
              render: (_, c) => {
                const d = nextDeadline(c.deadlines);
                if (!d) return '—';
                return (
                  <Space size={4} wrap>
                    <span>{d.label}</span>
                    <span className="num">{d.dueDate}</span>
                    <Tag color={daysLeftColor(d.daysLeft)} style={{ marginInlineEnd: 0 }}>
                      {daysLeftText(d.daysLeft)}
                    </Tag>
                  </Space>
                );
              },
            },
            { title: '上报单位', key: 'orgs', align: 'right', render: (_, c) => `${c.requiredOrgs.length} 个` },
            {
              title: '操作',
              key: 'actions',
              render: (_, c) => (
                <Space size={4}>
                  <Link to={`/campaigns/${c.id}`}>进度</Link>
                  {access.canEditCampaigns && <Link to={`/campaigns/${c.id}/edit`}>编辑</Link>}
                </Space>
              ),
            },
          ]}
        />
      </Card>
    </div>
  );
}
