// The households of an import with one status (tabs 新增 / 变更 / 无变化, and after the commit the
// rows it left out); a 变更 row expands to its field changes (字段：旧值 → 新值).
import { useState } from 'react';
import { Alert, Button, Table, Tag, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { ImportRow, RowStatus } from '../../api/exchange';
import { useImportRows } from '../../api/queries/exchange';
import { errorMessage } from '../../api/request';
import { WorkerNoLink } from '../../components/HouseholdColumns';
import { changeValueText } from './importModel';

const PAGE_SIZE = 20;

function Changes({ row }: { row: ImportRow }) {
  if (!row.changes.length) return <Typography.Text type="secondary">无字段变化</Typography.Text>;
  return (
    <ul className="import-changes" data-testid="import-changes">
      {row.changes.map((c) => (
        <li key={c.path}>
          <span className="import-change-label">{c.label || c.path}：</span>
          <span className="import-change-old">{changeValueText(c.old)}</span>
          <span className="import-change-arrow"> → </span>
          <span className="import-change-new">{changeValueText(c.new)}</span>
        </li>
      ))}
    </ul>
  );
}

export default function ImportRowsTable({ importId, status }: { importId: number; status: RowStatus }) {
  const [page, setPage] = useState(1);
  const q = useImportRows(importId, status, page, PAGE_SIZE);
  const { data, error } = q;
  const loading = q.isFetching;
  const reload = () => void q.refetch();

  const columns: TableProps<ImportRow>['columns'] = [
    { title: '行号', dataIndex: 'row', width: 70, align: 'right' },
    {
      title: '职工编号',
      dataIndex: 'workerNo',
      width: 120,
      render: (v: string | null, r) =>
        v && r.householdId ? (
          <WorkerNoLink id={r.householdId} workerNo={v} />
        ) : (
          <span className="num">{v || <Typography.Text type="secondary">{status === 'new' ? '导入时分配' : '—'}</Typography.Text>}</span>
        ),
    },
    { title: '姓名', dataIndex: 'name', width: 100 },
    { title: '身份证号', dataIndex: 'idNumber', width: 190, render: (v: string | null) => <span className="num">{v ?? ''}</span> },
    ...(status === 'changed'
      ? [{ title: '变化', key: 'changeCount', width: 110, render: (_: unknown, r: ImportRow) => `${r.changes.length} 项` }]
      : []),
    ...(status === 'stale'
      ? [{ title: '未导入的原因', dataIndex: 'note', render: (v: string | null) => <Typography.Text type="warning">{v ?? ''}</Typography.Text> }]
      : []),
    {
      title: '提示',
      dataIndex: 'warnings',
      render: (w: string[]) =>
        w.length ? (
          <span className="import-warnings">
            {w.map((t) => (
              <Tag key={t} color="warning">
                {t}
              </Tag>
            ))}
          </span>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
  ];

  return (
    <div>
      {error != null && <Alert type="error" showIcon message="清单加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} />}
      <Table<ImportRow>
        id={`import-rows-${status}`}
        size="small"
        rowKey="seq"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        expandable={status === 'changed' ? { expandedRowRender: (r) => <Changes row={r} />, rowExpandable: (r) => r.changes.length > 0 } : undefined}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 户`, onChange: setPage }}
      />
    </div>
  );
}
