// 考核 and 表彰 end to end: the city union opens 考核 for 2016 and sees the county unions ranked,
// gives one of them +2 points with a reason and sees its total rise by 2, opens 考核细则 and sees
// the weights sum to 100 (and the sum follow a typed weight) and saves it, nominates the
// first-ranked county union from the ranking, approves the nomination on 表彰, finds it on the
// approved list and prints the list; that county union's 工作台 shows the honour. This file's
// data: a filed file of H06 and a draft of H07 of fill year 2016 (so that both have something to
// assess), whatever else the suite filed then.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { reviewerOf } from '../lib/env.js';
import { uniqueName } from '../lib/data.js';
import { chooseOption, clickWhenStill, eventually, gone, textOf, visible } from '../lib/ui.js';

const YEAR = 2016;
const ADJUSTED = 'H06';

let admin: Api;
let cityUser: { username: string; password: string };

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  cityUser = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('考') });
  await admin.createFiledHousehold({ regionCode: ADJUSTED, fillDate: `${YEAR}-06-10`, name: uniqueName('考') });
  await admin.createHousehold({ regionCode: 'H07', fillDate: `${YEAR}-07-10`, name: uniqueName('考') });
}, 120_000);

afterAll(async () => {
  await admin?.dispose();
});

const signIn = Api.signInAt;

const rows = (page: Page): Locator => page.locator('#assessment-table tbody tr.ant-table-row');
const rowOf = (page: Page, org: string): Locator => page.locator(`#assessment-table tbody tr.ant-table-row[data-org="${org}"]`);
const totalOf = async (row: Locator): Promise<number> => Number(await row.getAttribute('data-total'));
const settled = (page: Page) => eventually(() => page.locator('#assessment-table .ant-spin-spinning').count()).toBe(0);

test('the city ranks, adjusts, reads the rubric, nominates the first and approves it', { timeout: 150_000 }, async ({ page, baseUrl }) => {
  // ---- 考核 of 2016, the county unions' tab: ranked, the first has rank 1 ------------------------------
  await signIn(page, baseUrl, cityUser, '/assessment');
  await visible(page.locator('#assessment-table'));
  await chooseOption(page, 'assessment-year', `${YEAR} 年`);
  await page.waitForURL((u) => u.searchParams.get('year') === String(YEAR));
  await settled(page);
  await visible(rowOf(page, ADJUSTED));
  expect(await textOf(page.locator('#assessment-levels .ant-tabs-tab-active'))).toBe('县（市、区）工会');
  const ranks = (await rows(page).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-rank')))).filter((r) => r !== '').map(Number);
  expect(ranks.length).toBeGreaterThanOrEqual(2);
  expect(ranks[0]).toBe(1);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  // a score's facts on hover: the value and the weight
  await rowOf(page, ADJUSTED).locator('.assessment-score[data-code="filedRate"]').hover();
  await eventually(() => textOf(page.locator('.ant-popover:visible').last())).toMatch(/实际值 \d+(\.\d)?% · 得分 [\d.]+ · 权重 \d+/);

  // ---- 加减分: +2 with a reason; the total rises by 2 ----------------------------------------------------
  const before = await totalOf(rowOf(page, ADJUSTED));
  expect(Number.isFinite(before)).toBe(true);
  await rowOf(page, ADJUSTED).locator('[data-testid=assessment-adjust]').click();
  await visible(page.locator('#adjustment-ok'));
  await page.locator('#adjustment_points').fill('2');
  await page.locator('#adjustment_reason').fill('困难职工帮扶工作经验在全市推广');
  await clickWhenStill(page.locator('#adjustment-ok'));
  await gone(page.locator('#adjustment-ok'));
  await eventually(() => totalOf(rowOf(page, ADJUSTED))).toBe(Math.round((before + 2) * 10) / 10);
  expect(await textOf(rowOf(page, ADJUSTED).locator('[data-testid=assessment-adjustment]'))).toBe('+2.0');
  // the row's details list the adjustment with its reason
  await rowOf(page, ADJUSTED).locator('[data-testid=assessment-detail]').click();
  await visible(page.locator('#assessment-drawer'));
  expect(await textOf(page.locator('#assessment-adjustments'))).toContain('困难职工帮扶工作经验在全市推广');
  await page.locator('.ant-drawer-close').click();
  await gone(page.locator('#assessment-drawer'));

  // ---- 考核细则: the weights sum to 100, and the sum follows what is typed -----------------------------
  await page.locator('#assessment-rubric').click();
  await visible(page.locator('#rubric-table'));
  expect(await textOf(page.locator('#rubric-weight-sum'))).toBe('100');
  const first = page.locator('#rubric_items_0_weight');
  const w = Number(await first.inputValue());
  await first.fill(String(w + 5));
  await eventually(() => textOf(page.locator('#rubric-weight-sum'))).toBe('105');
  expect(await page.locator('#rubric-save').isDisabled()).toBe(true);
  await first.fill(String(w));
  await eventually(() => textOf(page.locator('#rubric-weight-sum'))).toBe('100');
  // saved as it is (the year's first save, version 0): the scores stay, the rubric says who saved it
  await page.locator('#rubric-save').click();
  await gone(page.locator('#rubric-table'));
  await page.locator('#assessment-rubric').click();
  await visible(page.locator('#rubric-table'));
  expect(await textOf(page.locator('.ant-modal:has(#rubric-table)'))).toContain('本细则由');
  await page.locator('#rubric-close').click();
  await gone(page.locator('#rubric-table'));
  await eventually(() => totalOf(rowOf(page, ADJUSTED))).toBe(Math.round((before + 2) * 10) / 10);

  // ---- 定稿: the result is kept; 加减分 goes, the rubric is read-only -----------------------------------
  await page.locator('#assessment-finalize').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await visible(page.locator('#assessment-finalized'));
  expect(await textOf(page.locator('#assessment-finalized'))).toMatch(/^已定稿/);
  await eventually(() => rowOf(page, ADJUSTED).locator('[data-testid=assessment-adjust]').count()).toBe(0);
  expect(await page.locator('#assessment-finalize').count()).toBe(0);
  await eventually(() => totalOf(rowOf(page, ADJUSTED))).toBe(Math.round((before + 2) * 10) / 10);

  // ---- 推荐表彰 of the first-ranked county union, from the ranking -------------------------------------
  await settled(page);
  const top = rows(page).first();
  const topOrg = (await top.getAttribute('data-org'))!;
  const topName = await textOf(top.locator('.assessment-org'));
  const topTotal = await textOf(top.locator('[data-testid=assessment-total]'));
  expect(await top.getAttribute('data-rank')).toBe('1');
  await top.locator('[data-testid=assessment-nominate]').click();
  await visible(page.locator('#nomination-ok'));
  expect(await page.locator('#nomination_title').inputValue()).toBe('精准帮扶工作先进单位');
  expect(await page.locator('#nomination_reason').inputValue()).toBe(`${YEAR}年度考核第1名，总分${topTotal}分`);
  await clickWhenStill(page.locator('#nomination-ok'));
  await gone(page.locator('#nomination-ok'));

  // ---- 表彰: the nomination waits; 批准; it is on the approved list ---------------------------------------
  await page.goto(`${baseUrl}/commendations?year=${YEAR}`);
  const nomination = page.locator(`#commendation-table tbody tr.ant-table-row[data-org="${topOrg}"][data-kind="org"]`);
  await visible(nomination);
  expect(await nomination.getAttribute('data-status')).toBe('proposed');
  expect(await textOf(nomination)).toContain(topName);
  expect(await textOf(nomination)).toContain('考核第 1 名');
  await nomination.locator('[data-testid=commendation-approve]').click();
  await clickWhenStill(page.locator('#commendation-decision-ok'));
  await gone(page.locator('#commendation-decision-ok'));
  await eventually(() => nomination.getAttribute('data-status')).toBe('approved');
  await page.locator('#commendation-status .ant-tabs-tab', { hasText: '已批准' }).click();
  await page.waitForURL((u) => u.searchParams.get('status') === 'approved');
  await visible(nomination);
  expect(await textOf(nomination.locator('[data-testid=commendation-status]'))).toBe('已批准');
  expect(await page.locator('#commendation-table tbody tr.ant-table-row[data-status="proposed"]').count()).toBe(0);
  // the year's approved list prints
  const download = page.waitForEvent('download');
  await page.locator('#commendation-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

  // ---- the county union's 工作台 shows the honour --------------------------------------------------------
  await signIn(page, baseUrl, reviewerOf(topOrg), '/');
  await visible(page.locator('#dashboard-honors'));
  expect(await textOf(page.locator('#dashboard-honors'))).toContain(`${YEAR} 年度 精准帮扶工作先进单位`);
});
