import { afterEach, describe, it, expect, vi } from 'vitest';
import { parseHousehold, formatPath, type FieldError, type ParseResult } from './household.js';
import { exampleHousehold } from '../test/fixtures/example-household.js';


/** A member without identity number, for building large families. */
const plainMember = (i: number) => ({
  name: `成员${i}`,
  relation: '其他',
  gender: '男',
  education: '初中',
  health: '良好',
  annualIncome: 0,
  occupation: '其他',
});

function errorsOf(r: ParseResult): FieldError[] {
  if (r.ok) throw new Error('expected errors, got a parsed household');
  return r.errors;
}
function errorAt(r: ParseResult, path: string): FieldError | undefined {
  return errorsOf(r).find((e) => e.path === path);
}
const CHINESE = /[\u4e00-\u9fa5]/;

describe('parseHousehold: the example household', () => {
  it('is accepted; money becomes integer fen, "" optional fields become null, defaults apply', () => {
    const r = parseHousehold(exampleHousehold());
    expect(r).toEqual({
      ok: true,
      data: {
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
        medicalExpense: 0,
        tuitionExpense: 0,
        accidentExpense: 0,
        lostWorkCapacity: false,
        otherHardship: null,
        rightsInfringed: false,
        wantsToStartBusiness: false,
        members: [
          {
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
          },
          {
            name: '王磊',
            relation: '子',
            gender: '男',
            education: '初中',
            idNumber: '420802200209180139',
            health: '良好',
            disabilityGrade: '无',
            annualIncome: 0,
            occupation: '义务教育在校',
            unitOrSchool: '荆门市第一中学',
            skillLevel: null,
          },
        ],
        causes: ['因未就业'],
        causeDescription: '企业半停产，本人下岗',
        needs: null,
        measures: null,
      },
    });
  });

  it.each([
    ['ownAnnualIncome', 0.29, 29],
    ['ownAnnualIncome', '0.29', 29],
    ['ownAnnualIncome', 1234.5, 123_450],
    ['ownAnnualIncome', '6,000.50', 600_050],
    ['householdAnnualIncome', 15000.01, 1_500_001],
    ['householdAnnualExpense', '20000', 2_000_000],
    ['medicalExpense', 3456.78, 345_678],
    ['tuitionExpense', 0.57, 57],
    ['accidentExpense', 10_000_000, 1_000_000_000],
  ])('%s %j → %d fen', (key, yuan, fen) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: yuan });
    expect(r.ok && r.data[key as 'ownAnnualIncome']).toBe(fen);
  });

  it('a member income becomes fen', () => {
    const h = exampleHousehold();
    h.members[1].annualIncome = '1,200.3';
    const r = parseHousehold(h);
    expect(r.ok && r.data.members[1].annualIncome).toBe(120_030);
  });

  it('a worker with no family members (members absent or null) is accepted', () => {
    for (const members of [undefined, null, []]) {
      const r = parseHousehold({ ...exampleHousehold(), householdSize: 1, members });
      expect(r.ok && r.data.members).toEqual([]);
    }
  });

  it('identity numbers are stored upper-case (lowercase x accepted)', () => {
    const h = exampleHousehold();
    h.idNumber = '11010519491231002x'; // a woman born 1949-12-31
    h.gender = '女';
    h.members[0].idNumber = ' 11010219840406970x '; // a woman born 1984-04-06
    const r = parseHousehold(h);
    expect(r.ok && r.data.idNumber).toBe('11010519491231002X');
    expect(r.ok && r.data.members[0].idNumber).toBe('11010219840406970X');
  });
});

describe('parseHousehold: a missing required field gives an error at its path, in Chinese', () => {
  const required: [string, string][] = [
    ['regionCode', '所属地区'],
    ['fillDate', '填报日期'],
    ['category', '困难类别'],
    ['name', '姓名'],
    ['gender', '性别'],
    ['ethnicity', '民族'],
    ['idNumber', '身份证号'],
    ['education', '文化程度'],
    ['politicalStatus', '政治面貌'],
    ['address', '家庭住址'],
    ['phone', '联系电话'],
    ['employer', '工作单位'],
    ['maritalStatus', '婚姻状况'],
    ['health', '健康状况'],
    ['unitNature', '单位性质'],
    ['serviceYears', '工龄'],
    ['medicalInsurance', '医保类型'],
    ['disabilityGrade', '残疾等级'],
    ['enterpriseStatus', '企业状况'],
    ['workStatus', '工作状况'],
    ['receivesDibao', '是否享受低保'],
    ['ownAnnualIncome', '本人年收入'],
    ['householdAnnualIncome', '家庭年度总收入'],
    ['householdSize', '家庭人口'],
    ['householdAnnualExpense', '家庭年度支出'],
    ['causes', '致困原因'],
  ];

  it.each(required)('%s absent', (key, label) => {
    const h = exampleHousehold();
    delete h[key];
    const r = parseHousehold(h);
    const e = errorAt(r, key);
    expect(e, JSON.stringify(errorsOf(r))).toBeDefined();
    expect(e!.message).toMatch(CHINESE);
    expect(e!.message).toContain(label);
  });

  it.each(required)('%s null', (key, label) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: null });
    expect(errorAt(r, key)?.message).toContain(label);
  });

  it.each(required.filter(([k]) => !['serviceYears', 'receivesDibao', 'householdSize', 'causes'].includes(k)))('%s ""', (key, label) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: '' });
    expect(errorAt(r, key)?.message).toContain(label);
  });

  it.each(['name', 'address', 'employer', 'health', 'phone', 'idNumber'])('%s of blanks only is missing', (key) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: '   ' });
    expect(errorAt(r, key)?.message).toMatch(CHINESE);
  });

  it('causes [] → at least one', () => {
    const r = parseHousehold({ ...exampleHousehold(), causes: [] });
    expect(errorAt(r, 'causes')?.message).toContain('至少选择一项');
  });

  it('an empty object reports every required field at once', () => {
    const r = parseHousehold({});
    const paths = errorsOf(r).map((e) => e.path);
    for (const [key] of required) expect(paths).toContain(key);
    // optional fields are not reported
    for (const key of ['workerNo', 'unitId', 'modelWorker', 'skillLevel', 'medicalExpense', 'members', 'needs', 'measures'])
      expect(paths).not.toContain(key);
  });

  const memberRequired: [string, string][] = [
    ['name', '姓名'],
    ['relation', '关系'],
    ['gender', '性别'],
    ['education', '文化程度'],
    ['health', '健康状况'],
    ['annualIncome', '年收入'],
    ['occupation', '就业（学）状况'],
  ];
  it.each(memberRequired)('members[1].%s absent', (key, label) => {
    const h = exampleHousehold();
    delete h.members[1][key];
    const r = parseHousehold(h);
    const e = errorAt(r, `members[1].${key}`);
    expect(e, JSON.stringify(errorsOf(r))).toBeDefined();
    expect(e!.message).toContain(label);
  });

  it('a member without identity number or disability grade is accepted (grade defaults to 无)', () => {
    const h = exampleHousehold();
    delete h.members[1].idNumber;
    delete h.members[1].disabilityGrade;
    h.members[0].idNumber = '';
    h.members[0].disabilityGrade = '';
    const r = parseHousehold(h);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.data.members.map((m) => m.idNumber)).toEqual([null, null]);
      expect(r.data.members.map((m) => m.disabilityGrade)).toEqual(['无', '无']);
    }
  });
});

describe('parseHousehold: a wrong enumerated value names the field and the allowed values', () => {
  it.each([
    ['category', '特困户', '困难类别', ['低保户', '低保边缘户', '意外致困户']],
    ['gender', '男性', '性别', ['男', '女']],
    ['education', '本科', '文化程度', ['研究生', '大学本科', '大学专科', '中专', '技工学校', '高中', '初中', '小学', '文盲或半文盲']],
    ['politicalStatus', '党员', '政治面貌', ['中共党员', '共青团员', '群众', '民主党派']],
    ['maritalStatus', '再婚', '婚姻状况', ['未婚', '已婚', '离异', '丧偶']],
    ['unitNature', '私营企业', '单位性质', ['国家机关/事业单位', '国有企业', '非公企业']],
    ['medicalInsurance', '新农合', '医保类型', ['居民医保', '职工医保', '无医保', '公费医疗']],
    ['disabilityGrade', '五级', '残疾等级', ['无', '一级', '二级', '三级', '四级']],
    ['enterpriseStatus', '关闭', '企业状况', ['正常', '半停产', '停产', '破产']],
    ['workStatus', '下(待)岗', '工作状况', ['在岗', '下（待）岗', '病休', '内退']], // half-width brackets are not the value
    ['modelWorker', '县级劳模', '劳模类型', ['全国劳模', '省部级劳模', '地市级劳模']],
  ])('%s %j', (key, value, label, allowed) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: value });
    const e = errorAt(r, key);
    expect(e, JSON.stringify(errorsOf(r))).toBeDefined();
    expect(e!.message).toContain(label);
    expect(e!.message).toContain(value);
    for (const v of allowed) expect(e!.message).toContain(v);
  });

  it('ethnicity 汉 (not one of GB/T 3304) names the field and gives examples', () => {
    const e = errorAt(parseHousehold({ ...exampleHousehold(), ethnicity: '汉' }), 'ethnicity');
    expect(e?.message).toContain('民族');
    expect(e?.message).toContain('汉族');
  });

  it.each(['汉族', '土家族', '基诺族', '其他', '外国血统中国籍人士'])('ethnicity %s accepted', (ethnicity) => {
    expect(parseHousehold({ ...exampleHousehold(), ethnicity }).ok).toBe(true);
  });

  it('a wrong cause is reported at its index', () => {
    const e = errorAt(parseHousehold({ ...exampleHousehold(), causes: ['因病', '失业'] }), 'causes[1]');
    expect(e?.message).toContain('致困原因');
    for (const v of ['因病', '子女上学', '因意外', '因未就业', '其它']) expect(e?.message).toContain(v);
  });

  it.each([
    ['occupation', '上学', '就业（学）状况', ['在职', '灵活就业', '失业', '退休', '务农', '学龄前', '义务教育在校', '非义务教育在校', '丧失劳动能力', '其他']],
    ['education', '学前', '文化程度', ['学龄前', '研究生', '文盲或半文盲']],
    ['gender', 'F', '性别', ['男', '女']],
    ['relation', '丈夫', '关系', ['配偶']],
  ])('members[1].%s %j', (key, value, label, allowed) => {
    const h = exampleHousehold();
    h.members[1][key] = value;
    const e = errorAt(parseHousehold(h), `members[1].${key}`);
    expect(e?.message).toContain(label);
    expect(e?.message).toContain(value);
    for (const v of allowed) expect(e?.message).toContain(v);
  });

  it('a member may be 学龄前 in education, the worker may not', () => {
    const h = exampleHousehold();
    h.members[1].education = '学龄前';
    expect(parseHousehold(h).ok).toBe(true);
    expect(errorAt(parseHousehold({ ...exampleHousehold(), education: '学龄前' }), 'education')).toBeDefined();
  });
});

describe('parseHousehold: all errors of one request in ONE result', () => {
  it('an invalid identity number, a wrong enumerated value and a missing field together', () => {
    const h = exampleHousehold();
    h.idNumber = '420802196803120510'; // check character should be 9
    h.category = '特困户';
    delete h.address;
    const errors = errorsOf(parseHousehold(h));
    const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
    expect(byPath.idNumber).toContain('校验位');
    expect(byPath.category).toContain('困难类别');
    expect(byPath.address).toContain('家庭住址');
  });

  it('many errors across worker, money, size and members at once', () => {
    const h = exampleHousehold();
    h.idNumber = '4208021968031205'; // too short
    h.ethnicity = '汉';
    delete h.phone;
    h.ownAnnualIncome = 6000.123;
    h.householdSize = 0;
    h.members[0].relation = '丈夫';
    h.members[1].idNumber = '420802200209180130'; // check character should be 9
    h.causes = ['其它'];
    h.causeDescription = '';
    const paths = errorsOf(parseHousehold(h)).map((e) => e.path);
    for (const p of ['idNumber', 'ethnicity', 'phone', 'ownAnnualIncome', 'householdSize', 'members[0].relation', 'members[1].idNumber', 'causeDescription'])
      expect(paths).toContain(p);
  });

  it('cross-field checks still run when a field failed: wrong gender and a missing field', () => {
    const h = exampleHousehold();
    h.gender = '女';
    delete h.employer;
    const paths = errorsOf(parseHousehold(h)).map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['gender', 'employer']));
  });

  it('one error per field, every error has a message in Chinese', () => {
    const errors = errorsOf(parseHousehold({ name: '王' }));
    const paths = errors.map((e) => e.path);
    expect(new Set(paths).size).toBe(paths.length);
    for (const e of errors) expect(e.message).toMatch(CHINESE);
  });
});

describe('parseHousehold: identity numbers', () => {
  it.each([
    ['420802196803120510', '校验位'], // wrong check character
    ['4208021968031205', '18'],
    ['42080219680312051Y', '数字'],
    ['100802196803120514', '10'], // no province 10 (check character right)
    ['440524188001010014', '120'], // aged 136 on 2016-05-10
    ['420802201605110014', '晚于'], // born after the fill date
  ])('worker %s → error at idNumber (%s)', (idNumber, word) => {
    const e = errorAt(parseHousehold({ ...exampleHousehold(), idNumber }), 'idNumber');
    expect(e?.message).toContain(word);
  });

  it('a legacy 15-digit number is not accepted by the schema (import converts it)', () => {
    expect(errorAt(parseHousehold({ ...exampleHousehold(), idNumber: '422201720809227' }), 'idNumber')).toBeDefined();
  });

  it('member errors carry paths like members[1].idNumber', () => {
    const h = exampleHousehold();
    h.members[1].idNumber = '420802200209180130';
    const r = parseHousehold(h);
    expect(errorsOf(r).map((e) => e.path)).toEqual(['members[1].idNumber']);
    expect(errorAt(r, 'members[1].idNumber')?.message).toContain('校验位');
  });

  it('a member born after the fill date is rejected at members[0].idNumber', () => {
    const h = exampleHousehold();
    h.members[0].idNumber = '420802201605110014';
    expect(errorAt(parseHousehold(h), 'members[0].idNumber')?.message).toContain('晚于');
  });
});

describe('parseHousehold: gender must agree with the identity number', () => {
  it('worker: 17th digit 1 (男) but 女 declared → error at gender', () => {
    const r = parseHousehold({ ...exampleHousehold(), gender: '女' });
    expect(errorsOf(r)).toEqual([{ path: 'gender', message: expect.stringContaining('性别与身份证号不符') }]);
  });

  it('worker: 11010519491231002X is a woman, 男 declared → error at gender', () => {
    const r = parseHousehold({ ...exampleHousehold(), idNumber: '11010519491231002X', gender: '男' });
    expect(errorAt(r, 'gender')?.message).toContain('女');
  });

  it.each([
    [0, '男', '女'], // 420802197007050622: 17th digit 2
    [1, '女', '男'], // 420802200209180139: 17th digit 3
  ])('members[%d] declared %s but the number says %s', (i, declared, actual) => {
    const h = exampleHousehold();
    h.members[i].gender = declared;
    const r = parseHousehold(h);
    expect(errorsOf(r)).toEqual([{ path: `members[${i}].gender`, message: expect.stringContaining(actual) }]);
  });

  it('a member without identity number may have either gender', () => {
    const h = exampleHousehold();
    h.members[0].idNumber = null;
    h.members[0].gender = '男';
    expect(parseHousehold(h).ok).toBe(true);
  });
});

describe('parseHousehold: optional fields', () => {
  it.each(['workerNo', 'unitId', 'modelWorker', 'skillLevel', 'otherHardship', 'needs', 'measures'])('%s "" → null', (key) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: '' });
    expect(r.ok && r.data[key as 'needs']).toBeNull();
  });

  it.each(['skillLevel', 'otherHardship', 'needs', 'measures', 'causeDescription'])('%s of blanks → null', (key) => {
    const r = parseHousehold({ ...exampleHousehold(), [key]: '   ' });
    expect(r.ok && r.data[key as 'needs']).toBeNull();
  });

  it.each(['workerNo', 'unitId', 'modelWorker', 'skillLevel', 'otherHardship', 'needs', 'measures', 'causeDescription'])('%s absent → null', (key) => {
    const h = exampleHousehold();
    delete h[key];
    const r = parseHousehold(h);
    expect(r.ok && r.data[key as 'needs']).toBeNull();
  });

  it('member optional text "" → null', () => {
    const h = exampleHousehold();
    h.members[1].unitOrSchool = '';
    h.members[1].skillLevel = '';
    const r = parseHousehold(h);
    expect(r.ok && r.data.members[1].unitOrSchool).toBeNull();
    expect(r.ok && r.data.members[1].skillLevel).toBeNull();
  });

  it.each(['medicalExpense', 'tuitionExpense', 'accidentExpense'])('%s absent, null or "" → 0 fen', (key) => {
    for (const v of [undefined, null, '']) {
      const r = parseHousehold({ ...exampleHousehold(), [key]: v });
      expect(r.ok && r.data[key as 'medicalExpense']).toBe(0);
    }
  });

  it.each(['lostWorkCapacity', 'rightsInfringed', 'wantsToStartBusiness'])('%s absent → false, true kept', (key) => {
    const h = exampleHousehold();
    delete h[key];
    const r = parseHousehold(h);
    expect(r.ok && r.data[key as 'rightsInfringed']).toBe(false);
    const r2 = parseHousehold({ ...exampleHousehold(), [key]: true });
    expect(r2.ok && r2.data[key as 'rightsInfringed']).toBe(true);
  });

  it('optional text is trimmed', () => {
    const r = parseHousehold({ ...exampleHousehold(), needs: '  就业帮扶  ' });
    expect(r.ok && r.data.needs).toBe('就业帮扶');
  });

  it('workerNo of the right form is kept; a wrong form is an error at workerNo', () => {
    const r = parseHousehold({ ...exampleHousehold(), workerNo: 'H0400123' });
    expect(r.ok && r.data.workerNo).toBe('H0400123');
    expect(errorAt(parseHousehold({ ...exampleHousehold(), workerNo: 'H04-123' }), 'workerNo')?.message).toMatch(CHINESE);
  });

  it('modelWorker with a right value is kept', () => {
    const r = parseHousehold({ ...exampleHousehold(), modelWorker: '地市级劳模' });
    expect(r.ok && r.data.modelWorker).toBe('地市级劳模');
  });
});

describe('parseHousehold: causes', () => {
  it.each([undefined, null, '', '   '])('其它 without causeDescription (%j) → error at causeDescription', (causeDescription) => {
    const r = parseHousehold({ ...exampleHousehold(), causes: ['因病', '其它'], causeDescription });
    const e = errorAt(r, 'causeDescription');
    expect(e?.message).toContain('其它');
  });

  it('其它 with a description is accepted', () => {
    const r = parseHousehold({ ...exampleHousehold(), causes: ['其它'], causeDescription: '房屋失火' });
    expect(r.ok && r.data.causeDescription).toBe('房屋失火');
  });

  it('without 其它 no description is needed', () => {
    const r = parseHousehold({ ...exampleHousehold(), causes: ['因病', '子女上学'], causeDescription: null });
    expect(r.ok).toBe(true);
  });
});

describe('parseHousehold: fill date', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    // [now (UTC), fill date, ok]
    ['2016-05-10T02:00:00Z', '2016-05-10', true], // today
    ['2016-05-10T02:00:00Z', '2016-05-09', true],
    ['2016-05-10T02:00:00Z', '2016-05-11', false], // tomorrow
    ['2016-05-09T16:30:00Z', '2016-05-10', true], // already 2016-05-10 00:30 in China
    ['2016-05-09T15:30:00Z', '2016-05-10', false], // still 2016-05-09 23:30 in China
    ['2016-05-10T02:00:00Z', '2099-01-01', false],
  ])('now %s, fill date %s → ok=%s', (now, fillDate, ok) => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(now));
    const r = parseHousehold({ ...exampleHousehold(), fillDate });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(errorAt(r, 'fillDate')?.message).toContain('不能晚于今天');
  });

  it.each(['2016-02-30', '2015-02-29', '2016/05/10', '20160510', '2016-5-10', 20160510])('%j is not a date → error at fillDate', (fillDate) => {
    const e = errorAt(parseHousehold({ ...exampleHousehold(), fillDate }), 'fillDate');
    expect(e?.message).toContain('填报日期');
  });
});

describe('parseHousehold: money', () => {
  it.each([
    ['ownAnnualIncome', 6000.123, '两位小数'],
    ['householdAnnualIncome', '15000.001', '两位小数'],
    ['householdAnnualExpense', -1, '负数'],
    ['medicalExpense', '-0.01', '负数'],
    ['ownAnnualIncome', 'abc', '金额'],
    ['ownAnnualIncome', true, '本人年收入'],
    ['tuitionExpense', 10_000_000.01, '10,000,000'],
  ])('%s %j → error at that field (%s)', (key, value, word) => {
    const e = errorAt(parseHousehold({ ...exampleHousehold(), [key]: value }), key);
    expect(e?.message).toContain(word);
  });

  it('the error names the field', () => {
    expect(errorAt(parseHousehold({ ...exampleHousehold(), ownAnnualIncome: 6000.123 }), 'ownAnnualIncome')?.message).toContain('本人年收入');
  });

  it('member money with 3 decimals → members[0].annualIncome', () => {
    const h = exampleHousehold();
    h.members[0].annualIncome = 12000.005;
    expect(errorAt(parseHousehold(h), 'members[0].annualIncome')?.message).toContain('两位小数');
  });
});

describe('parseHousehold: numbers and sizes', () => {
  it.each([
    [0, false],
    [1, true],
    [3, true],
    [20, true],
    [21, false],
    [2.5, false],
    [-1, false],
    ['3', false],
  ])('householdSize %j → ok=%s', (householdSize, ok) => {
    const r = parseHousehold({ ...exampleHousehold(), householdSize });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(errorAt(r, 'householdSize')?.message).toContain('家庭人口');
  });

  it.each([
    [0, true],
    [60, true],
    [61, false],
    [-1, false],
    [25.5, false],
  ])('serviceYears %j → ok=%s', (serviceYears, ok) => {
    const r = parseHousehold({ ...exampleHousehold(), serviceYears });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(errorAt(r, 'serviceYears')?.message).toContain('工龄');
  });

  it.each([
    [19, true],
    [20, false],
  ])('%d members → ok=%s', (n, ok) => {
    const members = Array.from({ length: n }, (_, i) => plainMember(i));
    const r = parseHousehold({ ...exampleHousehold(), householdSize: 20, members });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(errorAt(r, 'members')?.message).toContain('19');
  });

  it('members not a list → error at members', () => {
    expect(errorAt(parseHousehold({ ...exampleHousehold(), members: '李秀兰' }), 'members')?.message).toMatch(CHINESE);
  });

  it.each([
    ['王', false],
    ['王磊', true],
    ['阿依古丽·买买提', true],
    ['王'.repeat(20), true],
    ['王'.repeat(21), false],
  ])('name %j → ok=%s', (name, ok) => {
    const r = parseHousehold({ ...exampleHousehold(), name });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(errorAt(r, 'name')?.message).toContain('姓名');
  });

  it.each([
    ['13907240001', true],
    ['0724-2360130', true],
    ['07242360130', true],
    ['1390724000', false],
    ['2360130', false],
    ['phone', false],
  ])('phone %j → ok=%s', (phone, ok) => {
    const r = parseHousehold({ ...exampleHousehold(), phone });
    expect(r.ok).toBe(ok);
    if (!r.ok) expect(errorAt(r, 'phone')?.message).toContain('联系电话');
  });
});

describe('parseHousehold: perCapitaIncome is never accepted from input', () => {
  it('an extra perCapitaIncome key is ignored', () => {
    const r = parseHousehold({ ...exampleHousehold(), perCapitaIncome: 99999 });
    expect(r.ok).toBe(true);
    if (r.ok) expect('perCapitaIncome' in r.data).toBe(false);
  });

  it('even an invalid perCapitaIncome does not fail the file', () => {
    const r = parseHousehold({ ...exampleHousehold(), perCapitaIncome: 'abc' });
    expect(r.ok).toBe(true);
  });

  it('other unknown keys are dropped too', () => {
    const r = parseHousehold({ ...exampleHousehold(), id: 7, status: 'removed' });
    expect(r.ok && Object.keys(r.data)).not.toEqual(expect.arrayContaining(['id']));
    expect(r.ok && Object.keys(r.data)).not.toEqual(expect.arrayContaining(['status']));
  });
});

describe('parseHousehold: not an object', () => {
  it.each([null, undefined, 42, 'household', true, [], [exampleHousehold()]])('%j → one clear error', (input) => {
    expect(parseHousehold(input)).toEqual({ ok: false, errors: [{ path: '', message: '档案应为一个 JSON 对象' }] });
  });
});

describe('formatPath', () => {
  it.each([
    [[], ''],
    [['idNumber'], 'idNumber'],
    [['members', 1, 'idNumber'], 'members[1].idNumber'],
    [['causes', 0], 'causes[0]'],
    [['members', 12, 'annualIncome'], 'members[12].annualIncome'],
  ] as [PropertyKey[], string][])('%j → %s', (path, text) => {
    expect(formatPath(path)).toBe(text);
  });
});
