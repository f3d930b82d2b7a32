// 剔除建议: files that meet no condition wait for a person to confirm or reject their removal.
import { http } from './request';
import type { Page } from './households';

export const PROPOSAL_STATUSES = ['pending', 'confirmed', 'rejected', 'withdrawn'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];
export const PROPOSAL_STATUS_LABELS: Record<ProposalStatus, string> = {
  pending: '待处理',
  confirmed: '已确认剔除',
  rejected: '不予剔除',
  withdrawn: '已撤回',
};

export interface RemovalProposal {
  id: number;
  householdId: number;
  workerNo: string;
  name: string;
  /** masked by the server */
  idNumber: string;
  regionCode: string;
  regionName: string;
  /** the declared category */
  category: string;
  status: ProposalStatus;
  reason: string;
  /** yuan */
  perCapitaIncome: number;
  /** yuan per person per year, null without a line */
  annualLine: number | null;
  explanation: string;
  policyVersion: number | null;
  createdAt: string;
  decidedAt: string | null;
  note: string | null;
}

export interface ProposalQuery {
  status: ProposalStatus;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export type Decision = 'confirm' | 'reject';

export interface DecideResult {
  decided: number;
  results: { id: number; ok: boolean; code?: string; message?: string }[];
}

export function listProposals(query: ProposalQuery, signal?: AbortSignal): Promise<Page<RemovalProposal>> {
  return http.get('/api/removal-proposals', { query: { ...query }, signal });
}

export function decideProposals(ids: number[], decision: Decision, note?: string): Promise<DecideResult> {
  return http.post('/api/removal-proposals/decide', { ids, decision, note: note || undefined });
}

/** The number of pending proposals in the caller's scope (for the menu badge). */
export async function pendingProposalCount(signal?: AbortSignal): Promise<number> {
  const r = await listProposals({ status: 'pending', page: 1, pageSize: 1 }, signal);
  return r.total;
}
