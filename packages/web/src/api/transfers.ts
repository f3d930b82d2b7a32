// 档案转移 (server modules/transfers/transfers.routes.ts): asking for (or, on both sides, making)
// a household's move to another region or grassroots union, a household's transfers and former
// worker numbers, the transfers of the user's side (to agree / asked / all), finding a family that
// moved in (申请转入), agreeing, refusing and withdrawing. Types are core's schemas.
import type {
  HouseholdTransfers, TransferBox, TransferCreated, TransferDecision, TransferList, TransferLookupResult, TransferRequest, TransferStatus, TransferView,
} from '@bangfu/core';
import { http } from './request';

export type { HouseholdTransfers, TransferBox, TransferCreated, TransferDecision, TransferList, TransferLookupResult, TransferRequest, TransferStatus, TransferView };
/** A side of a transfer: its region and (a grassroots union's file) its unit, with their names. */
export type TransferPlace = TransferView['from'];
export type FormerWorkerNo = HouseholdTransfers['formerWorkerNos'][number];

export interface TransferListQuery {
  box: TransferBox;
  status?: TransferStatus;
  page: number;
  pageSize: number;
}

const hh = (id: number | string) => `/api/households/${encodeURIComponent(String(id))}`;
const one = (id: number) => `/api/transfers/${encodeURIComponent(String(id))}`;

/** 201: pending (the other side agrees), or agreed (moved at once; workerNo is the number now). */
export function requestTransfer(householdId: number | string, input: TransferRequest): Promise<TransferCreated> {
  return http.post(`${hh(householdId)}/transfer`, input);
}

export function getHouseholdTransfers(householdId: number | string, signal?: AbortSignal): Promise<HouseholdTransfers> {
  return http.get(`${hh(householdId)}/transfers`, { signal });
}

export function listTransfers(query: TransferListQuery, signal?: AbortSignal): Promise<TransferList> {
  return http.get('/api/transfers', { query: { ...query }, signal });
}

/** How a receiving side finds a family that moved in: its worker number (now or former) and the worker's identity number. */
export function lookupTransfer(query: { workerNo: string; idNumber: string }, signal?: AbortSignal): Promise<TransferLookupResult> {
  return http.get('/api/transfers/lookup', { query, signal });
}

export function decideTransfer(id: number, decision: TransferDecision, opinion: string): Promise<TransferView> {
  return http.post(`${one(id)}/decision`, { decision, opinion });
}

export function cancelTransfer(id: number): Promise<TransferView> {
  return http.post(`${one(id)}/cancel`);
}
