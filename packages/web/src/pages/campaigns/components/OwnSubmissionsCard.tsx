// 本单位上报 (a county union or a 大中型企事业单位 that must submit): each deadline with the
// organization's state and 上报数据 / 重新上报 when it may; the city's opinion when it was returned;
// every round it made, with its Excel.
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag, Typography } from 'antd';
import { CloudUploadOutlined } from '@ant-design/icons';
import { DEADLINE_KIND_LABELS } from '@bangfu/core';
import { submitData, type Campaign, type Deadline, type Submission } from '../../../api/campaigns';
import { useInvalidateCampaign, useSubmissions } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import { dateTimeText } from '../../../lib/format';
import { daysLeftColor, daysLeftText } from '../campaignText';
import { latestSubmission, stateOf, submitAction } from '../ownSubmission';
import { submissionColumns } from '../submissionColumns';
import { SubmissionDownload } from './SubmissionDownload';
import { SubmissionStateTag } from './SubmissionTags';
import { SubmitModal, type SubmitValues } from './SubmitModal';

interface Props {
  campaign: Campaign;
  org: { code: string; name: string };
  /** the files a submission would freeze now, when known */
  frozenCount: number | null;
}

function ReturnedAlert({ s }: { s: Submission }) {
  return (
    <Alert
      type="error"
      showIcon
      data-testid="submission-returned"
      style={{ marginTop: 8 }}
      message={`“${s.deadlineLabel}”第 ${s.round} 次上报已被市总工会退回`}
      description={
        <span>
          退回意见：{s.opinion || '—'}
          {s.decidedBy && `（${s.decidedBy}，${dateTimeText(s.decidedAt)}）`}。请按意见完善档案后重新上报。
        </span>
      }
    />
  );
}

export function OwnSubmissionsCard({ campaign, org, frozenCount }: Props) {
  const { message } = App.useApp();
  const q = useSubmissions(String(campaign.id));
  const invalidate = useInvalidateCampaign();
  const [target, setTarget] = useState<{ deadline: Deadline; resubmit: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const mine = (q.data?.items ?? []).filter((s) => s.orgCode === org.code);

  async function submit(v: SubmitValues) {
    if (!target) return;
    setBusy(true);
    try {
      const s = await submitData(campaign.id, { deadlineId: target.deadline.id, ...(v.note?.trim() ? { note: v.note.trim() } : {}) });
      message.success(`已上报“${s.deadlineLabel}”，冻结档案 ${s.fileCount} 户，等待市总工会接收`);
      setTarget(null);
      invalidate(campaign.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card variant="borderless" className="table-card campaign-section" id="own-submissions" title={`本单位上报 · ${org.name}`}>
      {q.error != null && <Alert type="error" showIcon message="上报记录加载失败" description={errorMessage(q.error)} style={{ marginBottom: 12 }} />}
      <ul className="deadline-list own-deadlines">
        {campaign.deadlines.map((d) => {
          // only data deadlines take a submission; a report deadline's 调研报告 go through their own card
          const data = d.kind === 'data';
          const latest = data ? latestSubmission(mine, d.id, org.code) : null;
          const action = data && q.data ? submitAction(latest) : null;
          return (
            <li key={d.id} data-deadline-id={d.id} data-state={data ? stateOf(latest) : undefined}>
              <Space size={[8, 4]} wrap>
                <Tag color={data ? 'blue' : 'purple'} style={{ marginInlineEnd: 0 }}>
                  {DEADLINE_KIND_LABELS[d.kind]}
                </Tag>
                <Typography.Text strong>{d.label}</Typography.Text>
                <span className="num">{d.dueDate}</span>
                {!latest && (
                  <Tag color={daysLeftColor(d.daysLeft)} style={{ marginInlineEnd: 0 }}>
                    {daysLeftText(d.daysLeft)}
                  </Tag>
                )}
                {data && <SubmissionStateTag state={stateOf(latest)} onTime={latest?.onTime ?? (d.daysLeft < 0 ? false : null)} />}
                {!data && <Typography.Text type="secondary">在下方“调研报告”中报送</Typography.Text>}
                {latest?.status === 'submitted' && <Typography.Text type="secondary">等待市总工会接收</Typography.Text>}
                {action && (
                  <Button
                    type="primary"
                    danger={action === 'resubmit'}
                    size="small"
                    icon={<CloudUploadOutlined />}
                    className="submit-button"
                    data-action={action}
                    onClick={() => setTarget({ deadline: d, resubmit: action === 'resubmit' })}
                  >
                    {action === 'resubmit' ? '重新上报' : '上报数据'}
                  </Button>
                )}
              </Space>
              {latest?.status === 'returned' && <ReturnedAlert s={latest} />}
            </li>
          );
        })}
      </ul>
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        上报记录
      </Typography.Title>
      <Table<Submission>
        id="own-submission-table"
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={mine}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '尚未上报' }}
        columns={submissionColumns({ withOrg: false, actions: (s) => <SubmissionDownload submission={s} /> })}
      />
      <SubmitModal
        open={target !== null}
        resubmit={target?.resubmit ?? false}
        orgName={org.name}
        year={campaign.year}
        fileCount={frozenCount}
        deadline={target?.deadline ?? null}
        busy={busy}
        onOk={(v) => void submit(v)}
        onCancel={() => setTarget(null)}
      />
    </Card>
  );
}
