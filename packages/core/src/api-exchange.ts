// The responses of the Excel exchange (imports checked then committed, the region summary): what
// the server serializes with and the browser's types derive from.
import { z } from 'zod';
import { IMPORT_ROW_STATUSES, IMPORT_STATUSES } from './statuses.js';

const int = () => z.number().int();

export const IMPORT_PHASES = ['reading', 'checking', 'writing'] as const;
export type ImportPhase = (typeof IMPORT_PHASES)[number];

export const importCountsSchema = z.object({
  rows: int().describe('households in the 职工 sheet'),
  new: int(),
  changed: int(),
  unchanged: int(),
  error: int().describe('households with at least one error'),
  warning: int(),
});
export type ImportCounts = z.infer<typeof importCountsSchema>;

export const importViewSchema = z.object({
  id: int(),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  progress: z.object({ phase: z.enum(IMPORT_PHASES).nullable(), done: int(), total: int() }),
  counts: importCountsSchema,
  errorCount: int().describe('error lines (cells), not households'),
  fileError: z.string().nullable().describe('a problem with the whole file (masked export, missing columns, not a workbook): status failed'),
  goodRowsOnly: z.boolean().nullable(),
  oldDatabase: z.boolean().describe('marked as the old 困难职工数据库 at upload: campaigns may take their baselines from it'),
  result: z.object({
    created: int(),
    updated: int(),
    skipped: int().describe('rows with errors, left out by 只导入无错误的行'),
    stale: int().describe('rows whose file changed after the check (edited, or its identity or worker number filed meanwhile): not written'),
  }).nullable().describe('when committed; when a commit failed midway, what its batches wrote before'),
  createdAt: z.string(),
  analyzedAt: z.string().nullable(),
  committedAt: z.string().nullable(),
  createdBy: z.object({ id: int(), displayName: z.string() }),
});
export type ImportView = z.infer<typeof importViewSchema>;
export const importListResponseSchema = z.object({ items: z.array(importViewSchema) });

export const importChangeSchema = z.object({ path: z.string(), label: z.string(), old: z.unknown(), new: z.unknown() });
export type ImportChange = z.infer<typeof importChangeSchema>;

export const importRowSchema = z.object({
  seq: int(),
  row: int().describe('row number in sheet 职工'),
  workerNo: z.string().nullable(),
  name: z.string().nullable(),
  idNumber: z.string().nullable().describe('masked'),
  status: z.enum(IMPORT_ROW_STATUSES),
  householdId: int().nullable(),
  changes: z.array(importChangeSchema),
  warnings: z.array(z.string()),
  note: z.string().nullable().describe('why a stale row was not written'),
});
export type ImportRow = z.infer<typeof importRowSchema>;

export const importErrorSchema = z.object({ sheet: z.string(), row: int(), column: z.string(), value: z.string().nullable(), message: z.string() });
export type ImportError = z.infer<typeof importErrorSchema>;

export const importRowsResponseSchema = z.object({ total: int(), items: z.array(importRowSchema) });
export const importErrorsResponseSchema = z.object({ total: int(), items: z.array(importErrorSchema) });

// ---- 地区汇总 ----------------------------------------------------------------------------------

/** Without status: live files (草稿 to 已建档); 'filed': 已建档 only. */
export const SUMMARY_SCOPES = ['live', 'filed'] as const;
export type SummaryScope = (typeof SUMMARY_SCOPES)[number];

const countsByValue = z.record(z.string(), z.number());

export const regionSummaryRowSchema = z.object({
  regionCode: z.string().describe("'total' on the totals row"),
  regionName: z.string(),
  total: int(),
  category: countsByValue,
  cause: countsByValue,
  workStatus: countsByValue,
  enterpriseStatus: countsByValue,
  incomeBand: countsByValue,
});
export type RegionSummaryRow = z.infer<typeof regionSummaryRowSchema>;

export const regionSummarySchema = z.object({
  status: z.enum(SUMMARY_SCOPES),
  year: z.number().int().nullable().describe('the fill year counted; null: every year'),
  columns: z.object({
    category: z.array(z.string()),
    cause: z.array(z.string()),
    workStatus: z.array(z.string()),
    enterpriseStatus: z.array(z.string()),
    incomeBand: z.array(z.object({ key: z.string(), label: z.string() })),
  }),
  rows: z.array(regionSummaryRowSchema),
  totals: regionSummaryRowSchema,
});
export type RegionSummary = z.infer<typeof regionSummarySchema>;
