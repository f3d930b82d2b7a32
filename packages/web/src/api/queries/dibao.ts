// react-query hooks over api/dibao.ts. The findings are read by the page's list (useListPage, key
// ['dibao-findings', query]) and its per-kind counts; a file's 民政名单核实 sits under
// ['household', id], so that a change to the file reads it again. An import or a resolution
// refreshes them all and the menu's count.
import { useCallback } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getDibaoListErrors, getHouseholdDibaoCheck, listDibaoFindings, listDibaoLists, type DibaoFindingsQuery } from '../dibao';
import { notifyDibaoChanged } from '../../lib/events';
import { isApiError } from '../request';

export const dibaoKeys = {
  /** the findings list's name in useListPage (its key is ['dibao-findings', query]) */
  findings: ['dibao-findings'] as const,
  counts: (q: Omit<DibaoFindingsQuery, 'kind' | 'page' | 'pageSize'>) => ['dibao-findings', 'counts', q] as const,
  lists: ['dibao-lists'] as const,
  errors: (id: number, page: number, pageSize: number) => ['dibao-lists', id, 'errors', page, pageSize] as const,
  check: (householdId: string | number) => ['household', String(householdId), 'dibao-check'] as const,
};

export const useDibaoLists = (enabled = true) => useQuery({ queryKey: dibaoKeys.lists, queryFn: ({ signal }) => listDibaoLists(signal), enabled });

export const useDibaoListErrors = (id: number | null, page: number, pageSize: number) =>
  useQuery({
    queryKey: dibaoKeys.errors(id ?? 0, page, pageSize),
    queryFn: ({ signal }) => getDibaoListErrors(id!, { page, pageSize }, signal),
    enabled: id !== null,
    placeholderData: keepPreviousData,
  });

/** The number of findings of each kind under the other filters: three one-row pages. */
export function useDibaoKindCounts(q: Omit<DibaoFindingsQuery, 'kind' | 'page' | 'pageSize'>) {
  return useQuery({
    queryKey: dibaoKeys.counts(q),
    queryFn: async ({ signal }) => {
      const one = (kind: DibaoFindingsQuery['kind']) => listDibaoFindings({ ...q, kind, page: 1, pageSize: 1 }, signal).then((r) => r.total);
      const [declaredNotListed, listedNotDeclared, listedAboveLine] = await Promise.all([one('declaredNotListed'), one('listedNotDeclared'), one('listedAboveLine')]);
      return { declaredNotListed, listedNotDeclared, listedAboveLine };
    },
    placeholderData: keepPreviousData,
  });
}

/** A file's 民政名单核实; a role or file without one (403, 404) reads as null: nothing shown. */
export const useHouseholdDibaoCheck = (householdId: string | number, enabled: boolean) =>
  useQuery({
    queryKey: dibaoKeys.check(householdId),
    queryFn: ({ signal }) =>
      getHouseholdDibaoCheck(householdId, signal).catch((e: unknown) => {
        if (isApiError(e) && (e.status === 403 || e.status === 404)) return null;
        throw e;
      }),
    enabled,
  });

/** After an import or a resolution: the findings, their counts, the lists, every file's check, the menu's count. */
export function useDibaoChanged() {
  const client = useQueryClient();
  return useCallback(
    (householdId?: number) => {
      const keys: (readonly unknown[])[] = [dibaoKeys.findings, dibaoKeys.lists];
      if (householdId !== undefined) keys.push(dibaoKeys.check(householdId));
      for (const queryKey of keys) void client.invalidateQueries({ queryKey });
      notifyDibaoChanged();
    },
    [client],
  );
}
