// The responses of the policy (低保标准) routes and of a re-evaluation job's changes: what the
// server serializes with and the browser's types derive from.
import { z } from 'zod';

const int = () => z.number().int();

export const policyLineSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: int(),
  monthlyLine: z.number().describe('yuan per person per month'),
  isExample: z.boolean(),
  version: int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable().describe('display name'),
});
export type PolicyLine = z.infer<typeof policyLineSchema>;

export const policySchema = z.object({
  version: int(),
  marginalRatio: z.string().describe('decimal text, e.g. "1.3"'),
  expenseRatio: z.string().describe('decimal text, e.g. "0.5"'),
  lines: z.array(policyLineSchema),
});
export type Policy = z.infer<typeof policySchema>;

/** One saved (or previewed) change, old → new. Lines in yuan, ratios as text. */
export const policyChangeItemSchema = z.union([
  z.object({ item: z.literal('monthlyLine'), regionCode: z.string(), year: int(), old: z.number().nullable(), new: z.number().nullable() }),
  z.object({ item: z.enum(['marginalRatio', 'expenseRatio']), old: z.string(), new: z.string() }),
]);
export type PolicyChangeItem = z.infer<typeof policyChangeItemSchema>;

const impactCounts = { files: int(), eligibilityChanged: int(), categoryChanged: int(), becomeEligible: int(), becomeIneligible: int() };

export const pairImpactSchema = z.object({
  regionCode: z.string(), regionName: z.string(), year: int(), ...impactCounts,
  monthlyLine: z.number().nullable().describe('the line after the change (yuan), null when removed'),
});
export type PairImpact = z.infer<typeof pairImpactSchema>;

const eligibilityChange = {
  workerNo: z.string(), name: z.string(), regionCode: z.string(),
  oldEligible: z.boolean().nullable(), oldCategory: z.string().nullable(), newEligible: z.boolean().nullable(), newCategory: z.string().nullable(),
};

export const previewSampleSchema = z.object({ id: int(), ...eligibilityChange, regionName: z.string() });
export type PreviewSample = z.infer<typeof previewSampleSchema>;

export const policyPreviewSchema = z.object({
  currentVersion: int(),
  changes: z.array(policyChangeItemSchema),
  ...impactCounts,
  byPair: z.array(pairImpactSchema),
  samples: z.array(previewSampleSchema),
  samplesTruncated: z.boolean(),
});
export type PolicyPreview = z.infer<typeof policyPreviewSchema>;

export const policySaveResultSchema = z.object({ version: int(), jobId: int().nullable(), changes: z.array(policyChangeItemSchema) });
export type PolicySaveResult = z.infer<typeof policySaveResultSchema>;

export const policyHistoryItemSchema = z.object({
  version: int(),
  changedAt: z.string(),
  changedBy: z.object({ username: z.string(), displayName: z.string() }).nullable(),
  changes: z.array(policyChangeItemSchema),
  reason: z.string().nullable(),
  jobId: int().nullable(),
});
export type PolicyHistoryItem = z.infer<typeof policyHistoryItemSchema>;
export const policyHistoryResponseSchema = z.object({ items: z.array(policyHistoryItemSchema) });

/** A file whose eligibility or category a re-evaluation job changed. */
export const jobChangeSchema = z.object({ householdId: int(), ...eligibilityChange });
export type JobChange = z.infer<typeof jobChangeSchema>;
export const jobChangesResponseSchema = z.object({ items: z.array(jobChangeSchema) });

/**
 * The (region, year) pairs that have live files, or are the current year, but no line: their
 * files are 无法判定 until the city enters one. Limited to the caller's region for county and
 * unit users.
 */
export const missingLineSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  year: int(),
  liveFiles: int().describe('live files (草稿 to 已建档) filled in that year'),
});
export type MissingLine = z.infer<typeof missingLineSchema>;
export const missingLinesResponseSchema = z.object({ currentYear: int(), items: z.array(missingLineSchema) });
export type MissingLinesResponse = z.infer<typeof missingLinesResponseSchema>;
