// The review queue's state in the URL (?regionCode=H01&q=张&page=2&pageSize=50) and the per-file
// results of a batch review.
import type { BatchReviewResult, HouseholdListItem, HouseholdListQuery } from '../../api/households';
import type { ReviewQueue } from '../../lib/access';
import { batchFailures, readPaging, writePaging, type BatchFailure } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export type { BatchFailure } from '../../components/list/paging';

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
  return {
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    q: params.get('q')?.trim() || undefined,
    ...readPaging(params, REVIEW_PAGE_SIZES, DEFAULT_REVIEW_PAGE_SIZE),
  };
}

export function writeReviewState(s: ReviewQueueState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.regionCode) p.set('regionCode', s.regionCode);
  if (s.q) p.set('q', s.q);
  return writePaging(p, s, DEFAULT_REVIEW_PAGE_SIZE);
}

export const REVIEW_CODEC: ListCodec<ReviewQueueState> = { read: readReviewState, write: writeReviewState, pageSizes: REVIEW_PAGE_SIZES };

/** GET /api/households for the queue: the status this role reviews, in the user's region if any. */
export function reviewApiQuery(s: ReviewQueueState, queue: ReviewQueue, ownRegion: string | null): HouseholdListQuery {
  return { status: queue.status, regionCode: ownRegion ?? s.regionCode, q: s.q, page: s.page, pageSize: s.pageSize, sort: REVIEW_SORT };
}

/** Each failed file named by 职工编号 and 姓名, with the server's message. */
export function summarizeBatch(result: BatchReviewResult, rows: readonly Pick<HouseholdListItem, 'id' | 'workerNo' | 'name'>[]): { done: number; failures: BatchFailure[] } {
  return { done: result.done, failures: batchFailures(result.results, rows, '档案', '审核失败') };
}
