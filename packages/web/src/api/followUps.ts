// 脱困回访 (server modules/assistance/follow-ups.routes.ts): an exited household's planned visits and
// follow-ups, recording one (返困 reopens the file when the recorder files it), the list of exited
// households with their next visit, and a year's summary per region. Types are core's schemas.
import type { FollowUpCreated, FollowUpInput, FollowUpList, FollowUpListItem, FollowUpRecord, FollowUpSummary, HouseholdFollowUps } from '@bangfu/core';
import { http } from './request';

export type { FollowUpCreated, FollowUpInput, FollowUpList, FollowUpListItem, FollowUpRecord, FollowUpSummary, HouseholdFollowUps };
export type FollowUpRegionSummary = FollowUpSummary['regions'][number];

/** The server's filters: due (within the notice days or past), overdue, fallenBack (waiting to be reopened); none: all exited. */
export interface FollowUpListQuery {
  due?: 'true';
  overdue?: 'true';
  fallenBack?: 'true';
  mine?: 'true';
  regionCode?: string;
  /** the year of the exit */
  year?: number;
  page: number;
  pageSize: number;
}

const followUpsOf = (id: number | string) => `/api/households/${encodeURIComponent(String(id))}/follow-ups`;

export function getHouseholdFollowUps(id: number | string, signal?: AbortSignal): Promise<HouseholdFollowUps> {
  return http.get(followUpsOf(id), { signal });
}

export function recordFollowUp(id: number | string, input: FollowUpInput): Promise<FollowUpCreated> {
  return http.post(followUpsOf(id), input);
}

export function listFollowUps(query: FollowUpListQuery, signal?: AbortSignal): Promise<FollowUpList> {
  return http.get('/api/follow-ups', { query: { ...query }, signal });
}

export function getFollowUpSummary(year: number, signal?: AbortSignal): Promise<FollowUpSummary> {
  return http.get('/api/follow-ups/summary', { query: { year }, signal });
}
