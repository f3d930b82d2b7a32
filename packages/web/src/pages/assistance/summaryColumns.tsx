// The tables of 帮扶统计: per region, per cadre, and the households (overdue / below target).
import { Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { CadreSummary, HouseholdSummary, RegionSummary } from '../../api/assistance';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { dateText } from '../../lib/format';
import { moneyText } from './assistanceParts';

/** A share with one decimal always (29.0% beside 13.3%, not 29% beside 13.3%). */
export const pct = (a: number, b: number) => (b ? `${((a * 100) / b).toFixed(1)}%` : '—');

export const regionColumns: TableProps<RegionSummary>['columns'] = [
  { title: '地区', dataIndex: 'regionName', width: 120 },
  { title: '建档户数', dataIndex: 'households', align: 'right' },
  { title: '已帮扶户数', dataIndex: 'assisted', align: 'right' },
  { title: '帮扶次数', dataIndex: 'records', align: 'right' },
  { title: '其中走访', dataIndex: 'visits', align: 'right' },
  { title: '帮扶金额（元）', dataIndex: 'money', align: 'right', render: (v: number) => moneyText(v) },
  { title: '解决实际问题', dataIndex: 'solved', align: 'right' },
  { title: '达标户数', dataIndex: 'metTarget', align: 'right' },
  { title: '达标率', key: 'rate', align: 'right', render: (_, r) => pct(r.metTarget, r.households) },
  { title: `超期未走访`, dataIndex: 'overdue', align: 'right', render: (v: number) => (v ? <Typography.Text type="danger">{v}</Typography.Text> : 0) },
];

export const cadreColumns: TableProps<CadreSummary>['columns'] = [
  { title: '帮扶人', dataIndex: 'displayName' },
  { title: '帮扶户数', dataIndex: 'households', align: 'right' },
  { title: '帮扶次数', dataIndex: 'records', align: 'right' },
  { title: '其中走访', dataIndex: 'visits', align: 'right' },
  { title: '帮扶金额（元）', dataIndex: 'money', align: 'right', render: (v: number) => moneyText(v) },
  { title: '解决实际问题', dataIndex: 'solved', align: 'right' },
];

/** `overdueDays` adds the 超过 N 天未走访 tag (the overdue list). */
export function householdColumns(from: string, overdueDays?: number): TableProps<HouseholdSummary>['columns'] {
  return [
    { title: '职工编号', className: 'col-worker-no', dataIndex: 'workerNo', render: (v: string, h) => <WorkerNoLink id={h.id} workerNo={v} from={from} /> },
    { title: '姓名', dataIndex: 'name' },
    { title: '地区', dataIndex: 'regionName' },
    { title: '具体责任人', dataIndex: 'cadre', render: (v: string | null) => v ?? <Typography.Text type="secondary">未确定</Typography.Text> },
    { title: '最近帮扶', dataIndex: 'lastAssistedOn', render: (v: string | null) => (v ? dateText(v) : <Typography.Text type="secondary">尚无记录</Typography.Text>) },
    ...(overdueDays !== undefined ? [{ title: '提示', key: 'tag', render: () => <Tag color="red">超过 {overdueDays} 天未走访</Tag> }] : []),
    { title: '本年帮扶次数', dataIndex: 'records', align: 'right' as const },
    { title: '其中走访', dataIndex: 'visits', align: 'right' as const },
    { title: '解决实际问题', dataIndex: 'solved', align: 'right' as const },
  ];
}
