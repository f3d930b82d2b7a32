// /links — 定点联系: each 市总领导 links 2 households and each 机关干部 1; who has fewer (red) or
// more (orange). The city union adds a link by typing a household's 职工编号, or removes one.
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Card, Descriptions, Form, Modal, Popconfirm, Segmented, Space, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { LinkOutlined } from '@ant-design/icons';
import { addLink, removeLink, type QuotaItem } from '../../api/assistance';
import { assistanceKeys, useLinkQuota, useSetData } from '../../api/queries/assistance';
import type { HouseholdListItem } from '../../api/households';
import { HouseholdPicker } from './components/HouseholdPicker';
import { errorMessage, isApiError } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { StatusBadge } from '../../components/Tags';
import { quotaText } from '../../lib/assistance';
import { roleLabel } from '../../lib/access';
import { dateText } from '../../lib/format';
import { useAccess } from '../../lib/session';
import './assistance.css';

const STATUS_COLORS = { fewer: 'red', more: 'orange', ok: 'success' } as const;

export default function LinksPage() {
  const access = useAccess();
  const { message } = App.useApp();
  const q = useLinkQuota();
  const setData = useSetData();
  const [filter, setFilter] = useState<'all' | 'off'>('all');
  const [adding, setAdding] = useState<QuotaItem | null>(null);
  const [form] = Form.useForm<{ householdId: number }>();
  const [found, setFound] = useState<HouseholdListItem | null>(null);
  const [busy, setBusy] = useState(false);
  const [dialogError, setDialogError] = useState<string | null>(null);

  const items = q.data?.items ?? [];
  const shown = filter === 'off' ? items.filter((i) => i.status !== 'ok') : items;
  const off = items.filter((i) => i.status !== 'ok').length;

  async function confirmAdd() {
    if (!adding) return;
    const h = found;
    if (!h) {
      form.setFields([{ name: 'householdId', errors: ['请选择要联系的家庭'] }]);
      return;
    }
    setBusy(true);
    setDialogError(null);
    try {
      setData(assistanceKeys.quota, await addLink(h.id, adding.username));
      message.success(`已安排 ${adding.displayName} 定点联系 ${h.workerNo} ${h.name}`);
      setAdding(null);
    } catch (e) {
      if (isApiError(e) && e.fieldErrors.length) setDialogError(e.fieldErrors.map((x) => x.message).join('；'));
      else setDialogError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function unlink(u: QuotaItem, householdId: number) {
    try {
      setData(assistanceKeys.quota, await removeLink(householdId, u.username));
      message.success('已取消定点联系');
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  const columns: TableProps<QuotaItem>['columns'] = [
    {
      title: '姓名',
      dataIndex: 'displayName',
      width: 150,
      render: (v: string) => <div className="quota-name">{v}</div>,
    },
    // a phone keeps 姓名, 情况 (it says 少 1 户 or 已达标) and the households on screen
    { title: '身份', dataIndex: 'role', width: 100, responsive: ['sm'], render: (v: string) => roleLabel(v) },
    { title: '应联系', dataIndex: 'expected', width: 80, align: 'right', responsive: ['sm'], render: (v: number) => `${v} 户` },
    { title: '已联系', dataIndex: 'linked', width: 80, align: 'right', responsive: ['sm'], render: (v: number) => `${v} 户` },
    {
      title: '情况',
      dataIndex: 'status',
      width: 100,
      render: (v: QuotaItem['status'], r) => (
        <Tag color={STATUS_COLORS[v]} data-status={v}>
          {quotaText(r)}
        </Tag>
      ),
    },
    {
      title: '联系的家庭',
      key: 'households',
      render: (_, r) =>
        r.households.length ? (
          <div className="quota-households">
            {r.households.map((h) => (
              <Tag key={h.id} data-household={h.id} style={{ marginInlineEnd: 0 }}>
                <Link to={`/households/${h.id}`} state={{ from: '/links' }}>
                  {h.workerNo} {h.name}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {' '}
                  {h.lastAssistedOn ? `最近帮扶 ${dateText(h.lastAssistedOn)}` : '尚无帮扶记录'}
                </Typography.Text>
                {access.canEditLinks && (
                  <Popconfirm title={`取消 ${r.displayName} 对 ${h.name} 的定点联系？`} okText="取消联系" cancelText="保留" onConfirm={() => unlink(r, h.id)}>
                    <Button type="link" size="small" danger className="link-remove" data-username={r.username} data-household={h.id} style={{ paddingInline: 4 }}>
                      移除
                    </Button>
                  </Popconfirm>
                )}
              </Tag>
            ))}
          </div>
        ) : (
          <Typography.Text type="secondary">尚未联系</Typography.Text>
        ),
    },
    ...(access.canEditLinks
      ? [
          {
            title: '操作',
            key: 'op',
            width: 90,
            fixed: 'right' as const,
            render: (_: unknown, r: QuotaItem) => (
              <Button
                size="small"
                icon={<LinkOutlined />}
                className="link-add"
                data-username={r.username}
                onClick={() => {
                  setFound(null);
                  setDialogError(null);
                  setAdding(r);
                }}
              >
                添加
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <div className="page">
      <PageHeader title="定点联系" subTitle="每个市总领导联系 2 户、每个机关干部联系 1 户困难职工家庭" />
      {q.error != null && !q.data && <Alert type="error" showIcon message="加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <Card variant="borderless" className="table-card">
        <Space style={{ marginBottom: 12 }} wrap>
          <Segmented
            value={filter}
            onChange={(v) => setFilter(v as 'all' | 'off')}
            options={[
              { value: 'all', label: `全部（${items.length}）` },
              { value: 'off', label: `未达标（${off}）` },
            ]}
          />
          {off > 0 && <Typography.Text type="danger">{off} 人联系户数不符合要求</Typography.Text>}
        </Space>
        <Table<QuotaItem>
          id="links-table"
          rowKey="username"
          size="middle"
          columns={columns}
          dataSource={shown}
          loading={q.isFetching}
          pagination={false}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ 'data-username': r.username, 'data-status': r.status }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: '没有市总领导或机关干部账号' }}
        />
      </Card>

      <Modal
        title={adding ? `添加定点联系 · ${adding.displayName}` : '添加定点联系'}
        open={adding !== null}
        onCancel={() => !busy && setAdding(null)}
        destroyOnHidden
        okText="确定联系"
        cancelText="取消"
        onOk={() => void confirmAdd()}
        okButtonProps={{ id: 'link-ok', loading: busy }}
      >
        <p className="modal-lead">输入已建档家庭的职工编号，查到后确定。</p>
        {dialogError && <Alert type="error" showIcon message={dialogError} style={{ marginBottom: 12 }} />}
        <Form form={form} name="link" layout="vertical" preserve={false}>
          <Form.Item name="householdId" label="联系的家庭" htmlFor="link_householdId" rules={[{ required: true, message: '请选择要联系的家庭' }]}>
            <HouseholdPicker
              id="link_householdId"
              onChange={(_id, h) => {
                setFound(h ?? null);
                setDialogError(null);
              }}
              autoFocus
            />
          </Form.Item>
        </Form>
        {found && (
          <Descriptions size="small" bordered column={1} data-testid="link-found">
            <Descriptions.Item label="家庭">
              {found.workerNo} {found.name}
            </Descriptions.Item>
            <Descriptions.Item label="地区">{found.regionName}</Descriptions.Item>
            <Descriptions.Item label="状态">
              <StatusBadge value={found.status} />
              {found.status !== 'filed' && <Typography.Text type="warning">（只有已建档的家庭可以安排定点联系）</Typography.Text>}
            </Descriptions.Item>
          </Descriptions>
        )}
      </Modal>
    </div>
  );
}
