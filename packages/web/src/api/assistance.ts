// 因户施策 · 常态帮扶 (server modules/assistance/assistance.routes.ts): the measure catalog, each
// household's plan with its urgency and batch, the responsible leader and cadre, assistance
// records, 我的帮扶对象, the yearly summary, 分期分批, 定点联系, working groups and the settings.
// Response types are core's schemas (z.infer), the very ones the server serializes with.
import type {
  AssistanceRecord, AssistanceSettings, AssistanceSummary, BatchSummary, CadreAssistance, HouseholdAssistance, LinkedHousehold, Measure,
  MyHousehold, Plan, PlanItem, QuotaItem, RecommendationView, RegionAssistance, Responsibility, ResponsibilityChange, UrgencyPartView, UrgencyView,
  UserRef, WorkingGroup, WorkingGroupsResponse, MyHouseholdsResponse, AssistanceSettingsSaveResult, AssistanceType, PlanStatus, PersonCandidate,
  GroupHouseholds, MyAssistanceRecord, MyAssistanceRecordList,
} from '@bangfu/core';
import { downloadFile, http } from './request';

export type {
  AssistanceRecord, AssistanceSettings, AssistanceSummary, BatchSummary, LinkedHousehold, Measure, MyHousehold, Plan, PlanItem, QuotaItem,
  RecommendationView, Responsibility, ResponsibilityChange, UrgencyPartView, UrgencyView, UserRef, WorkingGroup, WorkingGroupsResponse, PersonCandidate,
  GroupHouseholds, MyAssistanceRecord, MyAssistanceRecordList,
};
/** A 机关干部 of a working group, with the households linked to them. */
export type GroupMember = WorkingGroup['members'][number];
/** One household linked to a group's leader or member (a household linked to two of them is listed twice). */
export type GroupHousehold = GroupHouseholds['items'][number];
export type RegionSummary = RegionAssistance;
export type CadreSummary = CadreAssistance;
export type HouseholdSummary = HouseholdAssistance;

const hh = (id: number | string) => `/api/households/${encodeURIComponent(String(id))}`;

// ---- measure catalog ------------------------------------------------------------------------

export type MeasureInput = Omit<Measure, 'code'>;

export function listMeasures(signal?: AbortSignal): Promise<{ items: Measure[] }> {
  return http.get('/api/measures', { signal });
}

export function createMeasure(input: MeasureInput): Promise<Measure> {
  return http.post('/api/measures', input);
}

export function updateMeasure(code: string, input: MeasureInput): Promise<Measure> {
  return http.put(`/api/measures/${encodeURIComponent(code)}`, input);
}

// ---- plan (因户施策) -------------------------------------------------------------------------

export interface PlanItemInput {
  measure: string;
  targetDate: string | null;
  status: PlanStatus;
  outcome: string | null;
}

export function getPlan(id: number | string, signal?: AbortSignal): Promise<Plan> {
  return http.get(`${hh(id)}/plan`, { signal });
}

export function savePlan(id: number | string, items: PlanItemInput[]): Promise<Plan> {
  return http.put(`${hh(id)}/plan`, { items });
}

export function getBatches(signal?: AbortSignal): Promise<BatchSummary> {
  return http.get('/api/batches', { signal });
}

// ---- responsibility (包干到户、责任到人) -------------------------------------------------------

export function getResponsibility(id: number | string, signal?: AbortSignal): Promise<Responsibility> {
  return http.get(`${hh(id)}/responsibility`, { signal });
}

/** Who may be named 责任领导 (leader) or 具体责任人 (cadre) of the file, by name. */
export function responsibilityCandidates(id: number, kind: 'leader' | 'cadre', q: string, signal?: AbortSignal): Promise<{ items: PersonCandidate[] }> {
  return http.get(`/api/households/${id}/responsibility/candidates?kind=${kind}&q=${encodeURIComponent(q)}`, { signal });
}

export function setResponsibility(id: number | string, body: { leaderUsername: string; cadreUsername: string; reason?: string }): Promise<Responsibility> {
  return http.put(`${hh(id)}/responsibility`, body);
}

// ---- assistance records (常态帮扶) -----------------------------------------------------------

export interface AssistanceInput {
  date: string;
  type: AssistanceType;
  amount: string | null;
  description: string;
  solvedProblem: boolean;
}

export function listRecords(id: number | string, signal?: AbortSignal): Promise<{ items: AssistanceRecord[] }> {
  return http.get(`${hh(id)}/assistance`, { signal });
}

export function addRecord(id: number | string, input: AssistanceInput): Promise<AssistanceRecord> {
  return http.post(`${hh(id)}/assistance`, input);
}

export function myHouseholds(signal?: AbortSignal): Promise<MyHouseholdsResponse> {
  return http.get('/api/my/households', { signal });
}

/** 我写的帮扶记录: the records the user wrote, newest first, also of households transferred out of their reach (inScope false). */
export function myAssistanceRecords(query: { page: number; pageSize: number }, signal?: AbortSignal): Promise<MyAssistanceRecordList> {
  return http.get('/api/my/assistance-records', { query: { ...query }, signal });
}

export function getSummary(query: { year?: number; regionCode?: string }, signal?: AbortSignal): Promise<AssistanceSummary> {
  return http.get('/api/assistance/summary', { query, signal });
}

/** 帮扶统计 as a workbook (per region with 合计, per cadre), for the same year and region. */
export function downloadSummary(query: { year: number; regionCode?: string }): Promise<string> {
  return downloadFile('/api/assistance/summary.xlsx', `帮扶统计-${query.year}年.xlsx`, { query });
}

// ---- 定点联系, working groups ----------------------------------------------------------------

export function getLinkQuota(signal?: AbortSignal): Promise<{ items: QuotaItem[] }> {
  return http.get('/api/links/quota', { signal });
}

export function addLink(householdId: number, username: string): Promise<{ items: QuotaItem[] }> {
  return http.post(`${hh(householdId)}/links`, { username });
}

export function removeLink(householdId: number, username: string): Promise<{ items: QuotaItem[] }> {
  return http.del(`${hh(householdId)}/links/${encodeURIComponent(username)}`);
}

export function listWorkingGroups(signal?: AbortSignal): Promise<WorkingGroupsResponse> {
  return http.get('/api/working-groups', { signal });
}

export interface WorkingGroupInput {
  regionCode: string;
  name: string;
  leaderUsername: string | null;
  /** the group's 机关干部 (each in one group only); absent: unchanged */
  memberUsernames?: string[];
}

export function saveWorkingGroups(groups: WorkingGroupInput[]): Promise<WorkingGroupsResponse> {
  return http.put('/api/working-groups', { groups });
}

/** The households linked to the group's leader and members (the city's people, or the group's own). */
export function getGroupHouseholds(regionCode: string, signal?: AbortSignal): Promise<GroupHouseholds> {
  return http.get(`/api/working-groups/${encodeURIComponent(regionCode)}/households`, { signal });
}

// ---- settings ------------------------------------------------------------------------------

export function getAssistanceSettings(signal?: AbortSignal): Promise<AssistanceSettings> {
  return http.get('/api/settings/assistance', { signal });
}

export function saveAssistanceSettings(s: AssistanceSettings): Promise<AssistanceSettingsSaveResult> {
  return http.put('/api/settings/assistance', s);
}
