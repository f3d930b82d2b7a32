import { useEffect, useState } from 'react';
import { getJob, type Job } from '../../api/policy';

export const JOB_POLL_MS = 1000;

export const JOB_STATUS_LABELS: Record<Job['status'], string> = { queued: '排队中', running: '正在重新识别', done: '已完成', failed: '失败' };

export const isJobFinished = (j: Job | null | undefined) => !!j && (j.status === 'done' || j.status === 'failed');

/** A background job, read every second until it is done or failed. */
export function useJob(jobId: number | null): { job: Job | null; error: unknown } {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setJob(null);
    setError(null);
    if (jobId === null) return;
    const ctrl = new AbortController();
    let timer: number | undefined;
    const tick = async () => {
      try {
        const j = await getJob(jobId, ctrl.signal);
        if (ctrl.signal.aborted) return;
        setJob(j);
        setError(null);
        if (!isJobFinished(j)) timer = window.setTimeout(tick, JOB_POLL_MS);
      } catch (e) {
        if (ctrl.signal.aborted) return;
        setError(e);
        // a lost answer is retried, a little slower
        timer = window.setTimeout(tick, JOB_POLL_MS * 3);
      }
    };
    void tick();
    return () => {
      ctrl.abort();
      window.clearTimeout(timer);
    };
  }, [jobId]);
  return { job, error };
}
