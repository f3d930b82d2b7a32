// react-query hooks over api/campaigns.ts. The to-dos are read again every minute (the header's
// badge); everything else once per visit, and again after a change (invalidateCampaign).
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getBaselines, getCampaign, getDashboard, getProgress, getReported, getTodos, listCampaigns, listResearchReports, listSubmissions, type ProgressQuery,
} from '../campaigns';

export const TODO_POLL_MS = 60_000;

export const campaignKeys = {
  list: ['campaigns'] as const,
  one: (id: string) => ['campaign', id] as const,
  progress: (id: string, q: ProgressQuery) => ['campaign', id, 'progress', q.level, q.parentCode ?? null, q.asOf ?? null] as const,
  baselines: (id: string) => ['campaign', id, 'baselines'] as const,
  submissions: (id: string) => ['campaign', id, 'submissions'] as const,
  researchReports: (id: string, deadlineId?: number) => ['campaign', id, 'research-reports', deadlineId ?? null] as const,
  dashboard: ['dashboard'] as const,
  todos: ['todos'] as const,
};

export const useCampaigns = () => useQuery({ queryKey: campaignKeys.list, queryFn: ({ signal }) => listCampaigns(signal) });
export const useCampaign = (id: string, enabled = true) => useQuery({ queryKey: campaignKeys.one(id), queryFn: ({ signal }) => getCampaign(id, signal), enabled });

export function useProgress(id: string, q: ProgressQuery, enabled = true) {
  return useQuery({ queryKey: campaignKeys.progress(id, q), queryFn: ({ signal }) => getProgress(id, q, signal), placeholderData: keepPreviousData, enabled });
}

export const useBaselines = (id: string, enabled = true) => useQuery({ queryKey: campaignKeys.baselines(id), queryFn: ({ signal }) => getBaselines(id, signal), enabled });
export const useSubmissions = (id: string) => useQuery({ queryKey: campaignKeys.submissions(id), queryFn: ({ signal }) => listSubmissions(id, signal) });
/** 调研报告 and the tracker of a report deadline (default: the next one due). */
export function useResearchReports(id: string, deadlineId?: number, enabled = true) {
  return useQuery({ queryKey: campaignKeys.researchReports(id, deadlineId), queryFn: ({ signal }) => listResearchReports(id, deadlineId, signal), placeholderData: keepPreviousData, enabled });
}
export const useDashboard = () => useQuery({ queryKey: campaignKeys.dashboard, queryFn: ({ signal }) => getDashboard(signal) });

/** The header's 待办: every minute, and on demand (after a page changed something). A failure shows nothing. */
export const useTodos = () => useQuery({ queryKey: campaignKeys.todos, queryFn: ({ signal }) => getTodos(signal), refetchInterval: TODO_POLL_MS, gcTime: TODO_POLL_MS * 2 });

export const useReported = (householdId: string) => useQuery({ queryKey: ['household', householdId, 'reported'], queryFn: ({ signal }) => getReported(householdId, signal) });

/**
 * After a submission, a report, a decision, a save: the campaign's views (its progress, submissions
 * and research reports all sit under ['campaign', id]), the 工作台 and the 待办 read again.
 */
export function useInvalidateCampaign() {
  const client = useQueryClient();
  return (id: string | number) => {
    void client.invalidateQueries({ queryKey: ['campaign', String(id)] });
    void client.invalidateQueries({ queryKey: campaignKeys.list });
    void client.invalidateQueries({ queryKey: campaignKeys.dashboard });
    void client.invalidateQueries({ queryKey: campaignKeys.todos });
  };
}
