import { describe, it, expect } from 'vitest';
import type { HouseholdData, MemberData } from './household.js';
import { dataWarnings, idNumbersOf, isSkillLevelForm, type WarningCode } from './warnings.js';

/** Check character from household.md's formula, to build valid numbers with a chosen birth date. */
const SPEC_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
function withCheck(first17: string): string {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * SPEC_WEIGHTS[i], 0);
  const v = (12 - (sum % 11)) % 11;
  return first17 + (v === 10 ? 'X' : String(v));
}
const bornOn = (ymd: string) => withCheck(`420802${ymd}051`);

const WORKER_ID = '420802196803120519';
const SPOUSE_ID = '420802197007050622';
const SON_ID = '420802200209180139';

const member = (over: Partial<MemberData> = {}): MemberData => ({
  name: '李秀兰',
  relation: '配偶',
  gender: '女',
  education: '初中',
  idNumber: SPOUSE_ID,
  health: '良好',
  disabilityGrade: '无',
  annualIncome: 1_200_000,
  occupation: '灵活就业',
  unitOrSchool: null,
  skillLevel: null,
  ...over,
});

/**
 * The first example household as stored (fen), with the household income raised to exactly the
 * sum of the incomes (6000 + 12000 + 0 yuan) so that the base file carries no warning at all.
 */
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
    idNumber: WORKER_ID,
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
    householdAnnualIncome: 1_800_000,
    householdSize: 3,
    householdAnnualExpense: 2_000_000,
    medicalExpense: 0,
    tuitionExpense: 0,
    accidentExpense: 0,
    lostWorkCapacity: false,
    otherHardship: null,
    rightsInfringed: false,
    wantsToStartBusiness: false,
    members: [
      member(),
      member({ name: '王磊', relation: '子', gender: '男', idNumber: SON_ID, annualIncome: 0, occupation: '义务教育在校', unitOrSchool: '荆门市第一中学' }),
    ],
    causes: ['因未就业'],
    causeDescription: '企业半停产，本人下岗',
    needs: null,
    measures: null,
    ...over,
  };
}

const codes = (h: HouseholdData, elsewhere?: ReadonlySet<string>) => dataWarnings(h, elsewhere).map((w) => w.code);
const only = (h: HouseholdData, code: WarningCode, elsewhere?: ReadonlySet<string>) =>
  dataWarnings(h, elsewhere).filter((w) => w.code === code).map(({ code: _c, ...rest }) => rest);

describe('dataWarnings: the base file', () => {
  it('has no warning', () => {
    expect(dataWarnings(stored())).toEqual([]);
    expect(dataWarnings(stored(), new Set())).toEqual([]);
  });
  it('every warning has a path and a message in Chinese', () => {
    const h = stored({ householdSize: 5, householdAnnualIncome: 0, skillLevel: '焊工', members: [member({ idNumber: null })] });
    const ws = dataWarnings(h, new Set([WORKER_ID]));
    expect(ws.length).toBeGreaterThanOrEqual(5);
    for (const w of ws) {
      expect(w.path).not.toBe('');
      expect(w.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
});

describe('sizeMismatch: householdSize ≠ 1 + number of members', () => {
  it.each([
    [3, 2, false],
    [2, 2, true],
    [4, 2, true],
    [1, 0, false],
    [2, 0, true],
    [1, 1, true],
    [20, 19, false],
  ])('size %d with %d members → warned=%s', (householdSize, n, warned) => {
    const members = Array.from({ length: n }, (_, i) => member({ name: `成员${i}`, idNumber: null, annualIncome: 0 }));
    const h = stored({ householdSize, members, householdAnnualIncome: 600_000 });
    const ws = only(h, 'sizeMismatch');
    expect(ws.length).toBe(warned ? 1 : 0);
    if (warned) {
      expect(ws[0].path).toBe('householdSize');
      expect(ws[0].message).toContain(String(householdSize));
      expect(ws[0].message).toContain(String(n + 1));
    }
  });
});

describe('incomeBelowSum: household income < own + members incomes', () => {
  it.each([
    // [household, own, members incomes, warned]
    [1_800_000, 600_000, [1_200_000, 0], false], // equal
    [1_799_999, 600_000, [1_200_000, 0], true], // one fen less
    [1_500_000, 600_000, [1_200_000, 0], true], // the first example as written: 15000 < 6000 + 12000
    [2_000_000, 600_000, [1_200_000, 0], false], // more (other income)
    [599_999, 600_000, [], true], // own income alone
    [0, 0, [0, 0], false],
    [1_000_000, 0, [500_000, 500_001], true],
  ])('household %d, own %d, members %j → warned=%s', (householdAnnualIncome, ownAnnualIncome, incomes, warned) => {
    const members = incomes.map((annualIncome, i) => member({ name: `成员${i}`, idNumber: null, annualIncome }));
    const h = stored({ householdAnnualIncome, ownAnnualIncome, members, householdSize: 1 + members.length });
    const ws = only(h, 'incomeBelowSum');
    expect(ws).toEqual(warned ? [{ path: 'householdAnnualIncome', message: expect.stringMatching(/[\u4e00-\u9fa5]/) }] : []);
  });
});

describe('duplicateIdInFile', () => {
  it('a member with the worker\'s number', () => {
    const h = stored({ members: [member(), member({ name: '王磊', idNumber: WORKER_ID, annualIncome: 0 })] });
    const ws = only(h, 'duplicateIdInFile');
    expect(ws).toEqual([{ path: 'members[1].idNumber', message: expect.stringContaining('职工本人') }]);
  });

  it('two members with the same number: the second is warned', () => {
    const h = stored({ members: [member(), member({ name: '王磊', idNumber: SPOUSE_ID, annualIncome: 0 })] });
    expect(only(h, 'duplicateIdInFile')).toEqual([{ path: 'members[1].idNumber', message: expect.stringContaining('第1人') }]);
  });

  it('three members sharing a number: the second and third', () => {
    const h = stored({
      householdSize: 4,
      members: [member(), member({ name: 'A', annualIncome: 0 }), member({ name: 'B', annualIncome: 0 })],
    });
    expect(only(h, 'duplicateIdInFile').map((w) => w.path)).toEqual(['members[1].idNumber', 'members[2].idNumber']);
  });

  it('distinct numbers and missing numbers are not duplicates', () => {
    expect(codes(stored())).not.toContain('duplicateIdInFile');
    const h = stored({ members: [member({ idNumber: null }), member({ name: '王磊', idNumber: null, annualIncome: 0 })] });
    expect(codes(h)).not.toContain('duplicateIdInFile');
  });
});

describe('duplicateIdElsewhere: numbers held by other files that are not removed', () => {
  it.each([
    [[WORKER_ID], ['idNumber']],
    [[SPOUSE_ID], ['members[0].idNumber']],
    [[SON_ID], ['members[1].idNumber']],
    [[WORKER_ID, SON_ID], ['idNumber', 'members[1].idNumber']],
    [[WORKER_ID, SPOUSE_ID, SON_ID], ['idNumber', 'members[0].idNumber', 'members[1].idNumber']],
    [[], []],
    [['11010519491231002X'], []], // someone else's number
  ])('elsewhere %j → warnings at %j', (ids, paths) => {
    const ws = only(stored(), 'duplicateIdElsewhere', new Set(ids));
    expect(ws.map((w) => w.path)).toEqual(paths);
    for (const w of ws) expect(w.message).toContain('重复');
  });

  it('without the elsewhere set, no such warning', () => {
    expect(codes(stored())).not.toContain('duplicateIdElsewhere');
  });
});

describe('skillLevelForm: 工种×级', () => {
  it.each([
    ['焊工五级', true],
    ['电工三级', true],
    ['钳工3级', true],
    ['电工高级', true],
    ['车工初级', true],
    ['焊工', false],
    ['五级', false],
    ['高级', false],
    ['工程师', false],
    ['会', false],
  ])('%j → of the form: %s', (skill, ok) => {
    expect(isSkillLevelForm(skill)).toBe(ok);
    const ws = only(stored({ skillLevel: skill }), 'skillLevelForm');
    expect(ws).toEqual(ok ? [] : [{ path: 'skillLevel', message: expect.stringContaining('焊工五级') }]);
  });

  it('no skill level → no warning', () => {
    expect(codes(stored({ skillLevel: null }))).not.toContain('skillLevelForm');
  });
});

describe('memberWithoutId', () => {
  it('a member without number is warned at its path, naming the member', () => {
    const h = stored({ members: [member(), member({ name: '王磊', idNumber: null, annualIncome: 0 })] });
    expect(only(h, 'memberWithoutId')).toEqual([{ path: 'members[1].idNumber', message: expect.stringContaining('王磊') }]);
  });
  it('each member without number', () => {
    const h = stored({ members: [member({ idNumber: null }), member({ name: '王磊', idNumber: null, annualIncome: 0 })] });
    expect(only(h, 'memberWithoutId').map((w) => w.path)).toEqual(['members[0].idNumber', 'members[1].idNumber']);
  });
  it('members with numbers → none', () => {
    expect(codes(stored())).not.toContain('memberWithoutId');
  });
});

describe('workerAge: under 16 or over 70 at the fill date (2016-05-10)', () => {
  it.each([
    ['20000510', 16, false], // 16th birthday on the fill date
    ['20000511', 15, true], // one day short of 16
    ['20050101', 11, true],
    ['19680312', 48, false],
    ['19460510', 70, false], // 70th birthday
    ['19450511', 70, false], // the day before the 71st birthday: still 70
    ['19450510', 71, true], // 71st birthday
    ['19300101', 86, true],
  ])('born %s, aged %d → warned=%s', (ymd, age, warned) => {
    const ws = only(stored({ idNumber: bornOn(ymd) }), 'workerAge');
    expect(ws).toEqual(warned ? [{ path: 'idNumber', message: expect.stringContaining(`${age} 周岁`) }] : []);
  });

  it('age is taken at the fill date, not today', () => {
    // born 2000-05-11: 15 on 2016-05-10, 16 on 2016-05-11
    expect(codes(stored({ idNumber: bornOn('20000511'), fillDate: '2016-05-11' }))).not.toContain('workerAge');
  });
});

describe('idNumbersOf', () => {
  it('the worker first, then the members that have a number', () => {
    expect(idNumbersOf(stored())).toEqual([WORKER_ID, SPOUSE_ID, SON_ID]);
    expect(idNumbersOf(stored({ members: [member({ idNumber: null }), member({ idNumber: SON_ID })] }))).toEqual([WORKER_ID, SON_ID]);
    expect(idNumbersOf(stored({ members: [] }))).toEqual([WORKER_ID]);
  });
});
