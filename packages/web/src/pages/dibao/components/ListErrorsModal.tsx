// The rows of a list left out for a bad cell (第 N 行 · 列 · 内容 · 原因), server-paged.
import { useEffect, useState } from 'react';
import { Alert, Grid, Modal, Table, type TableColumnsType } from 'antd';
import type { DibaoList, DibaoListError } from '../../../api/dibao';
import { useDibaoListErrors } from '../../../api/queries/dibao';
import { errorMessage } from '../../../api/request';
import { listText } from '../dibaoText';

const COLUMNS: TableColumnsType<DibaoListError> = [
  { title: '行号', dataIndex: 'row', key: 'row', width: 70, render: (v: number) => <span className="num">{v}</span> },
  { title: '列', dataIndex: 'column', key: 'column', width: 100 },
  { title: '内容', dataIndex: 'value', key: 'value', render: (v: string) => <span className="num dibao-cell-text dibao-cell-value">{v || '（空）'}</span> },
  { title: '原因', dataIndex: 'message', key: 'message', render: (v: string) => <span className="dibao-cell-text">{v}</span> },
];

export function ListErrorsModal({ list, onClose }: { list: DibaoList | null; onClose: () => void }) {
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const phone = !Grid.useBreakpoint().sm;
  const errors = useDibaoListErrors(list?.id ?? null, page, pageSize);
  useEffect(() => setPage(1), [list?.id]);
  return (
    <Modal
      title={list ? `跳过的错误行：${listText(list)}` : '跳过的错误行'}
      open={list !== null}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={phone ? '100%' : 760}
      wrapProps={{ 'data-testid': 'dibao-errors-dialog' }}
    >
      {list && <p className="dibao-lead">{`${list.fileName} 中有 ${list.badRows} 行因内容有误未参与核对。请在原文件中改正后重新导入该月名单。`}</p>}
      {errors.error && <Alert type="error" showIcon message="错误行加载失败" description={errorMessage(errors.error)} style={{ marginBottom: 12 }} />}
      <Table
        rowKey={(r) => `${r.row}-${r.column}`}
        size="small"
        columns={COLUMNS}
        dataSource={errors.data?.items ?? []}
        loading={errors.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: page,
          pageSize,
          total: errors.data?.total ?? 0,
          simple: phone,
          showSizeChanger: !phone,
          pageSizeOptions: ['20', '50', '100'],
          showTotal: (t) => `共 ${t} 处`,
          onChange: (p, s) => {
            setPage(s !== pageSize ? 1 : p);
            setPageSize(s);
          },
        }}
      />
    </Modal>
  );
}
