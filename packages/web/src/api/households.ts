import type { CATEGORIES, ConditionCode, HouseholdInput, HouseholdJson, HouseholdStatus, IdentifyFlag, IdentifyResult } from '@bangfu/core';
import { http } from './request';

export type Category = (typeof CATEGORIES)[number];

export const SORT_KEYS = ['workerNo', 'fillDate', 'perCapitaIncome', 'householdAnnualIncome', 'updatedAt'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
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
}

export type EligibleFilter = 'true' | 'false' | 'unknown';

export interface HouseholdListItem {
  id: number;
  workerNo: string;
  regionCode: string;
  regionName: string;
  name: string;
  gender: string;
  /** masked by the server: 420802********0519 */
  idNumber: string;
  category: string;
  fillDate: string;
  householdSize: number;
  /** yuan */
  householdAnnualIncome: number;
  /** yuan */
  perCapitaIncome: number;
  causes: string[];
  status: HouseholdStatus;
  warningCount: number;
  updatedAt: string;
  /** stored identification result: null when it cannot be decided (no line) or not computed */
  eligible: boolean | null;
  suggestedCategory: string | null;
  flags: IdentifyFlag[];
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

/** GET /api/households/:id: the file plus its stored identification result (null before the first). */
export type HouseholdFile = HouseholdJson & { identification?: StoredIdentification | null };

export function getHousehold(id: number | string, signal?: AbortSignal): Promise<HouseholdFile> {
  return http.get(`/api/households/${encodeURIComponent(String(id))}`, { signal });
}

/** POST: the input in yuan, without workerNo (assigned by the server). */
export function createHousehold(input: HouseholdInput): Promise<HouseholdJson> {
  return http.post('/api/households', input);
}

/** PUT: the whole input plus the version it was based on; a stale version gives 409 VERSION_CONFLICT. */
export function updateHousehold(id: number, input: HouseholdInput, version: number): Promise<HouseholdJson> {
  return http.put(`/api/households/${id}`, { ...input, version });
}

export function removeHousehold(id: number, reason: string): Promise<HouseholdJson> {
  return http.post(`/api/households/${id}/remove`, { reason });
}

export type HistoryAction = 'create' | 'update' | 'remove';

export const HISTORY_ACTION_LABELS: Record<HistoryAction, string> = { create: '新建', update: '修改', remove: '剔除' };

export interface HistoryChange {
  path: string;
  label: string;
  old: unknown;
  new: unknown;
}

export interface HistoryEntry {
  version: number;
  action: HistoryAction;
  /** ISO timestamp */
  changedAt: string;
  changedBy: { id: number; username: string; displayName: string };
  reason: string | null;
  changes: HistoryChange[];
}

export function getHouseholdHistory(id: number | string, signal?: AbortSignal): Promise<{ items: HistoryEntry[] }> {
  return http.get(`/api/households/${encodeURIComponent(String(id))}/history`, { signal });
}
