// 调研报告 of a campaign with a report deadline: the deadline tracked, who owes how many and who is
// late (the tracker, late first as the server sends it), and the reports with their files. An
// organization that must submit 报送 and 更换 its own; the city union 接收 / 退回 those waiting.
// 生成数据稿: a Word draft of an organization's numbers to write the report from.
import { useState } from 'react';
import { Alert, App, Button, Card, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { CloudUploadOutlined, FileTextOutlined } from '@ant-design/icons';
import {
  decideResearchReport, downloadResearchReport, type Campaign, type ReportTrackerRow, type ResearchReport, type SubmissionDecision,
} from '../../../api/campaigns';
import { useInvalidateCampaign, useResearchReports } from '../../../api/queries/campaigns';
import { errorMessage } from '../../../api/request';
import type { SessionUser } from '../../../api/session';
import { LoadError } from '../../../components/list/ListParts';
import { dateTimeText } from '../../../lib/format';
import { useDownload } from '../../../lib/useDownload';
import { daysLeftColor, daysLeftText } from '../campaignText';
import {
  fileSizeText, ownTally, replacedText, REPORT_STATUS_TEXT, reportActions, reportDeadlines, reportsOwedText, TRACKER_STATE_COLORS, TRACKER_STATE_TEXT, trackerState,
  type ReportViewer,
} from '../researchReports';
import { ReportDecisionModal } from './DecisionModal';
import { ResearchDraftButton } from './ResearchDraftButton';
import { ReportUploadModal, type ReportTarget } from './ReportUploadModal';
import { SubmissionStateTag } from './SubmissionTags';

interface Props {
  campaign: Campaign;
  org: { code: string; name: string };
  /** the signed-in user: whose 数据稿 they may ask for */
  user: SessionUser;
  /** 生成数据稿 (not leaders and staff) */
  drafts: boolean;
  /** the user's organization must submit (and the role submits) */
  submits: boolean;
  /** the city union: 接收 / 退回 */
  decides: boolean;
}

function ReportDownload({ report }: { report: ResearchReport }) {
  const { busy, download } = useDownload();
  return (
    <Button
      type="link"
      size="small"
      icon={<FileTextOutlined />}
      loading={busy}
      className="report-file"
      data-testid="report-download"
      title={`下载 ${report.fileName}（${fileSizeText(report.fileSize)}）`}
      onClick={() => void download('正在下载调研报告…', () => downloadResearchReport(report), (name) => `${name} 已下载`)}
    >
      {report.fileName}
    </Button>
  );
}

const trackerColumns = [
  {
    title: '单位',
    dataIndex: 'orgName',
    key: 'org',
    render: (v: string) => <span className="cell-wrap">{v}</span>,
  },
  { title: '应交(篇)', dataIndex: 'owed', key: 'owed', align: 'right' as const },
  { title: '已报送', dataIndex: 'submitted', key: 'submitted', align: 'right' as const },
  { title: '已接收', dataIndex: 'accepted', key: 'accepted', align: 'right' as const },
  { title: '已退回', dataIndex: 'returned', key: 'returned', align: 'right' as const },
  {
    title: '状态',
    key: 'state',
    render: (_: unknown, t: ReportTrackerRow) => {
      const s = trackerState(t);
      return (
        <Tag color={TRACKER_STATE_COLORS[s]} style={{ marginInlineEnd: 0 }} data-state={s}>
          {TRACKER_STATE_TEXT[s]}
        </Tag>
      );
    },
  },
];

export function ResearchReportsCard({ campaign, org, user, drafts, submits, decides }: Props) {
  const { message } = App.useApp();
  const deadlines = reportDeadlines(campaign);
  const [chosen, setChosen] = useState<number | undefined>(undefined);
  const q = useResearchReports(String(campaign.id), chosen);
  const invalidate = useInvalidateCampaign();
  const [target, setTarget] = useState<ReportTarget | null>(null);
  const [deciding, setDeciding] = useState<{ r: ResearchReport; decision: SubmissionDecision } | null>(null);
  const [busy, setBusy] = useState(false);
  const deadline = q.data?.deadline ?? null;
  const reports = (q.data?.items ?? []).filter((r) => !deadline || r.deadlineId === deadline.id);
  const tracker = q.data?.tracker ?? [];
  const mine = submits ? ownTally(tracker, org.code) : null;
  const viewer: ReportViewer = { orgCode: org.code, submits, decides };
  const waiting = reports.filter((r) => r.status === 'submitted').length;

  async function decide(opinion: string) {
    if (!deciding) return;
    setBusy(true);
    try {
      const r = await decideResearchReport(deciding.r.id, deciding.decision, opinion, deciding.r.replaced);
      message.success(`${r.orgName}的调研报告已${r.status === 'accepted' ? '接收' : '退回'}`);
      setDeciding(null);
      invalidate(campaign.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function done(r: ResearchReport, replaced: boolean) {
    message.success(replaced ? `已更换调研报告“${r.title}”，等待市总工会接收` : `已报送调研报告“${r.title}”，等待市总工会接收`);
    setTarget(null);
    invalidate(campaign.id);
  }

  const columns = [
    { title: '单位', dataIndex: 'orgName', key: 'org', render: (v: string) => <span className="cell-wrap">{v}</span> },
    {
      title: '标题',
      dataIndex: 'title',
      key: 'title',
      render: (v: string, r: ResearchReport) => (
        <Tooltip title={<span className="report-summary-tip">{r.summary}</span>} placement="topLeft">
          <div className="report-title">
            <Typography.Text strong>{v}</Typography.Text>
            <div className="report-summary" data-testid="report-summary">
              {r.summary}
            </div>
          </div>
        </Tooltip>
      ),
    },
    { title: '文件', key: 'file', render: (_: unknown, r: ResearchReport) => <ReportDownload report={r} /> },
    {
      title: '报送时间',
      dataIndex: 'submittedAt',
      key: 'at',
      className: 'nowrap-cell',
      render: (v: string, r: ResearchReport) => (
        <span title={`报送人：${r.submittedBy}${r.replaced ? `；首次报送：${dateTimeText(r.firstSubmittedAt)}` : ''}`}>{dateTimeText(v)}</span>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      key: 'status',
      render: (v: ResearchReport['status'], r: ResearchReport) => {
        const replaced = replacedText(r.replaced);
        return (
          <Space size={4} wrap>
            <SubmissionStateTag state={v} onTime={r.onTime} label={REPORT_STATUS_TEXT[v]} />
            {replaced && (
              <Tag style={{ marginInlineEnd: 0 }} data-testid="report-replaced">
                {replaced}
              </Tag>
            )}
          </Space>
        );
      },
    },
    {
      title: '市总意见',
      key: 'opinion',
      render: (_: unknown, r: ResearchReport) =>
        r.opinion ? (
          <Typography.Text type={r.status === 'returned' ? 'danger' : undefined} className="submission-opinion" data-testid="report-opinion">
            {r.status === 'returned' ? '退回意见' : '意见'}：{r.opinion}
            {r.decidedBy && `（${r.decidedBy}，${dateTimeText(r.decidedAt)}）`}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_: unknown, r: ResearchReport) => {
        const a = reportActions(r, viewer);
        if (!a.replace && !a.decide) return <Typography.Text type="secondary">—</Typography.Text>;
        return (
          <Space size={8}>
            {a.replace && (
              <Button type="link" size="small" style={{ padding: 0 }} data-action="replace" onClick={() => setTarget({ kind: 'replace', report: r })}>
                更换
              </Button>
            )}
            {a.decide && (
              <>
                <Button type="link" size="small" style={{ padding: 0 }} data-action="accept" onClick={() => setDeciding({ r, decision: 'accept' })}>
                  接收
                </Button>
                <Button type="link" size="small" danger style={{ padding: 0 }} data-action="return" onClick={() => setDeciding({ r, decision: 'return' })}>
                  退回
                </Button>
              </>
            )}
          </Space>
        );
      },
    },
  ];

  return (
    <Card
      variant="borderless"
      className="table-card campaign-section"
      id="campaign-reports"
      title={
        <span>
          调研报告
          {decides && (
            <Typography.Text type={waiting ? 'warning' : 'secondary'} className="table-total" data-testid="reports-waiting">
              待处理 {waiting} 篇
            </Typography.Text>
          )}
        </span>
      }
      extra={
        <Space size={8} wrap className="report-card-actions">
          {drafts && <ResearchDraftButton campaign={campaign} user={user} />}
          {submits && deadline && (
            <Button type="primary" icon={<CloudUploadOutlined />} id="report-upload" onClick={() => setTarget({ kind: 'upload', deadline })}>
              报送调研报告
            </Button>
          )}
        </Space>
      }
    >
      <LoadError error={q.error} title="调研报告加载失败" onRetry={() => void q.refetch()} />
      {deadline && (
        <Space size={[8, 4]} wrap className="report-deadline" data-deadline-id={deadline.id}>
          {deadlines.length > 1 ? (
            <Select
              size="small"
              id="report-deadline"
              value={deadline.id}
              onChange={setChosen}
              options={deadlines.map((d) => ({ value: d.id, label: d.label }))}
              style={{ minWidth: 140 }}
              aria-label="材料报送事项"
            />
          ) : (
            <Typography.Text strong>{deadline.label}</Typography.Text>
          )}
          <span className="num">截止 {deadline.dueDate}</span>
          <Tag color={daysLeftColor(deadline.daysLeft)} style={{ marginInlineEnd: 0 }} data-testid="report-days-left">
            {daysLeftText(deadline.daysLeft)}
          </Tag>
          <Typography.Text type="secondary">{reportsOwedText(deadline.reportsOwed, campaign.requiredOrgs)}</Typography.Text>
          {mine && (
            <Typography.Text data-testid="report-own-tally">
              本单位应交 {mine.owed} 篇，已报送 {mine.submitted} 篇，已接收 {mine.accepted} 篇
            </Typography.Text>
          )}
        </Space>
      )}
      {submits && mine && mine.returned > 0 && (
        <Alert type="error" showIcon style={{ marginTop: 8 }} data-testid="report-returned" message={`本单位有 ${mine.returned} 篇调研报告被市总工会退回，请按退回意见修改后点“更换”重新报送`} />
      )}
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        报送情况
      </Typography.Title>
      <Table<ReportTrackerRow>
        id="report-tracker"
        size="small"
        rowKey="orgCode"
        loading={q.isFetching && !q.data}
        dataSource={tracker}
        pagination={tracker.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: '没有须报送的单位' }}
        columns={trackerColumns}
        onRow={(t) => ({ 'data-org': t.orgCode, 'data-state': trackerState(t) }) as React.HTMLAttributes<HTMLElement>}
      />
      <Typography.Title level={5} style={{ margin: '16px 0 8px' }}>
        报告
      </Typography.Title>
      <Table<ResearchReport>
        id="report-table"
        size="small"
        rowKey="id"
        loading={q.isFetching}
        dataSource={reports}
        pagination={reports.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: submits ? '本单位尚未报送调研报告' : '暂无调研报告' }}
        columns={columns}
        onRow={(r) => ({ 'data-report-id': r.id, 'data-status': r.status, 'data-org': r.orgCode }) as React.HTMLAttributes<HTMLElement>}
      />
      <ReportUploadModal campaignId={campaign.id} orgName={org.name} target={target} onDone={done} onCancel={() => setTarget(null)} />
      <ReportDecisionModal report={deciding?.r ?? null} decision={deciding?.decision ?? 'accept'} busy={busy} onOk={(o) => void decide(o)} onCancel={() => setDeciding(null)} />
    </Card>
  );
}
