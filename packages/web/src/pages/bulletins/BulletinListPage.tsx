// /bulletins — 通报: the progress bulletins of the campaigns, newest first. Everyone reads the
// published ones (未读 until opened); the city union also sees its drafts and how many have read
// each, and drafts a new one (起草通报).
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { EditOutlined } from '@ant-design/icons';
import { BULLETIN_STATUS_LABELS } from '@bangfu/core';
import type { BulletinItem } from '../../api/bulletins';
import { useBulletins } from '../../api/queries/bulletins';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useAccess } from '../../lib/session';
import { BULLETIN_STATUS_COLORS, chinaTimeText, isUnread } from './bulletinText';
import { BulletinNewModal } from './components/BulletinNewModal';
import './bulletins.css';

const none = <Typography.Text type="secondary">—</Typography.Text>;

export default function BulletinListPage() {
  const access = useAccess();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const q = useBulletins();
  const [creating, setCreating] = useState(false);
  const items = q.data?.items ?? [];
  const issuer = access.canIssueBulletins;
  const unread = items.filter((b) => isUnread(b, issuer)).length;
  const reload = () => void q.refetch();

  const columns = [
    { title: '发文字号', dataIndex: 'number', key: 'number', className: 'nowrap-cell', render: (v: string | null) => v ?? <Typography.Text type="secondary">发布时编号</Typography.Text> },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (v: string, b: BulletinItem) => (
        <span className="bulletin-list-title">
          <Link to={`/bulletins/${b.id}`} data-testid="bulletin-link">
            {v}
          </Link>
          {isUnread(b, issuer) && (
            <Tag color="red" className="bulletin-unread" data-testid="bulletin-unread">
              未读
            </Tag>
          )}
        </span>
      ),
    },
    { title: '专项行动', dataIndex: 'campaignName', key: 'campaign', render: (v: string) => <span className="bulletin-list-campaign">{v}</span> },
    { title: '统计截至', dataIndex: 'asOf', key: 'asOf', className: 'nowrap-cell' },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: BulletinItem['status']) => (
        <Tag color={BULLETIN_STATUS_COLORS[v]} style={{ marginInlineEnd: 0 }}>
          {BULLETIN_STATUS_LABELS[v]}
        </Tag>
      ),
    },
    { title: '发布时间', dataIndex: 'publishedAt', key: 'publishedAt', className: 'nowrap-cell', render: (v: string | null) => (v ? chinaTimeText(v) : none) },
    ...(access.canSeeBulletinReads
      ? [
          {
            title: '已阅',
            dataIndex: 'readers',
            key: 'readers',
            align: 'right' as const,
            render: (v: number, b: BulletinItem) => (b.status === 'published' ? <span title="已阅读的人数">{v} 人</span> : none),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader title="通报" subTitle="专项行动工作进展通报：由市总工会“三万”活动工作领导小组办公室发布" />
      <Card variant="borderless" className="table-card">
        <ListToolbar
          title={
            <span>
              通报
              {!issuer && unread > 0 && (
                <Typography.Text type="danger" className="table-total" data-testid="bulletin-unread-count">
                  未读 {unread} 份
                </Typography.Text>
              )}
            </span>
          }
          total={q.data?.items.length}
          unit="份"
        >
          <Space wrap>
            <ReloadButton onClick={reload} />
            {issuer && (
              <Button type="primary" icon={<EditOutlined />} id="bulletin-new" onClick={() => setCreating(true)}>
                起草通报
              </Button>
            )}
          </Space>
        </ListToolbar>
        <LoadError error={q.error} title="通报加载失败" onRetry={reload} />
        <Table<BulletinItem>
          id="bulletin-table"
          rowKey="id"
          size="small"
          loading={q.isFetching}
          dataSource={items}
          pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: q.isFetching ? '正在加载…' : '暂无通报' }}
          columns={columns}
          onRow={(b) => ({ 'data-bulletin-id': b.id, 'data-status': b.status, 'data-unread': isUnread(b, issuer) ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
        />
      </Card>
      {issuer && (
        <BulletinNewModal
          open={creating}
          onCancel={() => setCreating(false)}
          onDone={(b) => {
            setCreating(false);
            message.success('通报已起草（草稿），请核对、修改后发布');
            navigate(`/bulletins/${b.id}`);
          }}
        />
      )}
    </div>
  );
}
