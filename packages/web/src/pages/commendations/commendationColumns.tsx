// The nominations table: 类别, 单位/个人, 荣誉称号, 推荐理由, 推荐来源, 工作实绩 (a person's year of
// assistance, a unit's assessment), 状态, 推荐人, 审批意见, and 批准 / 不批准 for the city union.
import { Button, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { COMMENDATION_KIND_LABELS, COMMENDATION_STATUS_LABELS } from '@bangfu/core';
import type { Commendation } from '../../api/commendations';
import { dateText } from '../../lib/format';
import { COMMENDATION_SOURCE_LABELS, COMMENDATION_STATUS_COLORS, recordText, subjectText } from './commendationText';
import type { Decision } from './components/CommendationDecisionModal';

const none = <Typography.Text type="secondary">—</Typography.Text>;

export function commendationColumns(onDecide: ((c: Commendation, d: Decision) => void) | null): TableProps<Commendation>['columns'] {
  return [
    { title: '类别', dataIndex: 'kind', key: 'kind', className: 'nowrap-cell', render: (v: Commendation['kind']) => COMMENDATION_KIND_LABELS[v] },
    { title: '单位/个人', key: 'subject', render: (_: unknown, c: Commendation) => <span className="commendation-wrap" data-testid="commendation-subject">{subjectText(c)}</span> },
    { title: '荣誉称号', dataIndex: 'title', key: 'title', render: (v: string) => <span className="commendation-wrap">{v}</span> },
    { title: '推荐理由', dataIndex: 'reason', key: 'reason', render: (v: string) => <span className="commendation-reason">{v}</span> },
    { title: '推荐来源', dataIndex: 'source', key: 'source', className: 'nowrap-cell', responsive: ['xl'], render: (v: Commendation['source']) => COMMENDATION_SOURCE_LABELS[v] },
    { title: '工作实绩', key: 'record', render: (_: unknown, c: Commendation) => <span className="commendation-wrap">{recordText(c)}</span> },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: Commendation['status']) => (
        <Tag color={COMMENDATION_STATUS_COLORS[v]} style={{ marginInlineEnd: 0 }} data-testid="commendation-status">
          {COMMENDATION_STATUS_LABELS[v]}
        </Tag>
      ),
    },
    {
      title: '推荐人',
      key: 'proposedBy',
      className: 'nowrap-cell',
      render: (_: unknown, c: Commendation) => (
        <span>
          {c.proposedBy}
          <br />
          <Typography.Text type="secondary">{dateText(c.proposedAt)}</Typography.Text>
        </span>
      ),
    },
    {
      title: '审批意见',
      key: 'opinion',
      render: (_: unknown, c: Commendation) =>
        c.decidedBy ? (
          <span className="commendation-reason">
            {c.opinion || (c.status === 'approved' ? '同意' : '')}
            <br />
            <Typography.Text type="secondary">
              {c.decidedBy} {dateText(c.decidedAt)}
            </Typography.Text>
          </span>
        ) : (
          none
        ),
    },
    ...(onDecide
      ? [
          {
            title: '操作',
            key: 'actions',
            className: 'nowrap-cell',
            render: (_: unknown, c: Commendation) =>
              c.status === 'proposed' ? (
                <Space size={0}>
                  <Button type="link" size="small" data-testid="commendation-approve" onClick={() => onDecide(c, 'approve')}>
                    批准
                  </Button>
                  <Button type="link" size="small" danger data-testid="commendation-decline" onClick={() => onDecide(c, 'decline')}>
                    不批准
                  </Button>
                </Space>
              ) : null,
          },
        ]
      : []),
  ];
}
