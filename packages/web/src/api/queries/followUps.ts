// react-query hooks over api/followUps.ts. A household's follow-ups sit under ['household', id], so
// that a change to the file reads them again; a recorded follow-up refreshes every view it changes.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { getFollowUpSummary, getHouseholdFollowUps } from '../followUps';
import { householdKey } from './households';
import { campaignKeys } from './campaigns';

export const followUpKeys = {
  household: (id: string | number) => ['household', String(id), 'follow-ups'] as const,
  /** the list page's name in useListPage (its key is ['follow-ups', query]) */
  list: ['follow-ups'] as const,
  summary: (year: number) => ['follow-up-summary', year] as const,
};

/** `enabled` false: not yet (the record dialog reads them once it opens). */
export const useHouseholdFollowUps = (id: string | number, enabled = true) =>
  useQuery({ queryKey: followUpKeys.household(id), queryFn: ({ signal }) => getHouseholdFollowUps(id, signal), enabled });

export const useFollowUpSummary = (year: number) =>
  useQuery({ queryKey: followUpKeys.summary(year), queryFn: ({ signal }) => getFollowUpSummary(year, signal), placeholderData: keepPreviousData });

/**
 * After a follow-up was recorded: the file (a 返困 may have reopened it) with its follow-ups and
 * history, the lists, the summary, 我的帮扶对象, the 待办 and the 工作台.
 */
export function useFollowUpRecorded() {
  const client = useQueryClient();
  return (householdId: number) => {
    for (const queryKey of [householdKey(householdId), followUpKeys.list, ['follow-up-summary'], ['my-households'], campaignKeys.todos, campaignKeys.dashboard])
      void client.invalidateQueries({ queryKey });
  };
}

/** After the file itself changed (脱困, 重新纳入): its schedule follows from its status. */
export function useRefreshHouseholdFollowUps() {
  const client = useQueryClient();
  return (id: string | number) => void client.invalidateQueries({ queryKey: followUpKeys.household(id) });
}
