// /admin/audit — 审计日志 (admins): every logged action, newest first, filtered by 操作 (a prefix),
// 用户名, 对象 and 日期范围; each row opens to its whole detail; 「校验审计链」 checks that no row
// was altered or removed.
import { Card, Table } from 'antd';
import { listAudit, type AuditItem } from '../../api/audit';
import PageHeader from '../../components/PageHeader';
import { ListToolbar, LoadError, ReloadButton } from '../../components/list/ListParts';
import { useListPage } from '../../components/list/useListPage';
import { AUDIT_CODEC } from './auditQuery';
import { AuditDetail, auditColumns } from './auditColumns';
import { AuditFilterForm } from './components/AuditFilterForm';
import { ChainCheckButton, ChainCheckResult, useChainCheck } from './components/ChainCheck';
import './admin.css';

export default function AuditPage() {
  const list = useListPage({ codec: AUDIT_CODEC, name: 'audit', toQuery: (q) => q, fetch: listAudit, unit: '条' });
  const check = useChainCheck();

  return (
    <div className="page">
      <PageHeader
        title="审计日志"
        subTitle="登录、查看与修改档案、审核、管理操作均有记录；记录按哈希链前后相连，不能修改或删除"
        extra={<ChainCheckButton check={check} />}
      />
      <ChainCheckResult check={check} />
      <AuditFilterForm query={list.state} onSearch={list.replace} onReset={() => list.replace(AUDIT_CODEC.read(new URLSearchParams()))} />

      <Card variant="borderless" className="table-card">
        <ListToolbar title="操作记录" total={list.data?.total} unit="条" totalTestId="audit-total">
          <ReloadButton onClick={list.reload} />
        </ListToolbar>
        <LoadError error={list.error} title="审计日志加载失败" onRetry={list.reload} />
        <Table<AuditItem>
          id="audit-table"
          rowKey="id"
          columns={auditColumns}
          {...list.tableProps}
          size="small"
          expandable={{ expandedRowRender: (r) => <AuditDetail r={r} /> }}
          onChange={list.onPageChange}
          locale={{ emptyText: list.loading ? '正在加载…' : '没有符合条件的记录' }}
        />
      </Card>
    </div>
  );
}
