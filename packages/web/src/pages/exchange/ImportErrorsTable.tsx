// Every bad cell of an import (tab 有错误): sheet, row, column, the value, the problem; paged.
import { useState } from 'react';
import { Alert, App, Button, Table, Typography } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { downloadImportErrors, type ImportError } from '../../api/exchange';
import { useImportErrors } from '../../api/queries/exchange';
import { errorMessage } from '../../api/request';
import { cellValueText } from './importModel';

const PAGE_SIZE = 50;

const COLUMNS: TableProps<ImportError>['columns'] = [
  { title: '工作表', dataIndex: 'sheet', width: 100 },
  { title: '行号', dataIndex: 'row', width: 70, align: 'right' },
  { title: '列', dataIndex: 'column', width: 160 },
  {
    title: '填写的值',
    dataIndex: 'value',
    width: 200,
    ellipsis: true,
    render: (v: unknown) => {
      const t = cellValueText(v);
      return t ? <span className="mono">{t}</span> : <Typography.Text type="secondary">（空）</Typography.Text>;
    },
  },
  { title: '问题', dataIndex: 'message', render: (v: string) => <Typography.Text type="danger">{v}</Typography.Text> },
];

export default function ImportErrorsTable({ importId }: { importId: number }) {
  const { message } = App.useApp();
  const [page, setPage] = useState(1);
  const [saving, setSaving] = useState(false);
  const q = useImportErrors(importId, page, PAGE_SIZE);
  const { data, error } = q;
  const loading = q.isFetching;
  const reload = () => void q.refetch();

  async function onDownload() {
    setSaving(true);
    try {
      await downloadImportErrors(importId);
    } catch (e) {
      message.error(`错误报告下载失败：${errorMessage(e)}`);
    } finally {
      setSaving(false);
    }
  }

  return (
    <div>
      <div className="import-tab-toolbar">
        <Typography.Text type="secondary">请按以下提示修改文件后重新上传；也可勾选“只导入无错误的行”，先导入其余各户。</Typography.Text>
        <Button icon={<DownloadOutlined />} id="import-errors-download" loading={saving} onClick={onDownload}>
          下载错误报告
        </Button>
      </div>
      {error != null && <Alert type="error" showIcon message="错误清单加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} />}
      <Table<ImportError>
        id="import-errors"
        size="small"
        rowKey={(r) => `${r.sheet}|${r.row}|${r.column}|${r.message}`}
        columns={COLUMNS}
        dataSource={data?.items ?? []}
        loading={loading}
        scroll={{ x: 'max-content' }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 处`, onChange: setPage }}
      />
    </div>
  );
}
