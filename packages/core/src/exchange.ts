// The spreadsheet layout of the household file (Excel template, import and export): sheet 职工
// with one row per household and sheet 家庭成员 with one row per member keyed by the worker's
// identity number. Column headers are the form's labels in household.md's order, money in yuan.
// One definition serves the template, the importer, the exporter and the web preview.
import {
  CATEGORIES, CAUSE_FORM_LABELS, CAUSES, DISABILITY_GRADES, EDUCATIONS, ENTERPRISE_STATUSES, ETHNICITIES, GENDERS, HEALTH_OPTIONS, MARITAL_STATUSES,
  MEDICAL_INSURANCES, MEMBER_EDUCATIONS, MODEL_WORKER_TYPES, OCCUPATIONS, POLITICAL_STATUSES, RELATIONS, UNIT_NATURES, WORK_STATUSES,
} from './enums.js';
import { MEMBER_FIELD_LABELS, WORKER_FIELD_LABELS } from './labels.js';
import { upgradeLegacyId } from './idNumber.js';
import { fenToYuan } from './money.js';
import type { HouseholdData, MemberData } from './household.js';
import { perCapitaFen } from './household-json.js';

export const WORKER_SHEET = '职工';
export const MEMBER_SHEET = '家庭成员';
export const DICT_SHEET = '字典';
/** First-row marker of a workbook whose identity numbers are masked: such a file is refused on import. */
export const MASKED_MARKER = '【脱敏】';
/** The template's example row carries this in 职工编号 / 职工身份证号 and is skipped on import. */
export const EXAMPLE_MARKER = '示例';
export const YES = '是';
export const NO = '否';

export type ColumnKind = 'text' | 'enum' | 'money' | 'int' | 'date' | 'bool' | 'causes' | 'derived' | 'id';

export interface SheetColumn {
  key: string;
  label: string;
  kind: ColumnKind;
  /** the drop-down list of an enumeration (or the suggested values of a free text such as 健康状况) */
  values?: readonly string[];
  /** a value outside `values` is allowed (health: any illness; causes: several joined by 、) */
  open?: boolean;
  required?: boolean;
  width: number;
  note?: string;
}

const W = WORKER_FIELD_LABELS;
const M = MEMBER_FIELD_LABELS;
const BOOL = [YES, NO] as const;

export const WORKER_COLUMNS: readonly SheetColumn[] = [
  { key: 'workerNo', label: W.workerNo, kind: 'text', width: 12, note: '已有编号的档案填写，新建档案留空由系统分配' },
  { key: 'regionCode', label: W.regionCode, kind: 'text', width: 9, note: '地区代码，如 H01；填写了职工编号时可留空' },
  { key: 'unitId', label: W.unitId, kind: 'text', width: 12, note: '基层工会代码，如 H01-0001，可留空' },
  { key: 'fillDate', label: W.fillDate, kind: 'date', required: true, width: 12, note: '格式 YYYY-MM-DD' },
  { key: 'category', label: W.category, kind: 'enum', values: CATEGORIES, required: true, width: 12 },
  { key: 'modelWorker', label: W.modelWorker, kind: 'enum', values: MODEL_WORKER_TYPES, width: 12 },
  { key: 'name', label: W.name, kind: 'text', required: true, width: 10 },
  { key: 'gender', label: W.gender, kind: 'enum', values: GENDERS, required: true, width: 6 },
  { key: 'ethnicity', label: W.ethnicity, kind: 'enum', values: ETHNICITIES, required: true, width: 8 },
  { key: 'idNumber', label: W.idNumber, kind: 'id', required: true, width: 21, note: '18位；请设为文本格式，以免 Excel 丢失末几位' },
  { key: 'education', label: W.education, kind: 'enum', values: EDUCATIONS, required: true, width: 12 },
  { key: 'politicalStatus', label: W.politicalStatus, kind: 'enum', values: POLITICAL_STATUSES, required: true, width: 10 },
  { key: 'skillLevel', label: W.skillLevel, kind: 'text', width: 14, note: '工种×级，例如 焊工五级' },
  { key: 'address', label: W.address, kind: 'text', required: true, width: 28 },
  { key: 'phone', label: W.phone, kind: 'text', required: true, width: 15 },
  { key: 'employer', label: W.employer, kind: 'text', required: true, width: 20 },
  { key: 'maritalStatus', label: W.maritalStatus, kind: 'enum', values: MARITAL_STATUSES, required: true, width: 9 },
  { key: 'health', label: W.health, kind: 'enum', values: HEALTH_OPTIONS, open: true, required: true, width: 10, note: '良好，或所患主要疾病名称' },
  { key: 'unitNature', label: W.unitNature, kind: 'enum', values: UNIT_NATURES, required: true, width: 16 },
  { key: 'serviceYears', label: W.serviceYears, kind: 'int', required: true, width: 6 },
  { key: 'medicalInsurance', label: W.medicalInsurance, kind: 'enum', values: MEDICAL_INSURANCES, required: true, width: 10 },
  { key: 'disabilityGrade', label: W.disabilityGrade, kind: 'enum', values: DISABILITY_GRADES, required: true, width: 8 },
  { key: 'enterpriseStatus', label: W.enterpriseStatus, kind: 'enum', values: ENTERPRISE_STATUSES, required: true, width: 9 },
  { key: 'workStatus', label: W.workStatus, kind: 'enum', values: WORK_STATUSES, required: true, width: 10 },
  { key: 'receivesDibao', label: W.receivesDibao, kind: 'bool', values: BOOL, required: true, width: 8 },
  { key: 'ownAnnualIncome', label: W.ownAnnualIncome, kind: 'money', required: true, width: 11, note: '单位：元' },
  { key: 'householdAnnualIncome', label: W.householdAnnualIncome, kind: 'money', required: true, width: 12, note: '单位：元，含工资和其他收入' },
  { key: 'householdSize', label: W.householdSize, kind: 'int', required: true, width: 8 },
  { key: 'perCapitaIncome', label: W.perCapitaIncome, kind: 'derived', width: 12, note: '系统计算，导入时不读取' },
  { key: 'householdAnnualExpense', label: W.householdAnnualExpense, kind: 'money', required: true, width: 12, note: '单位：元' },
  { key: 'medicalExpense', label: W.medicalExpense, kind: 'money', width: 12, note: '单位：元，可留空（0）' },
  { key: 'tuitionExpense', label: W.tuitionExpense, kind: 'money', width: 12, note: '单位：元，可留空（0）' },
  { key: 'accidentExpense', label: W.accidentExpense, kind: 'money', width: 12, note: '单位：元，可留空（0）' },
  { key: 'lostWorkCapacity', label: W.lostWorkCapacity, kind: 'bool', values: BOOL, width: 8 },
  { key: 'otherHardship', label: W.otherHardship, kind: 'text', width: 20 },
  { key: 'rightsInfringed', label: W.rightsInfringed, kind: 'bool', values: BOOL, width: 8 },
  { key: 'wantsToStartBusiness', label: W.wantsToStartBusiness, kind: 'bool', values: BOOL, width: 8 },
  { key: 'causes', label: W.causes, kind: 'causes', values: CAUSES, open: true, required: true, width: 18, note: '可多选，用顿号“、”分隔，例如 因病、子女上学' },
  { key: 'causeDescription', label: W.causeDescription, kind: 'text', width: 24 },
  { key: 'needs', label: W.needs, kind: 'text', width: 24 },
  { key: 'measures', label: W.measures, kind: 'text', width: 24 },
];

export const MEMBER_KEY_LABEL = '职工身份证号';

export const MEMBER_COLUMNS: readonly SheetColumn[] = [
  { key: 'workerIdNumber', label: MEMBER_KEY_LABEL, kind: 'id', required: true, width: 21, note: '该成员所属职工的身份证号（与“职工”表一致）' },
  { key: 'name', label: M.name, kind: 'text', required: true, width: 10 },
  { key: 'relation', label: M.relation, kind: 'enum', values: RELATIONS, required: true, width: 9 },
  { key: 'gender', label: M.gender, kind: 'enum', values: GENDERS, required: true, width: 6 },
  { key: 'education', label: M.education, kind: 'enum', values: MEMBER_EDUCATIONS, required: true, width: 12 },
  { key: 'idNumber', label: M.idNumber, kind: 'id', width: 21 },
  { key: 'health', label: M.health, kind: 'enum', values: HEALTH_OPTIONS, open: true, required: true, width: 10 },
  { key: 'disabilityGrade', label: M.disabilityGrade, kind: 'enum', values: DISABILITY_GRADES, width: 8 },
  { key: 'annualIncome', label: M.annualIncome, kind: 'money', required: true, width: 10, note: '单位：元' },
  { key: 'occupation', label: M.occupation, kind: 'enum', values: OCCUPATIONS, required: true, width: 14 },
  { key: 'unitOrSchool', label: M.unitOrSchool, kind: 'text', width: 20 },
  { key: 'skillLevel', label: M.skillLevel, kind: 'text', width: 12 },
];

/** A cell as a spreadsheet reader hands it over. */
export type CellValue = string | number | boolean | Date | null | undefined;

/** Header text compared loosely: spaces removed, half-width brackets made full-width, as people retype them. */
export function normalizeHeader(s: string): string {
  return s.replace(/[\s\u3000]+/g, '').replace(/\(/g, '（').replace(/\)/g, '）').replace(/^\*/, '');
}

export interface HeaderMap {
  /** column key → 0-based index in the row */
  index: Map<string, number>;
  missing: SheetColumn[];
  unknown: string[];
}

export function mapHeader(header: readonly CellValue[], columns: readonly SheetColumn[]): HeaderMap {
  const byLabel = new Map(columns.map((c) => [normalizeHeader(c.label), c]));
  // the form's own wording of a few labels, as older spreadsheets have them
  const aliases: Record<string, string> = { 工龄: 'serviceYears', 文字描述: 'causeDescription', '致困原因（可多选）': 'causes', 地区: 'regionCode', 所属地区代码: 'regionCode', 基层工会代码: 'unitId' };
  const index = new Map<string, number>();
  const unknown: string[] = [];
  header.forEach((raw, i) => {
    const text = cellToText(raw);
    if (!text) return;
    const h = normalizeHeader(text);
    const col = byLabel.get(h) ?? columns.find((c) => c.key === aliases[h]);
    if (col && !index.has(col.key)) index.set(col.key, i);
    else if (!col) unknown.push(text);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key));
  return { index, missing, unknown };
}

/** Text of a cell as a person sees it; numbers without exponent, dates as YYYY-MM-DD. */
export function cellToText(v: CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return isoDateOf(v);
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'number') return Number.isInteger(v) && Math.abs(v) < 1e21 ? BigInt(v).toString() : String(v);
  // an exported cell that would read as a formula carries a leading apostrophe (see the exporter)
  const t = v.trim();
  return /^'[=+\-@]/.test(t) ? t.slice(1) : t;
}

/** Spreadsheet dates arrive as UTC midnight. */
function isoDateOf(d: Date): string {
  return d.toISOString().slice(0, 10);
}

/** 2016/5/1, 2016.5.1 and 2016年5月1日 as people type them → 2016-05-01; anything else unchanged. */
export function normalizeDateText(s: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s.trim());
  if (!m) return s.trim();
  return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
}

// the paper form's wording (因病致困…) and common variants, as spreadsheets have them
const CAUSE_ALIASES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(CAUSE_FORM_LABELS).map(([cause, label]) => [label, cause])), 因学: '子女上学', 其他: '其它',
};

export function parseCauses(s: string): string[] {
  return s
    .split(/[、，,;；/\s]+/)
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t) => CAUSE_ALIASES[t] ?? t);
}

export interface CellProblem {
  key: string;
  message: string;
}

export interface RowConversion {
  input: Record<string, unknown>;
  /** problems found before the schema runs (an identity number Excel turned into a number) */
  problems: CellProblem[];
  /** notes that do not block: a legacy 15-digit identity number converted */
  warnings: CellProblem[];
}

/** An identity number cell: text kept, a 15-digit legacy number upgraded with a warning. */
export function readIdCell(v: CellValue, label: string): { value: string | null; problem?: string; warning?: string } {
  if (typeof v === 'number') {
    if (!Number.isSafeInteger(v)) return { value: cellToText(v), problem: `${label}被 Excel 存成了数字，末几位已丢失；请把该列设为文本格式后重新填写` };
  }
  const text = cellToText(v).replace(/\s+/g, '').toUpperCase();
  if (!text) return { value: null };
  if (/^\d{15}$/.test(text)) {
    const up = upgradeLegacyId(text);
    if (up) return { value: up, warning: `${label} ${text} 是15位旧号码，已转换为18位 ${up}` };
  }
  return { value: text };
}

function readCell(col: SheetColumn, v: CellValue, conv: RowConversion): unknown {
  const text = cellToText(v);
  switch (col.kind) {
    case 'derived':
      return undefined;
    case 'id': {
      const r = readIdCell(v, col.label);
      if (r.problem) conv.problems.push({ key: col.key, message: r.problem });
      if (r.warning) conv.warnings.push({ key: col.key, message: r.warning });
      return r.value;
    }
    case 'money':
      // a number cell goes to the schema as a number (its decimal text is what parseYuan reads),
      // at the 15 significant digits Excel shows: a formula's 0.1+0.2 is 0.3, not 0.30000000000000004
      if (typeof v === 'number') return Number(v.toPrecision(15));
      return text === '' ? null : text;
    case 'int': {
      if (typeof v === 'number') return Number(v.toPrecision(15));
      if (text === '') return null;
      return /^-?\d+(\.0+)?$/.test(text) ? Number(text) : text;
    }
    case 'bool':
      if (typeof v === 'boolean') return v;
      if (text === '') return null;
      if ([YES, 'Y', 'TRUE', '1', '√', '有'].includes(text.toUpperCase())) return true;
      if ([NO, 'N', 'FALSE', '0', '无'].includes(text.toUpperCase())) return false;
      return text; // the schema says 应为“是”或“否”
    case 'date':
      if (v instanceof Date) return isoDateOf(v);
      return text === '' ? null : normalizeDateText(text);
    case 'causes':
      return text === '' ? null : parseCauses(text);
    default:
      return text === '' ? null : text;
  }
}

/** A 职工 row (cells by column index) → the household input the core schema parses (members added later). */
export function workerRowToInput(cells: readonly CellValue[], header: HeaderMap): RowConversion {
  const conv: RowConversion = { input: {}, problems: [], warnings: [] };
  for (const col of WORKER_COLUMNS) {
    const i = header.index.get(col.key);
    if (i === undefined) continue;
    const v = readCell(col, cells[i], conv);
    if (v !== undefined) conv.input[col.key] = v;
  }
  return conv;
}

/** A 家庭成员 row → the member input plus the worker's identity number it belongs to. */
export function memberRowToInput(cells: readonly CellValue[], header: HeaderMap): RowConversion & { workerIdNumber: string | null } {
  const conv: RowConversion = { input: {}, problems: [], warnings: [] };
  for (const col of MEMBER_COLUMNS) {
    const i = header.index.get(col.key);
    if (i === undefined) continue;
    const v = readCell(col, cells[i], conv);
    if (v !== undefined) conv.input[col.key] = v;
  }
  const workerIdNumber = (conv.input.workerIdNumber as string | null) ?? null;
  delete conv.input.workerIdNumber;
  return { ...conv, workerIdNumber };
}

/** Whether a row holds nothing at all (trailing formatted rows of a spreadsheet). */
export function isBlankRow(cells: readonly CellValue[]): boolean {
  return cells.every((c) => cellToText(c) === '');
}

export type OutCell = string | number | null;

const yesNo = (b: boolean) => (b ? YES : NO);

/** A stored file → its 职工 row (money in yuan), in WORKER_COLUMNS order. */
export function householdToWorkerRow(h: HouseholdData & { workerNo: string | null }, opts: { idNumber?: (v: string) => string; phone?: (v: string) => string } = {}): OutCell[] {
  const idOut = opts.idNumber ?? ((v: string) => v);
  const phoneOut = opts.phone ?? ((v: string) => v);
  return WORKER_COLUMNS.map((col): OutCell => {
    switch (col.key) {
      case 'perCapitaIncome':
        return fenToYuan(perCapitaFen(h.householdAnnualIncome, h.householdSize));
      case 'idNumber':
        return idOut(h.idNumber);
      case 'phone':
        return phoneOut(h.phone);
      case 'causes':
        return h.causes.join('、');
    }
    const v = (h as unknown as Record<string, unknown>)[col.key];
    if (col.kind === 'money') return fenToYuan(v as number);
    if (col.kind === 'bool') return yesNo(Boolean(v));
    if (v === null || v === undefined) return null;
    return v as string | number;
  });
}

/** One member → its 家庭成员 row, in MEMBER_COLUMNS order. */
export function memberToRow(workerIdNumber: string, m: MemberData, opts: { idNumber?: (v: string) => string } = {}): OutCell[] {
  const idOut = opts.idNumber ?? ((v: string) => v);
  return MEMBER_COLUMNS.map((col): OutCell => {
    if (col.key === 'workerIdNumber') return idOut(workerIdNumber);
    const v = (m as unknown as Record<string, unknown>)[col.key];
    if (col.key === 'idNumber') return v ? idOut(v as string) : null;
    if (col.kind === 'money') return fenToYuan(v as number);
    if (v === null || v === undefined) return null;
    return v as string | number;
  });
}

/** Excel column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Per-capita annual income bands of the region summary, in fen (lower bound inclusive). */
export const INCOME_BANDS = [
  { key: 'b0', label: '3000元以下', min: 0, max: 300000 },
  { key: 'b1', label: '3000–6000元', min: 300000, max: 600000 },
  { key: 'b2', label: '6000–9000元', min: 600000, max: 900000 },
  { key: 'b3', label: '9000–12000元', min: 900000, max: 1200000 },
  { key: 'b4', label: '12000元及以上', min: 1200000, max: null },
] as const;
