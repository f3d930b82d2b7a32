// 档案列表, 「更多条件」: the identification filters (识别结果 / 满足条件 / 建议类别 / 识别提示), each
// together with the region filter, return exactly the files of this test's region that match;
// the URL carries every filter, so a reload (or a copied link) shows the same list.
//
// 屈家岭管理区 (H07) is this file's own region. 2011: line 500 元/月 → A = 6,000; N = 2 → A·N =
// 12,000, 130% = 15,600. 2010 has no line.
//   a  2011  T 10,000, declared 低保户,     低保 是  → C1 低保户        flags —
//   b  2011  T 10,000, declared 低保边缘户, 低保 否  → C1 低保户        flags 类别不符, 应保未保
//   c  2011  T 14,000 ill, 低保边缘户,      低保 否  → C2 低保边缘户    flags —
//   d  2011  T 20,000, 医疗 12,000 (> 10,000), 意外致困户, 低保 是 → C3 意外致困户  flags 低保待核
//   e  2011  T 20,000, declared 低保户,     低保 是  → 不符合           flags 类别不符, 低保待核
//   f  2010  T 10,000, declared 低保户,     低保 是  → 无法判定         flags 无标准
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { idFile } from '../lib/identification.js';
import { chooseOption, columnTexts, eventually, nextListResponse, selectedOf, tableRows, textOf, visible } from '../lib/ui.js';
import type { Page } from 'playwright-core';

const REGION = 'H07';
const REGION_NAME = '屈家岭管理区';
const YEAR = 2011;
const NO_LINE_YEAR = 2010;

type Key = 'a' | 'b' | 'c' | 'd' | 'e' | 'f';
let admin: Api;
let f: Record<Key, HouseholdJson>;

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines([{ regionCode: REGION, year: YEAR, monthlyLine: 500 }], 'e2e list-filters: 屈家岭管理区 2011');
  const d = (day: number) => `${YEAR}-05-${String(day).padStart(2, '0')}`;
  const mk = (o: Omit<Parameters<typeof idFile>[0], 'regionCode'>) => admin.createHousehold(idFile({ regionCode: REGION, namePrefix: '屈', ...o }));
  f = {
    a: await mk({ fillDate: d(1), income: 10000, category: '低保户', receivesDibao: true }),
    b: await mk({ fillDate: d(2), income: 10000, category: '低保边缘户', receivesDibao: false }),
    c: await mk({ fillDate: d(3), income: 14000, ill: true, category: '低保边缘户', receivesDibao: false }),
    d: await mk({ fillDate: d(4), income: 20000, medicalExpense: 12000, category: '意外致困户', receivesDibao: true }),
    e: await mk({ fillDate: d(5), income: 20000, category: '低保户', receivesDibao: true }),
    f: await mk({ fillDate: `${NO_LINE_YEAR}-05-06`, income: 10000, category: '低保户', receivesDibao: true }),
  };
  // the stored results, as worked out above
  const stored = Object.fromEntries(Object.entries(f).map(([k, h]) => [k, [h.identification?.eligible, h.identification?.conditions.join(''), h.identification?.category, h.identification?.flags.join(',')]]));
  expect(stored).toEqual({
    a: [true, 'C1', '低保户', ''],
    b: [true, 'C1', '低保户', 'categoryMismatch,dibaoNotReceived'],
    c: [true, 'C2', '低保边缘户', ''],
    d: [true, 'C3', '意外致困户', 'dibaoAboveLine'],
    e: [false, '', null, 'categoryMismatch,dibaoAboveLine'],
    f: [null, '', null, 'noLine'],
  });
});

afterAll(async () => {
  await admin?.dispose();
});

const CONDITION_TITLES = {
  C1: '条件一（家庭年人均收入低于当地城市低保标准）',
  C2: '条件二（家庭年人均收入在低保标准 100%–130% 之间，且有患病、上学、残疾、单亲等特殊困难）',
  C3: '条件三（医疗、学费或意外支出超过家庭年度总收入的 50%）',
};

/** Which of this test's files the list shows (as a sorted list of keys). */
async function shownKeys(page: Page): Promise<string[]> {
  const byName = new Map(Object.entries(f).map(([k, h]) => [h.name, k]));
  return (await columnTexts(page, '姓名')).map((n) => byName.get(n) ?? `other:${n}`).sort();
}

/** Clears an antd Select that has allowClear. */
async function clearSelect(page: Page, id: string): Promise<void> {
  const select = page.locator(`.ant-select:has(#${id})`);
  if ((await selectedOf(page, id)) === '') return;
  await select.hover();
  await select.locator('.ant-select-clear').click();
  await eventually(() => selectedOf(page, id)).toBe('');
}

/** 查询; resolves with the query the list sent to the server. */
async function search(page: Page): Promise<URLSearchParams> {
  const listed = nextListResponse(page);
  await page.locator('#householdFilter_submit').click();
  const res = await listed;
  expect(res.status()).toBe(200);
  return new URL(res.url()).searchParams;
}

/** Sets one identification filter (clearing the others), searches, and checks the rows and the URL. */
async function filterBy(page: Page, param: 'eligible' | 'condition' | 'suggestedCategory' | 'flag', value: string, optionTitle: string, expected: Key[]): Promise<void> {
  for (const p of ['eligible', 'condition', 'suggestedCategory', 'flag'] as const) if (p !== param) await clearSelect(page, `householdFilter_${p}`);
  // 满足条件 lists 条件一（description） and shows just 条件一 once chosen
  await chooseOption(page, `householdFilter_${param}`, optionTitle, { shown: param === 'condition' ? optionTitle.replace(/（.*$/, '') : undefined });
  const sent = await search(page);
  expect({ regionCode: sent.get('regionCode'), [param]: sent.get(param) }, `request for ${param}=${value}`).toEqual({ regionCode: REGION, [param]: value });
  await eventually(() => shownKeys(page), `${param}=${value}`).toEqual(expected);
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe(`共 ${expected.length} 户`);
  const url = new URL(page.url());
  const idParams = ['eligible', 'condition', 'suggestedCategory', 'flag'].filter((p) => url.searchParams.has(p));
  expect({ regionCode: url.searchParams.get('regionCode'), params: idParams, value: url.searchParams.get(param) }).toEqual({ regionCode: REGION, params: [param], value });
}

/** The 识别结果 cell of every row: data-eligible, in row order, by file key. */
async function eligibleCells(page: Page): Promise<Record<string, string | null>> {
  const names = await columnTexts(page, '姓名');
  const cells = tableRows(page).locator('[data-testid=list-eligible]');
  const byName = new Map(Object.entries(f).map(([k, h]) => [h.name, k]));
  const out: Record<string, string | null> = {};
  for (let i = 0; i < names.length; i++) out[byName.get(names[i]) ?? names[i]] = await cells.nth(i).getAttribute('data-eligible');
  return out;
}

test('识别结果 / 满足条件 / 建议类别 / 识别提示 filters with the region: exactly the matching files; the URL keeps them', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await Api.loginInPage(page, baseUrl);
  await page.goto(`${baseUrl}/households`);
  await visible(page.locator('[data-testid=list-total]'));

  // the region alone: all six
  await chooseOption(page, 'householdFilter_regionCode', REGION_NAME);
  const sent = await search(page);
  expect(sent.get('regionCode')).toBe(REGION);
  await eventually(() => shownKeys(page)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
  expect(await eligibleCells(page)).toEqual({ a: 'true', b: 'true', c: 'true', d: 'true', e: 'false', f: 'unknown' });

  // 「更多条件」 opens the identification filters
  const more = page.locator('#householdFilter_moreRow');
  expect(await more.isHidden()).toBe(true);
  await page.locator('#householdFilter_more').click();
  await visible(page.locator('.ant-select:has(#householdFilter_eligible)'));
  expect(await page.locator('#householdFilter_more').getAttribute('aria-expanded')).toBe('true');

  // ---- 识别结果 ----------------------------------------------------------------------------------
  await filterBy(page, 'eligible', 'true', '符合', ['a', 'b', 'c', 'd']);
  expect(new Set(Object.values(await eligibleCells(page)))).toEqual(new Set(['true']));
  await filterBy(page, 'eligible', 'false', '不符合', ['e']);
  expect(await eligibleCells(page)).toEqual({ e: 'false' });
  await filterBy(page, 'eligible', 'unknown', '无法判定', ['f']);
  expect(await eligibleCells(page)).toEqual({ f: 'unknown' });
  expect(await textOf(tableRows(page).first().locator('[data-testid=list-eligible]'))).toBe('无法判定');

  // ---- 满足条件 ----------------------------------------------------------------------------------
  await filterBy(page, 'condition', 'C1', CONDITION_TITLES.C1, ['a', 'b']);
  await filterBy(page, 'condition', 'C2', CONDITION_TITLES.C2, ['c']);
  await filterBy(page, 'condition', 'C3', CONDITION_TITLES.C3, ['d']);

  // ---- 建议类别 ----------------------------------------------------------------------------------
  await filterBy(page, 'suggestedCategory', '低保户', '低保户', ['a', 'b']);
  await filterBy(page, 'suggestedCategory', '低保边缘户', '低保边缘户', ['c']);
  await filterBy(page, 'suggestedCategory', '意外致困户', '意外致困户', ['d']);
  await filterBy(page, 'suggestedCategory', 'none', '无（不符合或无法判定）', ['e', 'f']);

  // ---- 识别提示 ----------------------------------------------------------------------------------
  await filterBy(page, 'flag', 'categoryMismatch', '申报类别与建议类别不一致', ['b', 'e']);
  await filterBy(page, 'flag', 'dibaoNotReceived', '应保未保', ['b']);
  const bFlags = await tableRows(page).first().locator('[data-flag]').evaluateAll((els) => els.map((e) => e.getAttribute('data-flag')));
  expect(bFlags).toEqual(['categoryMismatch', 'dibaoNotReceived']);
  await filterBy(page, 'flag', 'noLine', '未配置低保标准', ['f']);
  await filterBy(page, 'flag', 'dibaoAboveLine', '享受低保但收入不低于低保标准', ['d', 'e']);

  // ---- two at once: 符合 and 低保待核 → only d ---------------------------------------------------------
  await chooseOption(page, 'householdFilter_eligible', '符合');
  const both = await search(page);
  expect({ eligible: both.get('eligible'), flag: both.get('flag'), regionCode: both.get('regionCode') }).toEqual({ eligible: 'true', flag: 'dibaoAboveLine', regionCode: REGION });
  await eventually(() => shownKeys(page)).toEqual(['d']);
  const url = new URL(page.url());
  expect(Object.fromEntries(url.searchParams)).toEqual({ regionCode: REGION, eligible: 'true', flag: 'dibaoAboveLine' });

  // ---- the URL keeps them: a reload shows the same filters and the same list ---------------------------
  const reloaded = nextListResponse(page);
  await page.reload();
  const again = new URL((await reloaded).url()).searchParams;
  expect({ eligible: again.get('eligible'), flag: again.get('flag'), regionCode: again.get('regionCode') }).toEqual({ eligible: 'true', flag: 'dibaoAboveLine', regionCode: REGION });
  await eventually(() => shownKeys(page)).toEqual(['d']);
  await visible(page.locator('.ant-select:has(#householdFilter_eligible)')); // 「更多条件」 open by itself
  expect(await selectedOf(page, 'householdFilter_regionCode')).toBe(REGION_NAME);
  expect(await selectedOf(page, 'householdFilter_eligible')).toBe('符合');
  expect(await selectedOf(page, 'householdFilter_flag')).toBe('享受低保但收入不低于低保标准');

  // a link opened fresh (another tab of the same session) shows the same too
  await page.goto(`${baseUrl}/households?regionCode=${REGION}&suggestedCategory=none`);
  await eventually(() => shownKeys(page)).toEqual(['e', 'f']);
  expect(await selectedOf(page, 'householdFilter_suggestedCategory')).toBe('无（不符合或无法判定）');

  // Back returns to the previous filters
  const back = nextListResponse(page);
  await page.goBack();
  await back;
  await eventually(() => shownKeys(page)).toEqual(['d']);
  expect(new URL(page.url()).searchParams.get('flag')).toBe('dibaoAboveLine');
});
