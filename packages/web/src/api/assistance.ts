// 因户施策 · 常态帮扶 (server modules/assistance/assistance.routes.ts): the measure catalog, each
// household's plan with its urgency and batch, the responsible leader and cadre, assistance
// records, 我的帮扶对象, the yearly summary, 分期分批, 定点联系, working groups and the settings.
import type { AssistanceType, BatchThresholds, HouseholdStatus, MeasureCategory, PlanStatus, UrgencyWeights } from '@bangfu/core';
import { http } from './request';

const hh = (id: number | string) => `/api/households/${encodeURIComponent(String(id))}`;

// ---- measure catalog ------------------------------------------------------------------------

export interface Measure {
  code: string;
  name: string;
  category: MeasureCategory | string;
  description: string;
  active: boolean;
}

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

export interface UrgencyPartView {
  factor: string;
  label: string;
  points: number;
  detail: string;
}

export interface UrgencyView {
  score: number;
  /** 1, 2 or 3 */
  batch: number | null;
  batchLabel: string | null;
  parts: UrgencyPartView[];
}

export interface RecommendationView {
  measure: string;
  name: string;
  category: string;
  reason: string;
}

export interface PlanItem {
  measure: string;
  name: string;
  category: string;
  recommended: boolean;
  reason: string | null;
  /** YYYY-MM-DD */
  targetDate: string | null;
  status: PlanStatus;
  outcome: string | null;
  updatedAt: string;
  updatedBy: string | null;
}

export interface Plan {
  urgency: UrgencyView | null;
  recommendations: RecommendationView[];
  items: PlanItem[];
}

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

export interface BatchSummary {
  batchLabels: string[];
  regions: { regionCode: string; batches: number[]; total: number }[];
}

export function getBatches(signal?: AbortSignal): Promise<BatchSummary> {
  return http.get('/api/batches', { signal });
}

// ---- responsibility (包干到户、责任到人) -------------------------------------------------------

export interface UserRef {
  username: string;
  displayName: string;
}

export interface ResponsibilityChange {
  changedAt: string;
  reason: string | null;
  changedBy: string | null;
  oldLeader: string | null;
  newLeader: string | null;
  oldCadre: string | null;
  newCadre: string | null;
}

export interface Responsibility {
  leader: UserRef | null;
  cadre: UserRef | null;
  history: ResponsibilityChange[];
}

export function getResponsibility(id: number | string, signal?: AbortSignal): Promise<Responsibility> {
  return http.get(`${hh(id)}/responsibility`, { signal });
}

export function setResponsibility(id: number | string, body: { leaderUsername: string; cadreUsername: string; reason?: string }): Promise<Responsibility> {
  return http.put(`${hh(id)}/responsibility`, body);
}

// ---- assistance records (常态帮扶) -----------------------------------------------------------

export interface AssistanceRecord {
  id: number;
  date: string;
  type: AssistanceType | string;
  /** yuan, or null */
  amount: number | null;
  description: string;
  solvedProblem: boolean;
  recordedBy: string;
  recordedAt: string;
}

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

export interface MyHousehold {
  id: number;
  workerNo: string;
  name: string;
  /** masked */
  idNumber: string;
  regionCode: string;
  address: string;
  phone: string;
  status: HouseholdStatus;
  lastAssistedOn: string | null;
  overdue: boolean;
  recordsThisYear: number;
  solvedThisYear: number;
  metTarget: boolean;
  batch: number | null;
}

export function myHouseholds(signal?: AbortSignal): Promise<{ year: number; overdueDays: number; items: MyHousehold[] }> {
  return http.get('/api/my/households', { signal });
}

export interface RegionSummary {
  regionCode: string;
  regionName: string;
  households: number;
  assisted: number;
  records: number;
  /** of which 走访 (home visits) */
  visits: number;
  money: number;
  solved: number;
  metTarget: number;
  overdue: number;
}

export interface CadreSummary {
  username: string;
  displayName: string;
  records: number;
  /** of which 走访 (home visits) */
  visits: number;
  households: number;
  money: number;
  solved: number;
}

export interface HouseholdSummary {
  id: number;
  workerNo: string;
  name: string;
  regionCode: string;
  regionName: string;
  cadre: string | null;
  records: number;
  /** of which 走访 (home visits) */
  visits: number;
  money: number;
  solved: number;
  lastAssistedOn: string | null;
  metTarget: boolean;
}

export interface AssistanceSummary {
  year: number;
  overdueDays: number;
  target: number;
  regions: RegionSummary[];
  cadres: CadreSummary[];
  households: HouseholdSummary[];
  householdsTotal: number;
  overdue: HouseholdSummary[];
  overdueTotal: number;
}

export function getSummary(query: { year?: number; regionCode?: string }, signal?: AbortSignal): Promise<AssistanceSummary> {
  return http.get('/api/assistance/summary', { query, signal });
}

// ---- 定点联系, working groups ----------------------------------------------------------------

export interface LinkedHousehold {
  id: number;
  workerNo: string;
  name: string;
  regionCode: string;
  lastAssistedOn: string | null;
}

export interface QuotaItem {
  username: string;
  displayName: string;
  role: 'leader' | 'staff' | string;
  expected: number;
  linked: number;
  status: 'fewer' | 'ok' | 'more';
  households: LinkedHousehold[];
}

export function getLinkQuota(signal?: AbortSignal): Promise<{ items: QuotaItem[] }> {
  return http.get('/api/links/quota', { signal });
}

export function addLink(householdId: number, username: string): Promise<{ items: QuotaItem[] }> {
  return http.post(`${hh(householdId)}/links`, { username });
}

export function removeLink(householdId: number, username: string): Promise<{ items: QuotaItem[] }> {
  return http.del(`${hh(householdId)}/links/${encodeURIComponent(username)}`);
}

export interface WorkingGroup {
  regionCode: string;
  regionName: string;
  name: string;
  leader: UserRef | null;
  filed: number;
  assistedThisYear: number;
  recordsThisYear: number;
}

export function listWorkingGroups(signal?: AbortSignal): Promise<{ year: number; items: WorkingGroup[] }> {
  return http.get('/api/working-groups', { signal });
}

export function saveWorkingGroups(groups: { regionCode: string; name: string; leaderUsername: string | null }[]): Promise<{ year: number; items: WorkingGroup[] }> {
  return http.put('/api/working-groups', { groups });
}

// ---- settings ------------------------------------------------------------------------------

export interface AssistanceSettings {
  overdueDays: number;
  urgencyWeights: UrgencyWeights;
  batchThresholds: BatchThresholds;
}

export function getAssistanceSettings(signal?: AbortSignal): Promise<AssistanceSettings> {
  return http.get('/api/settings/assistance', { signal });
}

export function saveAssistanceSettings(s: AssistanceSettings): Promise<{ settings: AssistanceSettings; jobId: number | null }> {
  return http.put('/api/settings/assistance', s);
}
