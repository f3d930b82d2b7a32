// The queue's state lives in the URL (?status=confirmed&regionCode=H01&page=2&pageSize=50), like the
// household list, so Back and a copied link show the same tab and page.
import { PROPOSAL_STATUSES, type DecideResult, type ProposalQuery, type ProposalStatus, type RemovalProposal } from '../../api/proposals';

export const PROPOSAL_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PROPOSAL_PAGE_SIZE = 20;

export function readProposalQuery(params: URLSearchParams): ProposalQuery {
  const status = params.get('status');
  const region = params.get('regionCode');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    status: (PROPOSAL_STATUSES as readonly string[]).includes(status ?? '') ? (status as ProposalStatus) : 'pending',
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    pageSize: (PROPOSAL_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PROPOSAL_PAGE_SIZE,
  };
}

export function writeProposalQuery(q: ProposalQuery): URLSearchParams {
  const p = new URLSearchParams();
  if (q.status !== 'pending') p.set('status', q.status);
  if (q.regionCode) p.set('regionCode', q.regionCode);
  if (q.page > 1) p.set('page', String(q.page));
  if (q.pageSize !== DEFAULT_PROPOSAL_PAGE_SIZE) p.set('pageSize', String(q.pageSize));
  return p;
}

export interface DecideFailure {
  id: number;
  who: string;
  message: string;
}

/** The per-item results of a batch decision, with each failure named by 职工编号 and 姓名. */
export function summarizeDecision(result: DecideResult, rows: readonly Pick<RemovalProposal, 'id' | 'workerNo' | 'name'>[]): { decided: number; failures: DecideFailure[] } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const failures = result.results
    .filter((r) => !r.ok)
    .map((r) => {
      const row = byId.get(r.id);
      return { id: r.id, who: row ? `${row.workerNo} ${row.name}` : `剔除建议 #${r.id}`, message: r.message || '处理失败' };
    });
  return { decided: result.decided, failures };
}
