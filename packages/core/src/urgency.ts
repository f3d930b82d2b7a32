// 分期分批: an urgency score that orders households into batches. Explainable (every part is
// shown with its points) and configurable (the weights and batch thresholds are the city
// union's). Integer points only, so a score reads the same everywhere.
import type { HouseholdData } from './household.js';
import type { IdentifyResult } from './identify.js';

export interface UrgencyWeights {
  /** points at zero income; falls linearly to 0 at 130% of the line */
  income: number;
  illness: number;
  /** full for 一级/二级, half for 三级/四级 (worker or any member) */
  disability: number;
  /** per dependant in school, at most two */
  school: number;
  noInsurance: number;
  /** the employer stopped (停产) or went bankrupt (破产) */
  enterprise: number;
  lostWorkCapacity: number;
}

export const DEFAULT_URGENCY_WEIGHTS: UrgencyWeights = {
  income: 40, illness: 15, disability: 10, school: 8, noInsurance: 7, enterprise: 10, lostWorkCapacity: 10,
};

/** Scores at or above `first` → 第一批, at or above `second` → 第二批, the rest → 第三批. */
export interface BatchThresholds {
  first: number;
  second: number;
}
export const DEFAULT_BATCH_THRESHOLDS: BatchThresholds = { first: 50, second: 30 };
export const BATCH_LABELS = ['第一批', '第二批', '第三批'] as const;

export const URGENCY_FACTOR_LABELS: Record<keyof UrgencyWeights, string> = {
  income: '收入低于标准的程度', illness: '患病', disability: '残疾', school: '子女在校', noInsurance: '无医保',
  enterprise: '企业停产或破产', lostWorkCapacity: '丧失劳动能力',
};

export interface UrgencyPart {
  factor: keyof UrgencyWeights;
  label: string;
  points: number;
  detail: string;
}

export interface Urgency {
  score: number;
  parts: UrgencyPart[];
  /** 1, 2 or 3 */
  batch: number;
}

const SEVERE = new Set(['一级', '二级']);
const MILD = new Set(['三级', '四级']);
const IN_SCHOOL = new Set(['义务教育在校', '非义务教育在校']);

/**
 * The score of a household. The income part uses the identification's exact figures:
 * income points = weight × (1.3·A·N − T) / (1.3·A·N), floored, 0 above the band, the full weight at
 * zero income; without a line (noLine) it is 0 and says so.
 */
export function urgencyOf(
  h: HouseholdData,
  result: Pick<IdentifyResult, 'annualLine'> | null,
  weights: UrgencyWeights = DEFAULT_URGENCY_WEIGHTS,
  thresholds: BatchThresholds = DEFAULT_BATCH_THRESHOLDS,
): Urgency {
  const parts: UrgencyPart[] = [];
  const push = (factor: keyof UrgencyWeights, points: number, detail: string) => {
    if (points > 0) parts.push({ factor, label: URGENCY_FACTOR_LABELS[factor], points, detail });
  };
  if (result?.annualLine) {
    // in fen, ×10 so that 1.3 stays an integer: band = 13·A·N/10
    const A = Math.round(result.annualLine * 100);
    const band10 = 13 * A * h.householdSize;
    const gap10 = band10 - 10 * h.householdAnnualIncome;
    const points = gap10 <= 0 ? 0 : Math.floor((weights.income * gap10) / band10);
    push('income', points, `家庭年收入低于低保标准 130% 的部分占 ${Math.round((Math.max(gap10, 0) * 100) / band10)}%`);
  }
  const ill = h.health !== '良好' || h.members.some((m) => m.health !== '良好');
  if (ill) push('illness', weights.illness, [h.health !== '良好' ? `本人${h.health}` : '', ...h.members.filter((m) => m.health !== '良好').map((m) => `${m.name}${m.health}`)].filter(Boolean).join('、'));
  const grades = [h.disabilityGrade, ...h.members.map((m) => m.disabilityGrade)];
  if (grades.some((g) => SEVERE.has(g))) push('disability', weights.disability, '一级或二级残疾');
  else if (grades.some((g) => MILD.has(g))) push('disability', Math.floor(weights.disability / 2), '三级或四级残疾');
  const students = h.members.filter((m) => IN_SCHOOL.has(m.occupation)).length;
  if (students) push('school', weights.school * Math.min(students, 2), `${students} 人在校`);
  if (h.medicalInsurance === '无医保') push('noInsurance', weights.noInsurance, '无医保');
  if (h.enterpriseStatus === '停产' || h.enterpriseStatus === '破产') push('enterprise', weights.enterprise, `企业${h.enterpriseStatus}`);
  if (h.lostWorkCapacity) push('lostWorkCapacity', weights.lostWorkCapacity, '家庭成员丧失劳动能力');
  const score = parts.reduce((s, p) => s + p.points, 0);
  const batch = score >= thresholds.first ? 1 : score >= thresholds.second ? 2 : 3;
  return { score, parts, batch };
}
