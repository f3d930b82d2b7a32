// 重复建档排查 (server modules/duplicates/duplicates.routes.ts): the pairs of live files a scan found
// alike (the queue of the user's scope, by status, kind and region), starting a scan (a background
// job, followed through GET /api/jobs/:id), 不是重复 with a reason, and 合并 keeping one of the two
// files. Types are core's schemas.
import type { DuplicateKind, DuplicateList, DuplicateMerged, DuplicatePair, DuplicateStatus } from '@bangfu/core';
import { http } from './request';

export type { DuplicateKind, DuplicateList, DuplicateMerged, DuplicatePair, DuplicateStatus };
/** One of the two files of a pair, as the caller may see it. */
export type DuplicateSide = DuplicatePair['a'];
export type DuplicateScan = NonNullable<DuplicateList['lastScan']>;

export interface DuplicateListQuery {
  status: DuplicateStatus;
  kind?: DuplicateKind;
  /** the city's roles only (a county or grassroots union sees its own scope whatever it asks) */
  regionCode?: string;
  page: number;
  pageSize: number;
}

const one = (id: number) => `/api/duplicates/${encodeURIComponent(String(id))}`;

export function listDuplicates(query: DuplicateListQuery, signal?: AbortSignal): Promise<DuplicateList> {
  return http.get('/api/duplicates', { query: { ...query }, signal });
}

/** 202: the scan's job (the one already queued or running, if any). */
export function startDuplicateScan(): Promise<{ jobId: number }> {
  return http.post('/api/duplicates/scan');
}

export function dismissDuplicate(id: number, reason: string): Promise<DuplicatePair> {
  return http.post(`${one(id)}/dismiss`, { reason });
}

export function mergeDuplicate(id: number, keepHouseholdId: number, reason: string): Promise<DuplicateMerged> {
  return http.post(`${one(id)}/merge`, { keepHouseholdId, reason });
}
