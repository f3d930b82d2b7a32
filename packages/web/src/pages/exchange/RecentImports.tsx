// 最近导入: the user's recent imports; a click opens one at /exchange/import/:id.
import { Link } from 'react-router';
import { Alert, Button, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import type { ImportView } from '../../api/exchange';
import { useImports } from '../../api/queries/exchange';
import { errorMessage } from '../../api/request';
import TableCard from '../../components/TableCard';
import { dateTimeText } from '../../lib/format';
import { IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS, recentImportText as countsText } from './importModel';

/** `refreshKey` changes when the import on the page changes state, so the list follows it. */
export default function RecentImports({ currentId, refreshKey }: { currentId: number | null; refreshKey: string }) {
  const q = useImports(refreshKey);
  const { data, error } = q;
  const loading = q.isFetching;
  const reload = () => void q.refetch();

  const columns: TableProps<ImportView>['columns'] = [
    {
      title: '文件名',
      dataIndex: 'fileName',
      ellipsis: true,
      render: (v: string, r) => (
        <Link to={`/exchange/import/${r.id}`} aria-current={r.id === currentId ? 'page' : undefined}>
          {v}
        </Link>
      ),
    },
    { title: '上传时间', dataIndex: 'createdAt', width: 150, render: (v: string) => dateTimeText(v) },
    { title: '上传人', key: 'createdBy', width: 110, render: (_, r) => r.createdBy.displayName },
    {
      title: '状态',
      dataIndex: 'status',
      width: 90,
      render: (s: ImportView['status']) => (
        <Tag color={IMPORT_STATUS_COLORS[s]} data-status={s}>
          {IMPORT_STATUS_LABELS[s]}
        </Tag>
      ),
    },
    { title: '结果', key: 'counts', ellipsis: true, render: (_, r) => <Typography.Text type={r.fileError ? 'danger' : undefined}>{countsText(r)}</Typography.Text> },
  ];

  return (
    <TableCard<ImportView> cardClassName="import-recent" title="最近导入" extra={<Button type="text" icon={<ReloadOutlined />} onClick={reload} aria-label="刷新最近导入" />}
      before={error != null && <Alert type="error" showIcon message="最近导入加载失败" description={errorMessage(error)} style={{ marginBottom: 12 }} />}
      // a phone scrolls the table in its box rather than squeezing 上传人 under 状态
      id="import-recent" rowKey="id" scroll={{ x: 720 }} columns={columns} dataSource={data?.items ?? []} loading={loading}
      rowClassName={(r) => (r.id === currentId ? 'import-recent-current' : '')} locale={{ emptyText: '还没有导入记录' }} />
  );
}
