// 低保标准 (policy lines and ratios), the what-if preview, saving, the change history and the
// background re-identification jobs a save queues. City users edit; everyone may read.
import { http } from './request';

export interface PolicyLine {
  regionCode: string;
  regionName: string;
  year: number;
  /** yuan per person per month */
  monthlyLine: number;
  isExample: boolean;
  version: number;
  updatedAt: string;
  /** display name, or null */
  updatedBy: string | null;
}

export interface Policy {
  version: number;
  /** decimal text, e.g. "1.3" */
  marginalRatio: string;
  /** decimal text, e.g. "0.5" */
  expenseRatio: string;
  lines: PolicyLine[];
}

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

/** One saved (or previewed) change, old → new. Lines in yuan, ratios as text. */
export type PolicyChangeItem =
  | { item: 'monthlyLine'; regionCode: string; year: number; old: number | null; new: number | null }
  | { item: 'marginalRatio' | 'expenseRatio'; regionCode?: undefined; year?: undefined; old: string; new: string };

export interface ImpactCounts {
  files: number;
  eligibilityChanged: number;
  categoryChanged: number;
  becomeEligible: number;
  becomeIneligible: number;
}

export interface PairImpact extends ImpactCounts {
  regionCode: string;
  regionName: string;
  year: number;
  /** the line after the change (yuan), null when removed */
  monthlyLine: number | null;
}

export interface PreviewSample {
  id: number;
  workerNo: string;
  name: string;
  regionCode: string;
  regionName: string;
  oldEligible: boolean | null;
  oldCategory: string | null;
  newEligible: boolean | null;
  newCategory: string | null;
}

export interface PolicyPreview extends ImpactCounts {
  currentVersion: number;
  changes: PolicyChangeItem[];
  byPair: PairImpact[];
  samples: PreviewSample[];
  samplesTruncated: boolean;
}

export interface PolicySaveResult {
  version: number;
  jobId: number | null;
  changes: PolicyChangeItem[];
}

export interface PolicyHistoryItem {
  version: number;
  changedAt: string;
  changedBy: { username: string; displayName: string } | null;
  changes: PolicyChangeItem[];
  reason: string | null;
  jobId: number | null;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface Job {
  id: number;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  changed: number;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobChange {
  householdId: number;
  workerNo: string;
  name: string;
  regionCode: string;
  oldEligible: boolean | null;
  newEligible: boolean | null;
  oldCategory: string | null;
  newCategory: string | null;
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

export function getPolicyHistory(signal?: AbortSignal): Promise<{ items: PolicyHistoryItem[] }> {
  return http.get('/api/policy/history', { signal });
}

export function getJob(id: number, signal?: AbortSignal): Promise<Job> {
  return http.get(`/api/jobs/${id}`, { signal });
}

export function getJobChanges(id: number, signal?: AbortSignal): Promise<{ items: JobChange[] }> {
  return http.get(`/api/jobs/${id}/changes`, { signal });
}
