// Form values ⇄ core's HouseholdInput ⇄ HouseholdJson. The rules themselves are core's: this file
// only changes shapes (dates as dayjs, money as the text the cadre typed) and asks core.
import dayjs, { type Dayjs } from 'dayjs';
import {
  asIsFields,
  MEMBER_FIELD_LABELS,
  MONEY_FIELDS,
  WORKER_FIELD_LABELS,
  checkIdNumber,
  fenToYuan,
  fenToYuanText,
  parseHousehold,
  parseYuan,
  perCapitaFen,
  todayInChina,
  type FieldError,
  type HouseholdData,
  type HouseholdInput,
  type HouseholdJson,
  type MemberField,
  type WorkerField,
} from '@bangfu/core';
import type { NamePath } from '../../lib/fieldErrors';

export interface MemberFormValues {
  name?: string;
  relation?: string;
  gender?: string;
  education?: string;
  idNumber?: string;
  health?: string;
  disabilityGrade?: string;
  /** yuan, as typed */
  annualIncome?: string;
  occupation?: string;
  unitOrSchool?: string;
  skillLevel?: string;
}

/** Money as text in yuan; integers as numbers (InputNumber); the date as dayjs (DatePicker). */
export interface HouseholdFormValues {
  workerNo?: string | null;
  regionCode?: string;
  unitId?: string | null;
  fillDate?: Dayjs | null;
  category?: string;
  modelWorker?: string | null;
  name?: string;
  gender?: string;
  ethnicity?: string;
  idNumber?: string;
  education?: string;
  politicalStatus?: string;
  skillLevel?: string;
  address?: string;
  phone?: string;
  employer?: string;
  maritalStatus?: string;
  health?: string;
  unitNature?: string;
  serviceYears?: number | null;
  medicalInsurance?: string;
  disabilityGrade?: string;
  enterpriseStatus?: string;
  workStatus?: string;
  receivesDibao?: boolean | null;
  ownAnnualIncome?: string;
  householdAnnualIncome?: string;
  householdSize?: number | null;
  householdAnnualExpense?: string;
  medicalExpense?: string;
  tuitionExpense?: string;
  accidentExpense?: string;
  lostWorkCapacity?: boolean;
  otherHardship?: string;
  rightsInfringed?: boolean;
  wantsToStartBusiness?: boolean;
  members?: MemberFormValues[];
  causes?: string[];
  causeDescription?: string;
  needs?: string;
  measures?: string;
}

export const MEMBER_KEYS = Object.keys(MEMBER_FIELD_LABELS) as MemberField[];
export const MAX_MEMBERS = 19;
const MONEY = new Set<string>(MONEY_FIELDS);

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/** Keys the form edits (workerNo is shown, never typed; unitId is the 基层工会 beside 所属地区). */
const FORM_WORKER_KEYS = (Object.keys(WORKER_FIELD_LABELS) as WorkerField[]).filter((k) => k !== 'perCapitaIncome' && k !== 'members');

/**
 * The form's values as core's input: blanks become absent (core then says 请填写… for a required
 * field, or applies the default), the date becomes YYYY-MM-DD. Nothing is validated here.
 */
export function formToInput(v: HouseholdFormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of FORM_WORKER_KEYS) {
    const value = (v as Record<string, unknown>)[key];
    if (key === 'fillDate') {
      if (value && dayjs.isDayjs(value) && value.isValid()) out.fillDate = value.format('YYYY-MM-DD');
      else if (typeof value === 'string' && value) out.fillDate = value;
      continue;
    }
    if (key === 'causes') {
      out.causes = Array.isArray(value) ? value : [];
      continue;
    }
    if (isBlank(value)) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  out.members = (v.members ?? []).map((m) => {
    const row: Record<string, unknown> = {};
    for (const key of MEMBER_KEYS) {
      const value = (m ?? {})[key];
      if (!isBlank(value)) row[key] = typeof value === 'string' ? value.trim() : value;
    }
    return row;
  });
  return out;
}

/** Money text "1,234.5" → 1234.5 (a JSON number, exact to the fen); anything else is left as is. */
function moneyNumber(v: unknown): unknown {
  const r = typeof v === 'string' || typeof v === 'number' ? parseYuan(v) : null;
  return r && r.ok ? fenToYuan(r.fen) : v;
}

/** The body for POST/PUT: core's input with money as numbers in yuan. */
export function toPayload(input: Record<string, unknown>): HouseholdInput {
  const out: Record<string, unknown> = { ...input };
  for (const k of MONEY) if (k in out) out[k] = moneyNumber(out[k]);
  if (Array.isArray(out.members))
    out.members = (out.members as Record<string, unknown>[]).map((m) => ('annualIncome' in m ? { ...m, annualIncome: moneyNumber(m.annualIncome) } : m));
  return out as HouseholdInput;
}

export type FormCheck = { ok: true; input: HouseholdInput; data: HouseholdData } | { ok: false; errors: FieldError[] };

/** Core's parseHousehold on the form: the same rules as the server. */
export function checkForm(values: HouseholdFormValues): FormCheck {
  const input = formToInput(values);
  const r = parseHousehold(input);
  return r.ok ? { ok: true, input: toPayload(input), data: r.data } : { ok: false, errors: r.errors };
}

const moneyText = (yuan: number | null | undefined): string | undefined => {
  if (yuan === null || yuan === undefined) return undefined;
  const r = parseYuan(yuan);
  return r.ok ? fenToYuanText(r.fen) : String(yuan);
};

const orUndefined = <T,>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** A stored file → the form. */
export function jsonToForm(h: HouseholdJson): HouseholdFormValues {
  return {
    workerNo: h.workerNo,
    regionCode: h.regionCode,
    unitId: h.unitId ?? null,
    fillDate: h.fillDate ? dayjs(h.fillDate, 'YYYY-MM-DD') : null,
    category: h.category,
    modelWorker: h.modelWorker ?? undefined,
    ...asIsFields(h),
    idNumber: h.idNumber,
    skillLevel: orUndefined(h.skillLevel),
    ownAnnualIncome: moneyText(h.ownAnnualIncome),
    householdAnnualIncome: moneyText(h.householdAnnualIncome),
    householdAnnualExpense: moneyText(h.householdAnnualExpense),
    medicalExpense: moneyText(h.medicalExpense),
    tuitionExpense: moneyText(h.tuitionExpense),
    accidentExpense: moneyText(h.accidentExpense),
    lostWorkCapacity: !!h.lostWorkCapacity,
    otherHardship: orUndefined(h.otherHardship),
    rightsInfringed: !!h.rightsInfringed,
    wantsToStartBusiness: !!h.wantsToStartBusiness,
    members: (h.members ?? []).map((m) => ({
      name: m.name,
      relation: m.relation,
      gender: m.gender,
      education: m.education,
      idNumber: orUndefined(m.idNumber),
      health: m.health,
      disabilityGrade: m.disabilityGrade ?? '无',
      annualIncome: moneyText(m.annualIncome),
      occupation: m.occupation,
      unitOrSchool: orUndefined(m.unitOrSchool),
      skillLevel: orUndefined(m.skillLevel),
    })),
    causes: [...(h.causes ?? [])],
    causeDescription: orUndefined(h.causeDescription),
    needs: orUndefined(h.needs),
    measures: orUndefined(h.measures),
  };
}

/** A new, empty file: today's date, the cadre's own region (and 基层工会), no members. */
export function emptyForm(regionCode?: string | null, unitId?: string | null): HouseholdFormValues {
  return {
    fillDate: dayjs(todayInChina(), 'YYYY-MM-DD'),
    regionCode: regionCode ?? undefined,
    unitId: unitId ?? null,
    members: [],
    causes: [],
    lostWorkCapacity: false,
    rightsInfringed: false,
    wantsToStartBusiness: false,
  };
}

/** A new member row: 残疾等级 defaults to 无 (household.md). */
export function emptyMember(): MemberFormValues {
  return { disabilityGrade: '无' };
}

let requiredCache: Set<string> | null = null;

/**
 * Which fields core requires, learnt from core itself: the paths it reports for an empty file
 * with one empty member. Member paths are kept as members[0].x.
 */
export function requiredPaths(): Set<string> {
  if (!requiredCache) {
    const r = parseHousehold({ members: [{}] });
    requiredCache = new Set(r.ok ? [] : r.errors.map((e) => e.path));
  }
  return requiredCache;
}

export function isRequired(path: string): boolean {
  return requiredPaths().has(path.replace(/^members\[\d+\]/, 'members[0]'));
}

/** 家庭年人均收入 as the cadre types, in fen; null until both inputs are usable. */
export function livePerCapitaFen(householdAnnualIncome: unknown, householdSize: unknown): number | null {
  if (isBlank(householdAnnualIncome)) return null;
  const income = parseYuan(householdAnnualIncome);
  const size = typeof householdSize === 'number' ? householdSize : typeof householdSize === 'string' && /^\d+$/.test(householdSize) ? Number(householdSize) : NaN;
  if (!income.ok || !Number.isInteger(size) || size < 1) return null;
  return perCapitaFen(income.fen, size);
}

/** The gender an identity number shows, or null (unchecked or invalid number). */
export function genderOfId(idNumber: unknown): string | null {
  if (typeof idNumber !== 'string' || idNumber.trim().length !== 18) return null;
  const r = checkIdNumber(idNumber);
  return r.ok ? r.info.gender : null;
}

/** Whether the household form has a field at this name path (for placing errors). */
export function isFormField(name: NamePath, memberCount: number): boolean {
  if (name.length === 1) return typeof name[0] === 'string' && name[0] !== 'members' && name[0] !== 'workerNo' && name[0] in WORKER_FIELD_LABELS;
  if (name.length === 3 && name[0] === 'members' && typeof name[1] === 'number')
    return name[1] < memberCount && typeof name[2] === 'string' && name[2] in MEMBER_FIELD_LABELS;
  return false;
}
