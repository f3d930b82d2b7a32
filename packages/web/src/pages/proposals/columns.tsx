// The removal proposals' columns: who, the file's income against the line, the reason, and per
// tab when it was decided or the row's 确认剔除 / 不予剔除.
import { useState } from 'react';
import { Button, Space, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { Decision, RemovalProposal } from '../../api/proposals';
import { identityColumns } from '../../components/HouseholdColumns';
import { CategoryTag } from '../../components/Tags';
import { dateTimeText, yuanText } from '../../lib/format';

type Columns = NonNullable<TableProps<RemovalProposal>['columns']>;

interface Options {
  from: string;
  regionName: (code: string) => string;
  /** the pending tab: no 处理时间 / 说明 yet */
  isPending: boolean;
  /** with the row's decisions (the pending tab, for those who decide) */
  onDecide?: (decision: Decision, rows: RemovalProposal[]) => void;
}

/** Longer than this, the reason is cut to three lines with 展开全文 under it. */
const REASON_SHORT = 48;

/**
 * The reason, three lines and 展开全文: its deciding clause is often at the end, and a cadre must
 * read it before 确认剔除 — on a phone too, where nothing can be hovered.
 */
function ReasonCell({ r }: { r: RemovalProposal }) {
  const [open, setOpen] = useState(false);
  const text = r.reason.replace(/^经精准识别，/, '');
  const long = text.length > REASON_SHORT;
  return (
    <div className="proposal-reason-cell">
      <span className={open || !long ? 'proposal-reason proposal-reason-open' : 'proposal-reason'}>{text}</span>
      {open && r.policyVersion !== null && <Typography.Text type="secondary" className="proposal-reason-policy">依据第 {r.policyVersion} 版政策</Typography.Text>}
      {long && (
        <Button type="link" size="small" className="link-button proposal-reason-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </Button>
      )}
    </div>
  );
}

const decidedColumns: Columns = [
  { title: '处理时间', dataIndex: 'decidedAt', key: 'decidedAt', render: (v: string | null) => dateTimeText(v) || '—' },
  {
    title: '说明',
    dataIndex: 'note',
    key: 'note',
    render: (v: string | null) =>
      v ? (
        <Tooltip title={v}>
          <span className="proposal-note">{v}</span>
        </Tooltip>
      ) : (
        <Typography.Text type="secondary">—</Typography.Text>
      ),
  },
];

export function proposalColumns({ from, regionName, isPending, onDecide }: Options): Columns {
  return [
    // the decision rests on income against the line: below 1600 px the identity number gives way to the reason
    ...identityColumns<RemovalProposal>({ idOf: (r) => r.householdId, from, regionName }).map((c) => (c.key === 'idNumber' ? { ...c, responsive: ['xxl' as const] } : c)),
    { title: '申报类别', dataIndex: 'category', key: 'category', render: (v: string) => <CategoryTag value={v} /> },
    { title: '人均年收入(元)', dataIndex: 'perCapitaIncome', key: 'perCapitaIncome', align: 'right', render: (v: number) => <span className="num">{yuanText(v)}</span> },
    {
      title: '年低保标准(元)',
      dataIndex: 'annualLine',
      key: 'annualLine',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : <span className="num">{yuanText(v)}</span>),
    },
    { title: '剔除理由', dataIndex: 'reason', key: 'reason', render: (_: string, r) => <ReasonCell r={r} /> },
    // below 1600 px the reason needs the room (the row's file has the time)
    { title: '建议时间', dataIndex: 'createdAt', key: 'createdAt', render: (v: string) => dateTimeText(v), responsive: ['xxl'] },
    ...(isPending ? [] : decidedColumns),
    ...(onDecide
      ? ([
          {
            title: '操作',
            key: 'actions',
            fixed: 'right',
            render: (_: unknown, r: RemovalProposal) => (
              <Space size={12}>
                <Button type="link" danger size="small" className="link-button" data-testid="proposal-row-confirm" aria-label={`确认剔除 ${r.name}`} onClick={() => onDecide('confirm', [r])}>
                  确认剔除
                </Button>
                <Button type="link" size="small" className="link-button" data-testid="proposal-row-reject" aria-label={`不予剔除 ${r.name}`} onClick={() => onDecide('reject', [r])}>
                  不予剔除
                </Button>
              </Space>
            ),
          },
        ] as Columns)
      : []),
  ];
}
