// The 脱困回访 page's state lives in the URL with the server's own filter names, so that the 待办's
// links open the right view (/follow-ups?mine=true&due=true, /follow-ups?fallenBack=true) and Back,
// reload and a copied link show the same tab, filters and page. No filter: every exited household.
import type { FollowUpListQuery } from '../../api/followUps';
import { readPaging, writePaging, type Paging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const FOLLOW_UP_VIEWS = ['due', 'overdue', 'fallenBack', 'all'] as const;
export type FollowUpView = (typeof FOLLOW_UP_VIEWS)[number];
export const FOLLOW_UP_VIEW_LABELS: Record<FollowUpView, string> = { due: '到期待回访', overdue: '已超期', fallenBack: '返困待重新纳入', all: '全部已脱困' };

export const FOLLOW_UP_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_FOLLOW_UP_PAGE_SIZE = 20;

export interface FollowUpPageState extends Paging {
  view: FollowUpView;
  /** 只看我的帮扶对象 */
  mine: boolean;
  regionCode?: string;
  /** the year of the exit */
  year?: number;
  /** 年度回访统计's year (this year when absent) */
  summaryYear?: number;
}

const yearOf = (v: string | null) => (v && /^\d{4}$/.test(v) ? Number(v) : undefined);

export function readFollowUpState(params: URLSearchParams): FollowUpPageState {
  const region = params.get('regionCode');
  const view = FOLLOW_UP_VIEWS.find((v) => v !== 'all' && params.get(v) === 'true') ?? 'all';
  return {
    view,
    mine: params.get('mine') === 'true',
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    year: yearOf(params.get('year')),
    summaryYear: yearOf(params.get('summaryYear')),
    ...readPaging(params, FOLLOW_UP_PAGE_SIZES, DEFAULT_FOLLOW_UP_PAGE_SIZE),
  };
}

export function writeFollowUpState(s: FollowUpPageState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.mine) p.set('mine', 'true');
  if (s.view !== 'all') p.set(s.view, 'true');
  if (s.regionCode) p.set('regionCode', s.regionCode);
  if (s.year) p.set('year', String(s.year));
  if (s.summaryYear) p.set('summaryYear', String(s.summaryYear));
  return writePaging(p, s, DEFAULT_FOLLOW_UP_PAGE_SIZE);
}

export const FOLLOW_UP_CODEC: ListCodec<FollowUpPageState> = { read: readFollowUpState, write: writeFollowUpState, pageSizes: FOLLOW_UP_PAGE_SIZES };

/** What the server is asked for; a county or grassroots cadre's region is their own whatever the URL says. */
export function followUpListQuery(s: FollowUpPageState, ownRegion: string | null): FollowUpListQuery {
  return {
    ...(s.view !== 'all' ? { [s.view]: 'true' as const } : {}),
    ...(s.mine ? { mine: 'true' as const } : {}),
    regionCode: ownRegion ?? s.regionCode,
    year: s.year,
    page: s.page,
    pageSize: s.pageSize,
  };
}
