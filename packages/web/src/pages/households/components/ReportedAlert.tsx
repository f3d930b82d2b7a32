// 上报后已修改: a file frozen in a submission (上报) and changed since is named here, so that whoever
// reads it knows the city union's copy is older.
import { Alert } from 'antd';
import { useReported } from '../../../api/queries/campaigns';
import { dateTimeText } from '../../../lib/format';

export function ReportedAlert({ householdId, version }: { householdId: string; version: number }) {
  const q = useReported(householdId);
  const changed = (q.data?.items ?? []).filter((r) => r.changedSince);
  if (changed.length === 0) return null;
  return (
    <Alert
      className="no-print"
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="household-reported-changed"
      message={changed.map((r) => `该档案在上报（${r.campaignName} · ${r.deadlineLabel}）后已修改`).join('；')}
      description={changed
        .map((r) => `${r.orgName}于 ${dateTimeText(r.submittedAt)} 上报的是第 ${r.version} 版，当前为第 ${version} 版。`)
        .join(' ')}
    />
  );
}
