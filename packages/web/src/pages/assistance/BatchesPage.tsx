// /batches — 分期分批: filed households per batch (第一批/第二批/第三批, by urgency score) and region.
import { Alert, Typography } from 'antd';
import type { TableProps } from 'antd';
import { BATCH_LABELS } from '@bangfu/core';
import type { BatchSummary } from '../../api/assistance';
import { useBatches } from '../../api/queries/assistance';
import { errorMessage } from '../../api/request';
import PageHeader from '../../components/PageHeader';
import TableCard, { totalCells } from '../../components/TableCard';
import { batchTotals } from '../../lib/assistance';
import { useSessionUser } from '../../lib/session';
import { useRegions } from '../../lib/useOrgs';
import './assistance.css';

type Row = BatchSummary['regions'][number];

export default function BatchesPage() {
  const user = useSessionUser();
  const { regionName } = useRegions(user);
  const { data, error, isFetching: loading } = useBatches();
  const labels = data?.batchLabels ?? [...BATCH_LABELS];
  const rows = data?.regions ?? [];

  const columns: TableProps<Row>['columns'] = [
    { title: '地区', dataIndex: 'regionCode', render: (v: string) => regionName(v) },
    ...labels.map((l, i) => ({ title: l, key: `b${i}`, align: 'right' as const, render: (_: unknown, r: Row) => r.batches[i] ?? 0 })),
    { title: '合计', dataIndex: 'total', align: 'right', render: (v: number) => <Typography.Text strong>{v}</Typography.Text> },
  ];
  const totals = totalCells(columns, batchTotals(rows, labels.length));

  return (
    <div className="page">
      <PageHeader title="分期分批" subTitle="已建档家庭按困难程度评分分为三批，先难后易、逐批帮扶脱困" />
      {error != null && <Alert type="error" showIcon message="加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      <TableCard<Row> id="batches-table" rowKey="regionCode" size="middle" columns={columns} dataSource={rows} loading={loading} scroll={{ x: 'max-content' }}
        total={rows.length ? totals : null} totalTestId="batches-total"
        after={
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            评分规则和分批分数线由市总工会在「帮扶措施目录 → 帮扶设置」中调整，调整后系统自动重新评分。
          </Typography.Paragraph>
        }
      />
    </div>
  );
}
