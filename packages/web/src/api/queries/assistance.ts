// react-query hooks over api/assistance.ts. Each key is also what a save writes its answer to.
import { keepPreviousData, useQuery, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { getAssistanceSettings, getBatches, getLinkQuota, getPlan, getResponsibility, getSummary, listMeasures, listRecords, listWorkingGroups, myHouseholds } from '../assistance';

export const assistanceKeys = {
  plan: (id: string) => ['household', id, 'plan'] as const,
  responsibility: (id: string) => ['household', id, 'responsibility'] as const,
  records: (id: string) => ['household', id, 'records'] as const,
  measures: ['measures'] as const,
  settings: ['assistance-settings'] as const,
  quota: ['link-quota'] as const,
  groups: ['working-groups'] as const,
};

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
export const useLinkQuota = () => useQuery({ queryKey: assistanceKeys.quota, queryFn: ({ signal }) => getLinkQuota(signal) });
export const useWorkingGroups = () => useQuery({ queryKey: assistanceKeys.groups, queryFn: ({ signal }) => listWorkingGroups(signal) });
export const useBatches = () => useQuery({ queryKey: ['batches'], queryFn: ({ signal }) => getBatches(signal) });
export const useMyHouseholds = () => useQuery({ queryKey: ['my-households'], queryFn: ({ signal }) => myHouseholds(signal) });

export function useAssistanceSummary(year: number, regionCode: string | undefined) {
  return useQuery({ queryKey: ['assistance-summary', year, regionCode ?? null], queryFn: ({ signal }) => getSummary({ year, regionCode }, signal), placeholderData: keepPreviousData });
}
