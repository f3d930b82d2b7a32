// The households API. Response types are core's schemas (z.infer), the very ones the server
// serializes with; the query keys and sort keys are core's too.
import {
  HOUSEHOLD_SORT_KEYS, type BatchItem, type CATEGORIES, type ConditionCode, type EligibleFilter, type HistoryAction, type HistoryEntry,
  type HouseholdFileExtras, type HouseholdInput, type HouseholdJson, type HouseholdListItem, type HouseholdSortKey, type HouseholdStatus,
  type IdCheckResponse, type IdentifyFlag, type IdentifyResult, type ReviewBatchResult, type ReviewOpinion,
} from '@bangfu/core';
import { http } from './request';

export type { EligibleFilter, HistoryAction, HistoryEntry, HouseholdListItem, ReviewOpinion };

export type Category = (typeof CATEGORIES)[number];

export const SORT_KEYS = HOUSEHOLD_SORT_KEYS;
export type SortKey = HouseholdSortKey;
export type SortOrder = 'asc' | 'desc';

export interface HouseholdListQuery {
  regionCode?: string;
  category?: string;
  status?: HouseholdStatus;
  q?: string;
  page: number;
  pageSize: number;
  /** "field:asc" | "field:desc" */
  sort?: string;
  /** 识别结果: 符合 / 不符合 / 无法判定 */
  eligible?: EligibleFilter;
  condition?: ConditionCode;
  /** a category, or 'none' for files with no suggested category */
  suggestedCategory?: string;
  flag?: IdentifyFlag;
  /** 已退回: with status draft, the drafts a reviewer sent back */
  returned?: 'true';
  /** a 基层工会 (H01-0003), or 'none': the county union's own files */
  unitId?: string;
  /** 填表年度 */
  fillYear?: number;
  /** entered on or after this day (YYYY-MM-DD) */
  createdSince?: string;
  /** under review for at least this many days */
  waitingDays?: number;
  /** as of the end of a past day (YYYY-MM-DD) */
  asOf?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export function listHouseholds(query: HouseholdListQuery, signal?: AbortSignal): Promise<Page<HouseholdListItem>> {
  return http.get('/api/households', { query: { ...query }, signal });
}

/** The stored identification result with the file version and time it was computed for. */
export type StoredIdentification = IdentifyResult & { fileVersion: number | null; computedAt: string | null };

export type ReviewLevel = ReviewOpinion['level'];
export type ReviewDecision = ReviewOpinion['decision'];

/** GET /api/households/:id: the file plus its stored identification result and its review state (core's householdFileSchema). */
export type HouseholdFile = HouseholdJson & Partial<Omit<HouseholdFileExtras, keyof HouseholdJson>>;

export function getHousehold(id: number | string, signal?: AbortSignal): Promise<HouseholdFile> {
  return http.get(`/api/households/${encodeURIComponent(String(id))}`, { signal });
}

/** POST: the input in yuan, without workerNo (assigned by the server). */
export function createHousehold(input: HouseholdInput): Promise<HouseholdFile> {
  return http.post('/api/households', input);
}

/**
 * PUT: the whole input plus the version it was based on; a stale version gives 409 VERSION_CONFLICT.
 * A filed file needs a reason (修改原因); a file under review or closed is refused (409).
 */
export function updateHousehold(id: number, input: HouseholdInput, version: number, reason?: string): Promise<HouseholdFile> {
  return http.put(`/api/households/${id}`, reason === undefined ? { ...input, version } : { ...input, version, reason });
}

// ---- lifecycle (core's TRANSITIONS; who may is lib/access.ts, and the server decides) ----------

/** 草稿 → 待单位审核 */
export function submitHousehold(id: number): Promise<HouseholdFile> {
  return http.post(`/api/households/${id}/submit`);
}

/** 单位工会 (level unit) or 市总工会 (level city): agree, or return to the filer. */
export function reviewHousehold(id: number, level: ReviewLevel, decision: ReviewDecision, opinion: string): Promise<HouseholdFile> {
  return http.post(`/api/households/${id}/review`, { level, decision, opinion });
}

export function removeHousehold(id: number, reason: string): Promise<HouseholdFile> {
  return http.post(`/api/households/${id}/remove`, { reason });
}

/** 已建档 → 已脱困, with the date (YYYY-MM-DD) */
export function exitHousehold(id: number, reason: string, date: string): Promise<HouseholdFile> {
  return http.post(`/api/households/${id}/exit`, { reason, date });
}

/** 已剔除 / 已脱困 → 草稿: the file goes through review again */
export function reopenHousehold(id: number, reason: string): Promise<HouseholdFile> {
  return http.post(`/api/households/${id}/reopen`, { reason });
}

export type BatchResultItem = BatchItem;

export type BatchReviewResult = ReviewBatchResult;

/** Many files at once, one opinion: each file succeeds or fails on its own. */
export function reviewBatch(ids: number[], level: ReviewLevel, decision: ReviewDecision, opinion: string): Promise<BatchReviewResult> {
  return http.post('/api/households/review-batch', { ids, level, decision, opinion });
}

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = {
  create: '新建',
  update: '修改',
  submit: '提交审核',
  unitAgree: '单位工会同意',
  unitReturn: '单位工会退回',
  cityAgree: '市总工会同意',
  cityReturn: '市总工会退回',
  remove: '剔除',
  exit: '脱困',
  reopen: '重新纳入',
  transfer: '转移',
  merge: '合并',
};

export type HistoryChange = HistoryEntry['changes'][number];

export function getHouseholdHistory(id: number | string, signal?: AbortSignal): Promise<{ items: HistoryEntry[] }> {
  return http.get(`/api/households/${encodeURIComponent(String(id))}/history`, { signal });
}

/** Whether a typed identity number may be filed; the other file is named only inside the caller's scope. */
export function checkIdNumberForFiling(idNumber: string, excludeId?: number, signal?: AbortSignal): Promise<IdCheckResponse> {
  return http.post('/api/households/id-check', excludeId === undefined ? { idNumber } : { idNumber, excludeId }, { signal });
}
