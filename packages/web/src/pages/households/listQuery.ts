// The list's state lives in the URL (?regionCode=H01&category=低保户&status=filed&q=张&page=2&pageSize=20&sort=fillDate:desc,
// and the identification filters &eligible=false&condition=C2&suggestedCategory=none&flag=noLine,
// and the campaign filters the progress table and the 工作台 link with: &unitId=H01-0003 (or none,
// the county's own files) &fillYear=2026 &createdSince=2026-11-30 &waitingDays=7)
// so that Back, reload and a copied link all show the same page.
import { parseIsoDate, CATEGORIES, CONDITION_CODES, HOUSEHOLD_STATUSES, IDENTIFY_FLAGS, type ConditionCode, type HouseholdStatus, type IdentifyFlag } from '@bangfu/core';
import { SORT_KEYS, type EligibleFilter, type HouseholdListQuery, type SortKey, type SortOrder } from '../../api/households';
import { readPaging, writePaging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
export const DEFAULT_SORT = 'updatedAt:desc';

/** 全部 by default (no status sent); otherwise one of the six statuses, or 已退回 (drafts sent back: status=draft&returned=true). */
export type StatusFilter = 'all' | HouseholdStatus | 'returned';

export interface ListState {
  regionCode?: string;
  category?: string;
  status: StatusFilter;
  q?: string;
  page: number;
  pageSize: number;
  sortKey: SortKey;
  sortOrder: SortOrder;
  /** 识别结果 */
  eligible?: EligibleFilter;
  /** 满足条件 */
  condition?: ConditionCode;
  /** 建议类别: a category or 'none' */
  suggestedCategory?: string;
  /** 提示 */
  flag?: IdentifyFlag;
  /** a 基层工会 (H01-0003), or 'none': the files a county union filed itself */
  unitId?: string;
  /** 填表年度: a campaign's files */
  fillYear?: number;
  /** entered into the system on or after this day (YYYY-MM-DD) */
  createdSince?: string;
  /** under review (待单位审核 or 待市总审核) for at least this many days; 0: all under review */
  waitingDays?: number;
  /** as of the end of a past day: the files entered by then, the status and waiting that day */
  asOf?: string;
}

/** The filters that arrive only by link (the progress table, the 工作台): shown as removable tags. */
export const LINK_FILTER_KEYS = ['unitId', 'fillYear', 'createdSince', 'waitingDays', 'asOf'] as const;
export type LinkFilterKey = (typeof LINK_FILTER_KEYS)[number];

/** The identification filters (the 「更多条件」 row). */
export const IDENTIFICATION_FILTER_KEYS = ['eligible', 'condition', 'suggestedCategory', 'flag'] as const;

export function hasIdentificationFilter(s: ListState): boolean {
  return IDENTIFICATION_FILTER_KEYS.some((k) => s[k] !== undefined);
}

const ELIGIBLE_VALUES: readonly string[] = ['true', 'false', 'unknown'] satisfies EligibleFilter[];
const SUGGESTED_VALUES: readonly string[] = [...CATEGORIES, 'none'];

function oneOf<T extends string>(v: string | null, values: readonly string[]): T | undefined {
  return v !== null && values.includes(v) ? (v as T) : undefined;
}

function intIn(v: string | null, min: number, max: number): number | undefined {
  if (v === null || !/^\d{1,4}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

function linkFilters(params: URLSearchParams): Pick<ListState, LinkFilterKey> {
  const unitId = params.get('unitId');
  const since = params.get('createdSince');
  const asOf = params.get('asOf');
  const day = (v: string | null) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && parseIsoDate(v) !== null ? v : undefined);
  return {
    unitId: unitId && /^(H\d{2}-\d{4}|none)$/.test(unitId) ? unitId : undefined,
    fillYear: intIn(params.get('fillYear'), 2000, 2100),
    createdSince: day(since),
    waitingDays: intIn(params.get('waitingDays'), 0, 3650),
    asOf: day(asOf),
  };
}

export function parseSort(v: string | null | undefined): { sortKey: SortKey; sortOrder: SortOrder } {
  const [key, order] = (v || DEFAULT_SORT).split(':');
  const sortKey = (SORT_KEYS as readonly string[]).includes(key) ? (key as SortKey) : 'updatedAt';
  const sortOrder: SortOrder = order === 'asc' ? 'asc' : 'desc';
  return { sortKey, sortOrder };
}

export function readListState(params: URLSearchParams): ListState {
  // returned=true (the server's word, in links made from core's filters) is the list's status=returned
  const status = params.get('returned') === 'true' ? 'returned' : params.get('status');
  const category = params.get('category') || undefined;
  return {
    regionCode: params.get('regionCode') || undefined,
    category: category && (CATEGORIES as readonly string[]).includes(category) ? category : undefined,
    status: status === 'returned' ? 'returned' : oneOf<HouseholdStatus>(status, HOUSEHOLD_STATUSES) ?? 'all',
    q: params.get('q')?.trim() || undefined,
    ...readPaging(params, PAGE_SIZES, DEFAULT_PAGE_SIZE),
    ...parseSort(params.get('sort')),
    eligible: oneOf<EligibleFilter>(params.get('eligible'), ELIGIBLE_VALUES),
    condition: oneOf<ConditionCode>(params.get('condition'), CONDITION_CODES),
    suggestedCategory: oneOf<string>(params.get('suggestedCategory'), SUGGESTED_VALUES),
    flag: oneOf<IdentifyFlag>(params.get('flag'), IDENTIFY_FLAGS),
    ...linkFilters(params),
  };
}

/** Only what differs from the defaults goes into the URL. */
export function writeListState(s: ListState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.regionCode) p.set('regionCode', s.regionCode);
  if (s.category) p.set('category', s.category);
  if (s.status !== 'all') p.set('status', s.status);
  if (s.q) p.set('q', s.q);
  for (const k of IDENTIFICATION_FILTER_KEYS) {
    const v = s[k];
    if (v) p.set(k, v);
  }
  for (const k of LINK_FILTER_KEYS) {
    const v = s[k];
    if (v !== undefined) p.set(k, String(v));
  }
  writePaging(p, s, DEFAULT_PAGE_SIZE);
  const sort = `${s.sortKey}:${s.sortOrder}`;
  if (sort !== DEFAULT_SORT) p.set('sort', sort);
  return p;
}

export const LIST_CODEC: ListCodec<ListState> = { read: readListState, write: writeListState, pageSizes: PAGE_SIZES };

/** What GET /api/households receives: one page, never more. */
export function toApiQuery(s: ListState, ownRegion: string | null): HouseholdListQuery {
  return {
    regionCode: ownRegion ?? s.regionCode,
    category: s.category,
    status: s.status === 'all' ? undefined : s.status === 'returned' ? 'draft' : s.status,
    returned: s.status === 'returned' ? 'true' : undefined,
    q: s.q,
    page: s.page,
    pageSize: s.pageSize,
    sort: `${s.sortKey}:${s.sortOrder}`,
    eligible: s.eligible,
    condition: s.condition,
    suggestedCategory: s.suggestedCategory,
    flag: s.flag,
    unitId: s.unitId,
    fillYear: s.fillYear,
    createdSince: s.createdSince,
    waitingDays: s.waitingDays,
    asOf: s.asOf,
  };
}

/** What GET /api/households/export.xlsx receives: the list's filters, every page (no page, no sort). */
export function toExportQuery(s: ListState, ownRegion: string | null): Omit<HouseholdListQuery, 'page' | 'pageSize' | 'sort'> {
  const q = toApiQuery(s, ownRegion);
  return {
    regionCode: q.regionCode, category: q.category, status: q.status, returned: q.returned, q: q.q, eligible: q.eligible, condition: q.condition, suggestedCategory: q.suggestedCategory, flag: q.flag,
    unitId: q.unitId, fillYear: q.fillYear, createdSince: q.createdSince, waitingDays: q.waitingDays, asOf: q.asOf,
  };
}
