// Identification (精准识别) in the browser: core's identify() on what the cadre has typed so far,
// with the policy line of the form's region and the year of its fill date. The form need not be
// complete or valid: fields identification does not read get neutral defaults, and the fields it
// does read are taken when usable and otherwise treated as "nothing special" (healthy, no
// disability, no expense …). Only income, size, region and date are needed to decide.
import dayjs from 'dayjs';
import {
  CATEGORIES,
  DISABILITY_GRADES,
  HEALTHY,
  checkIdNumber,
  identify,
  parseIsoDate,
  parseYuan,
  type HouseholdData,
  type IdentifyFlag,
  type IdentifyPolicy,
  type IdentifyResult,
  type MemberData,
} from '@bangfu/core';
import type { Policy, PolicyLine } from '../api/policy';
import type { HouseholdFormValues, MemberFormValues } from '../pages/households/formModel';

/** The four inputs without which nothing can be said, in the order the prompt names them. */
export const REQUIRED_FOR_IDENTIFY = ['所属地区', '填报日期', '家庭年度总收入', '家庭人口'] as const;
export const INCOMPLETE_PROMPT = '请填写所属地区、填报日期、家庭年度总收入和家庭人口';
export const NO_LINE_PROMPT = '该地区该年度未配置低保标准，请联系市总工会';

export type EligibleText = '符合' | '不符合' | '无法判定';

export function eligibleText(eligible: boolean | null | undefined): EligibleText {
  return eligible === true ? '符合' : eligible === false ? '不符合' : '无法判定';
}

/** Short words for a table cell; the full FLAG_LABELS go into the tooltip. */
export const FLAG_SHORT_LABELS: Record<IdentifyFlag, string> = {
  categoryMismatch: '类别不符',
  dibaoNotReceived: '应保未保',
  dibaoAboveLine: '低保待核',
  noLine: '无标准',
};

/** "符合 · 低保户", "不符合", "无法判定": one file's result in a few words. */
export function outcomeText(eligible: boolean | null | undefined, category: string | null | undefined): string {
  const e = eligibleText(eligible);
  return eligible === true && category ? `${e} · ${category}` : e;
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : '');

/** Money as typed → fen, or 0 when blank or not (yet) a valid amount. */
function fenOrZero(v: unknown): number {
  if (isBlank(v)) return 0;
  const r = parseYuan(v);
  return r.ok ? r.fen : 0;
}

function fillDateText(v: unknown): string | null {
  if (dayjs.isDayjs(v)) return v.isValid() ? v.format('YYYY-MM-DD') : null;
  if (typeof v === 'string' && parseIsoDate(v.trim())) return v.trim();
  return null;
}

function sizeOf(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 20 ? n : null;
}

const GRADES = new Set<string>(DISABILITY_GRADES);

function memberOf(m: MemberFormValues | undefined, fillDate: string): MemberData {
  const id = text(m?.idNumber).toUpperCase();
  const grade = text(m?.disabilityGrade);
  return {
    name: text(m?.name),
    // identification reads relation, occupation, education, health, disability and the birth date
    relation: (text(m?.relation) || '其他') as MemberData['relation'],
    gender: (text(m?.gender) || '男') as MemberData['gender'],
    education: (text(m?.education) || '初中') as MemberData['education'],
    idNumber: id && checkIdNumber(id, fillDate).ok ? id : null,
    health: text(m?.health) || HEALTHY,
    disabilityGrade: (GRADES.has(grade) ? grade : '无') as MemberData['disabilityGrade'],
    annualIncome: fenOrZero(m?.annualIncome),
    occupation: (text(m?.occupation) || '其他') as MemberData['occupation'],
    unitOrSchool: null,
    skillLevel: null,
  };
}

export type FormIdentifyData =
  | {
      ok: true;
      data: HouseholdData;
      /** whether the cadre has chosen these; when not, the flags that compare with them are not raised */
      hasCategory: boolean;
      hasReceivesDibao: boolean;
    }
  | { ok: false; missing: string[] };

/**
 * The form's values as a HouseholdData good enough for identify(): region, date, total income
 * and size must be usable; everything else falls back to a default that triggers nothing.
 */
export function formToIdentifyData(v: HouseholdFormValues): FormIdentifyData {
  const regionCode = text(v.regionCode);
  const fillDate = fillDateText(v.fillDate);
  const income = isBlank(v.householdAnnualIncome) ? null : parseYuan(v.householdAnnualIncome);
  const size = sizeOf(v.householdSize);
  const missing: string[] = [];
  if (!regionCode) missing.push('所属地区');
  if (!fillDate) missing.push('填报日期');
  if (!income || !income.ok) missing.push('家庭年度总收入');
  if (size === null) missing.push('家庭人口');
  if (missing.length || !fillDate || !income || !income.ok || size === null) return { ok: false, missing };

  const category = (CATEGORIES as readonly string[]).includes(text(v.category)) ? (text(v.category) as HouseholdData['category']) : null;
  const receivesDibao = typeof v.receivesDibao === 'boolean' ? v.receivesDibao : null;
  const grade = text(v.disabilityGrade);
  const data = {
    workerNo: null,
    regionCode,
    unitId: null,
    fillDate,
    category: category ?? '低保户',
    modelWorker: null,
    name: text(v.name),
    gender: text(v.gender) || '男',
    ethnicity: text(v.ethnicity) || '汉族',
    idNumber: text(v.idNumber),
    education: text(v.education) || '初中',
    politicalStatus: text(v.politicalStatus) || '群众',
    skillLevel: null,
    address: '',
    phone: '',
    employer: '',
    // blank: not single, so no 单亲 is guessed
    maritalStatus: text(v.maritalStatus) || '已婚',
    health: text(v.health) || HEALTHY,
    unitNature: text(v.unitNature) || '国有企业',
    serviceYears: typeof v.serviceYears === 'number' ? v.serviceYears : 0,
    medicalInsurance: text(v.medicalInsurance) || '职工医保',
    disabilityGrade: GRADES.has(grade) ? grade : '无',
    enterpriseStatus: text(v.enterpriseStatus) || '正常',
    workStatus: text(v.workStatus) || '在岗',
    receivesDibao: receivesDibao ?? false,
    ownAnnualIncome: fenOrZero(v.ownAnnualIncome),
    householdAnnualIncome: income.fen,
    householdSize: size,
    householdAnnualExpense: fenOrZero(v.householdAnnualExpense),
    medicalExpense: fenOrZero(v.medicalExpense),
    tuitionExpense: fenOrZero(v.tuitionExpense),
    accidentExpense: fenOrZero(v.accidentExpense),
    lostWorkCapacity: !!v.lostWorkCapacity,
    otherHardship: text(v.otherHardship) || null,
    rightsInfringed: !!v.rightsInfringed,
    wantsToStartBusiness: !!v.wantsToStartBusiness,
    members: (v.members ?? []).map((m) => memberOf(m, fillDate)),
    causes: Array.isArray(v.causes) ? v.causes : [],
    causeDescription: null,
    needs: null,
    measures: null,
  } as HouseholdData;
  return { ok: true, data, hasCategory: category !== null, hasReceivesDibao: receivesDibao !== null };
}

/** The line configured for a region and year, or null. */
export function lineFor(policy: Pick<Policy, 'lines'>, regionCode: string, year: number): PolicyLine | null {
  return policy.lines.find((l) => l.regionCode === regionCode && l.year === year) ?? null;
}

/** Core's policy for a file from GET /api/policy: its line (yuan → fen) and the current ratios. */
export function identifyPolicyFor(policy: Policy, regionCode: string, year: number): IdentifyPolicy {
  const line = lineFor(policy, regionCode, year);
  const fen = line ? parseYuan(line.monthlyLine) : null;
  return {
    regionCode,
    year,
    monthlyLineFen: fen && fen.ok && fen.fen > 0 ? fen.fen : null,
    marginalRatio: policy.marginalRatio,
    expenseRatio: policy.expenseRatio,
    version: policy.version,
  };
}

export type LiveIdentification =
  | { state: 'incomplete'; missing: string[] }
  | { state: 'ready'; result: IdentifyResult; line: PolicyLine | null; declaredCategory: string | null }
  | { state: 'error'; message: string };

/**
 * identify() on the form as typed. A category or 低保 answer the cadre has not given yet is not
 * compared: the result is computed again with them set to what the first pass found, so no
 * 类别不符 / 应保未保 is reported about a question not yet answered.
 */
export function identifyFormValues(values: HouseholdFormValues, policy: Policy): LiveIdentification {
  const built = formToIdentifyData(values);
  if (!built.ok) return { state: 'incomplete', missing: built.missing };
  const { data } = built;
  try {
    const p = identifyPolicyFor(policy, data.regionCode, Number(data.fillDate.slice(0, 4)));
    let result = identify(data, p);
    if (!built.hasCategory || !built.hasReceivesDibao) {
      const patched = {
        ...data,
        category: built.hasCategory ? data.category : (result.category as HouseholdData['category']),
        receivesDibao: built.hasReceivesDibao ? data.receivesDibao : result.conditions.includes('C1'),
      };
      result = identify(patched, p);
    }
    return {
      state: 'ready',
      result,
      line: lineFor(policy, data.regionCode, p.year),
      declaredCategory: built.hasCategory ? data.category : null,
    };
  } catch (e) {
    return { state: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Ratio 0.43 → "43.00%". */
export function ratioPercentText(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return '—';
  return `${(Math.round(ratio * 10000) / 100).toFixed(2)}%`;
}

/** Ratio text "1.3" → "130%" (exact, from the decimal digits). */
export function ratioTextPercent(text: string): string {
  const m = /^\s*(\d+)(?:\.(\d+))?\s*$/.exec(text);
  if (!m) return text;
  const frac = (m[2] ?? '').padEnd(2, '0');
  const whole = `${m[1]}${frac.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = frac.slice(2).replace(/0+$/, '');
  return `${whole}${rest ? `.${rest}` : ''}%`;
}

/** Core's explanation, with its 「地区 H04 」 written as the region's name (「东宝」) for people. */
export function explanationText(r: Pick<IdentifyResult, 'explanation' | 'policy'>, regionName?: (code: string) => string): string {
  if (!regionName) return r.explanation;
  const code = r.policy.regionCode;
  const name = regionName(code);
  return name && name !== code ? r.explanation.replace(`地区 ${code} `, name) : r.explanation;
}
