// react-query hooks over api/households.ts: one file and its history.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getHousehold, getHouseholdHistory, type HouseholdFile } from '../households';

export const householdKey = (id: string | number) => ['household', String(id)] as const;
export const historyKey = (id: string | number) => ['household', String(id), 'history'] as const;

export function useHousehold(id: string | number) {
  return useQuery({ queryKey: householdKey(id), queryFn: ({ signal }) => getHousehold(id, signal) });
}

export function useHouseholdHistory(id: string | number) {
  return useQuery({ queryKey: historyKey(id), queryFn: ({ signal }) => getHouseholdHistory(id, signal) });
}

/** Puts the server's answer of a change in place of the file read before. */
export function useSetHousehold() {
  const client = useQueryClient();
  return (h: HouseholdFile, id: string | number = h.id) => client.setQueryData(householdKey(id), h);
}
