// Precise identification (精准识别), identification.md. A pure function of the file and the
// policy in force. Comparisons are exact: money in integer fen, ratios as integer fractions,
// all products in BigInt (a line is not capped, so 2^53 cannot be ruled out otherwise).
import { ageOn } from './dates.js';
import { CATEGORIES, HEALTHY } from './enums.js';
import type { HouseholdData, MemberData } from './household.js';
import { checkIdNumber } from './idNumber.js';
import { MAX_YUAN, divRoundHalfUp, fenToYuan, formatYuan, parseYuan } from './money.js';

export const DEFAULT_MARGINAL_RATIO = '1.3';
export const DEFAULT_EXPENSE_RATIO = '0.5';

export interface IdentifyPolicy {
  regionCode: string;
  year: number;
  /** 城市低保标准 per person per month in fen; null when none is configured (flag noLine). */
  monthlyLineFen: number | null;
  /** Decimal text, e.g. "1.3" (condition 2). */
  marginalRatio: string;
  /** Decimal text, e.g. "0.5" (condition 3). */
  expenseRatio: string;
  /** Version of the policy table row used; null for an ad-hoc line. */
  version: number | null;
}

export type ConditionCode = 'C1' | 'C2' | 'C3';
export type SpecialReason = 'illness' | 'schooling' | 'disability' | 'singleParent' | 'other';
export type ExpenseReason = 'medical' | 'tuition' | 'accident';
/** In the order of the spec's flag table, which is also the order in `flags`. */
export type IdentifyFlag = 'categoryMismatch' | 'dibaoNotReceived' | 'dibaoAboveLine' | 'noLine';
export type SuggestedCategory = (typeof CATEGORIES)[number];

export const CONDITION_CODES = ['C1', 'C2', 'C3'] as const satisfies readonly ConditionCode[];
export const SPECIAL_REASONS = ['illness', 'schooling', 'disability', 'singleParent', 'other'] as const satisfies readonly SpecialReason[];
export const EXPENSE_REASONS = ['medical', 'tuition', 'accident'] as const satisfies readonly ExpenseReason[];
export const IDENTIFY_FLAGS = ['categoryMismatch', 'dibaoNotReceived', 'dibaoAboveLine', 'noLine'] as const satisfies readonly IdentifyFlag[];

export const CONDITION_LABELS: Record<ConditionCode, string> = { C1: '条件一', C2: '条件二', C3: '条件三' };
export const CONDITION_DESCRIPTIONS: Record<ConditionCode, string> = {
  C1: '家庭年人均收入低于当地城市低保标准',
  C2: '家庭年人均收入在低保标准 100%–130% 之间，且有患病、上学、残疾、单亲等特殊困难',
  C3: '医疗、学费或意外支出超过家庭年度总收入的 50%',
};
export const SPECIAL_REASON_LABELS: Record<SpecialReason, string> = {
  illness: '患病',
  schooling: '上学',
  disability: '残疾',
  singleParent: '单亲',
  other: '其他',
};
export const EXPENSE_REASON_LABELS: Record<ExpenseReason, string> = { medical: '医疗', tuition: '学费', accident: '意外' };
export const FLAG_LABELS: Record<IdentifyFlag, string> = {
  categoryMismatch: '申报类别与建议类别不一致',
  dibaoNotReceived: '应保未保',
  dibaoAboveLine: '享受低保但收入不低于低保标准',
  noLine: '未配置低保标准',
};

/** The expense fields behind each C3 reason, and how explanations name them. */
const EXPENSE_FIELDS = { medical: 'medicalExpense', tuition: 'tuitionExpense', accident: 'accidentExpense' } as const;
const EXPENSE_TEXT: Record<ExpenseReason, string> = { medical: '年医疗费个人支出', tuition: '非义务教育学费', accident: '意外支出或损失' };

export interface IdentifyResult {
  /** null only with flag noLine: cannot decide. */
  eligible: boolean | null;
  conditions: ConditionCode[];
  category: SuggestedCategory | null;
  specialReasons: SpecialReason[];
  expenseReasons: ExpenseReason[];
  /** Yuan, half-up to 0.01 (display only). */
  perCapitaIncome: number;
  /** Yuan per person per year; null with noLine. */
  annualLine: number | null;
  /** Exact T / (N·A), half-up to 4 decimals; null with noLine. */
  ratio: number | null;
  flags: IdentifyFlag[];
  policy: {
    regionCode: string;
    year: number;
    monthlyLine: number | null;
    marginalRatio: string;
    expenseRatio: string;
    version: number | null;
  };
  explanation: string;
}

/** A non-negative decimal ratio as num / 10^scale. */
export interface Ratio {
  num: bigint;
  den: bigint;
  scale: number;
}

/** "1.3" → 13/10. Null for anything but plain decimal text with at most 6 decimals. */
export function parseRatio(text: string): Ratio | null {
  const m = /^\s*(\d{1,6})(?:\.(\d{1,6}))?\s*$/.exec(text);
  if (!m) return null;
  const frac = m[2] ?? '';
  return { num: BigInt(m[1] + frac), den: 10n ** BigInt(frac.length), scale: frac.length };
}

/** The policy for a file with an ad-hoc line: the file's region, the year of its fill date. */
export function policyForLine(
  h: Pick<HouseholdData, 'regionCode' | 'fillDate'>,
  monthlyLineFen: number | null,
  overrides: Partial<Omit<IdentifyPolicy, 'monthlyLineFen'>> = {},
): IdentifyPolicy {
  return {
    regionCode: h.regionCode,
    year: Number(h.fillDate.slice(0, 4)),
    monthlyLineFen,
    marginalRatio: DEFAULT_MARGINAL_RATIO,
    expenseRatio: DEFAULT_EXPENSE_RATIO,
    version: null,
    ...overrides,
  };
}

/**
 * Convenience for POST /api/identify and the CLI: a monthly line in yuan (number or text, at
 * most 2 decimals, e.g. 537.5), default ratios, no policy version. null → noLine.
 */
export function identifyWithLine(
  h: HouseholdData,
  monthlyLineYuan: number | string | null,
  overrides: Partial<Omit<IdentifyPolicy, 'monthlyLineFen'>> = {},
): IdentifyResult {
  let fen: number | null = null;
  if (monthlyLineYuan !== null) {
    const r = parseYuan(monthlyLineYuan);
    if (!r.ok) throw new RangeError(`低保标准：${r.message}`);
    if (r.fen === 0) throw new RangeError('低保标准必须大于 0');
    fen = r.fen;
  }
  return identify(h, policyForLine(h, fen, overrides));
}

const OCC_IN_SCHOOL = new Set<string>(['义务教育在校', '非义务教育在校']);
const SINGLE_STATUSES = new Set<string>(['未婚', '离异', '丧偶']);

function isMinorOrInSchool(m: MemberData, fillDate: string): boolean {
  if (OCC_IN_SCHOOL.has(m.occupation)) return true;
  const id = m.idNumber ? checkIdNumber(m.idNumber) : null;
  if (id?.ok) return ageOn(id.info.birthDate, fillDate) < 18;
  // No usable birth date: do not guess an age. Only 学龄前 (preschool) proves under 18.
  return m.occupation === '学龄前' || m.education === '学龄前';
}

/** Every reason of the C2 table that holds, in table order, whatever the income band. */
export function specialReasonsOf(h: HouseholdData): SpecialReason[] {
  const out: SpecialReason[] = [];
  if (h.health !== HEALTHY || h.members.some((m) => m.health !== HEALTHY)) out.push('illness');
  if (h.members.some((m) => OCC_IN_SCHOOL.has(m.occupation))) out.push('schooling');
  if (h.disabilityGrade !== '无' || h.members.some((m) => m.disabilityGrade !== '无')) out.push('disability');
  if (
    SINGLE_STATUSES.has(h.maritalStatus) &&
    h.members.some((m) => (m.relation === '子' || m.relation === '女') && isMinorOrInSchool(m, h.fillDate))
  )
    out.push('singleParent');
  if (h.otherHardship && h.otherHardship.trim() !== '') out.push('other');
  return out;
}

function expenseReasonsOf(h: HouseholdData, r: Ratio): ExpenseReason[] {
  const T = BigInt(h.householdAnnualIncome);
  return EXPENSE_REASONS.filter((k) => {
    const e = h[EXPENSE_FIELDS[k]];
    // expense > ratio·T ⇔ e·den > num·T; with T = 0 any positive expense qualifies.
    return e > 0 && BigInt(e) * r.den > r.num * T;
  });
}

/** n / 10^scale as decimal text, trailing zeros kept down to `minDecimals`. */
function decimalText(n: bigint, scale: number, minDecimals: number, group: boolean): string {
  const s = n.toString().padStart(scale + 1, '0');
  let whole = scale ? s.slice(0, -scale) : s;
  let frac = scale ? s.slice(-scale) : '';
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  while (frac.length < minDecimals) frac += '0';
  if (group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return frac ? `${whole}.${frac}` : whole;
}

/** An exact amount of fen·10^-scale as yuan: "7,800.00", or "0.005" when it is not whole fen. */
function exactYuan(fenScaled: bigint, scale: number): string {
  return decimalText(fenScaled, scale + 2, 2, true);
}

function percentText(r: Ratio): string {
  return `${decimalText(r.num * 100n, r.scale, 0, false)}%`;
}

function requireRatio(text: string, name: string): Ratio {
  const r = parseRatio(text);
  if (!r) throw new RangeError(`${name} must be decimal text such as "1.3", got ${JSON.stringify(text)}`);
  return r;
}

export function identify(h: HouseholdData, policy: IdentifyPolicy): IdentifyResult {
  const marginal = requireRatio(policy.marginalRatio, 'marginalRatio');
  const expense = requireRatio(policy.expenseRatio, 'expenseRatio');
  const lineFen = policy.monthlyLineFen;
  // Same cap as any amount of money, so 12·line·N stays a safe integer for display.
  if (lineFen !== null && !(Number.isInteger(lineFen) && lineFen > 0 && lineFen <= MAX_YUAN * 100))
    throw new RangeError(`monthlyLineFen must be a positive integer of fen up to ${MAX_YUAN * 100}, got ${lineFen}`);

  const T = h.householdAnnualIncome;
  const N = h.householdSize;
  const perCapitaFen = divRoundHalfUp(T, N);
  const specialReasons = specialReasonsOf(h);
  const expenseReasons = expenseReasonsOf(h, expense);
  const policyOut = {
    regionCode: policy.regionCode,
    year: policy.year,
    monthlyLine: lineFen === null ? null : fenToYuan(lineFen),
    marginalRatio: policy.marginalRatio,
    expenseRatio: policy.expenseRatio,
    version: policy.version,
  };
  const P = formatYuan(perCapitaFen);
  const expenseClause = (reasons: readonly ExpenseReason[], holds: boolean) =>
    `${reasons.map((k) => `${EXPENSE_TEXT[k]} ${formatYuan(h[EXPENSE_FIELDS[k]])} 元`).join('、')}` +
    `${holds ? '超过' : '未超过'}家庭年度总收入 ${formatYuan(T)} 元的 ${percentText(expense)}` +
    `（${exactYuan(expense.num * BigInt(T), expense.scale)} 元）`;

  if (lineFen === null) {
    // Cannot decide: no eligibility, conditions or category, and no flag that depends on them.
    let explanation = `家庭年人均收入 ${P} 元；地区 ${policy.regionCode} 未配置 ${policy.year} 年度低保标准，无法判定，请先配置低保标准。`;
    if (expenseReasons.length) explanation += `另：${expenseClause(expenseReasons, true)}。`;
    return {
      eligible: null,
      conditions: [],
      category: null,
      specialReasons,
      expenseReasons,
      perCapitaIncome: fenToYuan(perCapitaFen),
      annualLine: null,
      ratio: null,
      flags: ['noLine'],
      policy: policyOut,
      explanation,
    };
  }

  const A = 12n * BigInt(lineFen);
  const AN = A * BigInt(N);
  const Tb = BigInt(T);
  const c1 = Tb < AN;
  const inBand = !c1 && Tb * marginal.den <= marginal.num * AN;
  const c2 = inBand && specialReasons.length > 0;
  const c3 = expenseReasons.length > 0;
  const conditions: ConditionCode[] = [];
  if (c1) conditions.push('C1');
  if (c2) conditions.push('C2');
  if (c3) conditions.push('C3');
  const category: SuggestedCategory | null = c1 ? '低保户' : c2 ? '低保边缘户' : c3 ? '意外致困户' : null;
  const eligible = category !== null;

  const flags: IdentifyFlag[] = [];
  if (h.category !== category) flags.push('categoryMismatch');
  if (c1 && !h.receivesDibao) flags.push('dibaoNotReceived');
  if (!c1 && h.receivesDibao) flags.push('dibaoAboveLine');

  // ratio = T / (N·A), half-up to 4 decimals: floor((2·T·10^4 + N·A) / (2·N·A)).
  const ratioQ = (2n * Tb * 10_000n + AN) / (2n * AN);

  // Explanation. The 130% bound is shown exactly (it may have fractions of a fen).
  // whole yuan as the spec writes them (每月 500 元), otherwise to the fen like every other amount (每月 537.50 元)
  const lineText = `当地年低保标准 ${formatYuan(Number(A))} 元（每月 ${decimalText(BigInt(lineFen), 2, lineFen % 100 === 0 ? 0 : 2, true)} 元）`;
  const pct = percentText(marginal);
  const upper = `${exactYuan(marginal.num * A, marginal.scale)} 元`;
  const P_ = BigInt(perCapitaFen);
  let compare: string;
  let verdict: string;
  let displayAgrees: boolean; // does the rounded per-capita figure read the same as the exact comparison?
  if (c1) {
    compare = `家庭年人均收入 ${P} 元，低于${lineText}`;
    verdict = '符合条件一';
    displayAgrees = P_ < A;
  } else if (inBand) {
    compare = `家庭年人均收入 ${P} 元，不低于${lineText}，且不超过其 ${pct}（${upper}）`;
    verdict = c2
      ? `有特殊困难（${specialReasons.map((r) => SPECIAL_REASON_LABELS[r]).join('、')}），符合条件二`
      : '但无患病、上学、残疾、单亲或其他特殊困难，不符合条件二';
    displayAgrees = P_ * marginal.den <= marginal.num * A;
  } else {
    compare = `家庭年人均收入 ${P} 元，超过${lineText}的 ${pct}（${upper}）`;
    verdict = '不符合条件一、条件二';
    displayAgrees = P_ * marginal.den > marginal.num * A;
  }
  if (!displayAgrees) {
    const bound = c1 ? `${formatYuan(Number(AN))} 元` : `${exactYuan(marginal.num * AN, marginal.scale)} 元`;
    const rel = c1 ? '低于' : inBand ? '不超过' : '超过';
    compare += `（人均收入为四舍五入值；精确比较：家庭年度总收入 ${formatYuan(T)} 元${rel} ${N} 人合计 ${bound}）`;
  }
  const income = `${compare}，${verdict}`;
  const clauses = [income];
  if (c3) clauses.push(`${expenseClause(expenseReasons, true)}，符合条件三`);
  else if (!eligible) {
    const positive = EXPENSE_REASONS.filter((k) => h[EXPENSE_FIELDS[k]] > 0);
    clauses.push(
      positive.length ? `${expenseClause(positive, false)}，不符合条件三` : '无医疗费、学费或意外支出，不符合条件三',
    );
  }
  let explanation = clauses.join('；');
  explanation += eligible ? `，建议困难类别：${category}。` : '。三项条件均不符合，不纳入精准帮扶（已在册的建议剔除）。';
  if (flags.includes('categoryMismatch')) explanation += `申报困难类别为${h.category}，与识别结果不一致，请核实。`;
  if (flags.includes('dibaoNotReceived')) explanation += '该户符合低保条件但未享受低保（应保未保），请协助申请。';
  if (flags.includes('dibaoAboveLine')) explanation += '该户享受低保，但家庭年人均收入不低于当地低保标准，请核实低保资格。';

  return {
    eligible,
    conditions,
    category,
    specialReasons,
    expenseReasons,
    perCapitaIncome: fenToYuan(perCapitaFen),
    annualLine: fenToYuan(Number(A)),
    ratio: Number(decimalText(ratioQ, 4, 4, false)),
    flags,
    policy: policyOut,
    explanation,
  };
}
