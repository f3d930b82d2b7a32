// 低保标准 (policy lines and ratios), the what-if preview, saving, the change history and the
// background re-identification jobs a save queues. City users edit; everyone may read.
// Response types are core's schemas (z.infer), the very ones the server serializes with.
import type {
  JobChange, JobStatus, JobView, MissingLine, MissingLinesResponse, PairImpact, Policy, PolicyChangeItem, PolicyHistoryItem, PolicyLine, PolicyPreview, PolicySaveResult, PreviewSample,
} from '@bangfu/core';
import { http } from './request';

export type { JobChange, JobStatus, MissingLine, MissingLinesResponse, PairImpact, Policy, PolicyChangeItem, PolicyHistoryItem, PolicyLine, PolicyPreview, PolicySaveResult, PreviewSample };
export type Job = JobView;

export interface PolicyLineChange {
  regionCode: string;
  year: number;
  /** yuan; null removes the line */
  monthlyLine: number | null;
}

export interface PolicyChangeBody {
  lines: PolicyLineChange[];
  marginalRatio?: string;
  expenseRatio?: string;
}

export interface PolicySaveBody extends PolicyChangeBody {
  reason?: string;
  expectedVersion?: number;
}

export function getPolicy(signal?: AbortSignal): Promise<Policy> {
  return http.get('/api/policy', { signal });
}

export function previewPolicy(body: PolicyChangeBody, signal?: AbortSignal): Promise<PolicyPreview> {
  return http.post('/api/policy/preview', body, { signal });
}

export function savePolicy(body: PolicySaveBody): Promise<PolicySaveResult> {
  return http.put('/api/policy', body);
}

export function getMissingLines(signal?: AbortSignal): Promise<MissingLinesResponse> {
  return http.get('/api/policy/missing-lines', { signal });
}

export function getPolicyHistory(signal?: AbortSignal): Promise<{ items: PolicyHistoryItem[] }> {
  return http.get('/api/policy/history', { signal });
}

export function getJob(id: number, signal?: AbortSignal): Promise<Job> {
  return http.get(`/api/jobs/${id}`, { signal });
}

export function getJobChanges(id: number, signal?: AbortSignal): Promise<{ items: JobChange[] }> {
  return http.get(`/api/jobs/${id}/changes`, { signal });
}
