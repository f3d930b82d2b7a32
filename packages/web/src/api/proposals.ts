// 剔除建议: files that meet no condition wait for a person to confirm or reject their removal.
import { http } from './request';
import type { DecideResult, ProposalStatus, RemovalProposal } from '@bangfu/core';
import type { Page } from './households';

export { PROPOSAL_STATUS_LABELS, PROPOSAL_STATUSES, type ProposalStatus, type RemovalProposal } from '@bangfu/core';

export interface ProposalQuery {
  status: ProposalStatus;
  regionCode?: string;
  page: number;
  pageSize: number;
}

export type Decision = 'confirm' | 'reject';

export type { DecideResult };

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
