// 各单位上报 (the city union): every submission, newest first, 接收 / 退回 the ones waiting, and
// each one's Excel. 只看待处理 narrows to those waiting for a decision.
import { useState } from 'react';
import { App, Button, Card, Space, Switch, Table, Typography } from 'antd';
import { decideSubmission, type Submission, type SubmissionDecision } from '../../../api/campaigns';
import { useInvalidateCampaign, useSubmissions } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import { LoadError } from '../../../components/list/ListParts';
import { submissionColumns } from '../submissionColumns';
import { DecisionModal } from './DecisionModal';
import { SubmissionDownload } from './SubmissionDownload';

export function CitySubmissionsCard({ campaignId }: { campaignId: number }) {
  const { message } = App.useApp();
  const q = useSubmissions(String(campaignId));
  const invalidate = useInvalidateCampaign();
  const [pendingOnly, setPendingOnly] = useState(false);
  const [deciding, setDeciding] = useState<{ s: Submission; decision: SubmissionDecision } | null>(null);
  const [busy, setBusy] = useState(false);
  const all = q.data?.items ?? [];
  const waiting = all.filter((s) => s.status === 'submitted').length;
  const rows = pendingOnly ? all.filter((s) => s.status === 'submitted') : all;

  async function decide(opinion: string) {
    if (!deciding) return;
    setBusy(true);
    try {
      const s = await decideSubmission(deciding.s.id, deciding.decision, opinion);
      message.success(`${s.orgName}的上报已${s.status === 'accepted' ? '接收' : '退回'}`);
      setDeciding(null);
      invalidate(campaignId);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const actions = (s: Submission) => (
    <Space size={8}>
      {s.status === 'submitted' && (
        <>
          <Button type="link" size="small" style={{ padding: 0 }} data-action="accept" onClick={() => setDeciding({ s, decision: 'accept' })}>
            接收
          </Button>
          <Button type="link" size="small" danger style={{ padding: 0 }} data-action="return" onClick={() => setDeciding({ s, decision: 'return' })}>
            退回
          </Button>
        </>
      )}
      <SubmissionDownload submission={s} />
    </Space>
  );

  return (
    <Card
      variant="borderless"
      className="table-card campaign-section"
      id="city-submissions"
      title={
        <span>
          各单位上报
          <Typography.Text type={waiting ? 'warning' : 'secondary'} className="table-total">
            待处理 {waiting} 份
          </Typography.Text>
        </span>
      }
      extra={
        <Space size={6}>
          <Switch size="small" checked={pendingOnly} onChange={setPendingOnly} id="submissions-pending-only" />
          <label htmlFor="submissions-pending-only">只看待处理</label>
        </Space>
      }
    >
      <LoadError error={q.error} title="上报记录加载失败" onRetry={() => void q.refetch()} />
      <Table<Submission>
        id="city-submission-table"
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: pendingOnly ? '没有待处理的上报' : '暂无上报' }}
        columns={submissionColumns({ withOrg: true, actions })}
      />
      <DecisionModal submission={deciding?.s ?? null} decision={deciding?.decision ?? 'accept'} busy={busy} onOk={(o) => void decide(o)} onCancel={() => setDeciding(null)} />
    </Card>
  );
}
