// The review queue's state in the URL (?regionCode=H01&q=张&page=2&pageSize=50) and the per-file
// results of a batch review.
import type { BatchReviewResult, HouseholdListItem, HouseholdListQuery } from '../../api/households';
import type { ReviewQueue } from '../../lib/access';

export const REVIEW_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_REVIEW_PAGE_SIZE = 20;
/** The queue is worked oldest first. */
export const REVIEW_SORT = 'updatedAt:asc';

export interface ReviewQueueState {
  regionCode?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export function readReviewState(params: URLSearchParams): ReviewQueueState {
  const region = params.get('regionCode');
  const page = Number(params.get('page'));
  const pageSize = Number(params.get('pageSize'));
  return {
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    q: params.get('q')?.trim() || undefined,
    page: Number.isSafeInteger(page) && page >= 1 ? page : 1,
    pageSize: (REVIEW_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_REVIEW_PAGE_SIZE,
  };
}

export function writeReviewState(s: ReviewQueueState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.regionCode) p.set('regionCode', s.regionCode);
  if (s.q) p.set('q', s.q);
  if (s.page > 1) p.set('page', String(s.page));
  if (s.pageSize !== DEFAULT_REVIEW_PAGE_SIZE) p.set('pageSize', String(s.pageSize));
  return p;
}

/** GET /api/households for the queue: the status this role reviews, in the user's region if any. */
export function reviewApiQuery(s: ReviewQueueState, queue: ReviewQueue, ownRegion: string | null): HouseholdListQuery {
  return { status: queue.status, regionCode: ownRegion ?? s.regionCode, q: s.q, page: s.page, pageSize: s.pageSize, sort: REVIEW_SORT };
}

export interface BatchFailure {
  id: number;
  who: string;
  code?: string;
  message: string;
}

/** Each failed file named by 职工编号 and 姓名, with the server's message. */
export function summarizeBatch(result: BatchReviewResult, rows: readonly Pick<HouseholdListItem, 'id' | 'workerNo' | 'name'>[]): { done: number; failures: BatchFailure[] } {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const failures = result.results
    .filter((r) => !r.ok)
    .map((r) => {
      const row = byId.get(r.id);
      return { id: r.id, who: row ? `${row.workerNo} ${row.name}` : `档案 #${r.id}`, code: r.code, message: r.message || '审核失败' };
    });
  return { done: result.done, failures };
}
