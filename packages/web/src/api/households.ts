import type { CATEGORIES, HouseholdInput, HouseholdJson, HouseholdStatus } from '@bangfu/core';
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
}

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
}

export interface Page<T> {
  items: T[];
  total: number;
}

export function listHouseholds(query: HouseholdListQuery, signal?: AbortSignal): Promise<Page<HouseholdListItem>> {
  return http.get('/api/households', { query: { ...query }, signal });
}

export function getHousehold(id: number | string, signal?: AbortSignal): Promise<HouseholdJson> {
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
