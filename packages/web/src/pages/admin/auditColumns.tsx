// The audit log's columns and a row's whole detail.
import { Link } from 'react-router';
import { Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import dayjs from 'dayjs';
import type { AuditItem } from '../../api/audit';
import { actionLabel, auditSummary, entityLabel } from '../../lib/auditLabels';

function timeText(iso: string): string {
  const d = dayjs(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm:ss') : iso;
}

const none = <Typography.Text type="secondary">—</Typography.Text>;

function EntityCell({ r }: { r: AuditItem }) {
  if (!r.entity) return none;
  const label = `${entityLabel(r.entity)}${r.entityId ? ` #${r.entityId}` : ''}`;
  if (r.entity === 'household' && r.entityId) return <Link to={`/households/${encodeURIComponent(r.entityId)}`}>{label}</Link>;
  return <span>{label}</span>;
}

function SummaryCell({ r }: { r: AuditItem }) {
  const s = auditSummary(r.action, r.detail);
  return s ? (
    <Tooltip title={s}>
      <span className="audit-summary">{s}</span>
    </Tooltip>
  ) : (
    none
  );
}

export const auditColumns: TableProps<AuditItem>['columns'] = [
  { title: '时间', dataIndex: 'at', key: 'at', render: (v: string) => <span className="num">{timeText(v)}</span> },
  {
    title: '用户',
    dataIndex: 'username',
    key: 'username',
    render: (v: string | null, r) => (v ? <span className="mono">{v}</span> : <Typography.Text type="secondary">{r.userId ? `用户 #${r.userId}` : '系统'}</Typography.Text>),
  },
  {
    title: '操作',
    dataIndex: 'action',
    key: 'action',
    render: (v: string) => (
      // the code stays in data-action (and the expanded row's detail), not in a person's words
      <span data-action={v}>{actionLabel(v)}</span>
    ),
  },
  { title: '对象', key: 'entity', render: (_: unknown, r) => <EntityCell r={r} /> },
  { title: '摘要', key: 'summary', render: (_: unknown, r) => <SummaryCell r={r} /> },
  { title: 'IP', dataIndex: 'ip', key: 'ip', render: (v: string | null) => (v ? <span className="mono">{v}</span> : none) },
];

export function AuditDetail({ r }: { r: AuditItem }) {
  return (
    <div data-testid="audit-detail">
      <pre className="audit-detail">{r.detail === null || r.detail === undefined ? '（无详情）' : JSON.stringify(r.detail, null, 2)}</pre>
      <div className="audit-hash">
        记录 #{r.id} · 用户 ID {r.userId ?? '—'} · 哈希 <span className="mono">{r.hash}</span>
      </div>
    </div>
  );
}
