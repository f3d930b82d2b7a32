// The survey form's grid, in the order of the paper form (附件 调查表). One description serves
// the editable form, the read-only detail and the print-out.
import { MEMBER_FIELD_LABELS, WORKER_FIELD_LABELS, type MemberField, type WorkerField } from '@bangfu/core';

export type SheetKey = Exclude<WorkerField, 'members' | 'unitId'>;

export interface CellDef {
  key: SheetKey;
  /** share of the row's free width for the value cell */
  w?: number;
  /** width of the label cell (CSS length) */
  lw?: string;
  /** the value cell's least width (CSS length): an identity number must not break before its last digit */
  min?: string;
}

export type RowDef =
  /** label | value | label | value … */
  | { kind: 'pairs'; cells: CellDef[] }
  /** labels on top, values below (the income line of the paper form) */
  | { kind: 'stack'; cells: CellDef[] };

/** Labels that the paper form words differently from core's field names. */
const LABEL_OVERRIDES: Partial<Record<SheetKey, string>> = {
  causes: '致困原因（可多选）',
  causeDescription: '文字描述',
};

export function sheetLabel(key: SheetKey): string {
  return LABEL_OVERRIDES[key] ?? WORKER_FIELD_LABELS[key];
}

export function memberLabel(key: MemberField): string {
  return MEMBER_FIELD_LABELS[key];
}

const S = '4.5em'; // label width for two-character labels

export const WORKER_ROWS: RowDef[] = [
  { kind: 'pairs', cells: [{ key: 'fillDate', w: 1 }, { key: 'regionCode', w: 1 }] },
  { kind: 'pairs', cells: [{ key: 'workerNo', w: 1 }, { key: 'category', w: 1 }, { key: 'modelWorker', w: 1 }] },
  {
    kind: 'pairs',
    cells: [
      // 性别 and 民族 wide enough for 请选择 / 输入可搜索 at 1366 px (they showed 请… and 输…)
      { key: 'name', w: 0.9 },
      { key: 'gender', w: 1, lw: S },
      { key: 'ethnicity', w: 1.15, lw: S },
      { key: 'idNumber', w: 1.6, lw: '6em', min: '12em' },
    ],
  },
  { kind: 'pairs', cells: [{ key: 'education', w: 1 }, { key: 'politicalStatus', w: 1 }, { key: 'skillLevel', w: 1, lw: '8em' }] },
  { kind: 'pairs', cells: [{ key: 'address', w: 2.3 }, { key: 'phone', w: 1 }] },
  { kind: 'pairs', cells: [{ key: 'employer', w: 1.6 }, { key: 'maritalStatus', w: 0.9 }, { key: 'health', w: 1 }] },
  {
    kind: 'pairs',
    cells: [
      // 工龄 was a 22 px input beside its 年
      { key: 'unitNature', w: 0.95 },
      { key: 'serviceYears', w: 1.05, lw: S },
      { key: 'medicalInsurance', w: 1.15 },
      { key: 'disabilityGrade', w: 1.1 },
    ],
  },
  { kind: 'pairs', cells: [{ key: 'enterpriseStatus', w: 1 }, { key: 'workStatus', w: 1 }, { key: 'receivesDibao', w: 1, lw: '8em' }] },
  {
    kind: 'stack',
    cells: [{ key: 'ownAnnualIncome' }, { key: 'householdAnnualIncome' }, { key: 'householdSize' }, { key: 'perCapitaIncome' }, { key: 'householdAnnualExpense' }],
  },
  { kind: 'stack', cells: [{ key: 'medicalExpense' }, { key: 'tuitionExpense' }, { key: 'accidentExpense' }] },
  {
    kind: 'stack',
    cells: [{ key: 'lostWorkCapacity' }, { key: 'rightsInfringed' }, { key: 'wantsToStartBusiness' }, { key: 'otherHardship', w: 2 }],
  },
];

export const CAUSE_ROWS: RowDef[] = [
  { kind: 'pairs', cells: [{ key: 'causes', lw: '10.5em' }] },
  { kind: 'pairs', cells: [{ key: 'causeDescription', lw: '10.5em' }] },
];

export const NEED_ROWS: RowDef[] = [
  { kind: 'pairs', cells: [{ key: 'needs', lw: '10.5em' }] },
  { kind: 'pairs', cells: [{ key: 'measures', lw: '10.5em' }] },
];

export const DEFAULT_LABEL_WIDTH = '7em';

export function pairsTemplate(cells: CellDef[]): string {
  return cells.map((c) => `${c.lw ?? DEFAULT_LABEL_WIDTH} minmax(${c.min ?? 0}, ${c.w ?? 1}fr)`).join(' ');
}

export function stackTemplate(cells: CellDef[]): string {
  return cells.map((c) => `minmax(0, ${c.w ?? 1}fr)`).join(' ');
}

/** The paper's wording for the causes: 因病 → 因病致困 (the value stays core's 因病). */
export function causeLabel(cause: string): string {
  return cause === '其它' ? cause : `${cause}致困`;
}
