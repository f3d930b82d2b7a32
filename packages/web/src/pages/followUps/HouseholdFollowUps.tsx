// The file's 脱困回访 card, below its 帮扶 sections: for an exited household the planned visits and
// where the next one stands (an overdue one, or a family found fallen back waiting for 重新纳入),
// 记录回访, and every follow-up the household had (earlier exits too, so a reopened file keeps them).
import { useState, type ReactNode } from 'react';
import { Alert, Button, Card, Grid, Steps, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { FOLLOW_UP_OUTCOME_LABELS } from '@bangfu/core';
import type { FollowUpRecord, HouseholdFollowUps as Schedule } from '../../api/followUps';
import type { HouseholdFile } from '../../api/households';
import { useHouseholdFollowUps } from '../../api/queries/followUps';
import { LoadError } from '../../components/list/ListParts';
import { fileActions } from '../../lib/access';
import { useAccess, useSessionUser } from '../../lib/session';
import { FallenBackReopen } from './components/FallenBackReopen';
import { FollowUpModal } from './components/FollowUpModal';
import { recordColumns } from './followUpColumns';
import { followUpMonthsText, nextVisitNotice, reopenReasonOf } from './followUpText';
import './followUps.css';

interface Props {
  file: HouseholdFile;
  /** the file after 重新纳入 from this card */
  onChanged: (f: HouseholdFile) => void;
}

/** The planned visits of the current exit: made (a 返困 in red), the next one, those to come (none after a 返困). */
function visitSteps(d: Schedule) {
  return d.visits.map((v) => {
    const next = d.next?.seq === v.seq;
    const status = v.outcome === 'fallenBack' ? 'error' : v.doneOn ? 'finish' : next ? (d.overdue ? 'error' : 'process') : 'wait';
    const state = v.doneOn
      ? `${v.doneOn} 回访 · ${FOLLOW_UP_OUTCOME_LABELS[v.outcome!]}`
      : d.pendingReopen ? '返困后不再回访' : next && d.overdue ? `已超期${d.daysOverdue}天` : '未回访';
    return {
      title: `第${v.seq}次`,
      status: status as 'error' | 'finish' | 'process' | 'wait',
      description: (
        <span data-testid="follow-up-visit" data-seq={v.seq} data-status={status}>
          计划 {v.dueOn}
          <br />
          {state}
        </span>
      ),
    };
  });
}

export default function HouseholdFollowUps({ file, onChanged }: Props) {
  const user = useSessionUser();
  const access = useAccess();
  const q = useHouseholdFollowUps(file.id);
  const [recording, setRecording] = useState(false);
  const screens = Grid.useBreakpoint();
  const d = q.data;
  const exited = file.status === 'exited';
  if (!exited && !d?.items.length) return null;

  const reopens = fileActions(user, { status: file.status, regionCode: file.regionCode, unitId: file.unitId }).reopen;
  const items = d?.items ?? [];
  const fallen = items.find((i) => i.outcome === 'fallenBack' && i.exitDate === d?.exitDate);
  const notice = d && nextVisitNotice(d);
  let alert: ReactNode = null;
  if (exited && d?.pendingReopen)
    alert = (
      <Alert type="error" showIcon data-testid="follow-up-pending-reopen" message="回访发现返困，待重新纳入"
        description={reopens ? '请办理重新纳入：档案回到草稿，补充情况后重新提交审核。' : '已提醒该户所在单位工会重新纳入。'}
        action={reopens && fallen ? <FallenBackReopen file={file} reason={reopenReasonOf(fallen)} onChanged={onChanged} /> : undefined} />
    );
  else if (exited && d?.overdue) alert = <Alert type="warning" showIcon data-testid="follow-up-overdue" message={`${notice}，请尽快入户回访并记录。`} />;
  else if (exited && d?.due) alert = <Alert type="info" showIcon data-testid="follow-up-due" message={`${notice}，请按时入户回访。`} />;
  else if (file.status === 'draft' && items[0]?.reopened)
    alert = <Alert type="warning" showIcon data-testid="follow-up-reopened" message={`${items[0].date}脱困回访发现返困，档案已重新纳入（草稿），请补充情况后重新提交审核。`} />;

  return (
    <Card
      className="assist-card no-print"
      variant="borderless"
      id="household-follow-ups"
      style={{ marginTop: 12 }}
      title={
        <span>
          脱困回访{d && <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>（{followUpMonthsText(d.months)}）</Typography.Text>}
        </span>
      }
      extra={
        exited && access.canRecordFollowUps ? (
          <Button id="follow-up-new" type="primary" icon={<PlusOutlined />} onClick={() => setRecording(true)} size={screens.md ? 'middle' : 'large'}>
            记录回访
          </Button>
        ) : null
      }
    >
      <LoadError error={q.error} title="脱困回访加载失败" onRetry={() => void q.refetch()} />
      {alert && <div style={{ marginBottom: 12 }}>{alert}</div>}
      {exited && d && d.visits.length > 0 && <Steps size="small" className="follow-up-steps" style={{ marginBottom: 16 }} items={visitSteps(d)} />}
      <Table<FollowUpRecord>
        id="follow-up-records"
        rowKey="id"
        size="small"
        columns={recordColumns(new Set(items.map((i) => i.exitDate)).size > 1)}
        dataSource={items}
        loading={q.isFetching && !d}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '暂无回访记录' }}
      />
      <FollowUpModal household={recording ? file : null} reopens={reopens} offerFile={false} onClose={() => setRecording(false)} />
    </Card>
  );
}
