// 我写的帮扶记录: every assistance record the user wrote, newest first and paged by the server, with
// its household — a link while the user may still open the file, 已转出 once it was transferred out
// of their reach (the records stay theirs to see).
import { useLocation } from 'react-router';
import { Card, Empty, Grid, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { myAssistanceRecords, type MyAssistanceRecord } from '../../api/assistance';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useListPage } from '../../components/list/useListPage';
import { isMoneyType } from '../../lib/assistance';
import { dateText, dateTimeText } from '../../lib/format';
import { moneyText } from './assistanceParts';
import { MY_RECORDS_CODEC } from './myRecordsQuery';
import './assistance.css';

export default function MyAssistanceRecords({ regionName }: { regionName: (code: string) => string }) {
  const location = useLocation();
  const screens = Grid.useBreakpoint();
  const list = useListPage({ codec: MY_RECORDS_CODEC, name: 'my-assistance-records', toQuery: (s) => ({ page: s.page, pageSize: s.pageSize }), fetch: myAssistanceRecords, unit: '条' });
  const from = location.pathname + location.search;

  const columns: TableProps<MyAssistanceRecord>['columns'] = [
    { title: '日期', dataIndex: 'date', key: 'date', width: 110, render: (v: string) => <span className="num">{dateText(v)}</span> },
    {
      title: '职工编号',
      className: 'col-worker-no',
      dataIndex: 'workerNo',
      key: 'workerNo',
      render: (v: string, r) =>
        r.inScope ? (
          <WorkerNoLink id={r.householdId} workerNo={v} from={from} />
        ) : (
          <span className="nowrap-cell">
            <span className="num">{v}</span>{' '}
            <Tooltip title="该户已转移至其他地区或单位，您仍可查看自己写的帮扶记录">
              <Tag color="default" data-testid="record-transferred" style={{ marginInlineEnd: 0 }}>
                已转出
              </Tag>
            </Tooltip>
          </span>
        ),
    },
    { title: '姓名', dataIndex: 'name', key: 'name', render: (v: string) => <span className="nowrap-cell">{v}</span> },
    { title: '记录时地区', dataIndex: 'regionCode', key: 'regionCode', responsive: ['sm'], render: (v: string) => regionName(v) },
    { title: '类型', dataIndex: 'type', key: 'type', render: (v: string) => <Tag color={isMoneyType(v) ? 'volcano' : 'blue'} style={{ marginInlineEnd: 0 }}>{v}</Tag> },
    { title: '金额（元）', dataIndex: 'amount', key: 'amount', align: 'right', responsive: ['sm'], render: (v: number | null) => moneyText(v) },
    { title: '帮扶内容', dataIndex: 'description', key: 'description', render: (v: string) => <div className="record-desc">{v}</div> },
    {
      title: '解决实际问题',
      dataIndex: 'solvedProblem',
      key: 'solvedProblem',
      align: 'center',
      render: (v: boolean) => (v ? <Tag color="success" style={{ marginInlineEnd: 0 }}>是</Tag> : <Typography.Text type="secondary">否</Typography.Text>),
    },
    {
      title: '记录时间',
      dataIndex: 'recordedAt',
      key: 'recordedAt',
      responsive: ['md'],
      render: (v: string) => (
        <Typography.Text type="secondary" className="num">
          {dateTimeText(v)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Card variant="borderless" className="table-card" id="my-records">
      <ListToolbar title="我写的帮扶记录" total={list.data?.total} unit="条" totalTestId="my-records-total">
        <ReloadButton onClick={list.reload} />
      </ListToolbar>
      <LoadError error={list.error} title="帮扶记录加载失败" onRetry={list.reload} />
      <Table<MyAssistanceRecord>
        id="my-records-table"
        rowKey="id"
        columns={columns}
        {...list.tableProps}
        size={screens.xxl ? 'middle' : 'small'}
        onChange={list.onPageChange}
        locale={{ emptyText: list.loading ? '正在加载…' : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有您记录的帮扶" /> }}
      />
    </Card>
  );
}
