import { describe, expect, it } from 'vitest';
import { parseHousehold, type HouseholdData } from './household.js';
import { DEFAULT_URGENCY_WEIGHTS, urgencyOf } from './urgency.js';
import { idCheckChar } from './idNumber.js';
import { exampleHousehold } from '../test/fixtures/example-household.js';

function household(over: Record<string, unknown> = {}): HouseholdData {
  // no members, so that only the factors a case sets apply
  const r = parseHousehold({ ...exampleHousehold(), members: [], householdSize: 1, ...over });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.data;
}
const line = { annualLine: 6000 }; // 500 a month: the 130% band is 7,800 per person

describe('urgencyOf', () => {
  it.each([
    // income points = floor(40 × (7800·N − T) / (7800·N))
    ['zero income', { householdAnnualIncome: 0 }, 40],
    ['half the band', { householdAnnualIncome: 3900 }, 20],
    ['one fen under the band', { householdAnnualIncome: 7799.99 }, 0],
    ['at the band', { householdAnnualIncome: 7800 }, 0],
    ['above the band', { householdAnnualIncome: 20000 }, 0],
    ['two people at a quarter', { householdAnnualIncome: 11700, householdSize: 2 }, 10],
  ])('income part: %s', (_n, over, points) => {
    const u = urgencyOf(household(over), line);
    expect(u.parts.find((p) => p.factor === 'income')?.points ?? 0).toBe(points);
  });

  it('adds each factor with its points and says what it is', () => {
    const h = household({
      householdAnnualIncome: 20000, health: '癌症', disabilityGrade: '三级', medicalInsurance: '无医保', enterpriseStatus: '破产', lostWorkCapacity: true,
    });
    const u = urgencyOf(h, line);
    expect(u.parts.map((p) => [p.factor, p.points])).toEqual([
      ['illness', 15], ['disability', 5], ['noInsurance', 7], ['enterprise', 10], ['lostWorkCapacity', 10],
    ]);
    expect(u.score).toBe(47);
    expect(u.parts[0].detail).toBe('本人癌症');
    expect(u.parts[3].label).toBe('企业停产或破产');
  });

  it('counts at most two dependants in school', () => {
    const kid = (name: string, idNumber: string) => ({ name, relation: '子', gender: '男', education: '初中', idNumber, health: '良好', annualIncome: 0, occupation: '义务教育在校' });
    const id = (birth: string) => `420802${birth}013` + idCheckChar(`420802${birth}013`);
    const h = household({ householdSize: 4, householdAnnualIncome: 100000, members: [kid('甲', id('20020918')), kid('乙', id('20030101')), kid('丙', id('20040101'))] });
    expect(urgencyOf(h, line).parts).toEqual([{ factor: 'school', label: '子女在校', points: 16, detail: '3 人在校' }]);
  });

  it('puts households into batches by the thresholds, with configurable weights', () => {
    expect(urgencyOf(household({ householdAnnualIncome: 0, health: '癌症' }), line)).toMatchObject({ score: 55, batch: 1 });
    expect(urgencyOf(household({ householdAnnualIncome: 3900, health: '癌症' }), line)).toMatchObject({ score: 35, batch: 2 });
    expect(urgencyOf(household({ householdAnnualIncome: 20000 }), line)).toMatchObject({ score: 0, batch: 3, parts: [] });
    const heavy = { ...DEFAULT_URGENCY_WEIGHTS, illness: 60 };
    expect(urgencyOf(household({ householdAnnualIncome: 20000, health: '癌症' }), line, heavy)).toMatchObject({ score: 60, batch: 1 });
    expect(urgencyOf(household({ householdAnnualIncome: 0 }), line, DEFAULT_URGENCY_WEIGHTS, { first: 40, second: 10 }).batch).toBe(1);
  });

  it('leaves the income part out when no line is configured', () => {
    expect(urgencyOf(household({ householdAnnualIncome: 0 }), { annualLine: null }).parts).toEqual([]);
  });
});
