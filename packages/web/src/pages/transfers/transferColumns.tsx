// The columns of 档案转移: the file (a link when the user may open it where it is now), both sides,
// how it was asked, why, where it stands, who asked and when, the new number, and 同意 / 拒绝 / 撤回.
import type { ReactNode } from 'react';
import { Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { TRANSFER_SIDE_LABELS, type TransferSide, type TransferStatus } from '@bangfu/core';
import type { TransferView } from '../../api/transfers';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { dateTimeText } from '../../lib/format';
import { placeText, transferStatusTag } from './transferText';

type Columns = NonNullable<TableProps<TransferView>['columns']>;

interface Options {
  from: string;
  /** whether the user may open a file at this place (their subtree; the city's people: every place) */
  /** 同意 / 拒绝 / 撤回; absent: no 操作 column */
  actions?: (t: TransferView) => ReactNode;
}

export function TransferStatusTag({ status }: { status: TransferStatus }) {
  const tag = transferStatusTag(status);
  return (
    <Tag color={tag.color} data-testid="transfer-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {tag.text}
    </Tag>
  );
}

export function transferColumns({ from, actions }: Options): Columns {
  return [
    {
      title: '职工编号',
      className: 'col-worker-no',
      dataIndex: 'workerNo',
      key: 'workerNo',
      render: (v: string, t) => (t.canOpen ? <WorkerNoLink id={t.householdId} workerNo={v} from={from} /> : <span className="num">{v}</span>),
    },
    { title: '姓名', dataIndex: 'name', key: 'name', render: (v: string) => <span className="nowrap-cell">{v}</span> },
    { title: '转出（地区·单位）', key: 'from', render: (_: unknown, t) => <span className="transfer-place">{placeText(t.from)}</span> },
    { title: '转入', key: 'to', render: (_: unknown, t) => <span className="transfer-place">{placeText(t.to)}</span> },
    { title: '申请方式', dataIndex: 'side', key: 'side', responsive: ['sm'], render: (v: TransferSide) => <span className="nowrap-cell">{TRANSFER_SIDE_LABELS[v]}</span> },
    { title: '原因', dataIndex: 'reason', key: 'reason', responsive: ['sm'], render: (v: string) => <div className="transfer-reason">{v}</div> },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: TransferStatus, t) => (
        <div className="transfer-status-cell">
          <TransferStatusTag status={v} />
          {t.opinion && (
            <Typography.Text type="secondary" className="transfer-opinion" data-testid="transfer-opinion">
              意见：{t.opinion}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      title: '申请人/时间',
      key: 'requested',
      responsive: ['md'],
      render: (_: unknown, t) => (
        <div className="transfer-requested" title={`${t.requestedBy}（${t.requestedOrg}）`}>
          <span>{t.requestedBy}</span>
          <Typography.Text type="secondary" className="num">
            {dateTimeText(t.requestedAt)}
          </Typography.Text>
        </div>
      ),
    },
    { title: '新职工编号', dataIndex: 'newWorkerNo', key: 'newWorkerNo', responsive: ['sm'], render: (v: string | null) => (v ? <span className="num">{v}</span> : <Typography.Text type="secondary">—</Typography.Text>) },
    ...(actions ? [{ title: '操作', key: 'actions', fixed: 'right' as const, render: (_: unknown, t: TransferView) => actions(t) }] : []),
  ];
}
