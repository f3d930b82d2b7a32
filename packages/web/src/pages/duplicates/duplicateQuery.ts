// The 重复档案 page's state lives in the URL with the server's own filter names
// (?status=dismissed&kind=phone&regionCode=H01&page=2), so that Back, reload and a copied link show
// the same tab, filters and page. No status: 待处理.
import { DUPLICATE_KINDS, DUPLICATE_STATUSES, type DuplicateKind, type DuplicateStatus } from '@bangfu/core';
import type { DuplicateListQuery } from '../../api/duplicates';
import { readPaging, writePaging, type Paging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const DUPLICATE_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_DUPLICATE_PAGE_SIZE = 10;

export interface DuplicatePageState extends Paging {
  status: DuplicateStatus;
  kind?: DuplicateKind;
  regionCode?: string;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

export function readDuplicateState(params: URLSearchParams): DuplicatePageState {
  const region = params.get('regionCode');
  return {
    status: oneOf(DUPLICATE_STATUSES, params.get('status')) ?? 'open',
    kind: oneOf(DUPLICATE_KINDS, params.get('kind')),
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    ...readPaging(params, DUPLICATE_PAGE_SIZES, DEFAULT_DUPLICATE_PAGE_SIZE),
  };
}

export function writeDuplicateState(s: DuplicatePageState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.status !== 'open') p.set('status', s.status);
  if (s.kind) p.set('kind', s.kind);
  if (s.regionCode) p.set('regionCode', s.regionCode);
  return writePaging(p, s, DEFAULT_DUPLICATE_PAGE_SIZE);
}

export const DUPLICATE_CODEC: ListCodec<DuplicatePageState> = { read: readDuplicateState, write: writeDuplicateState, pageSizes: DUPLICATE_PAGE_SIZES };

/**
 * What the server is asked for. The region filter is the city's people's (a county or grassroots
 * union sees the pairs touching its own files, some of them in another county): theirs is dropped.
 */
export function duplicateListQuery(s: DuplicatePageState, filtersRegion: boolean): DuplicateListQuery {
  return { status: s.status, kind: s.kind, regionCode: filtersRegion ? s.regionCode : undefined, page: s.page, pageSize: s.pageSize };
}
