// The queue's state lives in the URL (?status=confirmed&regionCode=H01&page=2&pageSize=50), like the
// household list, so Back and a copied link show the same tab and page.
import { PROPOSAL_STATUSES, type DecideResult, type ProposalQuery, type ProposalStatus, type RemovalProposal } from '../../api/proposals';
import { batchFailures, readPaging, writePaging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const PROPOSAL_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PROPOSAL_PAGE_SIZE = 20;

export function readProposalQuery(params: URLSearchParams): ProposalQuery {
  const status = params.get('status');
  const region = params.get('regionCode');
  return {
    status: (PROPOSAL_STATUSES as readonly string[]).includes(status ?? '') ? (status as ProposalStatus) : 'pending',
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    ...readPaging(params, PROPOSAL_PAGE_SIZES, DEFAULT_PROPOSAL_PAGE_SIZE),
  };
}

export function writeProposalQuery(q: ProposalQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.status !== 'pending') p.set('status', q.status);
  if (q.regionCode) p.set('regionCode', q.regionCode);
  return writePaging(p, q, DEFAULT_PROPOSAL_PAGE_SIZE);
}

export const PROPOSAL_CODEC: ListCodec<ProposalQuery> = { read: readProposalQuery, write: writeProposalQuery, pageSizes: PROPOSAL_PAGE_SIZES };

export interface DecideFailure {
  id: number;
  who: string;
  message: string;
}

/** The per-item results of a batch decision, with each failure named by 职工编号 and 姓名. */
export function summarizeDecision(result: DecideResult, rows: readonly Pick<RemovalProposal, 'id' | 'workerNo' | 'name'>[]): { decided: number; failures: DecideFailure[] } {
  return { decided: result.decided, failures: batchFailures(result.results, rows, '剔除建议', '处理失败', false) };
}
