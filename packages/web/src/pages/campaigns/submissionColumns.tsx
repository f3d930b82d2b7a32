// The columns of a list of submissions (上报记录): who, for which deadline, which round, when (按时 /
// 逾期), how many files, the note, the state and the city's opinion; `actions` adds 操作.
import type { ReactNode } from 'react';
import { Typography } from 'antd';
import type { Submission } from '../../api/campaigns';
import { dateTimeText } from '../../lib/format';
import { SubmissionStateTag } from './components/SubmissionTags';

export function submissionColumns({ withOrg, actions }: { withOrg: boolean; actions: (s: Submission) => ReactNode }) {
  return [
    ...(withOrg ? [{ title: '单位', dataIndex: 'orgName', key: 'org', render: (v: string) => <span className="cell-wrap">{v}</span> }] : []),
    { title: '截止事项', dataIndex: 'deadlineLabel', key: 'deadline', render: (v: string, s: Submission) => <span title={`截止 ${s.dueDate}`}>{v}</span> },
    { title: '次数', dataIndex: 'round', key: 'round', align: 'right' as const, render: (v: number) => `第 ${v} 次` },
    { title: '上报时间', dataIndex: 'submittedAt', key: 'at', className: 'nowrap-cell', render: (v: string, s: Submission) => <span title={`上报人：${s.submittedBy}`}>{dateTimeText(v)}</span> },
    { title: '档案数', dataIndex: 'fileCount', key: 'files', align: 'right' as const },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: Submission['status'], s: Submission) => <SubmissionStateTag state={v} onTime={s.onTime} />,
    },
    {
      title: '说明 / 市总意见',
      key: 'opinion',
      render: (_: unknown, s: Submission) => (
        <span className="submission-opinion">
          {s.note && <div>说明：{s.note}</div>}
          {s.opinion && (
            <Typography.Text type={s.status === 'returned' ? 'danger' : undefined} data-testid="submission-opinion">
              {s.status === 'returned' ? '退回意见' : '意见'}：{s.opinion}
              {s.decidedBy && `（${s.decidedBy}，${dateTimeText(s.decidedAt)}）`}
            </Typography.Text>
          )}
          {!s.note && !s.opinion && <Typography.Text type="secondary">—</Typography.Text>}
        </span>
      ),
    },
    { title: '操作', key: 'actions', render: (_: unknown, s: Submission) => actions(s) },
  ];
}
