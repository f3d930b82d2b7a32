// 修改记录: every saved change of the policy, newest first — who, when, old → new, why, and the
// re-identification it started.
import { Alert, Button, Typography } from 'antd';
import type { TableProps } from 'antd';
import type { PolicyHistoryItem } from '../../api/policy';
import { usePolicyHistory } from '../../api/queries/policy';
import { errorMessage } from '../../api/request';
import TableCard from '../../components/TableCard';
import { dateTimeText } from '../../lib/format';
import { changeText } from './changeSet';
import { JobCell } from './JobProgress';

export function PolicyHistory({ policyVersion, regionName }: { policyVersion: number | undefined; regionName: (code: string) => string }) {
  const history = usePolicyHistory(policyVersion);
  const { data, error } = history;
  const loading = history.isFetching;
  const reload = () => void history.refetch();
  const columns: TableProps<PolicyHistoryItem>['columns'] = [
    { title: '版本', dataIndex: 'version', key: 'version', width: 80, render: (v: number) => <span className="history-version">第 {v} 版</span> },
    { title: '时间', dataIndex: 'changedAt', key: 'changedAt', width: 150, render: (v: string) => dateTimeText(v) },
    {
      title: '修改人',
      dataIndex: 'changedBy',
      key: 'changedBy',
      width: 140,
      render: (v: PolicyHistoryItem['changedBy']) =>
        v ? (
          // people by name: the login name is the administrator's business (用户管理)
          <span>{v.displayName}</span>
        ) : (
          <Typography.Text type="secondary">系统</Typography.Text>
        ),
    },
    {
      title: '修改内容',
      dataIndex: 'changes',
      key: 'changes',
      render: (changes: PolicyHistoryItem['changes']) => (
        <ul className="plain-list policy-history-changes">
          {changes.map((c, i) => (
            <li key={i}>{changeText(c, regionName)}</li>
          ))}
        </ul>
      ),
    },
    { title: '说明', dataIndex: 'reason', key: 'reason', width: 240, render: (v: string | null) => v || <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '重新识别任务',
      dataIndex: 'jobId',
      key: 'jobId',
      width: 230,
      render: (v: number | null) => (v === null ? <Typography.Text type="secondary">无</Typography.Text> : <JobCell jobId={v} regionName={regionName} />),
    },
  ];
  return (
    <div data-testid="policy-history">
      {error != null && (
        <Alert type="error" showIcon message="修改记录加载失败" description={errorMessage(error)} action={<Button onClick={reload}>重试</Button>} style={{ marginBottom: 12 }} />
      )}
      {/* a phone scrolls the table in its box rather than wrapping 修改内容 every few characters */}
      <TableCard<PolicyHistoryItem> bare id="policy-history-table" rowKey="version" size="middle" scroll={{ x: 760 }} columns={columns} dataSource={data?.items ?? []} loading={loading}
        locale={{ emptyText: loading ? '正在加载…' : '暂无修改记录' }} pagination={{ pageSize: 10, showSizeChanger: false, showTotal: (t) => `共 ${t} 次修改`, hideOnSinglePage: true }} />
    </div>
  );
}
