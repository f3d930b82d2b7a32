import { describe, it, expect } from 'vitest';
import type { HouseholdData, MemberData } from './household.js';
import { householdToInput, householdToJson, perCapitaFen, type HouseholdMeta } from './household-json.js';

const member = (over: Partial<MemberData> = {}): MemberData => ({
  name: '李秀兰',
  relation: '配偶',
  gender: '女',
  education: '初中',
  idNumber: '420802197007050622',
  health: '良好',
  disabilityGrade: '无',
  annualIncome: 1_200_000,
  occupation: '灵活就业',
  unitOrSchool: null,
  skillLevel: null,
  ...over,
});

/** The first example household as stored: money in fen. */
function stored(over: Partial<HouseholdData> = {}): HouseholdData {
  return {
    workerNo: null,
    regionCode: 'H04',
    unitId: null,
    fillDate: '2016-05-10',
    category: '低保户',
    modelWorker: null,
    name: '王建国',
    gender: '男',
    ethnicity: '汉族',
    idNumber: '420802196803120519',
    education: '高中',
    politicalStatus: '群众',
    skillLevel: '焊工五级',
    address: '荆门市东宝区泉口街道象山一路12号',
    phone: '13907240001',
    employer: '荆门市某机械厂',
    maritalStatus: '已婚',
    health: '良好',
    unitNature: '国有企业',
    serviceYears: 25,
    medicalInsurance: '职工医保',
    disabilityGrade: '无',
    enterpriseStatus: '半停产',
    workStatus: '下（待）岗',
    receivesDibao: true,
    ownAnnualIncome: 600_000,
    householdAnnualIncome: 1_500_000,
    householdSize: 3,
    householdAnnualExpense: 2_000_000,
    medicalExpense: 345_678,
    tuitionExpense: 29,
    accidentExpense: 5,
    lostWorkCapacity: false,
    otherHardship: null,
    rightsInfringed: false,
    wantsToStartBusiness: false,
    members: [
      member(),
      member({ name: '王磊', relation: '子', gender: '男', idNumber: '420802200209180139', annualIncome: 12_345, occupation: '义务教育在校' }),
    ],
    causes: ['因未就业'],
    causeDescription: '企业半停产，本人下岗',
    needs: null,
    measures: null,
    ...over,
  };
}

const meta: HouseholdMeta = {
  id: 7,
  workerNo: 'H0400001',
  version: 2,
  status: 'filed',
  removalReason: null,
  warnings: [{ code: 'incomeBelowSum', path: 'householdAnnualIncome', message: '家庭年度总收入小于本人与家庭成员年收入之和' }],
  createdAt: '2016-05-10T02:00:00.000Z',
  updatedAt: '2016-05-11T02:00:00.000Z',
};

describe('householdToJson', () => {
  it('money back in yuan, meta added, perCapitaIncome derived', () => {
    const j = householdToJson(stored(), meta);
    expect(j.ownAnnualIncome).toBe(6000);
    expect(j.householdAnnualIncome).toBe(15000);
    expect(j.householdAnnualExpense).toBe(20000);
    expect(j.medicalExpense).toBe(3456.78);
    expect(j.tuitionExpense).toBe(0.29);
    expect(j.accidentExpense).toBe(0.05);
    expect(j.members.map((m) => m.annualIncome)).toEqual([12000, 123.45]);
    expect(j.perCapitaIncome).toBe(5000); // 15000 / 3
    expect(j.id).toBe(7);
    expect(j.workerNo).toBe('H0400001');
    expect(j.version).toBe(2);
    expect(j.status).toBe('filed');
    expect(j.removalReason).toBeNull();
    expect(j.warnings).toEqual(meta.warnings);
    expect(j.createdAt).toBe('2016-05-10T02:00:00.000Z');
    expect(j.updatedAt).toBe('2016-05-11T02:00:00.000Z');
    // the rest is passed through
    expect(j.name).toBe('王建国');
    expect(j.members[1]).toEqual({ ...member({ name: '王磊', relation: '子', gender: '男', idNumber: '420802200209180139', occupation: '义务教育在校' }), annualIncome: 123.45 });
  });

  it('workerNo comes from meta (the system assigns it)', () => {
    expect(householdToJson(stored({ workerNo: 'H0499999' }), meta).workerNo).toBe('H0400001');
  });

  it('does not change the stored data', () => {
    const h = stored();
    householdToJson(h, meta);
    expect(h.ownAnnualIncome).toBe(600_000);
    expect(h.members[0].annualIncome).toBe(1_200_000);
  });

  it.each([
    // [household income fen, size, per capita yuan]
    [2_000_000, 3, 6666.67], // 20000 / 3 = 6666.666…
    [1_000_000, 3, 3333.33], // 3333.333…
    [1_000_001, 2, 5000.01], // 10000.01 / 2 = 5000.005 → half up
    [1_000_003, 2, 5000.02], // 5000.015 → half up
    [1_500_000, 3, 5000],
    [0, 1, 0],
    [1, 2, 0.01], // 0.005 → 0.01
    [1, 3, 0], // 0.0033 → 0
    [1_000_000_000, 20, 500_000],
    [1_999_999, 20, 1000], // 999.9995 → 1000.00
    [50, 3, 0.17], // 0.1666… → 0.17
  ])('perCapitaIncome of %d fen over %d → %d yuan', (householdAnnualIncome, householdSize, perCapita) => {
    expect(householdToJson(stored({ householdAnnualIncome, householdSize }), meta).perCapitaIncome).toBe(perCapita);
  });
});

describe('perCapitaFen', () => {
  it.each([
    [2_000_000, 3, 666_667],
    [1_000_001, 2, 500_001],
    [1_000_000, 3, 333_333],
    [1_800_000, 3, 600_000],
  ])('%d / %d → %d fen', (t, n, fen) => {
    expect(perCapitaFen(t, n)).toBe(fen);
  });
});

describe('householdToInput', () => {
  it('drops what the system adds and the derived per-capita income, keeps the yuan amounts', () => {
    const input = householdToInput(householdToJson(stored(), meta));
    for (const k of ['id', 'version', 'status', 'removalReason', 'warnings', 'createdAt', 'updatedAt', 'perCapitaIncome']) expect(input).not.toHaveProperty(k);
    expect(input.ownAnnualIncome).toBe(6000);
    expect(input.tuitionExpense).toBe(0.29);
    expect(input.workerNo).toBe('H0400001');
    expect(input.name).toBe('王建国');
  });
});
