// Test data for the end-to-end suite: valid identity numbers (GB 11643-1999), unique names and a
// valid household body for POST /api/households (the spec's first worked example, household.md).
//
// All e2e files of a run share one database and each file runs in its own module instance, so
// module counters alone would repeat across files: uniqueness comes from a per-process random
// seed plus a counter.
import { randomInt } from 'node:crypto';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** The check character of the first 17 digits, written out from household.md (independent of core). */
export function idCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`idCheckChar: need 17 digits, got ${first17}`);
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

let seq = randomInt(0, 500);

/**
 * A valid 18-digit identity number: Jingmen area code, the given birth date (YYYYMMDD) and gender,
 * a fresh sequence. Without a birth date, a random one in 1960–1985 (so that numbers of different
 * files and runs do not collide: unique among files that are not removed is a server rule).
 */
export function makeIdNumber(gender: '男' | '女' = '男', birth?: string, area = '420802'): string {
  const b = birth ?? randomBirth(1960, 1985);
  seq = (seq + 1) % 500;
  // 3-digit sequence: 2 digits of sequence + the gender digit (odd for men, even for women)
  const genderDigit = 2 * randomInt(0, 5) + (gender === '男' ? 1 : 0);
  const first17 = `${area}${b}${String(seq % 100).padStart(2, '0')}${genderDigit}`;
  return first17 + idCheckChar(first17);
}

function randomBirth(fromYear: number, toYear: number): string {
  const y = randomInt(fromYear, toYear + 1);
  const m = randomInt(1, 13);
  const d = randomInt(1, 29);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

/** A well-formed number with a wrong check character (the last character is changed). */
export function badCheckIdNumber(gender: '男' | '女' = '男'): string {
  const good = makeIdNumber(gender);
  const last = good[17] === 'X' ? '0' : good[17] === '9' ? 'X' : String(Number(good[17]) + 1);
  return good.slice(0, 17) + last;
}

/** 420802********0519: 6 digits, 8 stars, the last 4 (what the list shows). */
export function maskedId(id: string): string {
  return `${id.slice(0, 6)}********${id.slice(14)}`;
}

// Characters for unique Chinese names (the list searches names by prefix).
const NAME_CHARS = '安宝春德东芳刚国海红华建江杰俊兰磊丽林玲敏明娜平强庆荣瑞山胜涛伟文霞祥新秀燕勇玉志忠';
let nameCounter = randomInt(0, 1000);

/** A Chinese name unique within the run, e.g. 测王芳涛德; the prefix makes its test easy to spot. */
export function uniqueName(prefix = '测'): string {
  nameCounter++;
  let s = '';
  for (let i = 0; i < 4; i++) s += NAME_CHARS[randomInt(0, NAME_CHARS.length)];
  return `${prefix}${s}${NAME_CHARS[nameCounter % NAME_CHARS.length]}`.slice(0, 20);
}

/** A username unique within the run: letters, digits and _ (3–32 characters). */
export function uniqueUsername(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}${randomInt(0, 1296).toString(36)}`.slice(0, 32);
}

export type Json = Record<string, unknown>;

/** A valid household body for POST /api/households: region H04, three people, two members. */
export function makeHousehold(overrides: Json = {}): Json {
  return {
    regionCode: 'H04',
    fillDate: '2016-05-10',
    category: '低保户',
    name: uniqueName(),
    gender: '男',
    ethnicity: '汉族',
    idNumber: makeIdNumber('男'),
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
    ownAnnualIncome: 6000,
    householdAnnualIncome: 18000,
    householdSize: 3,
    householdAnnualExpense: 20000,
    medicalExpense: 0,
    tuitionExpense: 0,
    accidentExpense: 0,
    lostWorkCapacity: false,
    rightsInfringed: false,
    wantsToStartBusiness: false,
    members: [
      { name: '李秀兰', relation: '配偶', gender: '女', education: '初中', idNumber: makeIdNumber('女'), health: '良好', disabilityGrade: '无', annualIncome: 12000, occupation: '灵活就业' },
      { name: '王磊', relation: '子', gender: '男', education: '初中', idNumber: makeIdNumber('男', '20020918'), health: '良好', disabilityGrade: '无', annualIncome: 0, occupation: '义务教育在校', unitOrSchool: '荆门市第一中学' },
    ],
    causes: ['因未就业'],
    causeDescription: '企业半停产，本人下岗',
    ...overrides,
  };
}
