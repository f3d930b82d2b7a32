// react-query hooks over api/assistance.ts. Each key is also what a save writes its answer to.
import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { getAssistanceSettings, getBatches, getGroupHouseholds, getLinkQuota, getPlan, getResponsibility, getSummary, listMeasures, listRecords, listWorkingGroups, myHouseholds } from '../assistance';

export const assistanceKeys = {
  plan: (id: string) => ['household', id, 'plan'] as const,
  responsibility: (id: string) => ['household', id, 'responsibility'] as const,
  records: (id: string) => ['household', id, 'records'] as const,
  measures: ['measures'] as const,
  settings: ['assistance-settings'] as const,
  quota: ['link-quota'] as const,
  groups: ['working-groups'] as const,
  /** under its own root: a save of the groups invalidates every group's list at once */
  groupHouseholds: (regionCode: string) => ['working-group', regionCode, 'households'] as const,
};

/** After the groups were saved: every group's households read again (members came or went). */
export function useInvalidateGroupHouseholds() {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['working-group'] });
}

/** Writes a save's answer where the page reads it. */
export function useSetData() {
  const client = useQueryClient();
  return <T>(key: QueryKey, data: T) => client.setQueryData(key, data);
}

export const usePlan = (id: string) => useQuery({ queryKey: assistanceKeys.plan(id), queryFn: ({ signal }) => getPlan(id, signal) });
export const useResponsibility = (id: string) => useQuery({ queryKey: assistanceKeys.responsibility(id), queryFn: ({ signal }) => getResponsibility(id, signal) });
export const useRecords = (id: string) => useQuery({ queryKey: assistanceKeys.records(id), queryFn: ({ signal }) => listRecords(id, signal) });
export const useMeasures = () => useQuery({ queryKey: assistanceKeys.measures, queryFn: ({ signal }) => listMeasures(signal) });
export const useAssistanceSettings = () => useQuery({ queryKey: assistanceKeys.settings, queryFn: ({ signal }) => getAssistanceSettings(signal) });
/** `enabled` false: not yet (the working groups' editor reads the city's leaders and staff from it once it opens). */
export const useLinkQuota = (enabled = true) => useQuery({ queryKey: assistanceKeys.quota, queryFn: ({ signal }) => getLinkQuota(signal), enabled });
export const useWorkingGroups = () => useQuery({ queryKey: assistanceKeys.groups, queryFn: ({ signal }) => listWorkingGroups(signal) });
export const useGroupHouseholds = (regionCode: string) =>
  useQuery({ queryKey: assistanceKeys.groupHouseholds(regionCode), queryFn: ({ signal }) => getGroupHouseholds(regionCode, signal) });
export const useBatches = () => useQuery({ queryKey: ['batches'], queryFn: ({ signal }) => getBatches(signal) });
export const useMyHouseholds = () => useQuery({ queryKey: ['my-households'], queryFn: ({ signal }) => myHouseholds(signal) });

export function useAssistanceSummary(year: number, regionCode: string | undefined) {
  return useQuery({ queryKey: ['assistance-summary', year, regionCode ?? null], queryFn: ({ signal }) => getSummary({ year, regionCode }, signal), placeholderData: keepPreviousData });
}
