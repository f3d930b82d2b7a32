// The 民政低保核对 page's state lives in the URL with the server's own filter names
// (?kind=listedNotDeclared&listId=7&status=explained&regionCode=H01&page=2, or ?tab=import), so that
// Back, reload, a copied link and the household page's links show the same tab, filters and page.
// No tab: 核对结果; no status: 待核实.
import { DIBAO_FINDING_KINDS, DIBAO_FINDING_STATUSES, type DibaoFindingKind, type DibaoFindingStatus } from '@bangfu/core';
import type { DibaoFindingsQuery } from '../../api/dibao';
import { positiveInt, readPaging, writePaging, type Paging } from '../../components/list/paging';
import type { ListCodec } from '../../components/list/useListPage';

export const DIBAO_TABS = ['findings', 'import', 'lists'] as const;
export type DibaoTab = (typeof DIBAO_TABS)[number];

export const DIBAO_PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_DIBAO_PAGE_SIZE = 10;

export interface DibaoFindingFilters {
  status: DibaoFindingStatus;
  kind?: DibaoFindingKind;
  regionCode?: string;
  listId?: number;
}

export interface DibaoPageState extends DibaoFindingFilters, Paging {
  tab: DibaoTab;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => ((list as readonly string[]).includes(v ?? '') ? (v as T) : undefined);

export function readDibaoState(params: URLSearchParams): DibaoPageState {
  const region = params.get('regionCode');
  const listId = positiveInt(params.get('listId'), 0);
  return {
    tab: oneOf(DIBAO_TABS, params.get('tab')) ?? 'findings',
    status: oneOf(DIBAO_FINDING_STATUSES, params.get('status')) ?? 'open',
    kind: oneOf(DIBAO_FINDING_KINDS, params.get('kind')),
    regionCode: region && /^[A-Z]\d{2}$/.test(region) ? region : undefined,
    listId: listId > 0 ? listId : undefined,
    ...readPaging(params, DIBAO_PAGE_SIZES, DEFAULT_DIBAO_PAGE_SIZE),
  };
}

/** Only what differs from the defaults; another tab than 核对结果 carries no filters. */
export function writeDibaoState(s: DibaoPageState): URLSearchParams {
  const p = new URLSearchParams();
  if (s.tab !== 'findings') {
    p.set('tab', s.tab);
    return p;
  }
  if (s.status !== 'open') p.set('status', s.status);
  if (s.kind) p.set('kind', s.kind);
  if (s.regionCode) p.set('regionCode', s.regionCode);
  if (s.listId) p.set('listId', String(s.listId));
  return writePaging(p, s, DEFAULT_DIBAO_PAGE_SIZE);
}

/** The findings list's codec: whatever tab the URL asked for (one the user lacks), a change of filter or page stays on 核对结果. */
export const DIBAO_FINDINGS_CODEC: ListCodec<DibaoPageState> = {
  read: (params) => ({ ...readDibaoState(params), tab: 'findings' }),
  write: writeDibaoState,
  pageSizes: DIBAO_PAGE_SIZES,
};

/** The findings tab showing these filters, page 1 (the links of an import's counts, a list's row, a file's check). */
export function dibaoFindingsHref(filters: Partial<DibaoFindingFilters>): string {
  const qs = writeDibaoState({ tab: 'findings', status: 'open', page: 1, pageSize: DEFAULT_DIBAO_PAGE_SIZE, ...filters }).toString();
  return qs ? `/dibao?${qs}` : '/dibao';
}

/**
 * What the server is asked for. The region filter is the city's people's (a county or grassroots
 * union sees its own files' findings): theirs is dropped.
 */
export function dibaoFindingsQuery(s: DibaoPageState, filtersRegion: boolean): DibaoFindingsQuery {
  return { status: s.status, kind: s.kind, regionCode: filtersRegion ? s.regionCode : undefined, listId: s.listId, page: s.page, pageSize: s.pageSize };
}
