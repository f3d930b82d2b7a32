// The API's shapes, once: the list's query (validated by the server, built by the browser) and
// the responses the server serializes with (route schemas) and the browser's types derive from
// (`z.infer`). A field the server returns that is not here does not leave the server.
// The other subjects' responses live beside it: api-assistance, api-audit, api-exchange, api-policy, api-users.
import { z } from 'zod';
import { CATEGORIES, HOUSEHOLD_STATUSES } from './enums.js';
import { CONDITION_CODES, EXPENSE_REASONS, IDENTIFY_FLAGS, SPECIAL_REASONS } from './identify.js';
import { LIFECYCLE_ACTIONS } from './lifecycle.js';
import { ROLES } from './roles.js';
import { parseIsoDate } from './dates.js';
import { JOB_STATUSES, PROPOSAL_STATUSES } from './statuses.js';

// ---- the household list -------------------------------------------------------------------

/** The list's sort keys and the column each sorts on. */
export const HOUSEHOLD_SORT_COLUMNS = {
  workerNo: 'worker_no',
  fillDate: 'fill_date',
  perCapitaIncome: 'per_capita_income',
  householdAnnualIncome: 'household_annual_income',
  updatedAt: 'updated_at',
  name: 'name',
} as const;
export type HouseholdSortKey = keyof typeof HOUSEHOLD_SORT_COLUMNS;
export const HOUSEHOLD_SORT_KEYS = Object.keys(HOUSEHOLD_SORT_COLUMNS) as HouseholdSortKey[];

/**
 * The deepest row the list pages to. Each page costs more the deeper it lies (the rows before it
 * are stepped over in index order), and past fifty thousand rows a filter, a search or the reverse
 * order finds a file sooner than paging does; the total stays exact.
 */
export const MAX_LIST_ROWS = 50_000;

export const ELIGIBLE_FILTERS = ['true', 'false', 'unknown'] as const;
export type EligibleFilter = (typeof ELIGIBLE_FILTERS)[number];

const positiveInt = (message: string, max: number, maxMessage = message) =>
  z.coerce.number({ error: message }).int({ error: message }).min(1, { error: message }).max(max, { error: maxMessage });

/** The list's filters: the list, the export and batch print select files with them. */
export const householdFilterSchema = z.object({
  regionCode: z.string().regex(/^[A-Z]\d{2}$/, { error: '地区代码格式不正确' }).optional(),
  category: z.enum(CATEGORIES, { error: `困难类别应为：${CATEGORIES.join('、')}` }).optional(),
  status: z.enum(HOUSEHOLD_STATUSES, { error: `状态应为：${HOUSEHOLD_STATUSES.join('、')}` }).optional(),
  q: z.string().trim().max(40, { error: '搜索内容不能超过40个字' }).optional(),
  eligible: z.enum(ELIGIBLE_FILTERS, { error: '识别结果应为 true、false 或 unknown' }).optional(),
  condition: z.enum(CONDITION_CODES, { error: '条件应为 C1、C2 或 C3' }).optional(),
  suggestedCategory: z.enum([...CATEGORIES, 'none'], { error: `建议类别应为：${CATEGORIES.join('、')} 或 none` }).optional(),
  flag: z.enum(IDENTIFY_FLAGS, { error: `提示应为：${IDENTIFY_FLAGS.join('、')}` }).optional(),
  /** 已退回: drafts a reviewer sent back, waiting for the filer's changes */
  returned: z.enum(['true'], { error: '已退回筛选应为 true' }).optional(),
  /** a grassroots union's code, or none: the files a county union filed itself (no unit) */
  unitId: z.string().regex(/^(H\d{2}-\d{4}|none)$/, { error: '基层工会代码格式不正确（如 H01-0001，或 none 表示县区直接建档）' }).optional(),
  /** the year of the fill date: a campaign's files */
  fillYear: z.coerce.number({ error: '填表年度应为四位年份' }).int({ error: '填表年度应为四位年份' }).min(2000, { error: '填表年度应在2000至2100之间' }).max(2100, { error: '填表年度应在2000至2100之间' }).optional(),
  /** created (entered into the system) on or after this day, China time */
  createdSince: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '建档日期应为 YYYY-MM-DD' }).refine((s) => parseIsoDate(s) !== null, { error: '建档日期不是有效日期' }).optional(),
  /**
   * as of the end of this day (China): only files entered by then, and \`status\` / \`waitingDays\`
   * mean the status the file had that day (its review steps' days, docs/ARCHITECTURE.md "As of a day")
   */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '截至日期应为 YYYY-MM-DD' }).refine((s) => parseIsoDate(s) !== null, { error: '截至日期不是有效日期' }).optional(),
  /** under review (待单位审核 or 待市总审核) for at least this many days */
  waitingDays: z.coerce.number({ error: '等待天数应为整数' }).int({ error: '等待天数应为整数' }).min(0, { error: '等待天数不能为负数' }).max(3650, { error: '等待天数不能超过3650' }).optional(),
});
export type HouseholdFilter = z.output<typeof householdFilterSchema>;

export const householdListQuerySchema = householdFilterSchema.extend({
  page: positiveInt('页码应为正整数', 100000, '页码过大').default(1),
  pageSize: positiveInt('每页条数应为1至100', 100).default(20),
  sort: z
    .string()
    .regex(new RegExp(`^(${HOUSEHOLD_SORT_KEYS.join('|')}):(asc|desc)$`), {
      error: `排序应为 字段:asc|desc，字段可选 ${HOUSEHOLD_SORT_KEYS.join('、')}`,
    })
    .default('updatedAt:desc'),
}).refine((v) => (v.page - 1) * v.pageSize < MAX_LIST_ROWS, {
  path: ['page'], error: `列表最多翻到第 ${MAX_LIST_ROWS.toLocaleString('en')} 条，请用筛选条件、搜索或反向排序缩小范围`,
});
export type HouseholdListQuery = z.input<typeof householdListQuerySchema>;

export const householdListItemSchema = z.object({
  id: z.number().int(),
  workerNo: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  name: z.string(),
  gender: z.string(),
  idNumber: z.string().describe('masked: 420802********0519'),
  category: z.string(),
  fillDate: z.string(),
  householdSize: z.number().int(),
  householdAnnualIncome: z.number().describe('yuan'),
  perCapitaIncome: z.number().describe('yuan'),
  causes: z.array(z.string()),
  status: z.enum(HOUSEHOLD_STATUSES),
  warningCount: z.number().int(),
  updatedAt: z.string(),
  returned: z.boolean().describe('a draft a reviewer sent back (它有退回意见)'),
  eligible: z.boolean().nullable().describe('stored identification: null when it cannot be decided'),
  suggestedCategory: z.string().nullable(),
  flags: z.array(z.enum(IDENTIFY_FLAGS)),
});
export type HouseholdListItem = z.infer<typeof householdListItemSchema>;

export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
export const householdListResponseSchema = pageOf(householdListItemSchema);

// ---- one file ------------------------------------------------------------------------------

export const identifyResultSchema = z.object({
  eligible: z.boolean().nullable(),
  conditions: z.array(z.enum(CONDITION_CODES)),
  category: z.enum(CATEGORIES).nullable(),
  specialReasons: z.array(z.enum(SPECIAL_REASONS)),
  expenseReasons: z.array(z.enum(EXPENSE_REASONS)),
  perCapitaIncome: z.number(),
  annualLine: z.number().nullable(),
  ratio: z.number().nullable(),
  flags: z.array(z.enum(IDENTIFY_FLAGS)),
  policy: z.object({
    regionCode: z.string(), year: z.number().int(), monthlyLine: z.number().nullable(), marginalRatio: z.string(), expenseRatio: z.string(),
    version: z.number().int().nullable(),
  }),
  explanation: z.string(),
});

export const reviewOpinionSchema = z.object({
  level: z.enum(['unit', 'city']),
  decision: z.enum(['agree', 'return']),
  opinion: z.string(),
  authorName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  at: z.string(),
  /** the version of the file the opinion was given on */
  fileVersion: z.number().int(),
});
export type ReviewOpinion = z.infer<typeof reviewOpinionSchema>;

/** What the file adds to the spec format (HouseholdJson): its review state and stored result. */
export const householdFileExtrasSchema = z.object({
  id: z.number().int(),
  workerNo: z.string().describe('职工编号, e.g. H0100001'),
  version: z.number().int().describe('send it back with PUT'),
  status: z.enum(HOUSEHOLD_STATUSES).describe('draft 草稿, submitted 待单位审核, unitApproved 待市总审核, filed 已建档, removed 已剔除, exited 已脱困'),
  removalReason: z.string().nullable(),
  perCapitaIncome: z.number().describe('家庭年人均收入, yuan, derived'),
  warnings: z.array(z.object({ code: z.string(), path: z.string(), message: z.string() })).describe('data-quality warnings, never blocking'),
  createdAt: z.string(),
  updatedAt: z.string(),
  identification: identifyResultSchema.extend({ fileVersion: z.number().int().nullable(), computedAt: z.string().nullable() }).nullable(),
  statusLabel: z.string(),
  /** why the last reviewer returned it (cleared when submitted again) */
  returnReason: z.string().nullable(),
  exitReason: z.string().nullable(),
  exitDate: z.string().nullable(),
  /** the filer's user id */
  createdBy: z.number().int(),
  opinions: z.array(reviewOpinionSchema),
  /** the removal proposal waiting for a decision, if any */
  pendingProposal: z.object({ id: z.number().int(), reason: z.string(), createdAt: z.string() }).nullable(),
  mergedInto: z.object({ id: z.number().int(), workerNo: z.string() }).nullable().optional().describe('a duplicate file merged into another (重复建档): the file kept'),
});

/** The whole file: the spec's fields (money in yuan) with the extras above. */
export const householdFileSchema = householdFileExtrasSchema
  .catchall(z.unknown())
  .describe('The household file in the spec format (every field of the request, money in yuan) plus the fields the system adds');
export type HouseholdFileExtras = z.infer<typeof householdFileExtrasSchema>;

export const HISTORY_ACTIONS = ['create', 'update', ...LIFECYCLE_ACTIONS, 'transfer', 'merge'] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const historyEntrySchema = z.object({
  version: z.number().int(),
  action: z.enum(HISTORY_ACTIONS).describe('create, update, or a lifecycle action (submit, unitAgree, unitReturn, cityAgree, cityReturn, remove, exit, reopen), transfer (moved to another region or unit), or merge (a duplicate file merged into this one, or this one into another)'),
  changedAt: z.string(),
  changedBy: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
  reason: z.string().nullable(),
  changes: z.array(z.object({ path: z.string(), label: z.string(), old: z.unknown(), new: z.unknown() })),
  fromWorkerNo: z.string().nullable().optional().describe('an entry of a duplicate file merged into this one: that file\'s worker number'),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export const historyResponseSchema = z.object({ items: z.array(historyEntrySchema) });

// ---- batches -------------------------------------------------------------------------------

/** One item of a batch: each succeeds or fails on its own, with the code and message of a refusal. */
export const batchItemSchema = z.object({ id: z.number().int(), ok: z.boolean(), code: z.string().optional(), message: z.string().optional() });
export type BatchItem = z.infer<typeof batchItemSchema>;
export const reviewBatchResponseSchema = z.object({ done: z.number().int(), results: z.array(batchItemSchema) });
export type ReviewBatchResult = z.infer<typeof reviewBatchResponseSchema>;
export const decideResponseSchema = z.object({ decided: z.number().int(), results: z.array(batchItemSchema) });
export type DecideResult = z.infer<typeof decideResponseSchema>;

// ---- removal proposals ---------------------------------------------------------------------

export const removalProposalSchema = z.object({
  id: z.number().int(),
  householdId: z.number().int(),
  workerNo: z.string(),
  name: z.string(),
  idNumber: z.string().describe('masked'),
  regionCode: z.string(),
  regionName: z.string(),
  category: z.string().describe('the declared category'),
  status: z.enum(PROPOSAL_STATUSES),
  reason: z.string(),
  perCapitaIncome: z.number().describe('yuan'),
  annualLine: z.number().nullable().describe('yuan per person per year, null without a line'),
  explanation: z.string(),
  policyVersion: z.number().int().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
});
export type RemovalProposal = z.infer<typeof removalProposalSchema>;
export const proposalListResponseSchema = pageOf(removalProposalSchema);

// ---- jobs, people, organizations -----------------------------------------------------------

export const jobViewSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  status: z.enum(JOB_STATUSES),
  done: z.number().int(),
  total: z.number().int(),
  changed: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
export type JobView = z.infer<typeof jobViewSchema>;

export const sessionUserSchema = z.object({
  id: z.number().int(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), orgCode: z.string(), orgName: z.string(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export const orgSchema = z.object({
  code: z.string(), name: z.string(), parentCode: z.string().nullable(), kind: z.enum(['city', 'region', 'unit']), active: z.boolean(),
  largeEnterprise: z.boolean().describe('大中型企事业单位: submits for a campaign itself'),
});
export type Org = z.infer<typeof orgSchema>;
export const orgListResponseSchema = z.object({ items: z.array(orgSchema) });

export const newUserResponseSchema = z.object({
  id: z.number().int(), username: z.string(), displayName: z.string(), role: z.enum(ROLES), orgCode: z.string(),
  pendingApproval: z.boolean().describe('the account waits for a city-union cadre\'s approval'),
});
export type NewUserResponse = z.infer<typeof newUserResponseSchema>;

/** The error body of every refusal. */
export const errorBodySchema = z.object({
  code: z.string().describe('stable error code, e.g. VALIDATION_FAILED'),
  message: z.string().describe('Chinese message for the person'),
  errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});

/** The early check of a typed identity number (the form asks as soon as it is complete). */
export const idCheckBodySchema = z.object({
  idNumber: z.string({ error: '请填写身份证号' }).trim().min(1, { error: '请填写身份证号' }).max(18, { error: '身份证号应为18位' }),
  /** the file being edited, which may keep its own number */
  excludeId: z.number().int().optional(),
});
export const idCheckResponseSchema = z.object({
  duplicate: z.boolean(),
  message: z.string().nullable().describe('why the number cannot be filed again, in Chinese'),
  /** the other file, only when the caller may see it */
  household: z.object({ id: z.number().int(), workerNo: z.string(), name: z.string() }).nullable(),
});
export type IdCheckResponse = z.infer<typeof idCheckResponseSchema>;
