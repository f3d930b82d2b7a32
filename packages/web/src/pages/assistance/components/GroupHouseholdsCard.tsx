// The households linked to a working group's leader and members (定点联系, or named responsible):
// who, the file, its status, the last assistance, and the ones not visited for too long marked.
import { Alert, Button, Card, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { HouseholdStatus } from '@bangfu/core';
import type { GroupHousehold, WorkingGroup } from '../../../api/assistance';
import { useGroupHouseholds } from '../../../api/queries/assistance';
import { errorMessage, isApiError } from '../../../api/request';
import { WorkerNoLink } from '../../../components/HouseholdColumns';
import { StatusBadge } from '../../../components/Tags';
import { ReloadButton } from '../../../components/list/ListParts';
import { overdueText } from '../../../lib/assistance';
import { dateText } from '../../../lib/format';
import { distinctHouseholds } from '../../../lib/workingGroups';

export function GroupHouseholdsCard({ group }: { group: WorkingGroup }) {
  const q = useGroupHouseholds(group.regionCode);
  const rows = distinctHouseholds(q.data?.items ?? []);
  const days = q.data?.overdueDays ?? 90;
  const overdue = rows.filter((h) => h.overdue).length;
  const from = `/working-groups/${group.regionCode}`;
  const people = [...new Map(rows.map((h) => [h.username, h.displayName])).entries()];

  const columns: TableProps<GroupHousehold>['columns'] = [
    {
      title: '帮扶人',
      key: 'person',
      filters: people.length > 1 ? people.map(([value, text]) => ({ value, text })) : undefined,
      onFilter: (v, h) => h.username === v,
      render: (_, h) => (
        <span className="group-person" data-username={h.username}>
          {h.displayName}
          {h.username === group.leader?.username && <Typography.Text type="secondary">（带队）</Typography.Text>}
        </span>
      ),
    },
    { title: '职工编号', className: 'col-worker-no', dataIndex: 'workerNo', render: (v: string, h) => <WorkerNoLink id={h.id} workerNo={v} from={from} /> },
    { title: '姓名', dataIndex: 'name', render: (v: string) => <span className="cell-wrap">{v}</span> },
    { title: '状态', dataIndex: 'status', render: (v: string) => <StatusBadge value={v as HouseholdStatus} /> },
    { title: '最近帮扶', dataIndex: 'lastAssistedOn', render: (v: string | null) => (v ? <span className="num">{dateText(v)}</span> : <Typography.Text type="secondary">尚无记录</Typography.Text>) },
    {
      title: '逾期',
      key: 'overdue',
      filters: overdue ? [{ value: true, text: '仅看超期' }] : undefined,
      onFilter: (v, h) => h.overdue === v,
      render: (_, h) =>
        h.overdue ? (
          <Tag color="red" data-testid="overdue-tag" style={{ marginInlineEnd: 0, whiteSpace: 'normal' }}>
            {overdueText(h.lastAssistedOn, days)}
          </Tag>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <Card
      variant="borderless"
      className="table-card"
      id="group-households"
      title="组员联系的家庭"
      extra={<ReloadButton onClick={() => void q.refetch()} />}
    >
      {q.data && (
        <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="group-households-count">
          带队领导和组员定点联系或担任责任人的家庭共 {rows.length} 户
          {overdue > 0 && <Typography.Text type="danger">，{overdue} 户超过 {days} 天未走访</Typography.Text>}
        </Typography.Paragraph>
      )}
      {q.error != null &&
        (isApiError(q.error, 'FORBIDDEN') ? (
          <Alert type="info" showIcon message={errorMessage(q.error)} description="市总工会和工作组的带队领导、组员可以查看本组联系的家庭。" />
        ) : (
          <Alert type="error" showIcon message="加载失败" description={errorMessage(q.error)} action={<Button onClick={() => void q.refetch()}>重试</Button>} />
        ))}
      {!isApiError(q.error, 'FORBIDDEN') && (
        <Table<GroupHousehold>
          id="group-households-table"
          size="small"
          rowKey={(h) => `${h.username}:${h.id}`}
          columns={columns}
          dataSource={rows}
          loading={q.isFetching}
          pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
          scroll={{ x: 'max-content' }}
          onRow={(h) => ({ 'data-id': h.id, 'data-username': h.username, 'data-overdue': h.overdue ? 'true' : 'false' }) as React.HTMLAttributes<HTMLElement>}
          locale={{ emptyText: q.isFetching ? '正在加载…' : '本组成员尚未联系家庭' }}
        />
      )}
    </Card>
  );
}
