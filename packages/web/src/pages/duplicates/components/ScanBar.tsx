// 上次查找：<time>（状态） and 重新查找: a scan is a background job over every live file; while it
// runs (started here, or already running when the page opened) its progress shows, read every
// second, and once it is done the queue is read again.
import { useEffect, useRef, useState } from 'react';
import { App, Button, Progress, Typography } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { startDuplicateScan, type DuplicateScan } from '../../../api/duplicates';
import { isJobFinished, useJob } from '../../../api/queries/policy';
import { errorMessage } from '../../../api/request';
import { lastScanText } from '../duplicateText';

interface Props {
  lastScan: DuplicateScan | null | undefined;
  /** the list has been read once (lastScan is known) */
  loaded: boolean;
  /** 重新查找 (the cadres who file) */
  canScan: boolean;
  phone: boolean;
  /** the scan finished: read the queue again */
  onFinished: () => void;
}

export function ScanBar({ lastScan, loaded, canScan, phone, onFinished }: Props) {
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<number | null>(null);
  const [starting, setStarting] = useState(false);
  const mine = useRef<number | null>(null);
  const reported = useRef<number | null>(null);
  const job = useJob(jobId).data ?? null;
  const current = job && job.id === jobId ? job : null;
  const running = jobId !== null && !isJobFinished(current);

  // a scan already under way when the page opened (or started elsewhere): follow it
  const pending = lastScan && (lastScan.status === 'queued' || lastScan.status === 'running') ? lastScan.jobId : null;
  useEffect(() => {
    if (pending !== null && pending !== reported.current) setJobId(pending);
  }, [pending]);

  useEffect(() => {
    if (!current || !isJobFinished(current) || reported.current === current.id) return;
    reported.current = current.id;
    if (mine.current === current.id) {
      if (current.status === 'done') message.success('查找完成，列表已更新');
      else message.error(`查找失败：${current.error || '未知错误'}。请稍后重试或联系系统管理员。`);
    }
    onFinished();
  }, [current, message, onFinished]);

  async function scan() {
    setStarting(true);
    try {
      const { jobId: id } = await startDuplicateScan();
      mine.current = id;
      reported.current = null;
      setJobId(id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setStarting(false);
    }
  }

  const percent = current && current.total > 0 ? Math.floor((current.done / current.total) * 100) : 0;
  return (
    <div className="dup-scan" data-testid="duplicate-scan" data-status={running ? (current?.status ?? 'queued') : (lastScan?.status ?? 'none')} role="status" aria-live="polite">
      <div className="dup-scan-text">
        {running ? (
          <>
            <span data-testid="duplicate-scan-progress">
              {current?.status === 'running' ? `正在查找重复档案（第 ${Math.min(current.done + 1, current.total)} / ${current.total} 步）…` : '查找任务已排队，即将开始…'}
            </span>
            <Progress percent={percent} size="small" status="active" showInfo={false} className="dup-scan-progress" />
          </>
        ) : (
          <Typography.Text type={lastScan?.status === 'failed' ? 'danger' : undefined} data-testid="duplicate-last-scan">
            {loaded ? lastScanText(lastScan) : '上次查找：…'}
          </Typography.Text>
        )}
        {!phone && !running && <Typography.Text type="secondary">建议每次批量导入后、每月至少查找一次。</Typography.Text>}
      </div>
      {canScan && (
        <Button id="duplicate-scan" icon={<SearchOutlined />} loading={starting || running} onClick={() => void scan()} size={phone ? 'large' : 'middle'} block={phone}>
          {running ? '正在查找' : '重新查找'}
        </Button>
      )}
    </div>
  );
}
