// /my — 我的帮扶对象: the households I am responsible for or linked to (定点联系), those not visited
// for too long first, each with 记录帮扶; an exited one with its next 脱困回访 and 记录回访. On a
// phone the rows become cards. A second tab (?tab=records), 我写的帮扶记录, lists the records I
// wrote, also of households since transferred out of my reach.
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Empty, Grid, Skeleton, Space, Table, Tabs, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { AuditOutlined, EyeOutlined, PhoneOutlined, PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { YEARLY_SOLVED_TARGET } from '@bangfu/core';
import type { MyHousehold } from '../../api/assistance';
import { useMyHouseholds } from '../../api/queries/assistance';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import { StatusBadge } from '../../components/Tags';
import { reopensListed } from '../../lib/access';
import { overdueText } from '../../lib/assistance';
import { dateText } from '../../lib/format';
import { useAccess, useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { FollowUpModal } from '../followUps/components/FollowUpModal';
import { myFollowUpTag } from '../followUps/followUpText';
import AssistanceRecordModal from './AssistanceRecordModal';
import MyAssistanceRecords from './MyAssistanceRecords';
import { myTabOf, type MyTab } from './myRecordsQuery';
import { BatchTag } from './assistanceParts';
import './assistance.css';

export default function MyHouseholdsPage() {
  const user = useSessionUser();
  const access = useAccess();
  const navigate = useNavigate();
  const { regionName } = useRegions(user);
  const screens = Grid.useBreakpoint();
  const phone = !screens.md;
  const [params, setParams] = useSearchParams();
  const tab = myTabOf(params);
  const my = useMyHouseholds();
  const { data, error } = my;
  const loading = my.isFetching;
  const reload = () => void my.refetch();
  const [recording, setRecording] = useState<MyHousehold | null>(null);
  const [followingUp, setFollowingUp] = useState<MyHousehold | null>(null);
  const items = data?.items ?? [];
  const overdueCount = items.filter((i) => i.overdue).length;
  const days = data?.overdueDays ?? 90;

  const overdueTag = (h: MyHousehold) =>
    h.overdue ? (
      <Tag color="red" data-testid="overdue-tag">
        {overdueText(h.lastAssistedOn, days)}
      </Tag>
    ) : null;
  const solvedText = (h: MyHousehold) => (
    <span>
      <Typography.Text type={h.metTarget ? 'success' : 'warning'} strong>
        {h.solvedThisYear}
      </Typography.Text>
      <Typography.Text type="secondary"> / {YEARLY_SOLVED_TARGET}</Typography.Text>
    </span>
  );
  const recordButton = (h: MyHousehold, size: 'middle' | 'large' = 'middle') =>
    access.canRecordAssistance ? (
      <Button type="primary" size={size} icon={<PlusOutlined />} className="my-record" data-id={h.id} onClick={() => setRecording(h)}>
        记录帮扶
      </Button>
    ) : null;

  /** an exited household: its next 脱困回访, tagged when due or past */
  const nextFollowUp = (h: MyHousehold) => {
    const tag = myFollowUpTag(h);
    return (
      <Space size={6} wrap>
        <span className="num">{h.nextFollowUpOn ?? '—'}</span>
        {tag && (
          <Tag color={tag.color} data-testid="follow-up-tag">
            {tag.text}
          </Tag>
        )}
      </Space>
    );
  };
  const followUpButton = (h: MyHousehold, size: 'middle' | 'large' = 'middle') =>
    access.canRecordFollowUps && h.status === 'exited' ? (
      <Button size={size} icon={<AuditOutlined />} className="my-follow-up" data-id={h.id} onClick={() => setFollowingUp(h)}>
        记录回访
      </Button>
    ) : null;
  const anyExited = items.some((h) => h.status === 'exited');

  const columns: TableProps<MyHousehold>['columns'] = [
    {
      title: '职工编号',
      className: 'col-worker-no',
      dataIndex: 'workerNo',
      width: 140,
      render: (v: string, h) => <WorkerNoLink id={h.id} workerNo={v} from="/my" />,
    },
    { title: '姓名', dataIndex: 'name', width: 90 },
    { title: '地区', dataIndex: 'regionCode', width: 110, render: (v: string) => regionName(v) },
    { title: '住址', dataIndex: 'address', ellipsis: true },
    { title: '电话', dataIndex: 'phone', width: 130, render: (v: string) => (v ? <a href={`tel:${v}`}>{v}</a> : '—') },
    { title: '状态', dataIndex: 'status', width: 90, render: (v: MyHousehold['status']) => <StatusBadge value={v} /> },
    { title: '批次', dataIndex: 'batch', width: 80, render: (v: number | null) => <BatchTag batch={v} /> },
    {
      title: '最近帮扶',
      dataIndex: 'lastAssistedOn',
      width: 210,
      render: (v: string | null, h) => (
        <Space size={6} wrap>
          <span>{v ? dateText(v) : <Typography.Text type="secondary">尚无记录</Typography.Text>}</span>
          {overdueTag(h)}
        </Space>
      ),
    },
    ...(anyExited ? [{ title: '下次回访', key: 'followUp', width: 180, render: (_: unknown, h: MyHousehold) => (h.status === 'exited' ? nextFollowUp(h) : '—') }] : []),
    { title: '本年记录', dataIndex: 'recordsThisYear', width: 90, align: 'right' },
    { title: '本年解决问题', key: 'solved', width: 110, align: 'right', render: (_, h) => solvedText(h) },
    {
      title: '操作',
      key: 'op',
      width: anyExited ? 220 : 120,
      fixed: 'right',
      render: (_, h) => (
        <Space size={8}>
          {recordButton(h)}
          {followUpButton(h)}
        </Space>
      ),
    },
  ];

  const households = (
    <>
      {error != null && !data && <Alert type="error" showIcon message="加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      {overdueCount > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={`${overdueCount} 户超过 ${days} 天未走访，请尽快入户走访并记录帮扶。`}
          data-testid="my-overdue-alert"
        />
      )}
      {phone ? (
        <div id="my-table" className="my-cards">
          {!data && loading ? (
            <Card>
              <Skeleton active />
            </Card>
          ) : items.length === 0 ? (
            <Card>
              <Empty description="暂无帮扶对象（确定帮扶责任人或定点联系后显示在这里）" />
            </Card>
          ) : (
            items.map((h) => (
              <Card key={h.id} className="my-card" data-overdue={h.overdue ? 'true' : 'false'} data-row-key={h.id} size="small">
                <div className="my-card-head">
                  <div>
                    <div className="my-card-name">{h.name}</div>
                    <Typography.Text type="secondary">{h.workerNo}</Typography.Text>
                  </div>
                  <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
                    <BatchTag batch={h.batch} />
                    <StatusBadge value={h.status} />
                  </Space>
                </div>
                {h.overdue && <div style={{ marginTop: 6 }}>{overdueTag(h)}</div>}
                <div className="my-card-lines">
                  <div>
                    {regionName(h.regionCode)} · {h.address || '—'}
                  </div>
                  <div>
                    最近帮扶：{h.lastAssistedOn ? dateText(h.lastAssistedOn) : '尚无记录'} · 本年 {h.recordsThisYear} 次 · 解决问题 {solvedText(h)}
                  </div>
                  {h.status === 'exited' && <div>下次回访：{nextFollowUp(h)}</div>}
                </div>
                <div className="my-card-actions">
                  {h.phone && (
                    <Button size="large" icon={<PhoneOutlined />} href={`tel:${h.phone}`}>
                      电话
                    </Button>
                  )}
                  <Button size="large" icon={<EyeOutlined />} onClick={() => navigate(`/households/${h.id}`, { state: { from: '/my' } })}>
                    档案
                  </Button>
                  {recordButton(h, 'large')}
                  {followUpButton(h, 'large')}
                </div>
              </Card>
            ))
          )}
        </div>
      ) : (
        <Card variant="borderless" className="table-card">
          <Table<MyHousehold>
            id="my-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={loading}
            pagination={items.length > 50 ? { pageSize: 50 } : false}
            scroll={{ x: 'max-content' }}
            onRow={(h) => ({ 'data-overdue': h.overdue ? 'true' : 'false', className: h.overdue ? 'row-overdue' : undefined }) as React.HTMLAttributes<HTMLElement>}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无帮扶对象（确定帮扶责任人或定点联系后显示在这里）" /> }}
          />
        </Card>
      )}
    </>
  );

  return (
    <div className="page">
      <PageHeader
        title="我的帮扶对象"
        subTitle={tab === 'households' && data ? `${data.year} 年 · 共 ${items.length} 户${overdueCount ? `，${overdueCount} 户超过 ${days} 天未走访` : ''}` : undefined}
        extra={
          tab === 'households' ? (
            <Button icon={<ReloadOutlined />} onClick={reload} loading={loading}>
              刷新
            </Button>
          ) : undefined
        }
      />
      <Tabs
        id="my-tabs"
        className="my-tabs"
        activeKey={tab}
        destroyOnHidden
        onChange={(k) => setParams((k as MyTab) === 'records' ? { tab: 'records' } : {})}
        items={[
          { key: 'households', label: <span data-testid="my-tab-households">我的帮扶对象</span>, children: households },
          { key: 'records', label: <span data-testid="my-tab-records">我写的帮扶记录</span>, children: <MyAssistanceRecords regionName={regionName} /> },
        ]}
      />
      <AssistanceRecordModal
        open={recording !== null}
        household={recording}
        onClose={() => setRecording(null)}
        onSaved={() => reload()}
      />
      <FollowUpModal household={followingUp} reopens={reopensListed(user.role)} onClose={() => setFollowingUp(null)} />
    </div>
  );
}
