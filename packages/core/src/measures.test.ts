import { describe, expect, it } from 'vitest';
import { parseHousehold, type HouseholdData } from './household.js';
import { MEASURE_CATALOG, recommendMeasures } from './measures.js';
import { idCheckChar } from './idNumber.js';
import { exampleHousehold } from '../test/fixtures/example-household.js';

/** The example household (married, employed, healthy, not disabled) with changes. */
function household(over: Record<string, unknown> = {}): HouseholdData {
  const r = parseHousehold({ ...exampleHousehold(), causes: ['其它'], causeDescription: '其他原因', ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
}

const codes = (h: HouseholdData, result?: Parameters<typeof recommendMeasures>[1]) => recommendMeasures(h, result).map((r) => r.measure);
const none = { expenseReasons: [], flags: [] };

describe('recommendMeasures', () => {
  it.each([
    ['nothing special', {}, none, []],
    ['因未就业 → job referral and training', { causes: ['因未就业'] }, none, ['jobReferral', 'skillTraining']],
    ['因未就业 with the wish to start a business → also start-up support', { causes: ['因未就业'], wantsToStartBusiness: true }, none,
      ['startupLoan', 'startupPolicy', 'jobReferral', 'skillTraining']],
    ['the wish alone → policy help only', { wantsToStartBusiness: true }, none, ['startupPolicy']],
    ['rights infringed → mediation', { rightsInfringed: true }, none, ['rightsMediation']],
    ['因病 → medical aid', { causes: ['因病'], health: '尿毒症' }, none, ['medicalMutualAid', 'seriousIllnessAid']],
    ['the medical-expense condition alone → medical aid', {}, { expenseReasons: ['medical'], flags: [] }, ['medicalMutualAid', 'seriousIllnessAid']],
    ['子女上学 → 金秋助学', { causes: ['子女上学'] }, none, ['jinqiuEducation']],
    ['the tuition condition alone → 金秋助学', {}, { expenseReasons: ['tuition'], flags: [] }, ['jinqiuEducation']],
    ['应保未保 → help applying for 低保', {}, { expenseReasons: [], flags: ['dibaoNotReceived'] }, ['dibaoApplication']],
    ['lost work capacity → targeted aid', { lostWorkCapacity: true }, none, ['winterWarmth', 'targetedAid']],
    ['disability 二级 → targeted aid', { disabilityGrade: '二级' }, none, ['winterWarmth', 'targetedAid']],
    ['disability 三级 → no targeted aid', { disabilityGrade: '三级' }, none, []],
  ])('%s', (_name, over, result, expected) => {
    expect(codes(household(over), result as never)).toEqual(expected);
  });

  it('recommends targeted aid to a worker near or past retirement age (men 60, women 50)', () => {
    // 420802196803120519: born 1968-03-12, a man
    expect(codes(household({ fillDate: '2026-03-11' }), none)).toEqual([]); // 57
    expect(codes(household({ fillDate: '2026-03-12' }), none)).toContain('targetedAid'); // 58: near
    const f17 = '42080219560301011'; // a man born 1956-03-01: 60 on 2016-03-01
    const r = recommendMeasures(household({ idNumber: f17 + idCheckChar(f17), fillDate: '2016-05-10' }), none);
    expect(r.find((x) => x.measure === 'targetedAid')!.reason).toMatch(/已达退休年龄（60 岁）/);
  });

  it('says why, and names each measure once, in catalog order', () => {
    const r = recommendMeasures(household({ causes: ['因病', '子女上学'], health: '癌症' }), { expenseReasons: ['medical', 'tuition'], flags: ['dibaoNotReceived'] });
    expect(r.map((x) => x.measure)).toEqual(['medicalMutualAid', 'seriousIllnessAid', 'jinqiuEducation', 'dibaoApplication']);
    expect(r[0].reason).toMatch(/年医疗费个人支出超过家庭年收入的 50%/);
    expect(r[3].reason).toMatch(/应保未保/);
    const order = MEASURE_CATALOG.map((m) => m.code);
    expect([...r.map((x) => order.indexOf(x.measure))]).toEqual([...r.map((x) => order.indexOf(x.measure))].sort((a, b) => a - b));
  });

  it('has a catalog with unique codes over the document\'s measures', () => {
    const all = MEASURE_CATALOG.map((m) => m.code);
    expect(new Set(all).size).toBe(all.length);
    expect(MEASURE_CATALOG.map((m) => m.name)).toEqual(expect.arrayContaining(['工会小额贷款', '技能培训', '劳动调解', '医疗互助', '大病救助', '金秋助学', '冬送温暖', '协助申请低保']));
  });
});
