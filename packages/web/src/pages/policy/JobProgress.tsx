// The re-identification a policy save queued: progress while it runs (read every second), then
// the files whose eligibility or category changed.
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Modal, Progress, Skeleton, Space, Tag, Typography } from 'antd';
import type { Job, JobChange } from '../../api/policy';
import { isJobFinished, useJob, useJobChanges } from '../../api/queries/policy';
import { errorMessage } from '../../api/request';
import { dateTimeText } from '../../lib/format';
import { notifyProposalsChanged } from '../../lib/events';
import { ChangedFilesTable, type ChangedFileRow } from '../identification/Outcome';

export const JOB_STATUS_LABELS: Record<Job['status'], string> = { queued: '排队中', running: '正在重新识别', done: '已完成', failed: '失败' };

const STATUS_COLORS: Record<Job['status'], string> = { queued: 'default', running: 'processing', done: 'success', failed: 'error' };

function percentOf(job: Job): number {
  if (job.status === 'done') return 100;
  return job.total > 0 ? Math.floor((job.done / job.total) * 100) : 0;
}

/** The job and, once it is done (and `wanted`), the files it changed. */
function useJobState(jobId: number, wanted = true) {
  const q = useJob(jobId);
  const job = q.data ?? null;
  const changes = useJobChanges(jobId, wanted && job?.status === 'done');
  return { job, error: q.error, changes: { items: changes.data?.items ?? null, error: changes.error, reload: () => void changes.refetch() } };
}

function toRows(items: JobChange[], regionName: (code: string) => string): ChangedFileRow[] {
  return items.map((c) => ({ ...c, id: c.householdId, regionName: regionName(c.regionCode) }));
}

/** The progress card shown after 保存并重新识别. */
export function JobProgressPanel({ jobId, regionName, onClose }: { jobId: number; regionName: (code: string) => string; onClose?: () => void }) {
  const { job, error, changes } = useJobState(jobId);
  const rows = useMemo(() => (changes.items ? toRows(changes.items, regionName) : null), [changes.items, regionName]);
  const finished = isJobFinished(job);

  useEffect(() => {
    if (finished) notifyProposalsChanged();
  }, [finished]);

  return (
    <div
      id="policy-job-progress"
      className="job-progress"
      data-status={job?.status ?? 'loading'}
      data-done={job?.done ?? 0}
      data-total={job?.total ?? 0}
      role="status"
      aria-live="polite"
    >
      <div className="job-progress-head">
        <Space size={8}>
          <span className="job-progress-title">重新识别任务 #{jobId}</span>
          {job && <Tag color={STATUS_COLORS[job.status]}>{JOB_STATUS_LABELS[job.status]}</Tag>}
        </Space>
        {finished && onClose && (
          <Button type="text" size="small" onClick={onClose}>
            关闭
          </Button>
        )}
      </div>
      {!job && !error && <Skeleton active paragraph={{ rows: 1 }} title={false} />}
      {error != null && !job && <Alert type="error" showIcon message="任务进度读取失败，正在重试" description={errorMessage(error)} />}
      {job && (
        <>
          <Progress
            percent={percentOf(job)}
            status={job.status === 'failed' ? 'exception' : job.status === 'done' ? 'success' : 'active'}
            format={() => `${job.done.toLocaleString('zh-CN')} / ${job.total.toLocaleString('zh-CN')}`}
          />
          <div className="job-progress-text" data-testid="job-progress-text">
            {job.status === 'queued' && '任务已排队，即将开始…'}
            {job.status === 'running' && `已处理 ${job.done} / ${job.total} 户，识别结果或建议类别变化 ${job.changed} 户`}
            {job.status === 'done' && `已完成：重新识别 ${job.total} 户，识别结果或建议类别变化 ${job.changed} 户（${dateTimeText(job.finishedAt)}）`}
            {job.status === 'failed' && <Typography.Text type="danger">任务失败：{job.error || '未知错误'}。请联系系统管理员。</Typography.Text>}
          </div>
        </>
      )}
      {job?.status === 'done' && (
        <div className="job-changes">
          <div className="section-title">识别结果变化的档案</div>
          {changes.error != null ? (
            <Alert type="error" showIcon message="变化清单加载失败" description={errorMessage(changes.error)} action={<Button size="small" onClick={changes.reload}>重试</Button>} />
          ) : rows === null ? (
            <Skeleton active paragraph={{ rows: 2 }} title={false} />
          ) : (
            <ChangedFilesTable rows={rows} testId="job-changes" />
          )}
        </div>
      )}
    </div>
  );
}

/** A job in one line of the history table: status, counts, and the changed files in a modal. */
export function JobCell({ jobId, regionName }: { jobId: number; regionName: (code: string) => string }) {
  const [open, setOpen] = useState(false);
  const { job, error, changes } = useJobState(jobId, open);
  const rows = useMemo(() => (changes.items ? toRows(changes.items, regionName) : null), [changes.items, regionName]);
  if (error && !job) return <Typography.Text type="secondary">任务 #{jobId}</Typography.Text>;
  if (!job) return <Typography.Text type="secondary">任务 #{jobId} …</Typography.Text>;
  return (
    <div className="job-cell" data-testid="history-job" data-status={job.status}>
      <Space size={6} wrap>
        <span>任务 #{jobId}</span>
        <Tag color={STATUS_COLORS[job.status]} style={{ marginInlineEnd: 0 }}>
          {JOB_STATUS_LABELS[job.status]}
        </Tag>
        {job.status === 'done' && (
          <Button type="link" size="small" className="link-button" onClick={() => setOpen(true)}>
            变化 {job.changed} 户
          </Button>
        )}
      </Space>
      {!isJobFinished(job) && <Progress percent={percentOf(job)} size="small" showInfo={false} status="active" />}
      <Modal title={`重新识别任务 #${jobId}：识别结果变化的档案`} open={open} onCancel={() => setOpen(false)} footer={null} width={720} destroyOnHidden>
        {changes.error != null ? (
          <Alert type="error" showIcon message="变化清单加载失败" description={errorMessage(changes.error)} />
        ) : rows === null ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : (
          <ChangedFilesTable rows={rows} testId="history-job-changes" />
        )}
      </Modal>
    </div>
  );
}
