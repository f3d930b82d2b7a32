// react-query hooks over api/policy.ts: the policy, its history, and a background job followed
// until it is done.
import { useQuery } from '@tanstack/react-query';
import { getJob, getJobChanges, getMissingLines, getPolicy, getPolicyHistory, type Job } from '../policy';

export const JOB_POLL_MS = 1000;

export const isJobFinished = (j: Job | null | undefined) => !!j && (j.status === 'done' || j.status === 'failed');

export const policyKey = ['policy'] as const;

export function usePolicy() {
  return useQuery({ queryKey: policyKey, queryFn: ({ signal }) => getPolicy(signal) });
}

/** The region × year pairs without a line (read again with the policy: its key starts with 'policy'). */
export function useMissingLines(policyVersion: number | undefined) {
  return useQuery({ queryKey: ['policy', 'missing-lines', policyVersion ?? null], queryFn: ({ signal }) => getMissingLines(signal) });
}

export function usePolicyHistory(policyVersion: number | undefined) {
  return useQuery({ queryKey: ['policy', 'history', policyVersion ?? null], queryFn: ({ signal }) => getPolicyHistory(signal) });
}

/** A background job, read every second until it is done or failed; a lost answer is retried a little slower. */
export function useJob(jobId: number | null) {
  return useQuery({
    queryKey: ['job', jobId],
    queryFn: ({ signal }) => getJob(jobId!, signal),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.error ? JOB_POLL_MS * 3 : isJobFinished(q.state.data) ? false : JOB_POLL_MS),
  });
}

export function useJobChanges(jobId: number, enabled: boolean) {
  return useQuery({ queryKey: ['job', jobId, 'changes'], queryFn: ({ signal }) => getJobChanges(jobId, signal), enabled });
}
