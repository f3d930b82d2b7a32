import { describe, it, expect } from 'vitest';
import { parseHousehold, type HouseholdData } from './household.js';
import { idCheckChar } from './idNumber.js';
import {
  CONDITION_LABELS, EXPENSE_REASON_LABELS, EXPENSE_REASONS, FLAG_LABELS, IDENTIFY_FLAGS, SPECIAL_REASONS,
  SPECIAL_REASON_LABELS, identify, identifyWithLine, parseRatio, policyForLine, type IdentifyResult,
} from './identify.js';

// core is type-checked without Node types (the web uses it too), so fs comes in untyped.
const { readFileSync } = (await import('node:fs' as string)) as { readFileSync(path: URL, encoding: 'utf8'): string };

// Expected values below are worked out by hand from identification.md, not read back from the code.

/** A valid identity number of Dongbao (420802) for a birth date YYYYMMDD; odd seq → male. */
const mkId = (birth: string, seq: string) => {
  const first17 = `420802${birth}${seq}`;
  return first17 + idCheckChar(first17);
};

type Input = Record<string, unknown>;

const spouse: Input = {
  name: '李秀兰', relation: '配偶', gender: '女', education: '初中', idNumber: '420802197007050622',
  health: '良好', disabilityGrade: '无', annualIncome: 0, occupation: '灵活就业',
};
/** An adult son at work: no special reason by himself. */
const adultSon: Input = {
  name: '王强', relation: '子', gender: '男', education: '高中', idNumber: mkId('19900315', '013'),
  health: '良好', disabilityGrade: '无', annualIncome: 0, occupation: '在职',
};

const base: Input = {
  regionCode: 'H04', fillDate: '2016-05-10', category: '低保户', name: '王建国', gender: '男', ethnicity: '汉族',
  idNumber: '420802196803120519', education: '高中', politicalStatus: '群众', address: '荆门市东宝区泉口街道象山一路12号',
  phone: '13907240001', employer: '荆门市某机械厂', maritalStatus: '已婚', health: '良好', unitNature: '国有企业',
  serviceYears: 25, medicalInsurance: '职工医保', disabilityGrade: '无', enterpriseStatus: '半停产', workStatus: '下（待）岗',
  receivesDibao: false, ownAnnualIncome: 0, householdAnnualIncome: 15000, householdSize: 3, householdAnnualExpense: 20000,
  members: [spouse, adultSon], causes: ['因未就业'],
};

function hh(over: Input = {}): HouseholdData {
  const r = parseHousehold({ ...base, ...over });
  if (!r.ok) throw new Error(`test household does not parse: ${JSON.stringify(r.errors)}`);
  return r.data;
}

/** Identify with a monthly line in yuan (default 500) and default ratios. */
const run = (over: Input = {}, line: number | string | null = 500) => identifyWithLine(hh(over), line);

describe('public worked examples (identify-examples.jsonl)', () => {
  const text = readFileSync(new URL('../test/fixtures/identify-examples.jsonl', import.meta.url), 'utf8');
  const examples = text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as {
    name: string; line: number; household: Input; expected: Partial<IdentifyResult>;
  });

  it('has the 9 examples', () => expect(examples).toHaveLength(9));

  for (const ex of examples) {
    it(ex.name, () => {
      const parsed = parseHousehold(ex.household);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const result = identifyWithLine(parsed.data, ex.line);
      expect(Object.keys(ex.expected).length).toBeGreaterThan(0);
      for (const [key, value] of Object.entries(ex.expected))
        expect({ key, value: result[key as keyof IdentifyResult] }).toEqual({ key, value });
    });
  }
});

describe('C1: strictly below the line (line 500, N = 3, A·N = 18,000.00)', () => {
  it.each([
    { T: 17999.99, conditions: ['C1'], category: '低保户' },
    { T: 18000, conditions: [], category: null },
    { T: 0, conditions: ['C1'], category: '低保户' },
  ])('T = $T → $conditions', ({ T, conditions, category }) => {
    const r = run({ householdAnnualIncome: T });
    expect(r.conditions).toEqual(conditions);
    expect(r.category).toBe(category);
    expect(r.eligible).toBe(category !== null);
  });

  it('size 1: 5,999.99 is below a 6,000.00 line, 6,000.00 is not', () => {
    expect(run({ householdSize: 1, members: [], householdAnnualIncome: 5999.99 }).conditions).toEqual(['C1']);
    expect(run({ householdSize: 1, members: [], householdAnnualIncome: 6000 }).conditions).toEqual([]);
  });
});

describe('C2: 100%–130% inclusive, with a special reason', () => {
  const ill = { health: '糖尿病' };
  it.each([
    { T: 17999.99, conditions: ['C1'] },
    { T: 18000, conditions: ['C2'] },
    { T: 20000, conditions: ['C2'] },
    { T: 23400, conditions: ['C2'] },
    { T: 23400.01, conditions: [] },
  ])('ill worker, T = $T → $conditions', ({ T, conditions }) => {
    const r = run({ ...ill, householdAnnualIncome: T });
    expect(r.conditions).toEqual(conditions);
    expect(r.specialReasons).toEqual(['illness']);
  });

  it('in the band without any special reason is not C2', () => {
    const r = run({ householdAnnualIncome: 18000 });
    expect(r).toMatchObject({ eligible: false, conditions: [], category: null, specialReasons: [] });
  });

  it('a ratio that floating point gets wrong: 1.15 × 18,000.00 = 20,700.00 exactly', () => {
    // 18000_00 * 1.15 in doubles is 2069999.9999999998, which would wrongly exclude T = 20,700.00.
    const h = hh({ ...ill, householdAnnualIncome: 20700 });
    expect(identifyWithLine(h, 500, { marginalRatio: '1.15' }).conditions).toEqual(['C2']);
    const above = hh({ ...ill, householdAnnualIncome: 20700.01 });
    expect(identifyWithLine(above, 500, { marginalRatio: '1.15' }).conditions).toEqual([]);
  });
});

describe('C3: an expense strictly above half the income', () => {
  // T = 40,000.00 is above 130% of 18,000.00, so only C3 can hold.
  it.each([
    { field: 'medicalExpense', reason: 'medical' },
    { field: 'tuitionExpense', reason: 'tuition' },
    { field: 'accidentExpense', reason: 'accident' },
  ])('$field: 20,000.00 is not over half, 20,000.01 is', ({ field, reason }) => {
    const at = run({ householdAnnualIncome: 40000, category: '意外致困户', [field]: 20000 });
    expect(at).toMatchObject({ eligible: false, conditions: [], category: null, expenseReasons: [] });
    const over = run({ householdAnnualIncome: 40000, category: '意外致困户', [field]: 20000.01 });
    expect(over).toMatchObject({ eligible: true, conditions: ['C3'], category: '意外致困户', expenseReasons: [reason], flags: [] });
  });

  it('lists every reason that holds, in table order', () => {
    const r = run({ householdAnnualIncome: 40000, accidentExpense: 25000, medicalExpense: 30000, tuitionExpense: 20000 });
    expect(r.expenseReasons).toEqual(['medical', 'accident']);
  });

  it('T = 0 with a positive expense meets C3 (and C1)', () => {
    const r = run({ householdAnnualIncome: 0, tuitionExpense: 0.01 });
    expect(r).toMatchObject({ conditions: ['C1', 'C3'], category: '低保户', expenseReasons: ['tuition'] });
  });

  it('T = 0 with no expense is C1 only', () => {
    const r = run({ householdAnnualIncome: 0 });
    expect(r).toMatchObject({ conditions: ['C1'], category: '低保户', expenseReasons: [], perCapitaIncome: 0, ratio: 0 });
  });

  it('another expense ratio: 30% of 10,000.00 is 3,000.00', () => {
    const h = (e: number) => hh({ householdSize: 1, members: [], householdAnnualIncome: 10000, medicalExpense: e });
    expect(identifyWithLine(h(3000), 500, { expenseRatio: '0.3' }).conditions).toEqual([]);
    expect(identifyWithLine(h(3000.01), 500, { expenseRatio: '0.3' }).conditions).toEqual(['C3']);
    expect(identifyWithLine(h(3000.01), 500, { expenseRatio: '0.3' }).explanation).toContain('的 30%（3,000.00 元）');
  });

  it('half of 1 fen is 0.005 yuan: 1 fen of expense exceeds it, and the text shows it exactly', () => {
    const r = run({ householdSize: 1, members: [], householdAnnualIncome: 0.01, medicalExpense: 0.01 });
    expect(r.conditions).toEqual(['C1', 'C3']);
    expect(r.explanation).toContain('年医疗费个人支出 0.01 元超过家庭年度总收入 0.01 元的 50%（0.005 元）');
  });
});

describe('per-capita income: half-up to 0.01 yuan', () => {
  it.each([
    { T: 20000, N: 3, P: 6666.67 },
    { T: 23401, N: 3, P: 7800.33 },
    { T: 10, N: 3, P: 3.33 },
    { T: 0.1, N: 3, P: 0.03 }, // 3.33 fen
    { T: 0.05, N: 2, P: 0.03 }, // 2.5 fen → 3
    { T: 0.01, N: 2, P: 0.01 }, // 0.5 fen → 1
    { T: 0.02, N: 3, P: 0.01 }, // 0.67 fen → 1
    { T: 100.01, N: 2, P: 50.01 }, // 5000.5 fen → 5001
    { T: 100.03, N: 2, P: 50.02 }, // 5001.5 fen → 5002
    { T: 0.04, N: 3, P: 0.01 }, // 1.33 fen → 1
  ])('$T / $N → $P', ({ T, N, P }) => {
    expect(run({ householdAnnualIncome: T, householdSize: N }).perCapitaIncome).toBe(P);
  });

  it('comparisons use the exact value: 17,999.99 / 3 shows 6,000.00 yet is below 6,000.00', () => {
    const r = run({ householdAnnualIncome: 17999.99 });
    expect(r.perCapitaIncome).toBe(6000);
    expect(r.conditions).toEqual(['C1']);
    expect(r.explanation).toBe(
      '家庭年人均收入 6,000.00 元，低于当地年低保标准 6,000.00 元（每月 500 元）' +
        '（人均收入为四舍五入值；精确比较：家庭年度总收入 17,999.99 元低于 3 人合计 18,000.00 元），' +
        '符合条件一，建议困难类别：低保户。该户符合低保条件但未享受低保（应保未保），请协助申请。',
    );
  });
});

describe('ratio = P / A, exact, half-up to 4 decimals', () => {
  it.each([
    { T: 15000, N: 3, ratio: 0.8333 }, // 5000/6000
    { T: 20000, N: 3, ratio: 1.1111 },
    { T: 740.7, N: 1, ratio: 0.1235 }, // exactly 0.12345 → half-up
    { T: 740.69, N: 1, ratio: 0.1234 }, // 0.1234483…
    { T: 17999.99, N: 3, ratio: 1 }, // 0.99999944…
    { T: 23400, N: 3, ratio: 1.3 },
    { T: 0, N: 3, ratio: 0 },
  ])('T = $T, N = $N, line 500 → $ratio', ({ T, N, ratio }) => {
    expect(run({ householdAnnualIncome: T, householdSize: N }).ratio).toBe(ratio);
  });
});

describe('lines with jiao: 537.5 yuan a month, A = 6,450.00, N = 2 → A·N = 12,900.00, 130% → 16,770.00', () => {
  const two = { householdSize: 2, members: [spouse], health: '肝病' };
  it.each([
    { T: 12899.99, conditions: ['C1'] },
    { T: 12900, conditions: ['C2'] },
    { T: 16770, conditions: ['C2'] },
    { T: 16770.01, conditions: [] },
  ])('T = $T → $conditions', ({ T, conditions }) => {
    const r = run({ ...two, householdAnnualIncome: T }, 537.5);
    expect(r.conditions).toEqual(conditions);
    expect(r.annualLine).toBe(6450);
    expect(r.policy.monthlyLine).toBe(537.5);
  });

  it('shows the line and the 130% bound', () => {
    const r = run({ ...two, householdAnnualIncome: 14000 }, '537.5');
    expect(r.explanation).toContain('当地年低保标准 6,450.00 元（每月 537.50 元）');
    expect(r.explanation).toContain('130%（8,385.00 元）');
  });

  it('537.55 a month is 6,450.60 a year', () => {
    expect(run({}, 537.55).annualLine).toBe(6450.6);
  });
});

describe('household of 20 with large incomes (line 40,000 a month: A·N = 9,600,000.00)', () => {
  const big = { householdSize: 20, health: '癌症' };
  it.each([
    { T: 9599999.99, conditions: ['C1'], P: 480000, ratio: 1 },
    { T: 9600000, conditions: ['C2'], P: 480000, ratio: 1 },
    { T: 10000000, conditions: ['C2'], P: 500000, ratio: 1.0417 },
  ])('T = $T → $conditions', ({ T, conditions, P, ratio }) => {
    const r = run({ ...big, householdAnnualIncome: T }, 40000);
    expect(r).toMatchObject({ conditions, perCapitaIncome: P, ratio, annualLine: 480000 });
  });

  it('ratio 1.04: 9,984,000.00 is inside, 9,984,000.01 is not', () => {
    expect(identifyWithLine(hh({ ...big, householdAnnualIncome: 9984000 }), 40000, { marginalRatio: '1.04' }).conditions).toEqual(['C2']);
    expect(identifyWithLine(hh({ ...big, householdAnnualIncome: 9984000.01 }), 40000, { marginalRatio: '1.04' }).conditions).toEqual([]);
  });

  it('C3 at the money cap: half of 10,000,000.00', () => {
    expect(run({ ...big, householdAnnualIncome: 10000000, medicalExpense: 5000000 }, 1000).conditions).toEqual([]);
    expect(run({ ...big, householdAnnualIncome: 10000000, medicalExpense: 5000000.01 }, 1000).conditions).toEqual(['C3']);
  });
});

describe('noLine: cannot decide, never a guess', () => {
  it('identifyWithLine(h, null)', () => {
    const r = run({ householdAnnualIncome: 15000 }, null);
    expect(r).toMatchObject({
      eligible: null, conditions: [], category: null, annualLine: null, ratio: null, flags: ['noLine'],
      perCapitaIncome: 5000,
      policy: { regionCode: 'H04', year: 2016, monthlyLine: null, marginalRatio: '1.3', expenseRatio: '0.5', version: null },
    });
    expect(r.explanation).toContain('家庭年人均收入 5,000.00 元');
    expect(r.explanation).toContain('未配置 2016 年度低保标准，无法判定');
  });

  it('raises no flag that depends on the line, whatever the declared category or dibao', () => {
    const r = run({ householdAnnualIncome: 0, category: '低保边缘户', receivesDibao: false }, null);
    expect(r.flags).toEqual(['noLine']);
    const r2 = run({ householdAnnualIncome: 99999, receivesDibao: true }, null);
    expect(r2.flags).toEqual(['noLine']);
  });

  it('still lists the reasons, which do not depend on the line', () => {
    const r = run({ householdAnnualIncome: 1000, medicalExpense: 600, health: '尿毒症' }, null);
    expect(r).toMatchObject({ eligible: null, conditions: [], specialReasons: ['illness'], expenseReasons: ['medical'] });
    expect(r.explanation).toContain('年医疗费个人支出 600.00 元超过家庭年度总收入 1,000.00 元的 50%（500.00 元）');
  });

  it('identify() with monthlyLineFen null', () => {
    const r = identify(hh(), { regionCode: 'H03', year: 2017, monthlyLineFen: null, marginalRatio: '1.3', expenseRatio: '0.5', version: 4 });
    expect(r.flags).toEqual(['noLine']);
    expect(r.policy).toEqual({ regionCode: 'H03', year: 2017, monthlyLine: null, marginalRatio: '1.3', expenseRatio: '0.5', version: 4 });
    expect(r.explanation).toContain('地区 H03 未配置 2017 年度低保标准');
  });
});

describe('flags, in the order categoryMismatch, dibaoNotReceived, dibaoAboveLine', () => {
  it.each([
    { name: 'C1, receives dibao, declared 低保户', over: { householdAnnualIncome: 15000, receivesDibao: true }, flags: [] },
    { name: 'C1, no dibao (应保未保)', over: { householdAnnualIncome: 15000 }, flags: ['dibaoNotReceived'] },
    {
      name: 'C1, no dibao, declared 低保边缘户',
      over: { householdAnnualIncome: 15000, category: '低保边缘户' },
      flags: ['categoryMismatch', 'dibaoNotReceived'],
    },
    {
      name: 'C2, receives dibao, declared 低保边缘户',
      over: { householdAnnualIncome: 18000, health: '肺病', receivesDibao: true, category: '低保边缘户' },
      flags: ['dibaoAboveLine'],
    },
    {
      name: 'C2, receives dibao, declared 低保户',
      over: { householdAnnualIncome: 18000, health: '肺病', receivesDibao: true },
      flags: ['categoryMismatch', 'dibaoAboveLine'],
    },
    {
      name: 'not eligible, receives dibao, declared 低保户',
      over: { householdAnnualIncome: 30000, receivesDibao: true },
      flags: ['categoryMismatch', 'dibaoAboveLine'],
    },
    {
      name: 'C3 only, declared 意外致困户',
      over: { householdAnnualIncome: 30000, accidentExpense: 15000.01, category: '意外致困户' },
      flags: [],
    },
    {
      name: 'C3 only, declared 低保户',
      over: { householdAnnualIncome: 30000, accidentExpense: 15000.01 },
      flags: ['categoryMismatch'],
    },
  ])('$name → $flags', ({ over, flags }) => {
    expect(run(over).flags).toEqual(flags);
  });
});

describe('special reasons (every one that holds, whatever the band, in table order)', () => {
  const memberWith = (over: Input) => ({ members: [spouse, { ...adultSon, ...over }] });
  it.each([
    { name: 'worker ill', over: { health: '高血压病' }, reasons: ['illness'] },
    { name: 'member ill', over: memberWith({ health: '癌症' }), reasons: ['illness'] },
    { name: 'member in non-compulsory school', over: memberWith({ occupation: '非义务教育在校' }), reasons: ['schooling'] },
    { name: 'member in compulsory school', over: memberWith({ occupation: '义务教育在校' }), reasons: ['schooling'] },
    { name: 'worker disabled', over: { disabilityGrade: '二级' }, reasons: ['disability'] },
    { name: 'member disabled', over: memberWith({ disabilityGrade: '四级' }), reasons: ['disability'] },
    { name: 'other hardship', over: { otherHardship: '房屋失火' }, reasons: ['other'] },
    { name: 'blank other hardship', over: { otherHardship: '   ' }, reasons: [] },
    { name: 'nothing', over: {}, reasons: [] },
    {
      name: 'all five',
      over: {
        otherHardship: '房屋失火', disabilityGrade: '一级', maritalStatus: '丧偶', health: '肺病',
        members: [{ ...adultSon, occupation: '非义务教育在校' }], householdSize: 2,
      },
      reasons: ['illness', 'schooling', 'disability', 'singleParent', 'other'],
    },
  ])('$name → $reasons', ({ over, reasons }) => {
    expect(run({ householdAnnualIncome: 18000, ...over }).specialReasons).toEqual(reasons);
  });

  it('are listed below the line and above 130% too', () => {
    expect(run({ householdAnnualIncome: 1000, health: '肝病' })).toMatchObject({ conditions: ['C1'], specialReasons: ['illness'] });
    expect(run({ householdAnnualIncome: 90000, health: '肝病' })).toMatchObject({ conditions: [], specialReasons: ['illness'] });
  });
});

describe('single parent', () => {
  const child = (over: Input): Input => ({
    name: '王小', relation: '子', gender: '男', education: '小学', health: '良好', disabilityGrade: '无',
    annualIncome: 0, occupation: '其他', idNumber: mkId('20050101', '011'), ...over,
  });
  const single = (c: Input, maritalStatus = '离异') =>
    run({ maritalStatus, members: [c], householdSize: 2, householdAnnualIncome: 12000 }).specialReasons.includes('singleParent');

  it.each([
    { name: 'son aged 11, not in school', c: child({}), holds: true },
    { name: 'daughter aged 11', c: child({ relation: '女', gender: '女', idNumber: mkId('20050101', '022') }), holds: true },
    { name: 'son aged 17 (18 the day after the fill date)', c: child({ idNumber: mkId('19980511', '011') }), holds: true },
    { name: 'son aged 18 on the fill date, not in school', c: child({ idNumber: mkId('19980510', '011') }), holds: false },
    { name: 'adult son not in school', c: child({ idNumber: mkId('19900101', '011'), occupation: '在职' }), holds: false },
    {
      name: 'adult daughter in non-compulsory school',
      c: child({ relation: '女', gender: '女', idNumber: mkId('19960101', '022'), occupation: '非义务教育在校' }),
      holds: true,
    },
    { name: 'minor grandchild (孙子女)', c: child({ relation: '孙子女' }), holds: false },
    { name: 'minor sibling (兄弟姐妹)', c: child({ relation: '兄弟姐妹' }), holds: false },
    { name: 'no id number, in compulsory school', c: child({ idNumber: null, occupation: '义务教育在校' }), holds: true },
    { name: 'no id number, preschool (学龄前 occupation)', c: child({ idNumber: null, occupation: '学龄前', education: '学龄前' }), holds: true },
    { name: 'no id number, 学龄前 education only', c: child({ idNumber: null, education: '学龄前' }), holds: true },
    { name: 'no id number, age unknown, not in school', c: child({ idNumber: null, occupation: '在职', education: '高中' }), holds: false },
  ])('$name → $holds', ({ c, holds }) => {
    expect(single(c)).toBe(holds);
  });

  it.each([
    { status: '未婚', holds: true },
    { status: '离异', holds: true },
    { status: '丧偶', holds: true },
    { status: '已婚', holds: false },
  ])('worker $status with a son aged 11 → $holds', ({ status, holds }) => {
    expect(single(child({}), status)).toBe(holds);
  });

  it('makes C2 on its own and is named 单亲', () => {
    const r = run({ maritalStatus: '丧偶', members: [child({})], householdSize: 2, householdAnnualIncome: 12000, category: '低保边缘户' });
    expect(r).toMatchObject({ conditions: ['C2'], category: '低保边缘户', specialReasons: ['singleParent'], flags: [] });
    expect(r.explanation).toContain('有特殊困难（单亲）');
  });
});

describe('explanations', () => {
  it('is the spec sentence for a C1 household with nothing to flag', () => {
    const r = run({ householdAnnualIncome: 16200, receivesDibao: true });
    expect(r.explanation).toBe('家庭年人均收入 5,400.00 元，低于当地年低保标准 6,000.00 元（每月 500 元），符合条件一，建议困难类别：低保户。');
  });

  it('C2 names the band, the bound and the reasons', () => {
    const r = run({
      householdAnnualIncome: 20000, category: '低保边缘户', health: '癌症',
      members: [spouse, { ...adultSon, occupation: '义务教育在校', idNumber: mkId('20020918', '013') }],
    });
    expect(r.explanation).toBe(
      '家庭年人均收入 6,666.67 元，不低于当地年低保标准 6,000.00 元（每月 500 元），且不超过其 130%（7,800.00 元），' +
        '有特殊困难（患病、上学），符合条件二，建议困难类别：低保边缘户。',
    );
  });

  it('C2 band without a reason says so, and why C3 fails', () => {
    const r = run({ householdAnnualIncome: 20000, category: '低保边缘户' });
    expect(r.explanation).toContain('但无患病、上学、残疾、单亲或其他特殊困难，不符合条件二');
    expect(r.explanation).toContain('无医疗费、学费或意外支出，不符合条件三');
    expect(r.explanation).toContain('三项条件均不符合');
    expect(r.explanation).toContain('申报困难类别为低保边缘户，与识别结果不一致');
  });

  it('C3 shows the expense against the share of the income', () => {
    const r = run({ householdAnnualIncome: 40000, medicalExpense: 20000.01, category: '意外致困户' });
    expect(r.explanation).toBe(
      '家庭年人均收入 13,333.33 元，超过当地年低保标准 6,000.00 元（每月 500 元）的 130%（7,800.00 元），不符合条件一、条件二；' +
        '年医疗费个人支出 20,000.01 元超过家庭年度总收入 40,000.00 元的 50%（20,000.00 元），符合条件三，建议困难类别：意外致困户。',
    );
  });

  it('not eligible: the expense that did not exceed half', () => {
    const r = run({ householdAnnualIncome: 40000, medicalExpense: 20000, category: '意外致困户' });
    expect(r.explanation).toContain('年医疗费个人支出 20,000.00 元未超过家庭年度总收入 40,000.00 元的 50%（20,000.00 元），不符合条件三');
  });

  it('C1 and C3 together', () => {
    const r = identifyWithLine(hh({ householdSize: 1, members: [], householdAnnualIncome: 0, accidentExpense: 3000, category: '低保户' }), 560);
    expect(r.explanation).toBe(
      '家庭年人均收入 0.00 元，低于当地年低保标准 6,720.00 元（每月 560 元），符合条件一；' +
        '意外支出或损失 3,000.00 元超过家庭年度总收入 0.00 元的 50%（0.00 元），符合条件三，建议困难类别：低保户。' +
        '该户符合低保条件但未享受低保（应保未保），请协助申请。',
    );
  });

  it('dibaoAboveLine asks to check the entitlement', () => {
    const r = run({ householdAnnualIncome: 18000, health: '肺病', receivesDibao: true, category: '低保边缘户' });
    expect(r.explanation).toContain('该户享受低保，但家庭年人均收入不低于当地低保标准，请核实低保资格。');
  });

  it('above 130% by one fen, with a per-capita figure that rounds onto the bound', () => {
    const r = run({ householdAnnualIncome: 23400.01 });
    expect(r.perCapitaIncome).toBe(7800);
    expect(r.explanation).toContain('精确比较：家庭年度总收入 23,400.01 元超过 3 人合计 23,400.00 元');
  });

  it('a ratio of 1.15 reads 115%', () => {
    const r = identifyWithLine(hh({ householdAnnualIncome: 20000, health: '肺病' }), 500, { marginalRatio: '1.15' });
    expect(r.explanation).toContain('且不超过其 115%（6,900.00 元）');
  });
});

describe('policy, ratios and input checks', () => {
  it('records the policy used', () => {
    const r = identify(hh(), { regionCode: 'H04', year: 2016, monthlyLineFen: 53750, marginalRatio: '1.3', expenseRatio: '0.5', version: 7 });
    expect(r.policy).toEqual({ regionCode: 'H04', year: 2016, monthlyLine: 537.5, marginalRatio: '1.3', expenseRatio: '0.5', version: 7 });
  });

  it('policyForLine takes region and year from the file', () => {
    expect(policyForLine(hh({ regionCode: 'H02', fillDate: '2015-12-31' }), 48000)).toEqual({
      regionCode: 'H02', year: 2015, monthlyLineFen: 48000, marginalRatio: '1.3', expenseRatio: '0.5', version: null,
    });
  });

  it.each([
    { text: '1.3', r: { num: 13n, den: 10n, scale: 1 } },
    { text: '0.5', r: { num: 5n, den: 10n, scale: 1 } },
    { text: '2', r: { num: 2n, den: 1n, scale: 0 } },
    { text: '1.15', r: { num: 115n, den: 100n, scale: 2 } },
    { text: '1.', r: null },
    { text: '.5', r: null },
    { text: '-1', r: null },
    { text: '1,3', r: null },
    { text: '1e0', r: null },
    { text: '1.1234567', r: null },
  ])('parseRatio($text)', ({ text, r }) => {
    expect(parseRatio(text)).toEqual(r);
  });

  it('rejects a bad ratio or line instead of guessing', () => {
    const h = hh();
    const p = { regionCode: 'H04', year: 2016, monthlyLineFen: 50000, marginalRatio: '1.3', expenseRatio: '0.5', version: null };
    expect(() => identify(h, { ...p, marginalRatio: 'abc' })).toThrow(RangeError);
    expect(() => identify(h, { ...p, expenseRatio: '50%' })).toThrow(RangeError);
    expect(() => identify(h, { ...p, monthlyLineFen: 0 })).toThrow(RangeError);
    expect(() => identify(h, { ...p, monthlyLineFen: -100 })).toThrow(RangeError);
    expect(() => identify(h, { ...p, monthlyLineFen: 500.5 })).toThrow(RangeError);
    expect(() => identifyWithLine(h, 0)).toThrow(RangeError);
    expect(() => identifyWithLine(h, -500)).toThrow(RangeError);
    expect(() => identifyWithLine(h, 500.001)).toThrow(RangeError);
  });

  it('is pure: leaves the file unchanged and gives the same result twice', () => {
    const h = hh({ householdAnnualIncome: 18000, health: '肺病' });
    const before = structuredClone(h);
    const a = identifyWithLine(h, 500);
    expect(identifyWithLine(h, 500)).toEqual(a);
    expect(h).toEqual(before);
  });
});

describe('labels for the UI', () => {
  it('names every reason, condition and flag in Chinese', () => {
    expect(SPECIAL_REASONS.map((r) => SPECIAL_REASON_LABELS[r])).toEqual(['患病', '上学', '残疾', '单亲', '其他']);
    expect(EXPENSE_REASONS.map((r) => EXPENSE_REASON_LABELS[r])).toEqual(['医疗', '学费', '意外']);
    expect(CONDITION_LABELS).toEqual({ C1: '条件一', C2: '条件二', C3: '条件三' });
    expect(Object.keys(FLAG_LABELS)).toEqual([...IDENTIFY_FLAGS]);
    expect(FLAG_LABELS.dibaoNotReceived).toBe('应保未保');
  });
});
