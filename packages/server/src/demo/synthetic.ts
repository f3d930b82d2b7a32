// Synthetic household files (困难职工档案) for the demo and the benchmark: realistic Jingmen data that
// core's parseHousehold accepts. Deterministic for a seed, and cheap enough to make a million of:
// no Date objects, no regular expressions, no JSON, all tables built once at module load.
//
// Realism, briefly: weighted surnames and given names by gender and birth decade; identity numbers
// (GB 11643) with Jingmen area codes that fit the region, birth dates that fit the ages, the gender
// digit and core's check character; families whose ages, schooling and jobs agree; incomes steered
// around the 2016 urban minimum line (500 yuan a month, 6,000 a year) so that a demo has households
// below the line, in the 100–130% band and above it; expenses, causes and the declared category that
// follow from the data (the category sometimes does not, as on real forms); a few realistic data
// errors (household size off by one, total income below the sum of incomes, small children without
// an identity number, an odd skill level) that the system reports as warnings, never errors.
import { idCheckChar, type HouseholdInput } from '@bangfu/core';

type MemberInput = NonNullable<HouseholdInput['members']>[number];
type Category = HouseholdInput['category'];
type Education = HouseholdInput['education'];
type MemberEducation = MemberInput['education'];
type Relation = MemberInput['relation'];
type Occupation = MemberInput['occupation'];
type UnitNature = HouseholdInput['unitNature'];
type EnterpriseStatus = HouseholdInput['enterpriseStatus'];
type WorkStatus = HouseholdInput['workStatus'];
type MaritalStatus = HouseholdInput['maritalStatus'];
type Disability = HouseholdInput['disabilityGrade'];
type Cause = HouseholdInput['causes'][number];

/** The default line the generated incomes are spread around: 500 yuan a month, i.e. 6,000 a year. */
export const SYNTHETIC_MONTHLY_LINE = 500;

export const SYNTHETIC_REGIONS = ['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08'] as const;

// ---------------------------------------------------------------------------------------------
// Random numbers

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** Uniform in [min, max). */
  float(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(p: number): boolean;
}

class Mulberry32 implements Rng {
  private s: number;
  constructor(seed: number) {
    this.s = seed >>> 0;
  }
  next(): number {
    this.s = (this.s + 0x6d2b79f5) | 0;
    let t = Math.imul(this.s ^ (this.s >>> 15), 1 | this.s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** mulberry32: a small, fast, deterministic PRNG (32-bit state). Not for anything secret. */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed);
}

/** A list with weights, sampled in O(log n). Built once at module load. */
class Weighted<T> {
  readonly items: readonly T[];
  private readonly cum: Float64Array;
  private readonly total: number;
  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = pairs.map((p) => p[0]);
    this.cum = new Float64Array(pairs.length);
    let s = 0;
    for (let i = 0; i < pairs.length; i++) this.cum[i] = s += pairs[i][1];
    this.total = s;
  }
  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cum[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

const w = <const T>(pairs: readonly (readonly [T, number])[]) => new Weighted<T>(pairs);
const words = (s: string): string[] => s.split(' ').filter((x) => x !== '');

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic on day numbers (days since 1970-01-01), after H. Hinnant's algorithms.

function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

const PAD2: string[] = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));
const PAD3: string[] = Array.from({ length: 1000 }, (_, i) => (i < 10 ? `00${i}` : i < 100 ? `0${i}` : String(i)));
const DAYS_1900 = 25567; // 1900-01-01 → 1970-01-01
const YEAR_DAYS = 365.2425;

const DEFAULT_FILL_FROM = daysFromCivil(2016, 3, 25);
const DEFAULT_FILL_TO = daysFromCivil(2016, 6, 20);

interface Person extends Ymd {
  male: boolean;
  /** day number of the birth date */
  birth: number;
  /** whole years at the fill date */
  age: number;
}

function person(birth: number, male: boolean, fill: Ymd): Person {
  const b = civilFromDays(birth);
  const age = fill.y - b.y - (fill.m < b.m || (fill.m === b.m && fill.d < b.d) ? 1 : 0);
  return { y: b.y, m: b.m, d: b.d, male, birth, age };
}

// ---------------------------------------------------------------------------------------------
// Identity numbers

/** Area codes that the generator uses; their position is part of the uniqueness key. */
const AREA_CODES = ['420800', '420802', '420804', '420821', '420822', '420881', '420882'] as const;
type AreaCode = (typeof AREA_CODES)[number];
const AREA_INDEX: Record<string, number> = Object.fromEntries(AREA_CODES.map((c, i) => [c, i]));
const ANY_JINGMEN_AREA = w<AreaCode>([
  ['420802', 26], ['420804', 12], ['420800', 6], ['420821', 16], ['420882', 2], ['420822', 14], ['420881', 24],
]);

/**
 * Identity numbers already handed out, so that a set of households never repeats one. Keys are
 * small integers (area, birth date, sequence), so a million households cost a few tens of MB.
 */
export interface IdPool {
  readonly used: Set<number>;
}

export function createIdPool(): IdPool {
  return { used: new Set<number>() };
}

function idKey(area: string, birth: number, seq: number): number {
  return ((AREA_INDEX[area] ?? 7) * 100000 + birth + DAYS_1900) * 1000 + seq;
}

function idNumber(area: string, p: Ymd, seq: number): string {
  const first17 = area + p.y + PAD2[p.m] + PAD2[p.d] + PAD3[seq];
  return first17 + idCheckChar(first17);
}

// The 3-digit sequence is "PPD": D is odd for men, even for women. Workers get even PP, family members
// odd PP, so a worker's number never collides with a family member's.
//
// Workers' birth dates and sequences come from a table per fill year: each day of the window (ages
// about 25–60) has room for up to 250 workers, fewer at the ends, so that a uniform slot gives a
// realistic age profile (mostly 30–58, peak in the forties and early fifties). With `index`, the slot
// is an affine permutation of the index modulo `capacity` (about two million): indices distinct modulo
// capacity give distinct worker identity numbers without any shared state, even across processes.

interface WorkerTable {
  start: number;
  days: number;
  cum: Int32Array;
  capacity: number;
  a: number;
  b: number;
}

const AGE_KNOTS: readonly (readonly [number, number])[] = [
  [24, 0.03], [28, 0.15], [30, 0.32], [35, 0.62], [40, 0.9], [44, 1], [52, 1], [55, 0.78], [58, 0.45], [60, 0.2], [62, 0.05],
];

function workerAgeWeight(age: number): number {
  if (age <= AGE_KNOTS[0][0]) return AGE_KNOTS[0][1];
  for (let i = 1; i < AGE_KNOTS.length; i++) {
    const [a1, w1] = AGE_KNOTS[i];
    if (age <= a1) {
      const [a0, w0] = AGE_KNOTS[i - 1];
      return w0 + ((w1 - w0) * (age - a0)) / (a1 - a0);
    }
  }
  return AGE_KNOTS[AGE_KNOTS.length - 1][1];
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

const workerTables = new Map<number, WorkerTable>();

function workerTable(fillYear: number): WorkerTable {
  let t = workerTables.get(fillYear);
  if (t) return t;
  const start = daysFromCivil(fillYear - 61, 6, 21);
  const end = daysFromCivil(fillYear - 25, 3, 24);
  const days = end - start + 1;
  const ref = daysFromCivil(fillYear, 5, 1);
  const cum = new Int32Array(days + 1);
  for (let i = 0; i < days; i++) cum[i + 1] = cum[i] + Math.max(1, Math.round(250 * workerAgeWeight((ref - start - i) / YEAR_DAYS)));
  const capacity = cum[days];
  let a = Math.floor(capacity * 0.6180339887);
  while (gcd(a, capacity) !== 1) a++;
  t = { start, days, cum, capacity, a, b: Math.floor(capacity * 0.2718281828) };
  workerTables.set(fillYear, t);
  return t;
}

/** How many distinct `index` values give distinct worker identity numbers for a fill year. */
export function workerIndexCapacity(fillYear = 2016): number {
  return workerTable(fillYear).capacity;
}

function workerSlot(t: WorkerTable, slot: number, male: boolean): { birth: number; seq: number } {
  let lo = 0;
  let hi = t.days - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.cum[mid] <= slot) lo = mid;
    else hi = mid - 1;
  }
  const o = slot - t.cum[lo];
  return { birth: t.start + lo, seq: Math.floor(o / 5) * 20 + 2 * (o % 5) + (male ? 1 : 0) };
}

function memberSeq(rng: Rng, male: boolean): number {
  return (2 * rng.int(0, 49) + 1) * 10 + 2 * rng.int(0, 4) + (male ? 1 : 0);
}

function memberIdNumber(rng: Rng, pool: IdPool | undefined, area: string, p: Person): string {
  let seq = memberSeq(rng, p.male);
  if (pool) {
    for (let tries = 0; tries < 200 && pool.used.has(idKey(area, p.birth, seq)); tries++) seq = memberSeq(rng, p.male);
    pool.used.add(idKey(area, p.birth, seq));
  }
  return idNumber(area, p, seq);
}

// ---------------------------------------------------------------------------------------------
// Names

const SURNAMES = w<string>([
  ['王', 710], ['李', 700], ['张', 670], ['刘', 560], ['陈', 470], ['杨', 310], ['黄', 230], ['赵', 200], ['吴', 190],
  ['周', 180], ['徐', 130], ['孙', 120], ['马', 110], ['朱', 110], ['胡', 160], ['郭', 100], ['何', 90], ['林', 60],
  ['罗', 85], ['高', 80], ['郑', 65], ['梁', 60], ['谢', 60], ['宋', 60], ['唐', 60], ['许', 55], ['韩', 50], ['冯', 50],
  ['邓', 55], ['曹', 50], ['彭', 65], ['曾', 50], ['肖', 50], ['田', 50], ['董', 40], ['袁', 45], ['潘', 40], ['于', 30],
  ['蒋', 40], ['蔡', 40], ['余', 70], ['杜', 38], ['叶', 35], ['程', 45], ['苏', 32], ['魏', 32], ['吕', 30], ['丁', 33],
  ['任', 30], ['沈', 28], ['姚', 30], ['卢', 28], ['姜', 25], ['崔', 20], ['钟', 30], ['谭', 30], ['陆', 22], ['汪', 45],
  ['范', 25], ['金', 22], ['石', 26], ['廖', 25], ['贾', 20], ['夏', 32], ['付', 25], ['方', 24], ['白', 18], ['邹', 22],
  ['孟', 18], ['熊', 45], ['秦', 18], ['邱', 18], ['江', 22], ['尹', 16], ['薛', 14], ['闫', 10], ['段', 15], ['雷', 20],
  ['侯', 15], ['龙', 15], ['史', 14], ['陶', 18], ['黎', 14], ['贺', 15], ['顾', 10], ['毛', 14], ['郝', 10], ['龚', 25],
  ['邵', 12], ['万', 25], ['钱', 10], ['严', 12], ['覃', 10], ['武', 8], ['戴', 12], ['莫', 8], ['孔', 9], ['向', 20],
  ['汤', 12], ['鲁', 14], ['舒', 10], ['易', 12], ['聂', 10], ['柯', 10], ['童', 8], ['祝', 6], ['左', 6], ['欧阳', 3],
  ['司马', 0.5], ['诸葛', 0.3],
]);

// Given names by gender and birth decade: ≤1959, 1960s, 1970s, 1980s, 1990s, ≥2000.
const MALE_NAMES: string[][] = [
  words('建国 建华 建军 国强 国华 国平 卫东 卫国 红兵 志强 志刚 德明 德华 文华 庆华 新华 永红 爱国 建平 光明 解放 胜利 长林 春生 明 军 华 平 强 刚 兵 林 福'),
  words('建华 建军 建平 卫东 卫华 红卫 志刚 志强 志勇 国平 国庆 文斌 德胜 永强 海涛 春林 红军 小平 跃进 向东 军 勇 伟 斌 刚 明 华 平 兵 涛 峰 辉'),
  words('军 勇 伟 斌 涛 磊 鹏 波 辉 刚 杰 峰 超 明 俊 志刚 志勇 海波 建军 建华 小平 红军 文斌 国平 卫华 海涛 春林 永强 晓东 小兵 俊峰 立新 新民'),
  words('磊 鹏 超 杰 涛 浩 强 亮 俊 飞 帅 伟 鑫 健 斌 龙 凯 军 海洋 志强 文杰 俊杰 晓东 建伟 小龙 俊峰 明亮 立志 振华 剑 峰 勇'),
  words('浩 杰 鑫 宇 鹏 帅 磊 博 超 俊杰 子豪 浩然 家豪 宇航 天宇 文博 志鹏 嘉豪 晨 旭 阳 毅 俊 龙 凯 伟 涛 子健 思远 晨阳'),
  words('子轩 浩宇 宇轩 梓豪 浩然 俊熙 一鸣 博文 宇航 子墨 皓轩 天佑 睿 轩 浩 泽宇 梓轩 明轩 铭 锦程 子豪 雨泽 奕辰 俊杰 宇 梓睿 思源 鑫'),
];
const FEMALE_NAMES: string[][] = [
  words('秀英 桂英 秀兰 玉兰 桂兰 秀珍 凤英 玉珍 玉英 兰英 桂芳 淑珍 素珍 秀芳 春兰 翠兰 菊香 冬梅 红梅 桂香 秀云 桂珍 玉梅 荣 英 华 兰 珍 芳'),
  words('红 丽 秀英 桂芳 建华 丽华 美华 爱华 红梅 冬梅 春兰 秀云 玉梅 红英 秀华 凤 萍 华 英 琴 霞 芳 敏 燕 玲 兰 梅 艳'),
  words('红 丽 敏 艳 芳 静 燕 霞 娟 玲 萍 丽娟 红梅 春梅 海燕 小红 晓燕 春燕 红霞 艳红 丽华 秀娟 凤 慧 琴 莉 梅 红英 小芳 建英 金凤'),
  words('静 丽 婷 敏 燕 娟 丹 倩 莉 琳 晶 艳 芳 玲 慧 丽娜 婷婷 晓丽 海燕 小燕 晓燕 秀娟 艳丽 雪 蕾 欢 双 媛 丹丹 佳'),
  words('婷 倩 雪 琳 佳 欣 颖 晶晶 婷婷 丹丹 思思 雨 梦 梦瑶 佳琪 雨欣 思雨 文静 嘉欣 欣怡 倩倩 慧敏 媛媛 梦婷 玉洁 佳慧 雪莹 璐'),
  words('欣怡 梓涵 诗涵 雨涵 子涵 一诺 梓萱 思琪 可馨 语嫣 紫涵 雨萱 佳怡 若汐 欣妍 诗琪 梦琪 雨桐 佳琪 思涵 嘉怡 梓琪 悦 涵 欣 可欣'),
];

function decade(year: number): number {
  return year < 1960 ? 0 : year < 1970 ? 1 : year < 1980 ? 2 : year < 1990 ? 3 : year < 2000 ? 4 : 5;
}

function givenName(rng: Rng, male: boolean, birthYear: number): string {
  return rng.pick((male ? MALE_NAMES : FEMALE_NAMES)[decade(birthYear)]);
}

// ---------------------------------------------------------------------------------------------
// Regions: area codes, addresses, telephone exchanges, schools, employers' town names

interface Street {
  name: string;
  roads: string[];
  communities: string[];
}

interface RegionProfile {
  /** how employers and schools are prefixed: 荆门市, 钟祥市, 京山县 … */
  city: string;
  /** address prefix */
  prefix: string;
  areas: Weighted<AreaCode>;
  streets: Street[];
  towns: string[];
  /** first digit(s) of a 7-digit landline after 0724- */
  exchanges: string[];
  primary: string[];
  middle: string[];
  high: string[];
  vocational: string[];
}

const st = (name: string, roads: string, communities: string): Street => ({ name, roads: words(roads), communities: words(communities) });

const CITY_STREETS_DONGBAO: Street[] = [
  st('泉口街道', '象山一路 象山二路 象山三路 泉口路 月亮湖路 白云大道 金虾路', '象山 泉口 白云 金虾 竹园'),
  st('龙泉街道', '中天街 象山大道 龙井大道 东宝路 虎牙关大道 文化路 天鹅路', '龙泉 中天 杨湾 龙井 天鹅'),
  st('子陵铺镇', '子陵大道 正街 新街', '子陵 小北门'),
];
const CITY_STREETS_DUODAO: Street[] = [
  st('掇刀石街道', '培公大道 天山路 掇刀路 荆南大道 团林路', '掇刀 培公 天山 响岭'),
  st('白庙街道', '白庙路 深圳大道 长宁大道 月亮湖北路 响岭路 凤凰路', '白庙 凤凰 长宁 月亮湖'),
];

const SCHOOLS_CITY = {
  primary: words('荆门市实验小学 荆门市象山小学 荆门市白云小学 荆门市龙泉小学 荆门市东宝区泉口小学 荆门市竹园小学 荆门市杨湾小学'),
  middle: words('荆门市东宝中学 荆门市第三中学 荆门市实验初级中学 荆门市象山中学 荆门市龙井中学'),
  high: words('湖北省荆门市龙泉中学 荆门市东宝中学 荆门市第一中学 荆门市外语学校 荆门市掇刀中学'),
  vocational: words('荆门市第一高级技工学校 荆门市职业技术学校 荆门市中等职业技术学校'),
};

const REGION_PROFILES: Record<string, RegionProfile> = {
  H01: {
    city: '京山县',
    prefix: '京山县',
    areas: w<AreaCode>([['420821', 82], ['420882', 10], ['420802', 4], ['420881', 4]]),
    streets: [
      st('新市镇', '城中路 新阳大道 轻机大道 文峰路 京源大道 石龙路 八里途路 惠亭路', '城中 文峰 新阳 八里途 惠亭'),
      st('永兴镇', '正街 永兴大道 新街', '永兴'),
      st('宋河镇', '宋河大道 正街', '宋河'),
    ],
    towns: words('钱场镇 曹武镇 罗店镇 坪坝镇 孙桥镇 雁门口镇 杨集镇 三阳镇 绿林镇'),
    exchanges: ['72', '72', '73'],
    primary: words('京山县实验小学 京山县新市镇第一小学 京山县新市镇第二小学 京山县永兴镇中心小学'),
    middle: words('京山县实验初级中学 京山县新市中学 京山县永兴中学 京山县宋河中学'),
    high: words('湖北省京山县第一中学 京山县第二中学 京山县实验高级中学'),
    vocational: words('京山县职业技术教育中心 京山县技工学校'),
  },
  H02: {
    city: '沙洋县',
    prefix: '沙洋县',
    areas: w<AreaCode>([['420822', 88], ['420802', 5], ['420881', 4], ['420821', 3]]),
    streets: [
      st('沙洋镇', '汉江大道 汉津路 平湖大道 城南路 江汉路 五一路 民主街', '汉津 平湖 城南 江汉'),
      st('后港镇', '建设路 正街 后港大道', '后港'),
      st('五里铺镇', '正街 新街', '五里'),
    ],
    towns: words('十里铺镇 拾回桥镇 高阳镇 曾集镇 官垱镇 李市镇 马良镇 毛李镇'),
    exchanges: ['85', '85', '86'],
    primary: words('沙洋县实验小学 沙洋县沙洋镇小学 沙洋县后港镇小学 沙洋县五里铺镇小学'),
    middle: words('沙洋县实验初级中学 沙洋县后港中学 沙洋县五里铺中学'),
    high: words('湖北省沙洋中学 沙洋县后港中学 沙洋县实验高级中学'),
    vocational: words('沙洋县职业教育中心'),
  },
  H03: {
    city: '钟祥市',
    prefix: '钟祥市',
    areas: w<AreaCode>([['420881', 90], ['420802', 4], ['420822', 3], ['420821', 3]]),
    streets: [
      st('郢中街道', '王府大道 承天大道 莫愁大道 阳春大街 兰台路 皇城路 鄢城路 钟祥大道', '王府 莫愁 阳春 兰台 皇城 北门'),
      st('胡集镇', '胡集大道 正街', '胡集'),
      st('磷矿镇', '矿区路 正街', '磷矿'),
    ],
    towns: words('洋梓镇 长寿镇 丰乐镇 旧口镇 柴湖镇 石牌镇 双河镇 文集镇 冷水镇 东桥镇 客店镇 张集镇'),
    exchanges: ['42', '42', '43', '46'],
    primary: words('钟祥市实验小学 钟祥市第二实验小学 钟祥市郢中第一小学 钟祥市郢中第三小学 钟祥市胡集镇中心小学'),
    middle: words('钟祥市实验中学 钟祥市第三中学 钟祥市郢中初级中学 钟祥市胡集中学'),
    high: words('钟祥市第一中学 钟祥市实验中学 钟祥市第三中学 钟祥市第四中学'),
    vocational: words('钟祥市职业高级中学 钟祥市职业教育中心'),
  },
  H04: {
    city: '荆门市',
    prefix: '荆门市东宝区',
    areas: w<AreaCode>([['420802', 84], ['420800', 6], ['420804', 4], ['420881', 3], ['420822', 3]]),
    streets: CITY_STREETS_DONGBAO,
    towns: words('石桥驿镇 牌楼镇 马河镇 栗溪镇 仙居乡'),
    exchanges: ['23', '23', '24', '22', '29'],
    ...SCHOOLS_CITY,
  },
  H05: {
    city: '荆门市',
    prefix: '荆门市掇刀区',
    areas: w<AreaCode>([['420804', 78], ['420802', 12], ['420800', 6], ['420822', 4]]),
    streets: CITY_STREETS_DUODAO,
    towns: words('团林铺镇 麻城镇'),
    exchanges: ['68', '68', '69', '88'],
    ...SCHOOLS_CITY,
    primary: words('荆门市掇刀区掇刀小学 荆门市白庙小学 荆门市掇刀区团林小学 荆门市培公小学 荆门市长宁小学'),
  },
  H06: {
    city: '荆门市',
    prefix: '荆门市漳河新区',
    areas: w<AreaCode>([['420802', 60], ['420800', 35], ['420804', 5]]),
    streets: [
      st('双喜街道', '双喜大道 月亮湖路 天鹅路 鸿雁路', '双喜 天鹅 月亮湖'),
      st('漳河镇', '漳河大道 正街 爱飞客大道', '漳河 观音寺'),
    ],
    towns: words('漳河镇 双喜街道'),
    exchanges: ['23', '24'],
    ...SCHOOLS_CITY,
    primary: words('荆门市漳河新区双喜小学 荆门市漳河镇中心小学 荆门市月亮湖小学'),
  },
  H07: {
    city: '屈家岭管理区',
    prefix: '荆门市屈家岭管理区',
    areas: w<AreaCode>([['420800', 45], ['420802', 35], ['420821', 20]]),
    streets: [
      st('易家岭街道', '五三大道 屈岭大道 长滩路 正街', '易家岭 五三'),
      st('屈岭街道', '屈岭大道 正街', '屈岭'),
    ],
    towns: words('长滩街道 何集街道 罗汉寺街道 五三街道'),
    exchanges: ['75', '76'],
    primary: words('屈家岭管理区实验小学 屈家岭管理区第一小学 屈家岭管理区长滩小学'),
    middle: words('屈家岭管理区实验中学 屈家岭管理区第一中学'),
    high: words('湖北省京山县第一中学 屈家岭管理区高级中学'),
    vocational: words('屈家岭管理区职业技术学校 荆门市职业技术学校'),
  },
  H08: {
    city: '荆门市',
    prefix: '荆门市东宝区',
    areas: w<AreaCode>([['420802', 60], ['420800', 25], ['420804', 8], ['420881', 4], ['420822', 3]]),
    streets: [...CITY_STREETS_DONGBAO, ...CITY_STREETS_DUODAO],
    towns: [],
    exchanges: ['23', '23', '24', '22', '68', '69', '88'],
    ...SCHOOLS_CITY,
  },
};
/** 市直 files live in either city district; the prefix follows the street. */
const DUODAO_STREETS = new Set(CITY_STREETS_DUODAO.map((s) => s.name));

const REGION_WEIGHTS: Record<string, number> = { H01: 12, H02: 10, H03: 14, H04: 18, H05: 12, H06: 5, H07: 4, H08: 25 };

/** How often a region is drawn relative to the others (a region outside Jingmen: `extra`, 10 unless a load needs more). */
export function regionWeight(regionCode: string, extra = 10): number {
  return REGION_WEIGHTS[regionCode] ?? extra;
}

const UNIVERSITIES = words(
  '荆楚理工学院 荆门职业学院 湖北工业大学 长江大学 三峡大学 湖北大学 武汉科技大学 湖北理工学院 江汉大学 湖北第二师范学院 武汉职业技术学院 湖北职业技术学院 湖北水利水电职业技术学院 武汉铁路职业技术学院 湖北工程学院',
);
const COLLEGES_BENKE = words('荆楚理工学院 湖北工业大学 长江大学 三峡大学 湖北大学 武汉科技大学 湖北理工学院 江汉大学 湖北第二师范学院 湖北工程学院 武汉纺织大学 中南民族大学');
const KINDERGARTEN_SUFFIX = words('幼儿园 中心幼儿园 实验幼儿园 机关幼儿园');
const VILLAGES = words('新华 红星 联合 胜利 向阳 友谊 和平 东风 光明 永红 建设 合心 新集 太平 高庙 黄岭 杨湾 石岗 荷花 柳树');
const BUILDING_ROADS = words('正街 新街 解放路 建设路 人民路 中心大道 文化路 幸福路');

// ---------------------------------------------------------------------------------------------
// Work, health and money

const UNIT_NATURES = w<UnitNature>([['国有企业', 40], ['非公企业', 48], ['国家机关/事业单位', 12]]);
const STATE_FIRMS = words('机械厂 化工厂 纺织厂 棉纺厂 水泥厂 热电厂 运输公司 粮食储备库 供销社 自来水公司 石化公司 建筑公司 食品公司 商业公司 印刷厂 酒厂 化肥厂 汽车修理厂 农机公司');
const PRIVATE_FIRMS = words(
  '建材公司 纺织公司 服装厂 食品公司 物业公司 商贸公司 酒店 超市 汽车配件厂 农产品加工公司 塑料制品厂 物流公司 建筑公司 陶瓷公司 造纸厂 包装公司 家具厂 餐饮公司 保安服务公司 医药公司 米业公司 电子公司 化工公司 饲料公司 机械制造公司 钢构公司',
);
const PUBLIC_UNITS = words('小学 中学 医院 环卫处 街道办事处 水利站 园林处 敬老院 广播电视站 农技站 社区卫生服务中心 图书馆 公路段 市政工程处');
const FIRMS_BY_REGION: Record<string, string[]> = {
  H01: words('轻工机械厂 米业公司 纺织厂 水泥厂'),
  H02: words('农场 棉纺厂 米业公司'),
  H03: words('磷化工公司 纺织公司 酒厂 磷矿'),
  H07: words('农场 米业公司'),
};
const ENTERPRISE_STATE = w<EnterpriseStatus>([['正常', 45], ['半停产', 30], ['停产', 15], ['破产', 10]]);
const ENTERPRISE_PRIVATE = w<EnterpriseStatus>([['正常', 60], ['半停产', 25], ['停产', 10], ['破产', 5]]);
const WORK_NORMAL = w<WorkStatus>([['在岗', 64], ['下（待）岗', 16], ['病休', 10], ['内退', 10]]);
const WORK_STOPPED = w<WorkStatus>([['下（待）岗', 70], ['在岗', 15], ['病休', 8], ['内退', 7]]);
const WORK_PUBLIC = w<WorkStatus>([['在岗', 85], ['病休', 10], ['内退', 5]]);
const WORK_ILL = w<WorkStatus>([['病休', 50], ['在岗', 30], ['下（待）岗', 12], ['内退', 8]]);

const TRADES = words(
  '焊工 电工 维修电工 钳工 车工 铣工 化工操作工 挡车工 锅炉工 起重工 汽车驾驶员 叉车司机 铸造工 管道工 装配钳工 仪表工 电焊工 汽车修理工 砌筑工 钢筋工 厨师 保育员 缝纫工 水泥生产工 磨工',
);
const SKILL_GRADES = w<string>([['五级', 30], ['四级', 32], ['三级', 18], ['二级', 4], ['一级', 1], ['初级', 6], ['中级', 6], ['高级', 3]]);
const ODD_SKILLS = words('助理工程师 技术员 会计师 无职称');

const HEALTH_ILLNESSES = w<string>([
  ['腰颈椎病', 8], ['高血压病', 6], ['糖尿病', 4], ['心血管病', 3], ['一般疾病', 3], ['肝病', 1.5], ['肺病', 1.2],
  ['脑血管病', 1.2], ['癌症', 1.2], ['肿瘤病', 0.6], ['尿毒症', 0.6], ['精神病', 0.5], ['血液病', 0.3],
  ['风湿性关节炎', 0.5], ['股骨头坏死', 0.3],
]);
const ELDER_ILLNESSES = w<string>([
  ['高血压病', 10], ['脑血管病', 6], ['心血管病', 6], ['糖尿病', 4], ['肺病', 3], ['腰颈椎病', 3], ['癌症', 2],
  ['一般疾病', 3], ['老年痴呆', 1], ['肿瘤病', 0.8], ['尿毒症', 0.5],
]);
const CHILD_ILLNESSES = w<string>([
  ['一般疾病', 5], ['血液病', 1.5], ['心血管病', 1], ['精神病', 0.6], ['脑瘫', 0.6], ['肺病', 0.8], ['尿毒症', 0.3], ['肿瘤病', 0.3],
]);
const SEVERE = new Set(['癌症', '尿毒症', '肿瘤病', '血液病', '脑血管病', '脑瘫']);
const MILD = new Set(['腰颈椎病', '高血压病', '一般疾病', '风湿性关节炎']);

const DISABILITY = w<Disability>([['无', 930], ['四级', 30], ['三级', 20], ['二级', 15], ['一级', 5]]);
const CHILD_DISABILITY = w<Disability>([['无', 980], ['四级', 6], ['三级', 6], ['二级', 5], ['一级', 3]]);

const EDU_OLD = w<Education>([['初中', 38], ['小学', 14], ['高中', 22], ['中专', 7], ['技工学校', 9], ['大学专科', 4], ['大学本科', 1], ['文盲或半文盲', 5]]);
const EDU_MID = w<Education>([['初中', 36], ['高中', 26], ['中专', 10], ['技工学校', 10], ['大学专科', 8], ['小学', 6], ['大学本科', 3], ['文盲或半文盲', 1]]);
const EDU_YOUNG = w<Education>([['初中', 28], ['高中', 24], ['中专', 12], ['技工学校', 9], ['大学专科', 16], ['大学本科', 8], ['小学', 3], ['研究生', 0.3]]);
const EDU_ELDER = w<Education>([['小学', 40], ['文盲或半文盲', 30], ['初中', 22], ['高中', 8]]);
const START_AGE: Record<Education, number> = {
  研究生: 26, 大学本科: 23, 大学专科: 21, 中专: 19, 技工学校: 19, 高中: 19, 初中: 17, 小学: 16, 文盲或半文盲: 16,
};

function educationFor(rng: Rng, birthYear: number): Education {
  return (birthYear < 1950 ? EDU_ELDER : birthYear < 1965 ? EDU_OLD : birthYear < 1976 ? EDU_MID : EDU_YOUNG).pick(rng);
}

const ETHNICITIES = w<HouseholdInput['ethnicity']>([['汉族', 975], ['回族', 10], ['土家族', 8], ['苗族', 3], ['满族', 2], ['壮族', 2]]);
const MEDICAL_PUBLIC = w<HouseholdInput['medicalInsurance']>([['职工医保', 85], ['公费医疗', 10], ['居民医保', 5]]);
const MEDICAL_STATE = w<HouseholdInput['medicalInsurance']>([['职工医保', 82], ['居民医保', 10], ['无医保', 8]]);
const MEDICAL_PRIVATE = w<HouseholdInput['medicalInsurance']>([['职工医保', 55], ['居民医保', 30], ['无医保', 15]]);
const MODEL_WORKER = w<NonNullable<HouseholdInput['modelWorker']>>([['地市级劳模', 80], ['省部级劳模', 18], ['全国劳模', 2]]);

const SPOUSE_OCC = w<Occupation>([['在职', 28], ['灵活就业', 30], ['失业', 22], ['务农', 6], ['其他', 6], ['丧失劳动能力', 3]]);
const SPOUSE_OCC_OLDER = w<Occupation>([['退休', 30], ['在职', 14], ['灵活就业', 22], ['失业', 16], ['务农', 6], ['其他', 8], ['丧失劳动能力', 4]]);
const ELDER_OCC = w<Occupation>([['退休', 42], ['务农', 18], ['其他', 25], ['丧失劳动能力', 15]]);
const YOUNG_WORK = w<Occupation>([['在职', 45], ['灵活就业', 30], ['失业', 22], ['其他', 3]]);
const ADULT_WORK = w<Occupation>([['在职', 55], ['灵活就业', 25], ['失业', 15], ['其他', 5]]);
const EDU_YOUNG_WORKER: readonly MemberEducation[] = ['高中', '高中', '中专', '技工学校', '初中', '大学专科'];
const EDU_ADULT_CHILD: readonly MemberEducation[] = ['高中', '高中', '中专', '大学专科', '大学专科', '大学本科', '初中'];
const CITY_KINDERGARTENS = words('象山 白云 龙泉 竹园 培公');
const TOWN_KINDERGARTENS = words('城关 实验 第一');
const MARITAL_YOUNG = w<MaritalStatus>([['未婚', 14], ['已婚', 76], ['离异', 9], ['丧偶', 1]]);
const MARITAL_MID = w<MaritalStatus>([['未婚', 4], ['已婚', 80], ['离异', 12], ['丧偶', 4]]);
const MARITAL_OLD = w<MaritalStatus>([['未婚', 2], ['已婚', 78], ['离异', 10], ['丧偶', 10]]);
const FLEX_PLACES = words('个体经营 打零工 家政服务 摆摊 装修零工 搬运');

/** Earned income before steering, by occupation (yuan a year). */
function memberIncome(rng: Rng, occ: Occupation, age: number): number {
  switch (occ) {
    case '在职':
      return rng.int(120, 300) * 100;
    case '灵活就业':
      return rng.int(40, 160) * 100;
    case '失业':
      return rng.chance(0.8) ? 0 : rng.int(5, 20) * 100;
    case '务农':
      return rng.int(10, 50) * 100;
    case '退休':
      return rng.int(96, 260) * 100;
    case '其他':
      return age >= 80 ? rng.int(6, 12) * 100 : rng.chance(0.7) ? 0 : rng.int(5, 30) * 100;
    default:
      return 0;
  }
}

/** Amounts as forms show them: a monthly figure × 12, a round hundred, or to the yuan. */
function roundIncome(rng: Rng, x: number): number {
  if (x <= 0) return 0;
  const u = rng.next();
  if (u < 0.5) return Math.max(120, Math.round(x / 120) * 120);
  if (u < 0.9) return Math.max(100, Math.round(x / 100) * 100);
  return Math.max(1, Math.round(x));
}

/** Yuan with fen, for receipts: most amounts as read off the form, some to the fen. */
function receiptAmount(rng: Rng, minYuan: number, maxYuan: number, skew = 1): number {
  const yuan = minYuan + (maxYuan - minYuan) * Math.pow(rng.next(), skew);
  if (rng.chance(0.4)) return Math.round(yuan * 100) / 100;
  return Math.round(yuan / 10) * 10;
}

// ---------------------------------------------------------------------------------------------
// Causes, needs, measures

const OTHER_CAUSES = words(
  '企业效益差，工资收入低 家庭人口多，收入来源单一 无自有住房，长期租房居住 赡养老人负担重 企业长期拖欠工资，生活困难 家庭负债较多，生活拮据',
);
const ACCIDENTS = words(
  '家中房屋失火，财产损失严重 遭遇交通事故，花费较大 暴雨导致房屋倒塌 本人发生工伤事故，企业未足额赔付 家中被盗，损失较大 房屋因暴雨受损，需重建',
);
const OTHER_HARDSHIPS = words('住房为危房，急需维修 家中老人长期卧床，需专人照顾 无自有住房，长期租房居住 家庭负债较多，生活拮据 配偶长期在外，家庭无人照料');
const NEEDS: Record<Cause, string[]> = {
  因病: words('希望给予医疗救助，减轻看病负担 希望帮助申请大病医疗救助 希望纳入职工医疗互助保障'),
  子女上学: words('希望帮助解决子女上学费用 希望申请金秋助学金 孩子上学费用困难，希望得到资助'),
  因未就业: words('希望帮助介绍工作岗位 希望参加技能培训，尽快再就业 希望推荐公益性岗位'),
  因意外: words('希望给予临时救助，渡过难关 希望帮助修缮房屋'),
  其它: words('希望逢年过节给予慰问 希望帮助申请公租房 希望协助申请城市低保'),
};
const MEASURES: Record<Cause, string[]> = {
  因病: words('纳入职工医疗互助，协助申请大病救助 送医送药，协调医院减免部分费用'),
  子女上学: words('列入金秋助学对象，给予助学资助 联系学校减免学杂费'),
  因未就业: words('推荐参加职业技能培训，提供就业岗位信息 开发公益性岗位优先安置 纳入就业援助对象，跟踪服务'),
  因意外: words('给予临时困难救助 协调民政部门给予救助'),
  其它: words('纳入“四季歌”常态化帮扶，节日走访慰问 协助申请城市低保 协调社区帮助解决实际困难'),
};
const NEED_BUSINESS = '有创业意愿，希望申请小额担保贷款';
const MEASURE_BUSINESS = '协助申请创业小额担保贷款，提供创业培训';
const NEED_RIGHTS = '企业拖欠工资，希望工会帮助维权';
const MEASURE_RIGHTS = '通过劳动争议调解、仲裁帮助追讨欠薪';

const RELATION_WORD: Record<string, string> = {
  子: '儿子', 女: '女儿', 父亲: '父亲', 母亲: '母亲', 岳父: '岳父', 岳母: '岳母', 公公: '公公', 婆婆: '婆婆',
};

// ---------------------------------------------------------------------------------------------
// The household

export interface SyntheticOptions {
  regionCode: string;
  /** YYYY-MM-DD; default a day between 2016-03-25 and 2016-06-20. */
  fillDate?: string;
  /**
   * Serial number of the household in its set (a non-negative integer). Indices that are distinct
   * modulo workerIndexCapacity(fillYear) (about two million; e.g. any run of consecutive integers
   * that long) give distinct worker identity numbers for the same fill year, without shared state.
   * Without it, the worker's birth date is random (and `ids`, if given, prevents repeats).
   */
  index?: number;
  /**
   * The region's urban minimum line in yuan per person per month (default 500): incomes are spread
   * below it, in its 100–130% band and above it, and the declared category usually follows it.
   */
  monthlyLine?: number;
  /** Identity numbers already used in the set; members' numbers are drawn again on a repeat. */
  ids?: IdPool;
}

interface Draft {
  m: MemberInput;
  p: Person;
  /** earned income before steering */
  income: number;
  school: 'none' | 'compulsory' | 'high' | 'vocational' | 'college' | 'university';
}

function parseFill(s: string): Ymd {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (s.length !== 10 || s[4] !== '-' || s[7] !== '-' || !(y > 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31))
    throw new RangeError(`fillDate must be YYYY-MM-DD, got ${JSON.stringify(s)}`);
  return { y, m, d };
}

function phone(rng: Rng, region: RegionProfile): string {
  if (rng.chance(0.14)) {
    const ex = rng.pick(region.exchanges);
    let n = ex;
    while (n.length < 7) n += String(rng.int(0, 9));
    return `0724-${n}`;
  }
  const u = rng.next();
  const head = u < 0.55 ? 130 + rng.int(0, 9) : u < 0.8 ? rng.pick(MOBILE_15) : 180 + rng.int(0, 9);
  return `${head}${PAD2[rng.int(0, 99)]}${PAD3[rng.int(0, 999)]}${PAD3[rng.int(0, 999)]}`;
}
const MOBILE_15 = [150, 151, 152, 153, 155, 156, 157, 158, 159];

function address(rng: Rng, region: RegionProfile, city: string): string {
  if (region.towns.length && rng.chance(0.12)) {
    const town = rng.pick(region.towns);
    if (rng.chance(0.45)) return `${city}${town}${rng.pick(VILLAGES)}村${rng.int(1, 12)}组`;
    return `${city}${town}${rng.pick(BUILDING_ROADS)}${rng.int(1, 160)}号`;
  }
  const street = rng.pick(region.streets);
  const prefix = region === REGION_PROFILES.H08 && DUODAO_STREETS.has(street.name) ? '荆门市掇刀区' : city;
  const road = rng.pick(street.roads);
  const no = rng.int(1, 260);
  const u = rng.next();
  if (u < 0.45) return `${prefix}${street.name}${road}${no}号`;
  if (u < 0.8) return `${prefix}${street.name}${road}${no}号${rng.int(1, 12)}栋${rng.int(1, 4)}单元${rng.int(1, 7)}0${rng.int(1, 4)}室`;
  return `${prefix}${street.name}${rng.pick(street.communities)}社区${road}${no}号`;
}

function employerName(rng: Rng, region: RegionProfile, regionCode: string, nature: UnitNature): string {
  if (nature === '国家机关/事业单位') return `${region.city}某${rng.pick(PUBLIC_UNITS)}`;
  const local = FIRMS_BY_REGION[regionCode];
  if (local && rng.chance(0.35)) return `${region.city}某${rng.pick(local)}`;
  if (regionCode === 'H05' && rng.chance(0.3)) return `荆门高新区某${rng.pick(nature === '国有企业' ? STATE_FIRMS : PRIVATE_FIRMS)}`;
  return `${region.city}某${rng.pick(nature === '国有企业' ? STATE_FIRMS : PRIVATE_FIRMS)}`;
}

function skillLevel(rng: Rng): string {
  if (rng.chance(0.015)) return rng.pick(ODD_SKILLS); // not 工种×级: kept, warned
  const trade = rng.pick(TRADES);
  if (rng.chance(0.03)) return `${trade}技师`;
  return trade + SKILL_GRADES.pick(rng);
}

function healthOf(rng: Rng, pHealthy: number, list: Weighted<string>): string {
  return rng.chance(pHealthy) ? '良好' : list.pick(rng);
}

function medicalCost(rng: Rng, illness: string): number {
  if (illness === '良好') return 0;
  if (SEVERE.has(illness)) return receiptAmount(rng, 8000, 80000, 2);
  if (MILD.has(illness)) return receiptAmount(rng, 300, 3500);
  return receiptAmount(rng, 1500, 14000, 1.5);
}

/** A child's schooling or work, consistent with the age at the fill date. */
function childRole(rng: Rng, age: number, region: RegionProfile): Pick<Draft, 'school'> & { occ: Occupation; edu: MemberEducation; unit: string | null } {
  if (age < 6)
    return {
      occ: '学龄前', edu: '学龄前', school: 'none',
      unit: age >= 3 && rng.chance(0.6) ? `${region.city}${rng.pick(region.city === '荆门市' ? CITY_KINDERGARTENS : TOWN_KINDERGARTENS)}${rng.pick(KINDERGARTEN_SUFFIX)}` : null,
    };
  if (age <= 11) return { occ: '义务教育在校', edu: '小学', school: 'compulsory', unit: rng.pick(region.primary) };
  if (age <= 15) return { occ: '义务教育在校', edu: '初中', school: 'compulsory', unit: rng.pick(region.middle) };
  if (age <= 18) {
    if (rng.chance(0.76)) {
      const u = rng.next();
      if (u < 0.68) return { occ: '非义务教育在校', edu: '高中', school: 'high', unit: rng.pick(region.high) };
      return { occ: '非义务教育在校', edu: u < 0.88 ? '中专' : '技工学校', school: 'vocational', unit: rng.pick(region.vocational) };
    }
    return { occ: YOUNG_WORK.pick(rng), edu: rng.chance(0.6) ? '初中' : '高中', school: 'none', unit: null };
  }
  if (age <= 22 && rng.chance(0.55)) {
    if (rng.chance(0.55)) return { occ: '非义务教育在校', edu: '大学专科', school: 'college', unit: rng.pick(UNIVERSITIES) };
    return { occ: '非义务教育在校', edu: '大学本科', school: 'university', unit: rng.pick(COLLEGES_BENKE) };
  }
  const edu = rng.pick(age <= 22 ? EDU_YOUNG_WORKER : EDU_ADULT_CHILD);
  return { occ: age <= 22 ? YOUNG_WORK.pick(rng) : ADULT_WORK.pick(rng), edu, school: 'none', unit: null };
}

function tuition(rng: Rng, school: Draft['school']): number {
  switch (school) {
    case 'high':
      return rng.int(12, 28) * 100;
    case 'vocational':
      return rng.chance(0.4) ? rng.int(8, 20) * 100 : rng.int(20, 38) * 100;
    case 'college':
      return rng.int(50, 70) * 100;
    case 'university':
      return rng.int(45, 65) * 100;
    default:
      return 0;
  }
}

/** expense (yuan) > 50% of the household income (fen): condition 3 */
function overHalf(yuan: number, incomeFen: number): boolean {
  return yuan > 0 && Math.round(yuan * 100) * 2 > incomeFen;
}

/** Where and when the form was filled in, and the region's line. */
interface Setting {
  regionCode: string;
  annualLine: number;
  region: RegionProfile;
  /** the region as named on the form's date (京山县 became 京山市 in 2018) */
  regionView: RegionProfile;
  prefix: string;
  pool: IdPool | undefined;
  fill: Ymd;
  fillDay: number;
  fillDate: string;
}

function setting(rng: Rng, opts: SyntheticOptions): Setting {
  const regionCode = opts.regionCode;
  const annualLine = (opts.monthlyLine ?? SYNTHETIC_MONTHLY_LINE) * 12;
  if (!(annualLine > 0)) throw new RangeError(`monthlyLine must be positive, got ${opts.monthlyLine}`);
  const region = REGION_PROFILES[regionCode] ?? REGION_PROFILES.H08;
  let fill: Ymd;
  let fillDay: number;
  let fillDate: string;
  if (opts.fillDate) {
    fillDate = opts.fillDate;
    fill = parseFill(fillDate);
    fillDay = daysFromCivil(fill.y, fill.m, fill.d);
  } else {
    fillDay = rng.int(DEFAULT_FILL_FROM, DEFAULT_FILL_TO);
    fill = civilFromDays(fillDay);
    fillDate = `${fill.y}-${PAD2[fill.m]}-${PAD2[fill.d]}`;
  }
  const city = regionCode === 'H01' && fill.y >= 2018 ? '京山市' : region.city;
  const prefix = regionCode === 'H01' && fill.y >= 2018 ? '京山市' : region.prefix;
  const regionView: RegionProfile = city === region.city ? region : { ...region, city, prefix };
  return { regionCode, annualLine, region, regionView, prefix, pool: opts.ids, fill, fillDay, fillDate };
}

/** The worker: identity number, name, schooling, marriage. */
interface Worker {
  male: boolean;
  area: AreaCode;
  me: Person;
  idNumber: string;
  surname: string;
  name: string;
  education: Education;
  maritalStatus: MaritalStatus;
}

function drawWorker(rng: Rng, s: Setting, index: number | undefined): Worker {
  const male = rng.chance(0.56);
  const table = workerTable(s.fill.y);
  const area: AreaCode = rng.chance(0.07) ? ANY_JINGMEN_AREA.pick(rng) : s.region.areas.pick(rng);
  let ws =
    index !== undefined && Number.isInteger(index) && index >= 0
      ? workerSlot(table, (table.a * (index % table.capacity) + table.b) % table.capacity, male)
      : workerSlot(table, rng.int(0, table.capacity - 1), male);
  if (s.pool) {
    for (let tries = 0; tries < 100 && s.pool.used.has(idKey(area, ws.birth, ws.seq)); tries++)
      ws = workerSlot(table, rng.int(0, table.capacity - 1), male);
    s.pool.used.add(idKey(area, ws.birth, ws.seq));
  }
  const me = person(ws.birth, male, s.fill);
  const idNumberOfWorker = idNumber(area, me, ws.seq);
  const surname = SURNAMES.pick(rng);
  const name = surname + givenName(rng, male, me.y);
  const education = educationFor(rng, me.y);
  const maritalStatus = (me.age < 35 ? MARITAL_YOUNG : me.age < 50 ? MARITAL_MID : MARITAL_OLD).pick(rng);
  return { male, area, me, idNumber: idNumberOfWorker, surname, name, education, maritalStatus };
}

/** Health and work; the income step may still lay the worker off (so the statuses stay mutable). */
interface Job {
  health: string;
  seriouslyIll: boolean;
  disabilityGrade: Disability;
  unitNature: UnitNature;
  enterpriseStatus: EnterpriseStatus;
  workStatus: WorkStatus;
  serviceYears: number;
  employer: string;
}

function drawJob(rng: Rng, s: Setting, w: Worker): Job {
  const health = healthOf(rng, 0.7, HEALTH_ILLNESSES);
  const seriouslyIll = health !== '良好' && !MILD.has(health);
  const disabilityGrade = DISABILITY.pick(rng);
  const unitNature = UNIT_NATURES.pick(rng);
  const enterpriseStatus: EnterpriseStatus =
    unitNature === '国家机关/事业单位' ? '正常' : (unitNature === '国有企业' ? ENTERPRISE_STATE : ENTERPRISE_PRIVATE).pick(rng);
  let workStatus: WorkStatus =
    unitNature === '国家机关/事业单位'
      ? WORK_PUBLIC.pick(rng)
      : seriouslyIll
        ? WORK_ILL.pick(rng)
        : enterpriseStatus === '停产' || enterpriseStatus === '破产'
          ? WORK_STOPPED.pick(rng)
          : WORK_NORMAL.pick(rng);
  if (workStatus === '内退' && w.me.age < (w.male ? 50 : 45)) workStatus = '在岗';
  if (workStatus === '病休' && health === '良好' && disabilityGrade === '无') workStatus = '在岗';
  const serviceYears = Math.min(60, Math.max(0, w.me.age - START_AGE[w.education] - (rng.chance(0.4) ? rng.int(1, 6) : 0)));
  const employer = employerName(rng, s.regionView, s.regionCode, unitNature);
  return { health, seriouslyIll, disabilityGrade, unitNature, enterpriseStatus, workStatus, serviceYears, employer };
}

/** The worker's spouse (most married workers' households include one). */
function drawSpouse(rng: Rng, s: Setting, w: Worker, members: Draft[]): { spouse: Person | null; spouseSurname: string } {
  if (!(w.maritalStatus === '已婚' && rng.chance(0.93))) return { spouse: null, spouseSurname: '' };
  // Husbands are usually a few years older than their wives.
  const gap = rng.chance(0.85) ? rng.int(0, 6 * 365) : -rng.int(0, 3 * 365);
  const birth = w.male ? w.me.birth + gap : w.me.birth - gap;
  const spouse = person(Math.min(birth, s.fillDay - 20 * 365), !w.male, s.fill);
  const spouseSurname = SURNAMES.pick(rng);
  const sHealth = healthOf(rng, 0.8, HEALTH_ILLNESSES);
  const sDisability = DISABILITY.pick(rng);
  let occ = ((spouse.male ? spouse.age >= 60 : spouse.age >= 50) ? SPOUSE_OCC_OLDER : SPOUSE_OCC).pick(rng);
  if ((SEVERE.has(sHealth) && rng.chance(0.6)) || sDisability === '一级' || sDisability === '二级') occ = '丧失劳动能力';
  if (occ === '退休' && spouse.age < 45) occ = '失业';
  const sEdu = educationFor(rng, spouse.y);
  members.push({
    p: spouse,
    income: memberIncome(rng, occ, spouse.age),
    school: 'none',
    m: {
      name: spouseSurname + givenName(rng, spouse.male, spouse.y),
      relation: '配偶',
      gender: spouse.male ? '男' : '女',
      education: sEdu,
      idNumber: memberIdNumber(rng, s.pool, rng.chance(0.75) ? w.area : ANY_JINGMEN_AREA.pick(rng), spouse),
      health: sHealth,
      disabilityGrade: sDisability,
      annualIncome: 0,
      occupation: occ,
      unitOrSchool:
        occ === '在职' ? employerName(rng, s.regionView, s.regionCode, rng.chance(0.7) ? '非公企业' : '国有企业') : occ === '灵活就业' && rng.chance(0.4) ? rng.pick(FLEX_PLACES) : null,
      skillLevel: occ === '在职' && rng.chance(0.15) ? skillLevel(rng) : null,
    },
  });
  return { spouse, spouseSurname };
}

/** Up to three children still in the household, schooled or working as fits their age. */
function drawChildren(rng: Rng, s: Setting, w: Worker, spouse: Person | null, spouseSurname: string, members: Draft[]): void {
  if (!(w.maritalStatus !== '未婚' || rng.chance(0.05))) return;
  const u = rng.next();
  const count = u < 0.1 ? 0 : u < 0.66 ? 1 : u < 0.94 ? 2 : 3;
  const motherBirth = !w.male ? w.me.birth : spouse ? spouse.birth : w.me.birth + rng.int(0, 5 * 365);
  let motherAge = rng.int(21, 29) * YEAR_DAYS + rng.int(0, 364);
  const childArea = rng.chance(0.85) ? s.region.areas.pick(rng) : w.area; // registered where the family lives
  const kidSurname = w.male ? w.surname : spouse ? spouseSurname : rng.chance(0.7) ? SURNAMES.pick(rng) : w.surname;
  for (let k = 0; k < count; k++) {
    if (k > 0) motherAge += rng.int(2, 7) * YEAR_DAYS + rng.int(0, 200);
    const birth = Math.round(motherBirth + motherAge);
    if (birth > s.fillDay - 30) break; // not born yet
    const boy = rng.chance(0.52);
    const c = person(birth, boy, s.fill);
    if (c.age >= 30 || (c.age >= 24 && rng.chance(0.5))) continue; // has left the household
    const role = childRole(rng, c.age, s.region);
    const cHealth = healthOf(rng, 0.93, CHILD_ILLNESSES);
    const cDisability = CHILD_DISABILITY.pick(rng);
    const occ: Occupation = c.age >= 16 && (cDisability === '一级' || cDisability === '二级') ? '丧失劳动能力' : role.occ;
    const noId = c.age < 6 ? rng.chance(0.25) : c.age < 16 && rng.chance(0.03);
    members.push({
      p: c,
      income: occ === role.occ ? memberIncome(rng, occ, c.age) : 0,
      school: occ === role.occ ? role.school : 'none',
      m: {
        name: kidSurname + givenName(rng, boy, c.y),
        relation: boy ? '子' : '女',
        gender: boy ? '男' : '女',
        education: role.edu,
        idNumber: noId ? null : memberIdNumber(rng, s.pool, childArea, c),
        health: cHealth,
        disabilityGrade: cDisability,
        annualIncome: 0,
        occupation: occ,
        unitOrSchool:
          occ !== role.occ ? null : occ === '在职' && rng.chance(0.5) ? employerName(rng, s.regionView, s.regionCode, '非公企业') : role.unit,
        skillLevel: null,
      },
    });
  }
}

/** Sometimes a parent or two (the worker's, or the spouse's). */
function drawParents(rng: Rng, s: Setting, w: Worker, spouse: Person | null, spouseSurname: string, members: Draft[]): void {
  if (!rng.chance(w.maritalStatus === '未婚' ? 0.3 : 0.13)) return;
  const inLaw = spouse !== null && rng.chance(0.3);
  const base = inLaw && spouse ? spouse : w.me;
  const both = rng.chance(0.3);
  const first = rng.chance(0.5);
  for (let j = 0; j < (both ? 2 : 1); j++) {
    const father = both ? j === 0 : first;
    const relation: Relation = inLaw ? (w.male ? (father ? '岳父' : '岳母') : father ? '公公' : '婆婆') : father ? '父亲' : '母亲';
    const birth = base.birth - Math.round(rng.int(father ? 23 : 21, father ? 35 : 32) * YEAR_DAYS) - rng.int(0, 364);
    const p = person(birth, father, s.fill);
    if (p.age > 92) continue;
    const pHealth = healthOf(rng, 0.42, ELDER_ILLNESSES);
    const pDisability = rng.chance(0.9) ? '无' : DISABILITY.pick(rng);
    let occ = ELDER_OCC.pick(rng);
    if (SEVERE.has(pHealth) && rng.chance(0.5)) occ = '丧失劳动能力';
    const pSurname = father ? (inLaw ? spouseSurname : w.surname) : SURNAMES.pick(rng);
    members.push({
      p,
      income: memberIncome(rng, occ, p.age),
      school: 'none',
      m: {
        name: pSurname + givenName(rng, father, p.y),
        relation,
        gender: father ? '男' : '女',
        education: educationFor(rng, p.y),
        idNumber: memberIdNumber(rng, s.pool, rng.chance(0.6) ? w.area : ANY_JINGMEN_AREA.pick(rng), p),
        health: pHealth,
        disabilityGrade: pDisability,
        annualIncome: 0,
        occupation: occ,
        unitOrSchool: null,
        skillLevel: null,
      },
    });
  }
}

/** 1 + members, a few forms off by one. */
function reportedSize(rng: Rng, members: Draft[]): number {
  let householdSize = 1 + members.length;
  if (rng.chance(0.03)) householdSize = householdSize === 1 || rng.chance(0.6) ? householdSize + 1 : householdSize - 1;
  return householdSize;
}

/** The special hardships condition 2 looks for. */
interface Hardship {
  singleParent: boolean;
  otherHardship: string | null;
  anyIll: boolean;
  anySerious: boolean;
  special: boolean;
}

function drawHardship(rng: Rng, w: Worker, job: Job, members: Draft[]): Hardship {
  const singleParent =
    w.maritalStatus !== '已婚' &&
    members.some((d) => (d.m.relation === '子' || d.m.relation === '女') && (d.p.age < 18 || d.school !== 'none'));
  let otherHardship: string | null = null;
  if (singleParent && rng.chance(0.3)) otherHardship = '单亲家庭，独自抚养子女';
  else if (rng.chance(0.05)) otherHardship = rng.pick(OTHER_HARDSHIPS);
  let anyIll = job.health !== '良好';
  let anySerious = job.seriouslyIll;
  let special = anyIll || job.disabilityGrade !== '无' || singleParent || otherHardship !== null;
  for (const d of members) {
    if (d.m.health !== '良好') {
      anyIll = special = true;
      if (!MILD.has(d.m.health)) anySerious = true;
    }
    if (d.m.disabilityGrade !== '无' || d.m.occupation === '义务教育在校' || d.m.occupation === '非义务教育在校') special = true;
  }
  return { singleParent, otherHardship, anyIll, anySerious, special };
}

interface Expenses {
  medicalExpense: number;
  tuitionExpense: number;
  accident: boolean;
  accidentExpense: number;
}

function drawExpenses(rng: Rng, job: Job, members: Draft[]): Expenses {
  let medicalExpense = medicalCost(rng, job.health);
  for (const d of members) medicalExpense += medicalCost(rng, d.m.health);
  if (medicalExpense === 0 && rng.chance(0.35)) medicalExpense = receiptAmount(rng, 100, 1500);
  medicalExpense = Math.round(medicalExpense * 100) / 100;
  let tuitionExpense = 0;
  for (const d of members) tuitionExpense += tuition(rng, d.school);
  const accident = rng.chance(0.035);
  const accidentExpense = accident ? rng.int(50, 600) * 100 : 0;
  return { medicalExpense, tuitionExpense, accident, accidentExpense };
}

/** The worker's own income by work status, before steering. */
function ownIncome(rng: Rng, job: Job): number {
  let own = 0;
  switch (job.workStatus) {
    case '在岗':
      own = (job.unitNature === '国家机关/事业单位' ? rng.int(180, 360) : job.unitNature === '国有企业' ? rng.int(140, 300) : rng.int(120, 260)) * 100;
      if (job.enterpriseStatus === '半停产') own = Math.round(own * 0.6);
      break;
    case '下（待）岗':
      own = rng.chance(0.4) ? 0 : rng.int(24, 72) * 100;
      break;
    case '病休':
      own = rng.int(60, 150) * 100;
      break;
    case '内退':
      own = rng.int(100, 200) * 100;
      break;
  }
  return own;
}

/**
 * Incomes, steered to a mix of per-capita bands around the line. Households with an expense larger
 * than half of what they would earn just above the band are more often above the line: that
 * expense (condition 3) is why they are on file. Sets the members' incomes; may lay the worker off.
 */
function steerIncomes(rng: Rng, s: Setting, job: Job, members: Draft[], householdSize: number, special: boolean, x: Expenses) {
  let own = ownIncome(rng, job);
  let natural = own;
  for (const d of members) natural += d.income;
  const maxExpense = Math.max(x.medicalExpense, x.tuitionExpense, x.accidentExpense);
  // Targets are drawn against a 6,000-yuan line, then scaled to the household's line.
  const scale = s.annualLine / 6000;
  const c3Ceiling = (1.9 * maxExpense) / householdSize / scale; // per-capita income below which condition 3 holds
  const bigExpense = c3Ceiling > 8400;
  // below / in the band / above: with a large expense .30/.25/.45, with a special hardship
  // .50/.43/.07, with neither .62/.26/.12
  const band = rng.next();
  const targetPc =
    band < (bigExpense ? 0.3 : special ? 0.5 : 0.62)
      ? 1800 + 4150 * Math.pow(rng.next(), 0.7)
      : band < (bigExpense ? 0.55 : special ? 0.93 : 0.88)
        ? rng.float(6000, 7800)
        : bigExpense && rng.chance(0.85)
          ? rng.float(7900, Math.min(c3Ceiling, 16000))
          : 7800 + 8000 * Math.pow(rng.next(), 2);
  let other = rng.chance(0.3) ? rng.int(3, 30) * 100 : 0; // allowances, rent, help from relatives
  const targetT = targetPc * scale * householdSize;
  // Far below what the family would earn: usually because the worker has been laid off.
  if (job.workStatus === '在岗' && job.unitNature !== '国家机关/事业单位' && natural > 0 && (targetT - other) / natural < 0.45 && rng.chance(0.65)) {
    job.workStatus = '下（待）岗';
    if (job.enterpriseStatus === '正常') job.enterpriseStatus = rng.chance(0.6) ? '半停产' : '停产';
    natural -= own;
    own = rng.chance(0.4) ? 0 : rng.int(24, 72) * 100;
    natural += own;
  }
  if (natural > 0) {
    const k = Math.min(1.7, Math.max(0.35, (targetT - other) / natural));
    own = roundIncome(rng, own * k);
    for (const d of members) d.m.annualIncome = roundIncome(rng, d.income * k);
  } else {
    other = Math.round((targetT * rng.float(0.6, 1.05)) / 10) * 10;
  }
  // A worker on the payroll paid this little works for a struggling enterprise.
  if (job.workStatus === '在岗' && own < 9600 && job.enterpriseStatus === '正常' && job.unitNature !== '国家机关/事业单位' && rng.chance(0.7))
    job.enterpriseStatus = '半停产';
  let earned = own;
  for (const d of members) earned += d.m.annualIncome as number;
  let householdAnnualIncome = earned + other;
  if (earned > 0 && rng.chance(0.03)) householdAnnualIncome = Math.round((earned * rng.float(0.8, 0.97)) / 10) * 10; // a form error

  const living = Math.max(householdAnnualIncome * rng.float(0.85, 1.2), householdSize * rng.int(30, 45) * 100);
  const householdAnnualExpense =
    Math.round((living + x.medicalExpense + x.tuitionExpense + x.accidentExpense * rng.float(0.3, 1)) / 100) * 100;
  return { own, householdAnnualIncome, householdAnnualExpense };
}

interface Flags {
  lostWorkCapacity: boolean;
  rightsInfringed: boolean;
  wantsToStartBusiness: boolean;
}

function drawFlags(rng: Rng, w: Worker, job: Job, members: Draft[]): Flags {
  const anyMemberLost = members.some((d) => d.m.occupation === '丧失劳动能力');
  const lostWorkCapacity =
    anyMemberLost || job.disabilityGrade === '一级' || job.disabilityGrade === '二级' || (job.workStatus === '病休' && SEVERE.has(job.health) && rng.chance(0.5));
  const rightsInfringed = rng.chance(job.enterpriseStatus === '停产' || job.enterpriseStatus === '破产' ? 0.15 : job.enterpriseStatus === '半停产' ? 0.08 : 0.02);
  const wantsToStartBusiness = rng.chance(job.workStatus === '下（待）岗' && w.me.age < 50 ? 0.15 : 0.04);
  return { lostWorkCapacity, rightsInfringed, wantsToStartBusiness };
}

/** Causes in the form's order (因病 子女上学 因意外 因未就业 其它), with words where the form invites them. */
function drawCauses(rng: Rng, w: Worker, job: Job, members: Draft[], h: Hardship, x: Expenses): { causes: Cause[]; causeDescription: string | null } {
  const causes: Cause[] = [];
  const notes: string[] = [];
  const illPeople: string[] = [];
  if (job.health !== '良好') illPeople.push(`本人患${job.health}`);
  for (const d of members)
    if (d.m.health !== '良好') illPeople.push(`${d.m.relation === '配偶' ? (w.male ? '妻子' : '丈夫') : RELATION_WORD[d.m.relation] ?? '家人'}患${d.m.health}`);
  if (h.anyIll && (h.anySerious || rng.chance(0.6))) {
    causes.push('因病');
    notes.push(`${illPeople[0]}，${h.anySerious ? '长期治疗，医疗费用负担重' : '需长期服药'}`);
  }
  const student = members.find((d) => d.school !== 'none' && d.school !== 'compulsory');
  if (student && rng.chance(0.95)) {
    causes.push('子女上学');
    notes.push(`${RELATION_WORD[student.m.relation]}在${student.m.unitOrSchool ?? '外地'}读书，学费负担重`);
  }
  if (x.accident) {
    causes.push('因意外');
    notes.push(rng.pick(ACCIDENTS));
  }
  if (job.workStatus === '下（待）岗' || (members.some((d) => d.m.relation === '配偶' && d.m.occupation === '失业') && rng.chance(0.5))) {
    causes.push('因未就业');
    notes.push(job.workStatus === '下（待）岗' ? `企业${job.enterpriseStatus === '正常' ? '效益不好' : job.enterpriseStatus}，本人下岗` : `${w.male ? '妻子' : '丈夫'}失业在家`);
  }
  let causeDescription: string | null = null;
  if (causes.length === 0 || rng.chance(0.07)) {
    causes.push('其它');
    const why = h.singleParent && rng.chance(0.5) ? '单亲家庭，独自抚养子女' : h.otherHardship ?? rng.pick(OTHER_CAUSES);
    causeDescription = notes.length ? `${notes.join('；')}；${why}` : why;
  } else if (rng.chance(0.35)) {
    causeDescription = notes.slice(0, 2).join('；');
  }
  return { causes, causeDescription };
}

/** The declared category: what identification would suggest (against this line), usually; not always. */
function drawCategory(rng: Rng, s: Setting, householdAnnualIncome: number, householdSize: number, special: boolean, x: Expenses) {
  const T = Math.round(householdAnnualIncome * 100); // fen
  const lineN = Math.round(s.annualLine * 100) * householdSize;
  const c1 = T < lineN;
  const c2 = !c1 && T * 10 <= 13 * lineN && special;
  const c3 = overHalf(x.medicalExpense, T) || overHalf(x.tuitionExpense, T) || overHalf(x.accidentExpense, T);
  const suggested: Category | null = c1 ? '低保户' : c2 ? '低保边缘户' : c3 ? '意外致困户' : null;
  let category: Category;
  if (suggested && rng.chance(0.86)) category = suggested;
  else {
    const u = rng.next();
    category = u < 0.55 ? '低保边缘户' : u < 0.82 ? '低保户' : '意外致困户';
  }
  const receivesDibao = rng.chance(c1 ? 0.65 : T * 10 <= 13 * lineN ? 0.1 : 0.03);
  return { category, receivesDibao };
}

/** Needs and measures, sometimes, one per cause (and for a business or rights case). */
function drawNeedsAndMeasures(rng: Rng, causes: Cause[], f: Flags): { needs: string | null; measures: string | null } {
  let needs: string | null = null;
  let measures: string | null = null;
  if (rng.chance(0.6)) {
    const list = causes.map((c) => rng.pick(NEEDS[c]));
    if (f.wantsToStartBusiness) list.push(NEED_BUSINESS);
    if (f.rightsInfringed) list.push(NEED_RIGHTS);
    needs = list.slice(0, 2).join('；');
  }
  if (rng.chance(0.4)) {
    const list = causes.map((c) => rng.pick(MEASURES[c]));
    if (f.wantsToStartBusiness) list.push(MEASURE_BUSINESS);
    if (f.rightsInfringed) list.push(MEASURE_RIGHTS);
    measures = list.slice(0, 2).join('；');
  }
  return { needs, measures };
}

/** One realistic household as the API accepts it (yuan, no workerNo). */
export function syntheticHousehold(rng: Rng, opts: SyntheticOptions): HouseholdInput {
  const s = setting(rng, opts);
  const w = drawWorker(rng, s, opts.index);
  const job = drawJob(rng, s, w);
  const members: Draft[] = [];
  const { spouse, spouseSurname } = drawSpouse(rng, s, w, members);
  drawChildren(rng, s, w, spouse, spouseSurname, members);
  drawParents(rng, s, w, spouse, spouseSurname, members);
  const householdSize = reportedSize(rng, members);
  const hardship = drawHardship(rng, w, job, members);
  const expenses = drawExpenses(rng, job, members);
  const money = steerIncomes(rng, s, job, members, householdSize, hardship.special, expenses);
  const flags = drawFlags(rng, w, job, members);
  const { causes, causeDescription } = drawCauses(rng, w, job, members, hardship, expenses);
  const { category, receivesDibao } = drawCategory(rng, s, money.householdAnnualIncome, householdSize, hardship.special, expenses);
  const { needs, measures } = drawNeedsAndMeasures(rng, causes, flags);

  const uMw = rng.next();
  return {
    regionCode: s.regionCode,
    fillDate: s.fillDate,
    category,
    modelWorker: uMw < 0.012 ? MODEL_WORKER.pick(rng) : null,
    name: w.name,
    gender: w.male ? '男' : '女',
    ethnicity: ETHNICITIES.pick(rng),
    idNumber: w.idNumber,
    education: w.education,
    politicalStatus: w.me.age <= 28 && rng.chance(0.2) ? '共青团员' : rng.chance(0.16) ? '中共党员' : rng.chance(0.012) ? '民主党派' : '群众',
    skillLevel: rng.chance(job.unitNature === '国家机关/事业单位' ? 0.1 : 0.42) ? skillLevel(rng) : null,
    address: address(rng, s.regionView, s.prefix),
    phone: phone(rng, s.region),
    employer: job.employer,
    maritalStatus: w.maritalStatus,
    health: job.health,
    unitNature: job.unitNature,
    serviceYears: job.serviceYears,
    medicalInsurance: (job.unitNature === '国家机关/事业单位' ? MEDICAL_PUBLIC : job.unitNature === '国有企业' ? MEDICAL_STATE : MEDICAL_PRIVATE).pick(rng),
    disabilityGrade: job.disabilityGrade,
    enterpriseStatus: job.enterpriseStatus,
    workStatus: job.workStatus,
    receivesDibao,
    ownAnnualIncome: money.own,
    householdAnnualIncome: money.householdAnnualIncome,
    householdSize,
    householdAnnualExpense: money.householdAnnualExpense,
    medicalExpense: expenses.medicalExpense,
    tuitionExpense: expenses.tuitionExpense,
    accidentExpense: expenses.accidentExpense,
    lostWorkCapacity: flags.lostWorkCapacity,
    otherHardship: hardship.otherHardship,
    rightsInfringed: flags.rightsInfringed,
    wantsToStartBusiness: flags.wantsToStartBusiness,
    members: members.map((d) => d.m),
    causes,
    causeDescription,
    needs,
    measures,
  };
}

// ---------------------------------------------------------------------------------------------
// Sets of households

function regionPicker(regions: readonly string[], extraWeight: number): Weighted<string> {
  if (regions.length === 0) throw new RangeError('regions must not be empty');
  return w<string>(regions.map((r) => [r, regionWeight(r, extraWeight)] as const));
}

/**
 * Households one at a time (for a benchmark that streams a million of them). Deterministic for
 * (seed, regions); the first n are exactly syntheticHouseholds(n, seed, regions). Identity numbers
 * never repeat within the sequence.
 */
export function* iterateSyntheticHouseholds(
  count: number,
  seed: number,
  regions: readonly string[] = SYNTHETIC_REGIONS,
  monthlyLines: Readonly<Record<string, number>> = {},
  extraRegionWeight = 10,
): Generator<HouseholdInput, void, undefined> {
  const rng = createRng(seed);
  const pick = regionPicker(regions, extraRegionWeight);
  const ids = createIdPool();
  // Distinct indices, shifted by the seed so that another seed gives other birth dates too.
  const shift = Math.imul(seed | 0, 0x9e3779b1) >>> 0;
  for (let i = 0; i < count; i++) {
    const regionCode = pick.pick(rng);
    yield syntheticHousehold(rng, { regionCode, index: shift + i, ids, monthlyLine: monthlyLines[regionCode] });
  }
}

/**
 * `count` households spread over the regions (市直 H08 and 东宝 H04 the largest), with incomes around
 * each region's monthly line (default 500 yuan).
 */
export function syntheticHouseholds(
  count: number,
  seed: number,
  regions: readonly string[] = SYNTHETIC_REGIONS,
  monthlyLines: Readonly<Record<string, number>> = {},
): HouseholdInput[] {
  const out: HouseholdInput[] = new Array(count);
  let i = 0;
  for (const h of iterateSyntheticHouseholds(count, seed, regions, monthlyLines)) out[i++] = h;
  return out;
}
