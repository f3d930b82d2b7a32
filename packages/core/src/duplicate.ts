// 重复建档排查: beyond the unique identity number of a worker, the same family may be filed twice
// (two units, two counties, a typo in a number). bangfu looks for pairs of live files that share
// a person or a contact, lists them per region, and a cadre says "not a duplicate" (remembered,
// with a reason) or merges them into one file. The rules are written once here: the SQL of the
// scan and the tests follow them.
import { z } from 'zod';
import { HOUSEHOLD_STATUSES } from './enums.js';

export const DUPLICATE_KINDS = ['idNumber', 'nameBirth', 'phone', 'address'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];
export const DUPLICATE_KIND_LABELS: Record<DuplicateKind, string> = {
  idNumber: '同一身份证号出现在两户（作为职工或家庭成员）',
  nameBirth: '职工姓名和出生日期相同、身份证号不同（可能录入有误）',
  phone: '联系电话相同',
  address: '家庭住址相同且同姓',
};
export const DUPLICATE_KIND_SHORT: Record<DuplicateKind, string> = { idNumber: '身份证号相同', nameBirth: '姓名生日相同', phone: '电话相同', address: '住址相同且同姓' };

export const DUPLICATE_STATUSES = ['open', 'dismissed', 'merged', 'cleared'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];
export const DUPLICATE_STATUS_LABELS: Record<DuplicateStatus, string> = { open: '待处理', dismissed: '不是重复', merged: '已合并', cleared: '已不再相同' };

/**
 * Groups larger than this are not one family filed twice: a dormitory's address, a unit's
 * switchboard number, a common name born the same day in a city of millions. They are left out.
 */
export const DUPLICATE_GROUP_MAX = 4;

/**
 * What an address is compared by: these characters fold away (spaces, punctuation, 号 and 室, which
 * cadres write or leave out), full-width digits become ASCII. Applied in order, one replace each,
 * the same way in JavaScript and in the scan's SQL (nested replace()), so both agree.
 */
export const ADDRESS_FOLDS: readonly (readonly [string, string])[] = [
  [' ', ''], ['\u3000', ''], ['-', ''], ['－', ''], ['—', ''], ['#', ''], ['＃', ''], ['号', ''], ['室', ''],
  ['(', ''], [')', ''], ['（', ''], ['）', ''], [',', ''], ['，', ''], ['.', ''], ['。', ''], ['、', ''],
  ...Array.from({ length: 10 }, (_, d) => [String.fromCharCode(0xff10 + d), String(d)] as const),
];
/** A normalized address shorter than this says too little to match on (a street name alone). */
export const ADDRESS_MIN_LENGTH = 8;

export function normalizeAddress(address: string): string {
  let s = address;
  for (const [from, to] of ADDRESS_FOLDS) s = s.split(from).join(to);
  return s;
}

/** The key of the address rule: the normalized address and the surname (the worker name's first character), or null when the address is too short. */
export function addressKey(address: string, name: string): string | null {
  const a = normalizeAddress(address);
  if ([...a].length < ADDRESS_MIN_LENGTH || !name) return null;
  return `${a}|${[...name][0]}`;
}


const reason = (what: string) => z.string({ error: `请填写${what}` }).trim().min(2, { error: `${what}至少2个字` }).max(200, { error: `${what}不能超过200个字` });

export const duplicateDismissSchema = z.object({ reason: reason('不是重复的理由') });
export const duplicateMergeSchema = z.object({
  keepHouseholdId: z.number({ error: '请选择保留哪一户的档案' }).int({ error: '请选择保留哪一户的档案' }).positive({ error: '请选择保留哪一户的档案' }),
  reason: reason('合并说明'),
});

export const duplicateListQuerySchema = z.object({
  regionCode: z.string().trim().regex(/^[A-Z]\d{2}$/, { error: '地区代码应为 H01 这样的格式' }).optional(),
  status: z.enum(DUPLICATE_STATUSES).default('open'),
  kind: z.enum(DUPLICATE_KINDS).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

const int = () => z.number().int();
const sideSchema = z.object({
  householdId: int(),
  workerNo: z.string(),
  name: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  unitName: z.string().nullable(),
  status: z.enum(HOUSEHOLD_STATUSES),
  idNumber: z.string().describe('masked unless the caller sees identity numbers in full'),
  phone: z.string().describe('masked unless the caller sees phones in full'),
  address: z.string(),
  householdSize: int(),
  fillDate: z.string(),
  updatedAt: z.string(),
  canOpen: z.boolean().describe('the caller may open this file'),
});

export const duplicatePairSchema = z.object({
  id: int(),
  a: sideSchema,
  b: sideSchema,
  reason: z.enum(DUPLICATE_KINDS),
  reasonLabel: z.string(),
  detail: z.string().describe('what the two share, masked as the caller sees it (a person\'s name and number, a phone, an address)'),
  status: z.enum(DUPLICATE_STATUSES),
  foundAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  note: z.string().nullable(),
  keptHouseholdId: int().nullable().describe('a merged pair: the file kept (the other was merged into it)'),
  canResolve: z.boolean().describe('the caller may file both households: dismiss or merge (else the city union does)'),
});
export type DuplicatePair = z.infer<typeof duplicatePairSchema>;

export const duplicateListSchema = z.object({
  total: int(),
  page: int(),
  pageSize: int(),
  items: z.array(duplicatePairSchema),
  lastScan: z.object({ at: z.string(), jobId: int(), status: z.string() }).nullable().describe('the latest scan (queued, running, done or failed)'),
});
export type DuplicateList = z.infer<typeof duplicateListSchema>;

export const duplicateScanStartedSchema = z.object({ jobId: int() });

export const duplicateMergedSchema = z.object({
  pair: duplicatePairSchema,
  kept: z.object({ householdId: int(), workerNo: z.string() }),
  removed: z.object({ householdId: int(), workerNo: z.string() }),
  moved: z.record(z.string(), int()).describe('rows moved to the kept file, per kind (assistance, followUps, opinions, plan, links, responsibility)'),
});
export type DuplicateMerged = z.infer<typeof duplicateMergedSchema>;

/** The removal reason of the file merged into another. */
export const mergedRemovalReason = (keptWorkerNo: string, note: string) => `重复建档，已并入 ${keptWorkerNo}：${note}`;
