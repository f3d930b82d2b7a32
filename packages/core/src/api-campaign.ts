// The responses of the campaign routes (专项行动, 上报, 进度, 工作台, 待办): what the server
// serializes with and the browser's types derive from.
import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from './enums.js';
import { CAMPAIGN_STATE_LABELS, DEADLINE_KINDS, SUBMISSION_STATES, SUBMISSION_STATUSES } from './campaign.js';

const int = () => z.number().int();
const ymd = () => z.string().describe('YYYY-MM-DD');

/** Households per status: every status is present (0 when none). */
export const byStatusSchema = z.object(Object.fromEntries(HOUSEHOLD_STATUSES.map((s) => [s, int()])) as Record<(typeof HOUSEHOLD_STATUSES)[number], z.ZodNumber>);
export type ByStatus = z.infer<typeof byStatusSchema>;

export const deadlineSchema = z.object({
  id: int(), kind: z.enum(DEADLINE_KINDS), label: z.string(), dueDate: ymd(), daysLeft: int().describe('negative once past'),
  reportsOwed: z.object({ region: int(), unit: int() }).nullable().describe('a report deadline: 调研报告 each required county union and unit owes'),
});
export type Deadline = z.infer<typeof deadlineSchema>;

export const campaignSchema = z.object({
  id: int(),
  name: z.string(),
  year: int().describe('the fill year of the files it tracks'),
  startDate: ymd(),
  endDate: ymd(),
  state: z.enum(Object.keys(CAMPAIGN_STATE_LABELS) as ['upcoming', 'running', 'ended']),
  phases: z.array(z.object({ name: z.string(), startDate: ymd(), endDate: ymd() })),
  currentPhase: z.string().nullable(),
  deadlines: z.array(deadlineSchema),
  requiredOrgs: z.array(z.object({ code: z.string(), name: z.string(), kind: z.enum(['region', 'unit']) })),
  version: int(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaignSchema>;
export const campaignListResponseSchema = z.object({ items: z.array(campaignSchema) });

export const submissionSchema = z.object({
  id: int(),
  campaignId: int(),
  deadlineId: int(),
  deadlineLabel: z.string(),
  dueDate: ymd(),
  orgCode: z.string(),
  orgName: z.string(),
  status: z.enum(SUBMISSION_STATUSES),
  onTime: z.boolean(),
  round: int().describe('1 for the first submission to this deadline, 2 after a return …'),
  note: z.string().nullable(),
  fileCount: int().describe('the files it covers: 待单位审核, 待市总审核 and 已建档 of the campaign year'),
  byStatus: byStatusSchema,
  byCategory: z.record(z.string(), int()),
  submittedBy: z.string(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
});
export type Submission = z.infer<typeof submissionSchema>;
export const submissionListResponseSchema = z.object({ items: z.array(submissionSchema) });

/** An organization's state for one deadline. */
export const submissionStateSchema = z.object({
  deadlineId: int(),
  status: z.enum(SUBMISSION_STATES),
  submissionId: int().nullable(),
  submittedAt: z.string().nullable(),
  onTime: z.boolean().nullable().describe('null while 未上报 before the deadline'),
});
export type SubmissionStateView = z.infer<typeof submissionStateSchema>;

const progressCounts = {
  total: int(),
  byStatus: byStatusSchema,
  newThisWeek: int().describe("the year's files entered in the last 7 days"),
  filedRate: z.number().nullable().describe('已建档 / files on the books; null without files'),
  baseline: int().nullable().describe("households in the organization's old database"),
  coverage: z.number().nullable().describe('files / baseline'),
  waiting: int().describe('待单位审核 + 待市总审核'),
  oldestWaitingDays: int().nullable().describe('null as of a past day'),
  returned: int().nullable().describe('drafts a reviewer returned, not yet submitted again; null as of a past day (a return leaves no day)'),
};

export const progressItemSchema = z.object({
  orgCode: z.string().describe("a region, a unit, or the region's own code with kind 'direct' (files with no unit)"),
  orgName: z.string(),
  kind: z.enum(['region', 'unit', 'direct']),
  required: z.boolean().describe('must submit for this campaign'),
  largeEnterprise: z.boolean(),
  started: z.boolean().describe('has at least one file of the campaign year'),
  ...progressCounts,
  submission: submissionStateSchema.nullable().describe('for the next data deadline; null when not required'),
});
export type ProgressItem = z.infer<typeof progressItemSchema>;

export const progressResponseSchema = z.object({
  campaignId: int(),
  year: int(),
  level: z.enum(['region', 'unit']),
  parentCode: z.string().nullable(),
  today: ymd(),
  asOf: ymd().nullable().describe('the past day the numbers are as of; null for now'),
  weekStart: ymd().describe('newThisWeek counts files created on or after this day (and, as of a day, by then)'),
  deadline: deadlineSchema.nullable().describe('the data deadline the submission states are for'),
  items: z.array(progressItemSchema),
  totals: z.object(progressCounts),
});
export type ProgressResponse = z.infer<typeof progressResponseSchema>;

export const baselineListSchema = z.object({ items: z.array(z.object({ orgCode: z.string(), orgName: z.string(), households: int().nullable() })) });

const keyCount = z.object({ key: z.string(), label: z.string(), n: int() });

export const dashboardSchema = z.object({
  year: int(),
  today: ymd(),
  scope: z.object({ kind: z.enum(['city', 'region', 'unit', 'personal']), orgCode: z.string(), orgName: z.string() }),
  campaign: z.object({
    id: int(), name: z.string(), state: z.enum(['upcoming', 'running', 'ended']), currentPhase: z.string().nullable(),
    phases: z.array(z.object({ name: z.string(), startDate: ymd(), endDate: ymd() })),
    deadlines: z.array(deadlineSchema.extend({ own: submissionStateSchema.nullable().describe("the caller's organization's state, when it must submit") })),
  }).nullable(),
  kpis: z.object({
    files: int(), filed: int(), waiting: int(), removed: int(), exited: int(),
    records: int().describe('assistance records this year'), solved: int().describe('problems solved this year'),
  }),
  byOrgStatus: z.array(z.object({ orgCode: z.string(), orgName: z.string(), byStatus: byStatusSchema })),
  byCategory: z.array(keyCount),
  byCause: z.array(keyCount),
  byIncomeBand: z.array(keyCount),
  weekly: z.array(z.object({ weekStart: ymd(), created: int(), cumulative: int() })).describe("the year's files entered per week over the campaign"),
  late: z.array(z.object({ orgCode: z.string(), orgName: z.string(), deadlineId: int(), deadlineLabel: z.string(), dueDate: ymd(), daysLate: int(), status: z.enum(SUBMISSION_STATES) })),
  reviewQueue: z.object({ count: int(), oldestWaitingDays: int().nullable(), link: z.string() }).nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const TODO_KINDS = ['returnedFiles', 'unitReview', 'cityReview', 'overdueVisits', 'deadline', 'submissionReturned', 'submissionsToDecide', 'followUpsDue', 'fallenBack', 'transfersToDecide'] as const;
export type TodoKind = (typeof TODO_KINDS)[number];

export const todoListSchema = z.object({
  items: z.array(z.object({
    kind: z.enum(TODO_KINDS),
    title: z.string(),
    count: int(),
    oldestDays: int().nullable().describe('the oldest waiting days, where it applies'),
    link: z.string().describe('the page where it is done, with its filters'),
  })),
  total: int(),
});
export type TodoList = z.infer<typeof todoListSchema>;

export const reportedSchema = z.object({
  items: z.array(z.object({
    submissionId: int(), campaignName: z.string(), deadlineLabel: z.string(), orgName: z.string(), status: z.enum(SUBMISSION_STATUSES),
    submittedAt: z.string(), version: int().describe('the file version the submission froze'), changedSince: z.boolean(),
  })),
});

/** 调研报告: one report of an organization for a campaign's report deadline. */
export const researchReportSchema = z.object({
  id: int(),
  campaignId: int(),
  deadlineId: int(),
  orgCode: z.string(),
  orgName: z.string(),
  title: z.string(),
  summary: z.string(),
  fileName: z.string(),
  fileKind: z.enum(['docx', 'doc', 'wps', 'pdf']),
  fileSize: int(),
  status: z.enum(SUBMISSION_STATUSES),
  onTime: z.boolean().describe('first submitted on or before the due day (China)'),
  replaced: int().describe('times the file was replaced'),
  submittedBy: z.string(),
  firstSubmittedAt: z.string(),
  submittedAt: z.string().describe('the latest file'),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
});
export type ResearchReport = z.infer<typeof researchReportSchema>;

export const reportTrackerRowSchema = z.object({
  orgCode: z.string(), orgName: z.string(), kind: z.enum(['region', 'unit']),
  owed: int(), submitted: int(), accepted: int(), returned: int(),
  late: z.boolean().describe('past the due day with fewer reports than owed, or a report first submitted after it'),
});
export const researchReportListSchema = z.object({
  deadline: deadlineSchema.nullable().describe('the report deadline tracked (the next one due, else the last)'),
  items: z.array(researchReportSchema),
  tracker: z.array(reportTrackerRowSchema).describe('the late first'),
});
export type ResearchReportList = z.infer<typeof researchReportListSchema>;

/** A row of a bulletin's table: an organization's progress as of the bulletin's day, and its rank by filed rate. */
export const bulletinRowSchema = z.object({
  rank: int().nullable().describe('by filed rate (then coverage); null without files'),
  orgCode: z.string(), orgName: z.string(), kind: z.enum(['region', 'unit']),
  total: int(), filed: int(), filedRate: z.number().nullable(), coverage: z.number().nullable(),
  submission: z.enum(['onTime', 'late', 'missing', 'notDue']).describe('the data deadline due by the day: on time, late, not submitted after it, or not due yet'),
  reportsOwed: int(), reportsSent: int(), reportsAccepted: int(),
  assistedShare: z.number().nullable().describe("the region's filed households (every fill year) with a record in the day's calendar year / its filed households now; null for units"),
});
export type BulletinRow = z.infer<typeof bulletinRowSchema>;

export const bulletinSchema = z.object({
  id: int(), number: z.string().nullable().describe('发文字号, given when published: 荆工帮通〔2026〕3号'), year: int(), seq: int().describe('0 while a draft'),
  campaignId: int(), campaignName: z.string(), asOf: ymd(),
  title: z.string(), recipients: z.string(), paragraphs: z.array(z.string()),
  rows: z.array(bulletinRowSchema), praised: z.array(z.string()), late: z.array(z.object({ orgName: z.string(), reason: z.string() })),
  status: z.enum(['draft', 'published']),
  createdBy: z.string(), createdAt: z.string(), updatedAt: z.string(), publishedAt: z.string().nullable(), version: int(),
  readByMe: z.boolean(),
  reads: z.array(z.object({ orgCode: z.string(), orgName: z.string(), readers: int(), firstReadAt: z.string() })).nullable().describe("who has read it, per organization (the city union's people); null for others"),
});
export type Bulletin = z.infer<typeof bulletinSchema>;
export const bulletinListSchema = z.object({ items: z.array(bulletinSchema.omit({ paragraphs: true, rows: true, praised: true, late: true, reads: true }).extend({ readers: int() })) });
