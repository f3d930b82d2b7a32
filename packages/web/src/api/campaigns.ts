// 专项行动 · 上报 · 进度 · 工作台 · 待办 (server modules/campaigns): the campaigns the city union
// runs, each one's progress by region or unit, the old database's counts, the submissions and their
// decisions, the signed-in user's 工作台 and to-dos, and where a file was reported. Response types
// are core's schemas (z.infer), the very ones the server serializes with.
import type { z } from 'zod';
import type {
  baselineListSchema, Campaign, CampaignInput, Dashboard, Deadline, ProgressItem, ProgressResponse, reportedSchema, ResearchReport,
  ResearchReportList, Submission, SubmissionStateView, TodoList,
} from '@bangfu/core';
import { downloadFile, http } from './request';

export type {
  Campaign, CampaignInput, Dashboard, Deadline, ProgressItem, ProgressResponse, ResearchReport, ResearchReportList, Submission, SubmissionStateView, TodoList,
};
export type ReportTrackerRow = ResearchReportList['tracker'][number];
export type TodoItem = TodoList['items'][number];
export type BaselineList = z.infer<typeof baselineListSchema>;
export type Baseline = BaselineList['items'][number];
export type ReportedList = z.infer<typeof reportedSchema>;
export type Reported = ReportedList['items'][number];

const campaignUrl = (id: number | string) => `/api/campaigns/${encodeURIComponent(String(id))}`;

// ---- campaigns -------------------------------------------------------------------------------

/** Newest first. */
export function listCampaigns(signal?: AbortSignal): Promise<{ items: Campaign[] }> {
  return http.get('/api/campaigns', { signal });
}

export function getCampaign(id: number | string, signal?: AbortSignal): Promise<Campaign> {
  return http.get(campaignUrl(id), { signal });
}

/** The city union (and admins): 201 with the campaign. */
export function createCampaign(input: CampaignInput): Promise<Campaign> {
  return http.post('/api/campaigns', input);
}

/** The whole input plus the version it was based on; a stale version gives 409 VERSION_CONFLICT. */
export function updateCampaign(id: number, input: CampaignInput, version: number): Promise<Campaign> {
  return http.put(campaignUrl(id), { ...input, version });
}

export interface ProgressQuery {
  level: 'region' | 'unit';
  /** a region, with level unit */
  parentCode?: string;
  /** as of the end of a past day (YYYY-MM-DD) */
  asOf?: string;
}

export function getProgress(id: number | string, query: ProgressQuery, signal?: AbortSignal): Promise<ProgressResponse> {
  return http.get(`${campaignUrl(id)}/progress`, { query: { ...query }, signal });
}

/** The progress table as a workbook: the same level and region as the table shows. */
export function downloadProgress(id: number | string, query: ProgressQuery): Promise<string> {
  return downloadFile(`${campaignUrl(id)}/progress.xlsx`, `专项行动进度-${id}.xlsx`, { query: { ...query } });
}

// ---- 原数据库户数 --------------------------------------------------------------------------------

export function getBaselines(id: number | string, signal?: AbortSignal): Promise<BaselineList> {
  return http.get(`${campaignUrl(id)}/baselines`, { signal });
}

export function saveBaselines(id: number | string, items: { orgCode: string; households: number | null }[]): Promise<BaselineList> {
  return http.put(`${campaignUrl(id)}/baselines`, { items });
}

/** The baselines counted from a committed import marked as the old 困难职工数据库. */
export function baselinesFromImport(id: number | string, importId: number): Promise<BaselineList> {
  return http.post(`${campaignUrl(id)}/baselines/from-import`, { importId });
}

// ---- submissions (上报) ------------------------------------------------------------------------

/** Every round, newest first; a region or unit user sees their own organization's. */
export function listSubmissions(id: number | string, signal?: AbortSignal): Promise<{ items: Submission[] }> {
  return http.get(`${campaignUrl(id)}/submissions`, { signal });
}

/** A region or unit user of a required organization; without deadlineId, the next data deadline. */
export function submitData(id: number | string, body: { deadlineId?: number; note?: string }): Promise<Submission> {
  return http.post(`${campaignUrl(id)}/submissions`, body);
}

export type SubmissionDecision = 'accept' | 'return';

/** 接收 / 退回 (the city union); an opinion is required to return. */
export function decideSubmission(id: number, decision: SubmissionDecision, opinion: string): Promise<Submission> {
  return http.post(`/api/submissions/${id}/decision`, { decision, opinion });
}

/** The workbook of exactly the files the submission froze. */
export function downloadSubmission(s: Pick<Submission, 'id' | 'orgName' | 'round'>): Promise<string> {
  return downloadFile(`/api/submissions/${s.id}/export.xlsx`, `上报数据-${s.orgName}-第${s.round}次.xlsx`);
}

// ---- 调研报告 -------------------------------------------------------------------------------------

/** The reports the caller may see and the tracker of a report deadline (default: the next one due). */
export function listResearchReports(id: number | string, deadlineId?: number, signal?: AbortSignal): Promise<ResearchReportList> {
  return http.get(`${campaignUrl(id)}/research-reports`, { query: { deadlineId }, signal });
}

export interface ReportFields {
  title: string;
  summary: string;
}

/** multipart: the fields first, the file last (the server reads the parts in order). */
export function reportForm(fields: ReportFields & { deadlineId?: number }, file: File): FormData {
  const form = new FormData();
  form.append('title', fields.title);
  form.append('summary', fields.summary);
  if (fields.deadlineId !== undefined) form.append('deadlineId', String(fields.deadlineId));
  form.append('file', file, file.name);
  return form;
}

/** A required county union or unit: 201 with the report. Without deadlineId, the next report deadline. */
export function uploadResearchReport(id: number | string, fields: ReportFields & { deadlineId?: number }, file: File): Promise<ResearchReport> {
  return http.postForm(`${campaignUrl(id)}/research-reports`, reportForm(fields, file));
}

/** The owner organization replaces a report not yet accepted; it is submitted again (409 SUBMISSION_DECIDED once accepted). */
export function replaceResearchReport(reportId: number, fields: ReportFields, file: File): Promise<ResearchReport> {
  return http.postForm(`/api/research-reports/${reportId}/file`, reportForm(fields, file));
}

/** 接收 / 退回 (the city union); an opinion is required to return. */
/** `replaced`: the file the decision is about (a report replaced meanwhile is refused, to be looked at again). */
export function decideResearchReport(reportId: number, decision: SubmissionDecision, opinion: string, replaced: number): Promise<ResearchReport> {
  return http.post(`/api/research-reports/${reportId}/decision`, { decision, opinion, replaced });
}

/** The report's file as it was sent (the download is audited). */
export function downloadResearchReport(r: Pick<ResearchReport, 'id' | 'fileName'>): Promise<string> {
  return downloadFile(`/api/research-reports/${r.id}/file`, r.fileName);
}

/**
 * 调研报告（数据稿）: a region's or unit's numbers of a fill year beside last year's, charts and the
 * typical cases masked, as Word (audited); 400 with errors on year / orgCode, 404 outside one's reach.
 */
export function downloadResearchDraft(orgCode: string, year: number): Promise<string> {
  return downloadFile('/api/research-drafts.docx', `调研报告数据稿-${orgCode}-${year}.docx`, { query: { orgCode, year } });
}

// ---- 工作台, 待办, 上报记录 of a file ---------------------------------------------------------------

export function getDashboard(signal?: AbortSignal): Promise<Dashboard> {
  return http.get('/api/dashboard', { signal });
}

export function getTodos(signal?: AbortSignal): Promise<TodoList> {
  return http.get('/api/todos', { signal });
}

export function getReported(householdId: number | string, signal?: AbortSignal): Promise<ReportedList> {
  return http.get(`/api/households/${encodeURIComponent(String(householdId))}/reported`, { signal });
}
