// react-query hooks over api/exchange.ts: the imports, one import followed while the server
// checks or writes it, its rows and errors page by page, and the region summary.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from '../request';
import { getImport, getImportErrors, getImportRows, getRegionSummary, listImports, type ImportView, type RowStatus, type SummaryScope } from '../exchange';

export const IMPORT_POLL_MS = 1000;

export const importKey = (id: number | null) => ['import', id] as const;

export function useImports(refreshKey: unknown) {
  return useQuery({ queryKey: ['imports', refreshKey], queryFn: ({ signal }) => listImports(signal), placeholderData: keepPreviousData });
}

/**
 * An import, read every second while the server analyzes or commits it. A 404 will not get
 * better; a lost answer is retried, a little slower.
 */
export function useImportView(id: number | null, isBusy: (status: ImportView['status']) => boolean) {
  return useQuery({
    queryKey: importKey(id),
    queryFn: ({ signal }) => getImport(id!, signal),
    enabled: id !== null,
    refetchInterval: (q) => {
      const e = q.state.error;
      if (e) return isApiError(e) && e.status === 404 ? false : IMPORT_POLL_MS * 3;
      return q.state.data && isBusy(q.state.data.status) ? IMPORT_POLL_MS : false;
    },
  });
}

/** A fresher view (the answer of commit / cancel): shown at once, and polling resumes. */
export function useReplaceImport() {
  const client = useQueryClient();
  return (v: ImportView) => client.setQueryData(importKey(v.id), v);
}

export function useImportRows(id: number, status: RowStatus, page: number, pageSize: number) {
  return useQuery({ queryKey: ['import', id, 'rows', status, page], queryFn: ({ signal }) => getImportRows(id, { status, page, pageSize }, signal), placeholderData: keepPreviousData });
}

export function useImportErrors(id: number, page: number, pageSize: number) {
  return useQuery({ queryKey: ['import', id, 'errors', page], queryFn: ({ signal }) => getImportErrors(id, { page, pageSize }, signal), placeholderData: keepPreviousData });
}

export function useRegionSummary(scope: SummaryScope, year: number | null) {
  return useQuery({ queryKey: ['region-summary', scope, year], queryFn: ({ signal }) => getRegionSummary(scope, year, signal), placeholderData: keepPreviousData });
}
