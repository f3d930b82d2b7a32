// 民政低保名单核对 (server modules/dibao): a region's civil-affairs 低保 list uploaded (multipart, with a
// column mapping when the file's headers are not recognized), the lists imported and their bad rows,
// the findings of the caller's scope (what a list and a file's 是否享受低保 disagree on) and their
// resolution, and one file's 民政名单核实. Types are core's schemas.
import type { z } from 'zod';
import type {
  DibaoCheck, DibaoColumnKey, DibaoFinding, DibaoFindingKind, DibaoFindingList, DibaoFindingStatus, DibaoList, DibaoResolution, dibaoListErrorsSchema,
} from '@bangfu/core';
import { http } from './request';

export type { DibaoCheck, DibaoColumnKey, DibaoFinding, DibaoFindingKind, DibaoFindingList, DibaoFindingStatus, DibaoList, DibaoResolution };
export type DibaoListErrors = z.infer<typeof dibaoListErrorsSchema>;
export type DibaoListError = DibaoListErrors['items'][number];
export type DibaoListedPerson = DibaoFinding['listed'][number];
/** the person's choice of the file's header text per field (only the fields chosen) */
export type DibaoMapping = Partial<Record<DibaoColumnKey, string>>;

export interface DibaoUploadInput {
  /** YYYY-MM */
  month: string;
  /** a county (H01) or the city (H) */
  regionCode: string;
  source?: string;
  mapping?: DibaoMapping;
}

/** The body of a 400 DIBAO_COLUMNS_MISSING: the header row found and the required fields it lacks. */
export interface DibaoColumnsMissing {
  headers: string[];
  missing: DibaoColumnKey[];
}

export interface DibaoFindingsQuery {
  /** the city's roles only (a county or grassroots union sees its own scope whatever it asks) */
  regionCode?: string;
  kind?: DibaoFindingKind;
  status: DibaoFindingStatus;
  listId?: number;
  page: number;
  pageSize: number;
}

/** The multipart body: the file and the fields; the mapping as JSON, only when one was chosen. */
export function dibaoUploadForm(file: Blob & { name?: string }, input: DibaoUploadInput): FormData {
  const form = new FormData();
  form.append('month', input.month);
  form.append('regionCode', input.regionCode);
  if (input.source?.trim()) form.append('source', input.source.trim());
  if (input.mapping && Object.keys(input.mapping).length) form.append('mapping', JSON.stringify(input.mapping));
  // the file last: a reader of the stream in order has the fields before the file's bytes
  form.append('file', file, file.name ?? 'list');
  return form;
}

/** 201: the list with its counts. 400 DIBAO_COLUMNS_MISSING (body: DibaoColumnsMissing), INVALID_FILE, VALIDATION_FAILED; 409 DIBAO_MONTH_OLDER. */
export function uploadDibaoList(file: File, input: DibaoUploadInput): Promise<DibaoList> {
  return http.postForm('/api/dibao-lists', dibaoUploadForm(file, input));
}

export function listDibaoLists(signal?: AbortSignal): Promise<{ items: DibaoList[] }> {
  return http.get('/api/dibao-lists', { signal });
}

export function getDibaoListErrors(id: number, query: { page: number; pageSize: number }, signal?: AbortSignal): Promise<DibaoListErrors> {
  return http.get(`/api/dibao-lists/${encodeURIComponent(String(id))}/errors`, { query: { ...query }, signal });
}

export function listDibaoFindings(query: DibaoFindingsQuery, signal?: AbortSignal): Promise<DibaoFindingList> {
  return http.get('/api/dibao-findings', { query: { ...query }, signal });
}

/** 409 DIBAO_NOT_CORRECTED ('corrected' while the file still disagrees), DIBAO_FINDING_DECIDED (resolved meanwhile). */
export function resolveDibaoFinding(id: number, resolution: DibaoResolution, reason: string): Promise<DibaoFinding> {
  return http.post(`/api/dibao-findings/${encodeURIComponent(String(id))}/resolve`, { resolution, reason });
}

/** 民政名单核实 of one file (403/404 for a role or file without it). */
export function getHouseholdDibaoCheck(householdId: string | number, signal?: AbortSignal): Promise<DibaoCheck> {
  return http.get(`/api/households/${encodeURIComponent(String(householdId))}/dibao-check`, { signal });
}
