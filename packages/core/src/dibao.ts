// 民政低保名单核对: 是否享受低保 is what the household declares. The civil-affairs bureau's monthly list
// of 低保 recipients says who really receives it. A region (or the city union, for the whole city)
// imports the list; bangfu matches it by identity number against every worker and member of the
// live files and shows three kinds of finding per region, each resolved by correcting the file
// (through review, like any edit) or by an explanation. The rules and the contract are written once
// here: the server's matching, its tests and the browser follow them.
import { z } from 'zod';
import { checkIdNumber } from './idNumber.js';
import { parseYuan } from './money.js';
import { HOUSEHOLD_STATUSES } from './enums.js';

export const DIBAO_FINDING_KINDS = ['declaredNotListed', 'listedNotDeclared', 'listedAboveLine'] as const;
export type DibaoFindingKind = (typeof DIBAO_FINDING_KINDS)[number];
export const DIBAO_FINDING_LABELS: Record<DibaoFindingKind, string> = {
  declaredNotListed: '档案填“享受低保”，但全家无人在民政低保名单上',
  listedNotDeclared: '家中有人在民政低保名单上，但档案填“未享受低保”',
  listedAboveLine: '在民政低保名单上，但申报的家庭人均收入不低于低保标准',
};
export const DIBAO_FINDING_SHORT: Record<DibaoFindingKind, string> = {
  declaredNotListed: '申报低保未在册',
  listedNotDeclared: '在册未申报低保',
  listedAboveLine: '在册但收入不低于标准',
};

export const DIBAO_FINDING_STATUSES = ['open', 'explained', 'corrected', 'superseded'] as const;
export type DibaoFindingStatus = (typeof DIBAO_FINDING_STATUSES)[number];
export const DIBAO_FINDING_STATUS_LABELS: Record<DibaoFindingStatus, string> = {
  open: '待核实', explained: '已说明', corrected: '已更正档案', superseded: '已由新名单替代',
};

export const DIBAO_RESOLUTIONS = ['explained', 'corrected'] as const;
export type DibaoResolution = (typeof DIBAO_RESOLUTIONS)[number];

/**
 * What a file's own state says about a finding it had: corrected only when the file now agrees with
 * the list (是否享受低保 as the list says; for income, the stored identification now below the line).
 * null: corrected; else the reason it is not, for the person.
 */
export function correctionMissing(kind: DibaoFindingKind, file: { receivesDibao: boolean; belowLine: boolean }): string | null {
  switch (kind) {
    case 'declaredNotListed': return file.receivesDibao ? '档案的“是否享受低保”仍为“是”：请先修改档案（经审核），或选择“情况说明”' : null;
    case 'listedNotDeclared': return file.receivesDibao ? null : '档案的“是否享受低保”仍为“否”：请先修改档案（经审核），或选择“情况说明”';
    case 'listedAboveLine': return file.belowLine ? null : '档案申报的家庭人均收入仍不低于低保标准：请先核实并修改收入（经审核），或选择“情况说明”';
  }
}

/** The columns of a list: two are needed, the others are kept when present. */
export const DIBAO_COLUMN_KEYS = ['name', 'idNumber', 'householdSize', 'monthlyAmount', 'region'] as const;
export type DibaoColumnKey = (typeof DIBAO_COLUMN_KEYS)[number];
export const DIBAO_COLUMNS: readonly { key: DibaoColumnKey; label: string; required: boolean; aliases: readonly string[] }[] = [
  { key: 'name', label: '姓名', required: true, aliases: ['保障对象姓名', '低保对象姓名', '成员姓名', '户主姓名', '申请人姓名', '户主'] },
  { key: 'idNumber', label: '身份证号', required: true, aliases: ['身份证号码', '公民身份号码', '证件号码', '身份证件号码', '成员身份证号', '户主身份证号'] },
  { key: 'householdSize', label: '家庭人口', required: false, aliases: ['保障人口', '保障人数', '家庭人数', '户人口数', '家庭人口数', '共同生活人数'] },
  { key: 'monthlyAmount', label: '月保障金额', required: false, aliases: ['保障金额', '月保障金', '月低保金', '低保金', '月救助金额', '月发放金额', '发放金额'] },
  { key: 'region', label: '地区', required: false, aliases: ['所属地区', '区县', '县区', '县（市、区）', '街道', '乡镇（街道）', '所在地区'] },
];

/** Header text compared loosely: spaces, a leading * and a trailing （元） removed, brackets made full-width. */
const looseHeader = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/^\*/, '').replace(/（元）$/, '');

/**
 * The column of each field in a header row: the person's mapping first (a field → the header text
 * of the file), then the label and its aliases. Returns the index per field and the fields missing.
 */
export function mapDibaoHeader(header: readonly string[], mapping: Partial<Record<DibaoColumnKey, string>> = {}): { index: Partial<Record<DibaoColumnKey, number>>; missing: DibaoColumnKey[] } {
  const texts = header.map(looseHeader);
  const index: Partial<Record<DibaoColumnKey, number>> = {};
  for (const col of DIBAO_COLUMNS) {
    const chosen = mapping[col.key];
    const wanted = chosen !== undefined && chosen !== '' ? [chosen] : [col.label, ...col.aliases];
    for (const w of wanted) {
      const i = texts.indexOf(looseHeader(w));
      if (i >= 0) { index[col.key] = i; break; }
    }
  }
  return { index, missing: DIBAO_COLUMNS.filter((c) => c.required && index[c.key] === undefined).map((c) => c.key) };
}

export interface DibaoRow {
  name: string;
  idNumber: string;
  householdSize: number | null;
  monthlyFen: number | null;
  region: string | null;
}
export interface DibaoCellError {
  column: string;
  value: string;
  message: string;
}

const columnLabel = (k: DibaoColumnKey) => DIBAO_COLUMNS.find((c) => c.key === k)!.label;

/**
 * Checks one data row (texts by field); every bad cell is reported at once. A row whose name and
 * identity number are good is still matched (row) with its bad optional cells left empty: a
 * household size of "3人" must not hide a listed person.
 */
export function checkDibaoRow(cells: Partial<Record<DibaoColumnKey, string>>): { row: DibaoRow | null; errors: DibaoCellError[] } {
  const errors: DibaoCellError[] = [];
  const bad = (key: DibaoColumnKey, value: string, message: string) => errors.push({ column: columnLabel(key), value: value.slice(0, 60), message });
  const name = (cells.name ?? '').trim();
  if (!name) bad('name', '', '姓名不能为空');
  else if ([...name].length > 50) bad('name', name, '姓名不能超过50个字');
  const idText = (cells.idNumber ?? '').trim();
  const id = checkIdNumber(idText);
  if (!idText) bad('idNumber', '', '身份证号不能为空');
  else if (!id.ok) bad('idNumber', idText, id.message);
  const usable = errors.length === 0;
  let householdSize: number | null = null;
  const sizeText = (cells.householdSize ?? '').trim();
  if (sizeText) {
    const n = Number(sizeText);
    if (!Number.isInteger(n) || n < 1 || n > 30) bad('householdSize', sizeText, '家庭人口应为 1 到 30 的整数');
    else householdSize = n;
  }
  let monthlyFen: number | null = null;
  const amountText = (cells.monthlyAmount ?? '').trim();
  if (amountText) {
    const m = parseYuan(amountText.replace(/元$/, ''));
    if (!m.ok) bad('monthlyAmount', amountText, `月保障金额：${m.message}`);
    else if (m.fen > 10_000_000) bad('monthlyAmount', amountText, '月保障金额不能超过 100000 元');
    else monthlyFen = m.fen;
  }
  const region = (cells.region ?? '').trim().slice(0, 50) || null;
  return { row: usable && id.ok ? { name, idNumber: id.info.idNumber, householdSize, monthlyFen, region } : null, errors };
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** The month of a list: YYYY-MM, not after the current month (China time). */
export function checkListMonth(month: string, today: string): string | null {
  if (!MONTH.test(month)) return '名单月份应为 YYYY-MM 格式，例如 2026-11';
  if (month > today.slice(0, 7)) return '名单月份不能晚于本月';
  if (month < '2000-01') return '名单月份不能早于 2000-01';
  return null;
}

export const dibaoUploadFieldsSchema = z.object({
  month: z.string({ error: '请选择名单月份' }).trim().regex(MONTH, { error: '名单月份应为 YYYY-MM 格式，例如 2026-11' }),
  regionCode: z.string({ error: '请选择名单所属地区' }).trim().regex(/^[A-Z](\d{2})?$/, { error: '地区代码应为 H01 这样的格式（全市为 H）' }),
  source: z.string().trim().max(100, { error: '名单来源不能超过100个字' }).default(''),
  mapping: z.partialRecord(z.enum(DIBAO_COLUMN_KEYS), z.string().trim().max(200, { error: '表头不能超过200个字' })).default({}),
});
export type DibaoUploadFields = z.infer<typeof dibaoUploadFieldsSchema>;

const int = () => z.number().int();
export const dibaoFindingCountsSchema = z.object({ declaredNotListed: int(), listedNotDeclared: int(), listedAboveLine: int() });
export type DibaoFindingCounts = z.infer<typeof dibaoFindingCountsSchema>;

export const dibaoListSchema = z.object({
  id: int(),
  month: z.string().describe('YYYY-MM'),
  regionCode: z.string(),
  regionName: z.string(),
  source: z.string(),
  fileName: z.string(),
  rows: int().describe('rows of the list that were read and checked good'),
  badRows: int().describe('rows left out for a bad cell (GET /api/dibao-lists/:id/errors)'),
  matchedPersons: int().describe('list rows whose identity number is a worker or member of a live file'),
  matchedHouseholds: int(),
  findings: dibaoFindingCountsSchema.describe('findings made by this list (as made; resolved ones included)'),
  openFindings: int(),
  current: z.boolean().describe('the latest list of its region: its findings are the ones to work on'),
  importedBy: z.string(),
  importedAt: z.string(),
});
export type DibaoList = z.infer<typeof dibaoListSchema>;
export const dibaoListsResponseSchema = z.object({ items: z.array(dibaoListSchema) });

export const dibaoListErrorsSchema = z.object({
  total: int(),
  items: z.array(z.object({ row: int(), column: z.string(), value: z.string(), message: z.string() })),
});

export const dibaoFindingsQuerySchema = z.object({
  regionCode: z.string().trim().regex(/^[A-Z]\d{2}$/, { error: '地区代码应为 H01 这样的格式' }).optional(),
  kind: z.enum(DIBAO_FINDING_KINDS).optional(),
  status: z.enum(DIBAO_FINDING_STATUSES).default('open'),
  listId: z.coerce.number().int().positive().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type DibaoFindingsQuery = z.infer<typeof dibaoFindingsQuerySchema>;

export const dibaoListedPersonSchema = z.object({
  name: z.string().describe('masked unless the caller sees identity in full'),
  relation: z.string().describe('本人 (the worker) or the member\'s relation'),
  idNumber: z.string().describe('masked unless the caller sees identity in full'),
  householdSize: int().nullable(),
  monthlyAmount: z.number().nullable().describe('yuan, as the list says'),
});

export const dibaoFindingSchema = z.object({
  id: int(),
  kind: z.enum(DIBAO_FINDING_KINDS),
  kindLabel: z.string(),
  status: z.enum(DIBAO_FINDING_STATUSES),
  detail: z.string().describe('what the list and the file say'),
  household: z.object({
    id: int(), workerNo: z.string(), name: z.string(), regionCode: z.string(), regionName: z.string(), unitName: z.string().nullable(),
    status: z.enum(HOUSEHOLD_STATUSES), receivesDibao: z.boolean(), version: int(),
    belowLine: z.boolean().describe('the stored identification: per-capita income below the line (condition 1)'),
  }),
  listed: z.array(dibaoListedPersonSchema),
  list: z.object({ id: int(), month: z.string(), regionName: z.string() }),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  reason: z.string().nullable(),
  canResolve: z.boolean(),
});
export type DibaoFinding = z.infer<typeof dibaoFindingSchema>;
export const dibaoFindingListSchema = z.object({ total: int(), page: int(), pageSize: int(), items: z.array(dibaoFindingSchema) });
export type DibaoFindingList = z.infer<typeof dibaoFindingListSchema>;

const reason = (what: string) => z.string({ error: `请填写${what}` }).trim().min(2, { error: `${what}至少2个字` }).max(200, { error: `${what}不能超过200个字` });
export const dibaoResolveSchema = z.object({
  resolution: z.enum(DIBAO_RESOLUTIONS, { error: '请选择处理方式：情况说明（explained）或已更正档案（corrected）' }),
  reason: reason('核实情况'),
});

export const DIBAO_CHECK_STATES = ['confirmed', 'declaredNotListed', 'listedNotDeclared', 'notListed', 'noList'] as const;
export type DibaoCheckState = (typeof DIBAO_CHECK_STATES)[number];
/** What identification shows as 民政名单核实 for a file. */
export const DIBAO_CHECK_LABELS: Record<DibaoCheckState, string> = {
  confirmed: '民政名单核实：享受低保，已在民政低保名单中',
  declaredNotListed: '民政名单核实：申报享受低保，但不在民政低保名单中',
  listedNotDeclared: '民政名单核实：在民政低保名单中，但档案填“未享受低保”',
  notListed: '民政名单核实：未享受低保，民政低保名单中也没有',
  noList: '本地区尚未导入民政低保名单',
};
export const dibaoCheckSchema = z.object({
  state: z.enum(DIBAO_CHECK_STATES),
  label: z.string(),
  list: z.object({ id: int(), month: z.string(), regionName: z.string(), importedAt: z.string() }).nullable(),
  listed: z.array(dibaoListedPersonSchema),
  findings: z.array(dibaoFindingSchema),
});
export type DibaoCheck = z.infer<typeof dibaoCheckSchema>;
