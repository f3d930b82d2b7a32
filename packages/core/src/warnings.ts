// Data-quality warnings (household.md): kept with the file, shown to users, never blocking.
import { ageOn } from './dates.js';
import type { HouseholdData } from './household.js';
import { checkIdNumber } from './idNumber.js';

export type WarningCode =
  | 'sizeMismatch'
  | 'incomeBelowSum'
  | 'duplicateIdInFile'
  | 'duplicateIdElsewhere'
  | 'skillLevelForm'
  | 'memberWithoutId'
  | 'workerAge'
  | 'legacyIdConverted';

export interface DataWarning {
  code: WarningCode;
  path: string;
  message: string;
}

/** 工种 + 级, e.g. 焊工五级, 电工高级, 钳工3级. */
const SKILL_LEVEL_RE = /^[\u4e00-\u9fa5A-Za-z（）()·]{1,20}?([一二三四五六七八九十]|[1-9]|初|中|高|特)级(技师)?$|^.{1,20}(高级)?技师$/;

export function isSkillLevelForm(s: string): boolean {
  return SKILL_LEVEL_RE.test(s.trim());
}

/**
 * Warnings that depend on the file alone. Possible duplicates across files come from the
 * database: the caller passes the identity numbers (of this file) already held by other files.
 */
export function dataWarnings(h: HouseholdData, elsewhere: ReadonlySet<string> = new Set()): DataWarning[] {
  const out: DataWarning[] = [];
  const expectedSize = 1 + h.members.length;
  if (h.householdSize !== expectedSize)
    out.push({
      code: 'sizeMismatch',
      path: 'householdSize',
      message: `家庭人口为 ${h.householdSize} 人，但本人加家庭成员共 ${expectedSize} 人`,
    });
  const sum = h.ownAnnualIncome + h.members.reduce((s, m) => s + m.annualIncome, 0);
  if (h.householdAnnualIncome < sum)
    out.push({
      code: 'incomeBelowSum',
      path: 'householdAnnualIncome',
      message: '家庭年度总收入小于本人与家庭成员年收入之和',
    });
  const seen = new Map<string, string>([[h.idNumber, '职工本人']]);
  h.members.forEach((m, i) => {
    if (!m.idNumber) {
      out.push({ code: 'memberWithoutId', path: `members[${i}].idNumber`, message: `家庭成员第${i + 1}人（${m.name}）未填身份证号` });
      return;
    }
    const prior = seen.get(m.idNumber);
    if (prior)
      out.push({ code: 'duplicateIdInFile', path: `members[${i}].idNumber`, message: `家庭成员第${i + 1}人的身份证号与${prior}相同` });
    else seen.set(m.idNumber, `家庭成员第${i + 1}人`);
  });
  if (elsewhere.has(h.idNumber))
    out.push({ code: 'duplicateIdElsewhere', path: 'idNumber', message: '该身份证号已出现在其他在册档案中，可能重复建档' });
  h.members.forEach((m, i) => {
    if (m.idNumber && elsewhere.has(m.idNumber))
      out.push({
        code: 'duplicateIdElsewhere',
        path: `members[${i}].idNumber`,
        message: `家庭成员第${i + 1}人的身份证号已出现在其他在册档案中，可能重复建档`,
      });
  });
  if (h.skillLevel && !isSkillLevelForm(h.skillLevel))
    out.push({ code: 'skillLevelForm', path: 'skillLevel', message: '技术职称等级应填“工种×级”，例如“焊工五级”' });
  const id = checkIdNumber(h.idNumber);
  if (id.ok) {
    const age = ageOn(id.info.birthDate, h.fillDate);
    if (age < 16 || age > 70)
      out.push({ code: 'workerAge', path: 'idNumber', message: `职工本人在填报日期时 ${age} 周岁（通常为16至70周岁），请核对` });
  }
  return out;
}

/** The identity numbers of a file (worker and members), for the duplicate lookup. */
export function idNumbersOf(h: Pick<HouseholdData, 'idNumber' | 'members'>): string[] {
  return [h.idNumber, ...h.members.map((m) => m.idNumber).filter((x): x is string => !!x)];
}
