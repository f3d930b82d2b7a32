// The responses of 因户施策 · 常态帮扶 (server modules/assistance, settings): what the server
// serializes with and the browser's types derive from. A field not named here does not leave the server.
import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from './enums.js';
import { PLAN_STATUSES } from './measures.js';
import { FOLLOW_UP_OUTCOMES } from './follow-up.js';

const int = () => z.number().int();

// ---- measure catalog, plan, batches ----------------------------------------------------------

export const measureViewSchema = z.object({
  code: z.string(),
  name: z.string(),
  // the catalog's own text: stored rows are not re-checked against MEASURE_CATEGORIES
  category: z.string(),
  description: z.string(),
  active: z.boolean(),
});
export type Measure = z.infer<typeof measureViewSchema>;
export const measureListResponseSchema = z.object({ items: z.array(measureViewSchema) });

export const recommendationSchema = z.object({ measure: z.string(), reason: z.string(), name: z.string(), category: z.string() });
export type RecommendationView = z.infer<typeof recommendationSchema>;

export const urgencyPartViewSchema = z.object({ factor: z.string(), label: z.string(), points: z.number(), detail: z.string() });
export type UrgencyPartView = z.infer<typeof urgencyPartViewSchema>;

export const urgencyViewSchema = z.object({
  score: z.number(),
  batch: int().nullable().describe('1, 2 or 3'),
  batchLabel: z.string().nullable(),
  parts: z.array(urgencyPartViewSchema),
});
export type UrgencyView = z.infer<typeof urgencyViewSchema>;

export const planItemSchema = z.object({
  measure: z.string(),
  name: z.string(),
  category: z.string(),
  recommended: z.boolean(),
  reason: z.string().nullable(),
  targetDate: z.string().nullable().describe('YYYY-MM-DD'),
  status: z.enum(PLAN_STATUSES),
  outcome: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type PlanItem = z.infer<typeof planItemSchema>;

export const planViewSchema = z.object({
  urgency: urgencyViewSchema.nullable(),
  recommendations: z.array(recommendationSchema),
  items: z.array(planItemSchema),
});
export type Plan = z.infer<typeof planViewSchema>;

export const batchSummarySchema = z.object({
  batchLabels: z.array(z.string()),
  regions: z.array(z.object({ regionCode: z.string(), batches: z.array(int()), total: int() })),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

// ---- responsibility, 定点联系, working groups ----------------------------------------------------

export const userRefSchema = z.object({ username: z.string(), displayName: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

export const responsibilityChangeSchema = z.object({
  changedAt: z.string(),
  reason: z.string().nullable(),
  changedBy: z.string().nullable(),
  oldLeader: z.string().nullable(),
  newLeader: z.string().nullable(),
  oldCadre: z.string().nullable(),
  newCadre: z.string().nullable(),
});
export type ResponsibilityChange = z.infer<typeof responsibilityChangeSchema>;

export const responsibilityViewSchema = z.object({
  leader: userRefSchema.nullable(),
  cadre: userRefSchema.nullable(),
  history: z.array(responsibilityChangeSchema),
});
export type Responsibility = z.infer<typeof responsibilityViewSchema>;

/** Who may be named 责任领导 or 具体责任人 of a file, found by name (never typed as a username). */
export const personCandidateSchema = z.object({ username: z.string(), displayName: z.string(), orgName: z.string(), role: z.string() });
export type PersonCandidate = z.infer<typeof personCandidateSchema>;
export const personCandidatesResponseSchema = z.object({ items: z.array(personCandidateSchema) });

export const linkedHouseholdSchema = z.object({ id: int(), workerNo: z.string(), name: z.string(), regionCode: z.string(), lastAssistedOn: z.string().nullable() });
export type LinkedHousehold = z.infer<typeof linkedHouseholdSchema>;

export const quotaItemSchema = z.object({
  username: z.string(),
  displayName: z.string(),
  role: z.string().describe('leader or staff'),
  expected: int(),
  linked: int(),
  status: z.enum(['fewer', 'ok', 'more']),
  households: z.array(linkedHouseholdSchema),
});
export type QuotaItem = z.infer<typeof quotaItemSchema>;
export const quotaResponseSchema = z.object({ items: z.array(quotaItemSchema) });

export const workingGroupSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  leader: userRefSchema.nullable(),
  /** the city union's 机关干部 in the group, with the households linked to each (定点联系 or responsible) */
  members: z.array(userRefSchema.extend({ linked: int() })),
  filed: int(),
  assistedThisYear: int(),
  recordsThisYear: int(),
});
export type WorkingGroup = z.infer<typeof workingGroupSchema>;
export const workingGroupsResponseSchema = z.object({ year: int(), items: z.array(workingGroupSchema) });
export type WorkingGroupsResponse = z.infer<typeof workingGroupsResponseSchema>;

/** The households linked to a group's leader and members: the group page's list. */
export const groupHouseholdsSchema = z.object({
  regionCode: z.string(),
  overdueDays: int(),
  items: z.array(linkedHouseholdSchema.extend({
    username: z.string(), displayName: z.string(), status: z.string(), overdue: z.boolean().describe('filed and not assisted within the overdue days'),
  })),
});
export type GroupHouseholds = z.infer<typeof groupHouseholdsSchema>;

// ---- assistance records, 我的帮扶对象, the yearly summary ---------------------------------------

export const assistanceRecordSchema = z.object({
  id: int(),
  date: z.string(),
  type: z.string(),
  amount: z.number().nullable().describe('yuan'),
  description: z.string(),
  solvedProblem: z.boolean(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export type AssistanceRecord = z.infer<typeof assistanceRecordSchema>;
export const assistanceRecordListSchema = z.object({ items: z.array(assistanceRecordSchema) });

/** 我写的帮扶记录: a cadre's own records, also of households since transferred out of their reach. */
export const myAssistanceRecordSchema = assistanceRecordSchema.extend({
  householdId: int(),
  workerNo: z.string().describe('the household\'s worker number now'),
  name: z.string(),
  regionCode: z.string().describe('the region the record was written in'),
  inScope: z.boolean().describe('the caller may still open the household (false: transferred out of reach)'),
});
export type MyAssistanceRecord = z.infer<typeof myAssistanceRecordSchema>;
export const myAssistanceRecordListSchema = z.object({ total: int(), page: int(), pageSize: int(), items: z.array(myAssistanceRecordSchema) });
export type MyAssistanceRecordList = z.infer<typeof myAssistanceRecordListSchema>;

export const myHouseholdSchema = z.object({
  id: int(),
  workerNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  regionCode: z.string(),
  address: z.string(),
  phone: z.string(),
  status: z.enum(HOUSEHOLD_STATUSES),
  lastAssistedOn: z.string().nullable(),
  overdue: z.boolean(),
  recordsThisYear: int(),
  solvedThisYear: int(),
  metTarget: z.boolean(),
  batch: int().nullable(),
  nextFollowUpOn: z.string().nullable().describe('an exited household: the day of its next planned 脱困回访'),
  followUpDue: z.boolean().describe('that visit is within the notice days or past'),
  followUpOverdue: z.boolean(),
});
export type MyHousehold = z.infer<typeof myHouseholdSchema>;
export const myHouseholdsResponseSchema = z.object({ year: int(), overdueDays: int(), items: z.array(myHouseholdSchema) });
export type MyHouseholdsResponse = z.infer<typeof myHouseholdsResponseSchema>;

const counts = { records: int(), visits: int().describe('of which 走访 (home visits)'), money: z.number().describe('yuan'), solved: int() };

export const regionAssistanceSchema = z.object({
  regionCode: z.string(), regionName: z.string(), households: int(), assisted: int(), ...counts, metTarget: int(), overdue: int(),
});
export type RegionAssistance = z.infer<typeof regionAssistanceSchema>;

export const cadreAssistanceSchema = z.object({ username: z.string(), displayName: z.string(), ...counts, households: int() });
export type CadreAssistance = z.infer<typeof cadreAssistanceSchema>;

export const householdAssistanceSchema = z.object({
  id: int(), workerNo: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string(), cadre: z.string().nullable(),
  ...counts, lastAssistedOn: z.string().nullable(), metTarget: z.boolean(),
});
export type HouseholdAssistance = z.infer<typeof householdAssistanceSchema>;

export const assistanceSummarySchema = z.object({
  year: int(),
  overdueDays: int(),
  target: int(),
  regions: z.array(regionAssistanceSchema),
  cadres: z.array(cadreAssistanceSchema),
  households: z.array(householdAssistanceSchema),
  householdsTotal: int(),
  overdue: z.array(householdAssistanceSchema),
  overdueTotal: int(),
});
export type AssistanceSummary = z.infer<typeof assistanceSummarySchema>;

// ---- settings ------------------------------------------------------------------------------

export const assistanceSettingsViewSchema = z.object({
  overdueDays: int(),
  urgencyWeights: z.object({
    income: z.number(), illness: z.number(), disability: z.number(), school: z.number(), noInsurance: z.number(), enterprise: z.number(), lostWorkCapacity: z.number(),
  }),
  batchThresholds: z.object({ first: z.number(), second: z.number() }),
  followUpMonths: z.array(int()).describe('脱困回访: the months after an exit at which a follow-up visit is planned'),
});
export type AssistanceSettings = z.infer<typeof assistanceSettingsViewSchema>;
export const assistanceSettingsSaveResponseSchema = z.object({ settings: assistanceSettingsViewSchema, jobId: int().nullable() });
export type AssistanceSettingsSaveResult = z.infer<typeof assistanceSettingsSaveResponseSchema>;

// ---- 脱困回访 (follow-up after exit) ------------------------------------------------------------

const ymdText = () => z.string().describe('YYYY-MM-DD');
const plannedVisitSchema = z.object({ seq: int(), dueOn: ymdText(), doneOn: ymdText().nullable(), outcome: z.enum(FOLLOW_UP_OUTCOMES).nullable() });
const nextVisitSchema = z.object({ seq: int(), dueOn: ymdText() }).nullable();

export const followUpRecordSchema = z.object({
  id: int(), date: ymdText(), outcome: z.enum(FOLLOW_UP_OUTCOMES), note: z.string(),
  exitDate: ymdText().describe('the exit this follow-up belongs to'),
  reopened: z.boolean().describe('this follow-up reopened the file (重新纳入, through review again)'),
  recordedBy: z.string(), recordedAt: z.string(),
});
export type FollowUpRecord = z.infer<typeof followUpRecordSchema>;

export const householdFollowUpsSchema = z.object({
  months: z.array(int()),
  exitDate: ymdText().nullable().describe('null unless the file is 已脱困'),
  visits: z.array(plannedVisitSchema),
  next: nextVisitSchema,
  due: z.boolean(),
  overdue: z.boolean(),
  daysOverdue: int(),
  pendingReopen: z.boolean().describe('a follow-up of this exit found the family fallen back and the file waits to be reopened'),
  items: z.array(followUpRecordSchema).describe('every follow-up of the household, newest first, earlier exits too'),
});
export type HouseholdFollowUps = z.infer<typeof householdFollowUpsSchema>;

export const followUpCreatedSchema = z.object({ record: followUpRecordSchema, status: z.enum(HOUSEHOLD_STATUSES) });
export type FollowUpCreated = z.infer<typeof followUpCreatedSchema>;

export const followUpListItemSchema = z.object({
  householdId: int(), workerNo: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string(), exitDate: ymdText(),
  done: int(), next: nextVisitSchema, due: z.boolean(), overdue: z.boolean(), daysOverdue: int(),
  lastOutcome: z.enum(FOLLOW_UP_OUTCOMES).nullable(), pendingReopen: z.boolean(),
});
export type FollowUpListItem = z.infer<typeof followUpListItemSchema>;
export const followUpListSchema = z.object({ months: z.array(int()), total: int(), page: int(), pageSize: int(), items: z.array(followUpListItemSchema) });
export type FollowUpList = z.infer<typeof followUpListSchema>;

const followUpCounts = {
  exits: int().describe('exits dated in the year: files still 已脱困, and those a follow-up found fallen back'),
  visitsDue: int().describe('planned visits whose day has come, of the households still exited'),
  visitsDone: int().describe('of those, made'),
  overdue: int().describe('households still exited whose next visit is past its day'),
  stable: int().describe('households still exited whose follow-ups all found them stable'),
  returns: int().describe('follow-ups that found the family fallen back (返困)'),
};
export const followUpSummarySchema = z.object({
  year: int(), months: z.array(int()),
  regions: z.array(z.object({ regionCode: z.string(), regionName: z.string(), ...followUpCounts })),
  total: z.object(followUpCounts),
});
export type FollowUpSummary = z.infer<typeof followUpSummarySchema>;
