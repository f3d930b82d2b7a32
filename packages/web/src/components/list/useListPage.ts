// One list page: its state in the URL (Back, reload and a copied link show the same page), one
// page of rows read through react-query (the previous page stays while the next one loads), the
// table's pagination, and the rows selected for a batch (cleared by a new filter or page).
import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Grid, type TablePaginationConfig } from 'antd';
import { lastPage, type Paging } from './paging';

export interface PageOf<T> {
  items: T[];
  total: number;
}

export interface ListCodec<S extends Paging> {
  read: (params: URLSearchParams) => S;
  write: (state: S) => URLSearchParams;
  pageSizes: readonly number[];
}

export interface ListPageOptions<S extends Paging, Q, T> {
  codec: ListCodec<S>;
  /** the query's name in react-query's cache, e.g. 'households' */
  name: string;
  /** what the server receives for this state */
  toQuery: (state: S) => Q;
  fetch: (query: Q, signal: AbortSignal) => Promise<PageOf<T>>;
  /** 户 or 条, in 共 N 户 */
  unit: string;
  /** the deepest row the server pages to (core's MAX_LIST_ROWS for the household list) */
  maxRows?: number;
}

export function useListPage<S extends Paging, Q, T>({ codec, name, toQuery, fetch, unit, maxRows }: ListPageOptions<S, Q, T>) {
  const [params, setParams] = useSearchParams();
  // one object per URL: pages and forms may depend on it
  const state = useMemo(() => codec.read(params), [codec, params]);
  const apiQuery = toQuery(state);
  const queryKey = [name, apiQuery] as const;
  const list = useQuery({ queryKey, queryFn: ({ signal }) => fetch(apiQuery, signal), placeholderData: keepPreviousData });
  const data = list.data;
  const resetKey = JSON.stringify(queryKey);

  const [selected, setSelected] = useState<T[]>([]);
  const screens = Grid.useBreakpoint();
  // A new filter or page starts with nothing selected.
  useEffect(() => setSelected([]), [resetKey]);

  // A page past the end (rows left the list meanwhile): go to the last page.
  const current = list.isPlaceholderData ? undefined : list.data;
  useEffect(() => {
    if (current && current.items.length === 0 && current.total > 0 && state.page > 1) {
      const last = lastPage(current.total, state.pageSize);
      if (last !== state.page) setParams(codec.write({ ...state, page: last }), { replace: true });
    }
  }, [current, state, codec, setParams]);

  const update = (patch: Partial<S>) => setParams(codec.write({ ...state, ...patch }));
  const replace = (next: S) => setParams(codec.write(next));

  /** The table's page change: a new page size starts at page 1. */
  const onPageChange = (p: TablePaginationConfig) => {
    const pageSize = p.pageSize ?? state.pageSize;
    update({ page: pageSize !== state.pageSize ? 1 : p.current ?? 1, pageSize } as Partial<S>);
  };

  const total = data?.total ?? 0;
  // the pager offers the pages the server serves; the total shown stays the exact one
  const reachable = maxRows ? Math.min(total, maxRows) : total;
  const pagination: TablePaginationConfig = {
    current: state.page,
    pageSize: state.pageSize,
    total: reachable,
    showSizeChanger: true,
    pageSizeOptions: codec.pageSizes.map(String),
    showQuickJumper: true,
    showTotal: () => `共 ${total.toLocaleString('zh-CN')} ${unit}${reachable < total ? `（可翻阅前 ${reachable.toLocaleString('zh-CN')} ${unit}，其余请筛选、搜索或反向排序）` : ''}`,
  };

  return {
    state,
    update,
    replace,
    data,
    error: list.error,
    loading: list.isFetching,
    reload: () => void list.refetch(),
    selected,
    setSelected,
    clearSelection: () => setSelected([]),
    /** the table's row selection, for pages with a batch footer */
    rowSelection: (keyOf: (row: T) => number) => ({
      selectedRowKeys: selected.map(keyOf),
      onChange: (_keys: unknown, rows: T[]) => setSelected(rows),
      columnWidth: 40,
      // antd names the header checkbox "Select all" whatever the locale
      getTitleCheckboxProps: () => ({ 'aria-label': '全选本页' }),
    }),
    onPageChange,
    /** the props every list table shares */
    // a laptop (1366 px) fits the columns at the compact density; wide screens get room
    tableProps: { dataSource: data?.items ?? [], loading: list.isFetching, pagination, scroll: { x: 'max-content' as const }, size: screens.xxl ? ('middle' as const) : ('small' as const) },
  };
}
