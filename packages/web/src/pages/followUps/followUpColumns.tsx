// The columns of 脱困回访: the exited households with their next visit and tag, 年度回访统计 per
// region, and a household's follow-ups on its page.
import { Link } from 'react-router';
import { Button, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { FOLLOW_UP_OUTCOME_LABELS, type FollowUpOutcome } from '@bangfu/core';
import type { FollowUpListItem, FollowUpRecord, FollowUpRegionSummary } from '../../api/followUps';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { dateTimeText } from '../../lib/format';
import { pct } from '../assistance/summaryColumns';
import { followUpTag, nextVisitText, progressText } from './followUpText';

type Columns = NonNullable<TableProps<FollowUpListItem>['columns']>;

interface Options {
  from: string;
  months: readonly number[];
  regionName: (code: string) => string;
  /** 记录回访; absent: no button (the steering group reads) */
  onRecord?: (i: FollowUpListItem) => void;
  /** the user files the households listed: a family found fallen back links to its file's 重新纳入 */
  reopens: boolean;
}

export function followUpColumns({ from, months, regionName, onRecord, reopens }: Options): Columns {
  const actions = (i: FollowUpListItem) => (
    <Space size={12}>
      {onRecord && (
        <Button type="link" size="small" className="link-button" data-testid="follow-up-record" aria-label={`记录 ${i.name} 的回访`} onClick={() => onRecord(i)}>
          记录回访
        </Button>
      )}
      {reopens && i.pendingReopen && (
        <Link to={`/households/${i.householdId}`} state={{ from }} data-testid="follow-up-reopen-link">
          重新纳入
        </Link>
      )}
    </Space>
  );
  return [
    { title: '职工编号', className: 'col-worker-no', dataIndex: 'workerNo', key: 'workerNo', render: (v: string, i) => <WorkerNoLink id={i.householdId} workerNo={v} from={from} /> },
    { title: '姓名', dataIndex: 'name', key: 'name' },
    // on a phone the row keeps what a visit needs: who, how far, when next, its state
    { title: '地区', dataIndex: 'regionName', key: 'regionName', responsive: ['sm'], render: (v: string, i) => v || regionName(i.regionCode) },
    { title: '脱困日期', dataIndex: 'exitDate', key: 'exitDate', responsive: ['sm'], render: (v: string) => <span className="num">{v}</span> },
    { title: '回访进度', dataIndex: 'done', key: 'done', align: 'center', render: (v: number) => <span className="num" data-testid="follow-up-progress">{progressText(v, months)}</span> },
    {
      title: '下次回访',
      dataIndex: 'next',
      key: 'next',
      render: (v: FollowUpListItem['next']) => (v ? <span className="num">{nextVisitText(v)}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: '状态',
      key: 'status',
      render: (_: unknown, i) => {
        const t = followUpTag(i);
        return (
          <Tag color={t.color} data-testid="follow-up-status" data-status={t.key} style={{ marginInlineEnd: 0 }}>
            {t.text}
          </Tag>
        );
      },
    },
    ...(onRecord || reopens ? [{ title: '操作', key: 'actions', fixed: 'right' as const, render: (_: unknown, i: FollowUpListItem) => actions(i) }] : []),
  ];
}

const counted = (v: number) => <span className="num">{v}</span>;
const warned = (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0);

export const summaryColumns: TableProps<FollowUpRegionSummary>['columns'] = [
  { title: '地区', dataIndex: 'regionName', key: 'regionName', width: 140 },
  { title: '脱困户数', dataIndex: 'exits', key: 'exits', align: 'right', render: counted },
  { title: '应回访次数', dataIndex: 'visitsDue', key: 'visitsDue', align: 'right', render: counted },
  { title: '已回访次数', dataIndex: 'visitsDone', key: 'visitsDone', align: 'right', render: counted },
  { title: '回访完成率', key: 'doneRate', align: 'right', render: (_: unknown, r) => pct(r.visitsDone, r.visitsDue) },
  { title: '超期户数', dataIndex: 'overdue', key: 'overdue', align: 'right', render: warned },
  { title: '稳定脱困户数', dataIndex: 'stable', key: 'stable', align: 'right', render: counted },
  { title: '返困户数', dataIndex: 'returns', key: 'returns', align: 'right', render: warned },
  { title: '返困率', key: 'returnRate', align: 'right', render: (_: unknown, r) => pct(r.returns, r.exits) },
];

/** A household's follow-ups; `exits`: with the exit each followed (the household exited more than once). */
export function recordColumns(exits: boolean): TableProps<FollowUpRecord>['columns'] {
  return [
    { title: '回访日期', dataIndex: 'date', key: 'date', width: 110, render: (v: string) => <span className="num">{v}</span> },
    ...(exits ? [{ title: '脱困日期', dataIndex: 'exitDate', key: 'exitDate', width: 110, render: (v: string) => <span className="num">{v}</span> }] : []),
    {
      title: '结论',
      dataIndex: 'outcome',
      key: 'outcome',
      width: 150,
      render: (v: FollowUpOutcome, r) => (
        <Space size={4} wrap>
          <Tag color={v === 'stable' ? 'green' : 'red'} data-testid="follow-up-outcome" data-outcome={v} style={{ marginInlineEnd: 0 }}>
            {FOLLOW_UP_OUTCOME_LABELS[v]}
          </Tag>
          {r.reopened && <Tag color="purple" style={{ marginInlineEnd: 0 }}>已重新纳入</Tag>}
        </Space>
      ),
    },
    { title: '回访情况', dataIndex: 'note', key: 'note', render: (v: string) => <div className="record-desc">{v}</div> },
    {
      title: '记录人',
      key: 'by',
      width: 170,
      render: (_: unknown, r) => (
        <Typography.Text type="secondary" className="nowrap-cell">
          {r.recordedBy} · {dateTimeText(r.recordedAt)}
        </Typography.Text>
      ),
    },
  ];
}
