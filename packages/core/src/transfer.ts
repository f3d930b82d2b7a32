// 档案转移: a household that moves to another region or grassroots union is transferred, not
// refiled. Either side asks; the other side agrees (the receiving side always consents: by asking
// or by agreeing), and a requester who may file on both sides (the city union, a county union
// moving a file between its own units) moves it at once. A move to another region hands out a
// worker number of that region; the old number stays on the file and still finds it.
import { z } from 'zod';
import { HOUSEHOLD_STATUSES, type HouseholdStatus } from './enums.js';

export const TRANSFER_STATUSES = ['pending', 'agreed', 'refused', 'cancelled'] as const;
export type TransferStatus = (typeof TRANSFER_STATUSES)[number];
export const TRANSFER_STATUS_LABELS: Record<TransferStatus, string> = { pending: '待对方同意', agreed: '已转移', refused: '已拒绝', cancelled: '已撤回' };

/** Who asked: the side holding the file, the receiving side, or someone who may file on both (done at once). */
export const TRANSFER_SIDES = ['from', 'to', 'both'] as const;
export type TransferSide = (typeof TRANSFER_SIDES)[number];
export const TRANSFER_SIDE_LABELS: Record<TransferSide, string> = { from: '转出方申请', to: '转入方申请', both: '直接转移' };

export const TRANSFER_DECISIONS = ['agree', 'refuse'] as const;
export type TransferDecision = (typeof TRANSFER_DECISIONS)[number];

/** A file under review belongs to its reviewers, a removed file to no one: the others can move. */
export const TRANSFERABLE_STATUSES: readonly HouseholdStatus[] = ['draft', 'filed', 'exited'];
export const canTransferStatus = (s: HouseholdStatus) => TRANSFERABLE_STATUSES.includes(s);

/** Where a file is: a region and, for a grassroots union's file, its unit (null: the county union's own). */
export interface Place {
  regionCode: string;
  unitId: string | null;
}
export const samePlace = (a: Place, b: Place) => a.regionCode === b.regionCode && (a.unitId ?? null) === (b.unitId ?? null);
/** Only a move to another region changes the worker number (its first three characters are the region). */
export const changesWorkerNo = (from: Place, to: Place) => from.regionCode !== to.regionCode;

const reason = (what: string) => z.string({ error: `请填写${what}` }).trim().min(2, { error: `${what}至少2个字` }).max(200, { error: `${what}不能超过200个字` });

export const transferRequestSchema = z.object({
  toRegionCode: z.string({ error: '请选择转入地区' }).trim().regex(/^[A-Z]\d{2}$/, { error: '请选择转入地区' }),
  toUnitId: z.string().trim().max(40).nullish().transform((v) => (v ? v : null)).describe('the grassroots union taking the file; empty: the county union itself'),
  reason: reason('转移原因'),
  idNumber: z.string().trim().max(18).optional().describe('the worker\'s identity number: a receiving side asking for a file it cannot see proves it knows the family'),
});
export type TransferRequest = z.input<typeof transferRequestSchema>;

export const transferDecisionSchema = z.object({
  decision: z.enum(TRANSFER_DECISIONS, { error: '请选择同意或拒绝' }),
  opinion: z.string().trim().max(200, { error: '意见不能超过200个字' }).default(''),
}).superRefine((v, ctx) => {
  if (v.decision === 'refuse' && v.opinion.length < 2) ctx.addIssue({ code: 'custom', path: ['opinion'], message: '拒绝转移须填写理由（至少2个字）' });
});
export type TransferDecisionInput = z.input<typeof transferDecisionSchema>;

export const transferLookupSchema = z.object({
  workerNo: z.string({ error: '请填写职工编号' }).trim().toUpperCase().regex(/^[A-Z]\d{7}$/, { error: '职工编号应为1个字母加7位数字，如 H0100001' }),
  idNumber: z.string({ error: '请填写职工身份证号' }).trim().toUpperCase().min(15, { error: '请填写完整的身份证号' }).max(18, { error: '请填写完整的身份证号' }),
});

const int = () => z.number().int();
const placeView = z.object({ regionCode: z.string(), regionName: z.string(), unitId: z.string().nullable(), unitName: z.string().nullable() });

export const transferViewSchema = z.object({
  id: int(),
  householdId: int(),
  workerNo: z.string().describe('the file\'s worker number now'),
  name: z.string(),
  from: placeView,
  to: placeView,
  side: z.enum(TRANSFER_SIDES),
  reason: z.string(),
  status: z.enum(TRANSFER_STATUSES),
  requestedBy: z.string(),
  requestedOrg: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  opinion: z.string().nullable(),
  oldWorkerNo: z.string(),
  newWorkerNo: z.string().nullable().describe('the number handed out by the receiving region (null: same region, or not agreed)'),
  canOpen: z.boolean().describe('the caller may open the file where it is now'),
  canDecide: z.boolean().describe('the caller is of the side that must agree'),
  canCancel: z.boolean().describe('the caller is of the side that asked, and it is still pending'),
});
export type TransferView = z.infer<typeof transferViewSchema>;

export const transferCreatedSchema = z.object({ id: int(), status: z.enum(TRANSFER_STATUSES), workerNo: z.string().describe('the file\'s worker number after the request (new when moved at once)') });
export type TransferCreated = z.infer<typeof transferCreatedSchema>;

export const transferListSchema = z.object({ total: int(), page: int(), pageSize: int(), items: z.array(transferViewSchema) });
export type TransferList = z.infer<typeof transferListSchema>;

export const TRANSFER_BOXES = ['incoming', 'outgoing', 'all'] as const;
export type TransferBox = (typeof TRANSFER_BOXES)[number];
export const transferListQuerySchema = z.object({
  box: z.enum(TRANSFER_BOXES).default('all').describe('incoming: waiting for the caller\'s side to agree; outgoing: asked by the caller\'s organization'),
  status: z.enum(TRANSFER_STATUSES).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const householdTransfersSchema = z.object({
  formerWorkerNos: z.array(z.object({ workerNo: z.string(), regionCode: z.string(), until: z.string() })).describe('numbers the file had before a move to another region, oldest first'),
  items: z.array(transferViewSchema).describe('newest first'),
});
export type HouseholdTransfers = z.infer<typeof householdTransfersSchema>;

export const transferLookupResultSchema = z.object({
  householdId: int(),
  workerNo: z.string(),
  name: z.string().describe('masked: the surname and 某 (王某某)'),
  regionCode: z.string(),
  regionName: z.string(),
  unitName: z.string().nullable(),
  status: z.enum(HOUSEHOLD_STATUSES),
});
export type TransferLookupResult = z.infer<typeof transferLookupResultSchema>;

/** The reason a version row of a transfer carries. */
export const transferVersionReason = (from: string, to: string, reasonText: string) => `由${from}转移至${to}：${reasonText}`;
