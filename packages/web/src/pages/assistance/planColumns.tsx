// The plan's table: read (with who updated each measure) and edited in place.
import { Button, DatePicker, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DeleteOutlined, StarFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { PLAN_STATUSES, PLAN_STATUS_LABELS, type PlanStatus } from '@bangfu/core';
import type { PlanItem } from '../../api/assistance';
import type { PlanRow } from '../../lib/assistance';
import { dateText, dateTimeText } from '../../lib/format';
import type { PlanEditor } from './hooks/usePlanEditor';
import { PlanStatusTag } from './assistanceParts';

function FieldError({ text }: { text?: string }) {
  return text ? <div className="plan-field-error" role="alert">{text}</div> : null;
}

function MeasureCell({ r }: { r: { name: string; category: string; recommended: boolean; reason: string | null } }) {
  return (
    <div>
      <Space size={6} wrap>
        <Typography.Text strong>{r.name}</Typography.Text>
        <Tag bordered={false}>{r.category}</Tag>
        {r.recommended && (
          <Tag color="gold" icon={<StarFilled />}>
            推荐
          </Tag>
        )}
      </Space>
      {r.reason && <div className="plan-rec-reason">{r.reason}</div>}
    </div>
  );
}

export const viewColumns: TableProps<PlanItem>['columns'] = [
  { title: '帮扶措施', key: 'measure', render: (_, r) => <MeasureCell r={r} />, width: 320 },
  { title: '目标日期', dataIndex: 'targetDate', width: 110, render: (v: string | null) => dateText(v) || '—' },
  { title: '状态', dataIndex: 'status', width: 90, render: (v: PlanStatus) => <PlanStatusTag value={v} /> },
  { title: '实施效果', dataIndex: 'outcome', render: (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text> },
  {
    title: '更新',
    key: 'updated',
    width: 150,
    render: (_, r) => (
      <Typography.Text type="secondary" className="nowrap-cell">
        {r.updatedBy ?? ''}
        <br />
        {dateTimeText(r.updatedAt)}
      </Typography.Text>
    ),
  },
];

export function editColumns({ rowErrors, patch, removeRow }: Pick<PlanEditor, 'rowErrors' | 'patch' | 'removeRow'>): TableProps<PlanRow>['columns'] {
  return [
    {
      title: '帮扶措施',
      key: 'measure',
      width: 300,
      render: (_, r, i) => (
        <>
          <MeasureCell r={r} />
          <FieldError text={rowErrors[i]?.measure} />
        </>
      ),
    },
    {
      title: '目标日期',
      key: 'targetDate',
      width: 150,
      render: (_, r, i) => (
        <>
          <DatePicker
            id={`plan_items_${i}_targetDate`}
            format="YYYY-MM-DD"
            placeholder="YYYY-MM-DD"
            value={r.targetDate ? dayjs(r.targetDate, 'YYYY-MM-DD') : null}
            onChange={(d) => patch(i, { targetDate: d ? d.format('YYYY-MM-DD') : null })}
            status={rowErrors[i]?.targetDate ? 'error' : undefined}
            style={{ width: '100%' }}
          />
          <FieldError text={rowErrors[i]?.targetDate} />
        </>
      ),
    },
    {
      title: '状态',
      key: 'status',
      width: 120,
      render: (_, r, i) => (
        <>
          <Select
            id={`plan_items_${i}_status`}
            value={r.status}
            onChange={(v) => patch(i, { status: v })}
            options={PLAN_STATUSES.map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            status={rowErrors[i]?.status ? 'error' : undefined}
            style={{ width: '100%' }}
          />
          <FieldError text={rowErrors[i]?.status} />
        </>
      ),
    },
    {
      title: '实施效果',
      key: 'outcome',
      render: (_, r, i) => (
        <>
          <Input.TextArea
            id={`plan_items_${i}_outcome`}
            value={r.outcome ?? ''}
            onChange={(e) => patch(i, { outcome: e.target.value })}
            autoSize={{ minRows: 1, maxRows: 4 }}
            maxLength={1000}
            placeholder="实施情况与效果"
            status={rowErrors[i]?.outcome ? 'error' : undefined}
          />
          <FieldError text={rowErrors[i]?.outcome} />
        </>
      ),
    },
    {
      title: '操作',
      key: 'op',
      width: 72,
      render: (_, r, i) => (
        <Button type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => removeRow(i)} aria-label={`移除 ${r.name}`} className="plan-row-remove">
          移除
        </Button>
      ),
    },
  ];
}
