// 因户施策: the measure catalog of the source document (目标任务 三) and the measures each
// household's causes call for. Pure: the catalog is seeded from here and edited by the city union
// in the database; recommendations name catalog codes and say why.
import { ageOn } from './dates.js';
import type { HouseholdData } from './household.js';
import { checkIdNumber } from './idNumber.js';
import type { IdentifyResult } from './identify.js';

export const MEASURE_CATEGORIES = ['创业扶持', '就业援助', '维权帮扶', '医疗救助', '金秋助学', '四季送', '定向援助', '政策兜底'] as const;
export type MeasureCategory = (typeof MEASURE_CATEGORIES)[number];

export interface MeasureDef {
  code: string;
  name: string;
  category: MeasureCategory;
  description: string;
}

/** The seed catalog; codes are stable, names and descriptions the city union may edit. */
export const MEASURE_CATALOG: readonly MeasureDef[] = [
  { code: 'startupLoan', name: '工会小额贷款', category: '创业扶持', description: '发挥工会小额贷款作用，扶持有创业愿望并具备一定条件的困难职工自主创业' },
  { code: 'startupPolicy', name: '争取创业优惠政策', category: '创业扶持', description: '帮助争取“大众创业、万众创新”等党委政府优惠政策支持' },
  { code: 'jobReferral', name: '岗位推荐', category: '就业援助', description: '借助政府“就业援助”等渠道推荐岗位，帮助实现就业' },
  { code: 'skillTraining', name: '技能培训', category: '就业援助', description: '发挥工会技能培训作用，提高就业技能' },
  { code: 'rightsMediation', name: '劳动调解', category: '维权帮扶', description: '联合司法、人社等部门，通过劳动调解维护劳动报酬、卫生安全等合法权益' },
  { code: 'rightsArbitration', name: '申请劳动仲裁', category: '维权帮扶', description: '调解不成的，帮助申请劳动仲裁' },
  { code: 'rightsLitigation', name: '司法诉讼', category: '维权帮扶', description: '必要时支持通过司法诉讼维权' },
  { code: 'medicalMutualAid', name: '医疗互助', category: '医疗救助', description: '发挥职工医疗互助作用，减轻医疗负担' },
  { code: 'seriousIllnessAid', name: '大病救助', category: '医疗救助', description: '协调卫生等部门，对大病、重病给予救助' },
  { code: 'jinqiuEducation', name: '金秋助学', category: '金秋助学', description: '对子女上学困难的家庭给予“金秋助学”资助' },
  { code: 'springJobs', name: '春送岗位', category: '四季送', description: '“四季歌”之春送岗位' },
  { code: 'summerCool', name: '夏送清凉', category: '四季送', description: '“四季歌”之夏送清凉' },
  { code: 'winterWarmth', name: '冬送温暖', category: '四季送', description: '“四季歌”之冬送温暖' },
  { code: 'targetedAid', name: '定向援助（生活救助）', category: '定向援助', description: '对暂时不能脱困的职工，以现金或实物定向援助' },
  { code: 'dibaoApplication', name: '协助申请低保', category: '政策兜底', description: '符合低保条件但未享受的，协助申请城市低保' },
  { code: 'govAidApplication', name: '协助申请其他政府救助', category: '政策兜底', description: '协助申请临时救助、医疗救助等政府救助' },
];

export interface Recommendation {
  measure: string;
  reason: string;
}

/** Statutory retirement ages of 2016 for workers (men 60, women 50); "near" is within 2 years. */
export const RETIREMENT_AGE = { 男: 60, 女: 50 } as const;
export const NEAR_RETIREMENT_YEARS = 2;

const SEVERE = new Set(['一级', '二级']);

/**
 * The measures a household's causes call for, each with the reason shown to the cadre, in catalog
 * order and without repeats. `result` is the household's identification (for the C3 reasons and
 * the flag dibaoNotReceived); without it those rules are left out.
 */
export function recommendMeasures(h: HouseholdData, result?: Pick<IdentifyResult, 'expenseReasons' | 'flags'> | null): Recommendation[] {
  const out = new Map<string, string>();
  const add = (measure: string, reason: string) => {
    if (!out.has(measure)) out.set(measure, reason);
  };
  if (h.causes.includes('因未就业')) {
    add('jobReferral', '因未就业致困：推荐岗位，帮助实现就业');
    add('skillTraining', '因未就业致困：参加技能培训，提高就业技能');
    if (h.wantsToStartBusiness) {
      add('startupLoan', '有创业愿望：工会小额贷款扶持自主创业');
      add('startupPolicy', '有创业愿望：帮助争取创业优惠政策');
    }
  } else if (h.wantsToStartBusiness) {
    add('startupPolicy', '有创业愿望：帮助争取创业优惠政策');
  }
  if (h.rightsInfringed) add('rightsMediation', '权益受侵害：先行劳动调解，调解不成可申请仲裁或诉讼');
  const medical = result?.expenseReasons.includes('medical') ?? false;
  if (h.causes.includes('因病') || medical) {
    const why = medical ? '年医疗费个人支出超过家庭年收入的 50%' : '因病致困';
    add('medicalMutualAid', `${why}：医疗互助`);
    add('seriousIllnessAid', `${why}：协调大病救助`);
  }
  const tuition = result?.expenseReasons.includes('tuition') ?? false;
  if (h.causes.includes('子女上学') || tuition) add('jinqiuEducation', tuition ? '学费超过家庭年收入的 50%：金秋助学' : '子女上学致困：金秋助学');
  if (result?.flags.includes('dibaoNotReceived')) add('dibaoApplication', '符合低保条件但未享受低保（应保未保）：协助申请低保');
  const targeted = targetedAidReason(h);
  if (targeted) {
    add('targetedAid', `${targeted}：暂时难以脱困，定向援助`);
    add('winterWarmth', `${targeted}：“四季送”冬送温暖`);
  }
  return MEASURE_CATALOG.filter((m) => out.has(m.code)).map((m) => ({ measure: m.code, reason: out.get(m.code)! }));
}

/** Why a household cannot soon escape hardship on its own, or null. */
function targetedAidReason(h: HouseholdData): string | null {
  if (h.lostWorkCapacity) return '家庭成员丧失劳动能力';
  if (SEVERE.has(h.disabilityGrade)) return `职工本人残疾（${h.disabilityGrade}）`;
  const m = h.members.find((x) => SEVERE.has(x.disabilityGrade));
  if (m) return `家庭成员${m.name}残疾（${m.disabilityGrade}）`;
  const id = checkIdNumber(h.idNumber);
  if (id.ok) {
    const age = ageOn(id.info.birthDate, h.fillDate);
    const retire = RETIREMENT_AGE[id.info.gender];
    if (age >= retire) return `职工已达退休年龄（${age} 岁）`;
    if (age >= retire - NEAR_RETIREMENT_YEARS) return `职工临近退休年龄（${age} 岁）`;
  }
  return null;
}

/** Kinds of assistance record (常态帮扶). Money and goods carry an amount in yuan. */
export const ASSISTANCE_TYPES = ['走访', '慰问金', '物资', '岗位推荐', '技能培训', '法律援助', '医疗救助', '助学', '小额贷款', '其他'] as const;
export type AssistanceType = (typeof ASSISTANCE_TYPES)[number];
export const MONEY_ASSISTANCE_TYPES: readonly AssistanceType[] = ['慰问金', '物资', '助学', '小额贷款', '医疗救助'];

export const PLAN_STATUSES = ['planned', 'inProgress', 'done', 'cancelled'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<PlanStatus, string> = { planned: '计划', inProgress: '实施中', done: '已完成', cancelled: '已取消' };

/** The yearly target of the document: solve 1–2 practical problems per household. */
export const YEARLY_SOLVED_TARGET = 1;
export const DEFAULT_OVERDUE_DAYS = 90;
