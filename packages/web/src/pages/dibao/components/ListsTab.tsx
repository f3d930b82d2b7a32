// 名单记录: the lists imported in the user's scope, newest first, with what each read, left out
// (opening its bad rows) and found (each count opening 核对结果 of that kind and list), and which is
// its region's current list (tagged 当前名单 by its month: the one whose findings are worked on).
import { useState, type HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { Button, Table, Tag, type TableColumnsType } from 'antd';
import { DIBAO_FINDING_KINDS, DIBAO_FINDING_SHORT } from '@bangfu/core';
import type { DibaoList } from '../../../api/dibao';
import { useDibaoLists } from '../../../api/queries/dibao';
import { ListToolbar, LoadError, ReloadButton } from '../../../components/list/ListParts';
import { dateTimeText } from '../../../lib/format';
import { dibaoFindingsHref } from '../dibaoQuery';
import { ListErrorsModal } from './ListErrorsModal';

const count = (n: number, href: string, testId: string) =>
  n > 0 ? (
    <Link to={href} className="num" data-testid={testId}>
      {n}
    </Link>
  ) : (
    <span className="num">0</span>
  );

function columnsOf(onErrors: (l: DibaoList) => void): TableColumnsType<DibaoList> {
  return [
    {
      title: '月份',
      dataIndex: 'month',
      key: 'month',
      render: (v: string, l) => (
        <span className="dibao-list-month-cell">
          <span className="num">{v}</span>
          {l.current && (
            <Tag color="green" data-testid="dibao-list-current">
              当前名单
            </Tag>
          )}
        </span>
      ),
    },
    { title: '地区', dataIndex: 'regionName', key: 'regionName', render: (v: string) => <span className="cell-wrap">{v}</span> },
    { title: '来源', dataIndex: 'source', key: 'source', render: (v: string) => <span className="cell-wrap">{v || '—'}</span> },
    { title: '文件名', dataIndex: 'fileName', key: 'fileName', responsive: ['xxl'], render: (v: string) => <span className="cell-wrap">{v}</span> },
    { title: '行数', dataIndex: 'rows', key: 'rows', align: 'right', render: (v: number) => <span className="num">{v}</span> },
    {
      title: '错误行',
      dataIndex: 'badRows',
      key: 'badRows',
      align: 'right',
      render: (v: number, l) =>
        v > 0 ? (
          <Button type="link" danger size="small" className="num" data-testid="dibao-list-bad-rows" onClick={() => onErrors(l)}>
            {v}
          </Button>
        ) : (
          <span className="num">0</span>
        ),
    },
    { title: '匹配户数', dataIndex: 'matchedHouseholds', key: 'matchedHouseholds', align: 'right', render: (v: number) => <span className="num">{v}</span> },
    ...DIBAO_FINDING_KINDS.map((k) => ({
      title: DIBAO_FINDING_SHORT[k],
      key: k,
      align: 'right' as const,
      render: (_: unknown, l: DibaoList) => count(l.findings[k], dibaoFindingsHref({ kind: k, listId: l.id }), `dibao-list-${k}`),
    })),
    { title: '待核实', dataIndex: 'openFindings', key: 'openFindings', align: 'right', render: (v: number, l) => count(v, dibaoFindingsHref({ listId: l.id }), 'dibao-list-open') },
    { title: '导入人', dataIndex: 'importedBy', key: 'importedBy', responsive: ['xxl'], render: (v: string) => <span className="cell-wrap">{v}</span> },
    { title: '导入时间', dataIndex: 'importedAt', key: 'importedAt', responsive: ['lg'], render: (v: string) => <span className="num">{dateTimeText(v)}</span> },
  ];
}

export function ListsTab() {
  const lists = useDibaoLists();
  const [showingErrors, setShowingErrors] = useState<DibaoList | null>(null);
  const items = lists.data?.items;
  return (
    <div data-testid="dibao-lists">
      <ListToolbar title="已导入的民政低保名单" total={items?.length} unit="份">
        <ReloadButton onClick={() => void lists.refetch()} />
      </ListToolbar>
      <LoadError error={lists.error} title="名单记录加载失败" onRetry={() => void lists.refetch()} />
      <Table
        rowKey="id"
        size="small"
        columns={columnsOf(setShowingErrors)}
        dataSource={items ?? []}
        loading={lists.isFetching}
        scroll={{ x: 'max-content' }}
        pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, showSizeChanger: false, simple: true } : false}
        onRow={(l) => ({ 'data-testid': 'dibao-list-row', 'data-id': l.id }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '还没有导入过民政低保名单' }}
      />
      <ListErrorsModal list={showingErrors} onClose={() => setShowingErrors(null)} />
    </div>
  );
}
