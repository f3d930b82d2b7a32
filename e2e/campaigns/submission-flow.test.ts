// 专项行动 · 上报 end to end (issue #13): a county union (漳河新区, H06) submits its files of the
// campaign year, the city union returns the submission with an opinion, the county union sees the
// opinion and submits again, the city union accepts; the progress table's numbers open lists of
// exactly that many files. This file's data: region H06, fill year 2011, its own campaign.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { clickWhenStill, eventually, gone, listTotal, textOf, visible } from '../lib/ui.js';

const REGION = 'H06';
const YEAR = 2011;

let admin: Api;
let campaignId: number;
let deadlineId: number;
let regionUser: { username: string; password: string };
let cityUser: { username: string; password: string };

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  regionUser = await admin.createUser({ orgCode: REGION, role: 'region', displayName: uniqueName('报') });
  cityUser = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('收') });
  // the campaign year's files of the region: one 已建档, one 待单位审核 (both frozen by a submission), one 草稿 (not)
  const file = (n: number) => ({ regionCode: REGION, fillDate: `${YEAR}-0${n}-10`, name: uniqueName('报') });
  await admin.createFiledHousehold(file(3));
  await admin.fileThrough((await admin.createHousehold(file(4))).id, { until: 'submitted' });
  await admin.createHousehold(file(5));
  const campaign = await Api.as(baseUrl, cityUser, (city) =>
    city.post<{ id: number; deadlines: { id: number }[] }>('/api/campaigns', {
      name: `${YEAR}年上报流程测试行动`,
      year: YEAR,
      startDate: day(-10),
      endDate: day(60),
      phases: [{ name: '摸底建档', startDate: day(-10), endDate: day(30) }],
      deadlines: [{ kind: 'data', label: '第一次数据上报', dueDate: day(10) }],
      requiredOrgCodes: [REGION],
    }, 201),
  );
  campaignId = campaign.id;
  deadlineId = campaign.deadlines[0].id;
}, 90_000);

afterAll(async () => {
  await admin?.dispose();
});

/** The county union's line of the deadline in 本单位上报. */
const ownDeadline = (page: Page): Locator => page.locator(`#own-submissions li[data-deadline-id="${deadlineId}"]`);

/** The city's row of the newest submission of H06 in 各单位上报. */
const cityRow = (page: Page): Locator => page.locator('#city-submission-table tbody tr.ant-table-row').first();

async function openAs(page: Page, baseUrl: string, who: { username: string; password: string }): Promise<void> {
  await page.context().clearCookies();
  await Api.loginInPage(page, baseUrl, who.username, who.password);
  await page.goto(`${baseUrl}/campaigns/${campaignId}`);
  await visible(page.locator('#campaign-progress'));
}

async function submit(page: Page, action: 'submit' | 'resubmit', note: string): Promise<void> {
  await ownDeadline(page).locator(`.submit-button[data-action=${action}]`).click();
  const modal = page.locator('.ant-modal:has(#submit-ok)');
  await visible(modal);
  expect(await textOf(modal)).toContain(`将冻结本单位 ${YEAR} 年度 2 户档案`);
  await page.locator('#submit_note').fill(note);
  await clickWhenStill(page.locator('#submit-ok'));
  await gone(page.locator('#submit-ok'));
  await eventually(() => ownDeadline(page).getAttribute('data-state')).toBe('submitted');
}

async function decide(page: Page, decision: 'accept' | 'return', opinion: string): Promise<void> {
  await eventually(() => textOf(cityRow(page))).toContain('已上报');
  await cityRow(page).locator(`[data-action=${decision}]`).click();
  await visible(page.locator('#decision-ok'));
  if (decision === 'return') {
    // an opinion is required to return
    await clickWhenStill(page.locator('#decision-ok'));
    await eventually(() => textOf(page.locator('.ant-modal .ant-form-item-explain-error'))).toContain('请填写退回意见');
  }
  if (opinion) await page.locator('#decision_opinion').fill(opinion);
  await clickWhenStill(page.locator('#decision-ok'));
  await gone(page.locator('#decision-ok'));
  await eventually(() => textOf(cityRow(page))).toContain(decision === 'accept' ? '已接收' : '已退回');
}

test('a county union submits, the city returns with an opinion, it submits again, the city accepts', { timeout: 120_000 }, async ({ page, baseUrl }) => {
  // ---- the county union submits ------------------------------------------------------------------
  await openAs(page, baseUrl, regionUser);
  expect(await ownDeadline(page).getAttribute('data-state')).toBe('none');
  await submit(page, 'submit', '第一次上报：已建档1户，审核中1户');
  const own = page.locator('#own-submission-table tbody tr.ant-table-row');
  await eventually(() => own.count()).toBe(1);
  expect(await textOf(own.first())).toMatch(/第 1 次.*2.*已上报.*按时/);
  // nothing more to submit while the city decides
  expect(await ownDeadline(page).locator('.submit-button').count()).toBe(0);

  // ---- the city returns it, with an opinion --------------------------------------------------------
  await openAs(page, baseUrl, cityUser);
  await decide(page, 'return', '草稿1户未提交审核，请完善后重新上报');
  // the submission froze exactly the two files: its workbook downloads
  const download = page.waitForEvent('download');
  await cityRow(page).locator('[data-testid=submission-download]').click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  // ---- the county union reads the opinion and submits again ---------------------------------------
  await openAs(page, baseUrl, regionUser);
  await eventually(() => ownDeadline(page).getAttribute('data-state')).toBe('returned');
  expect(await textOf(page.locator('[data-testid=submission-returned]'))).toContain('草稿1户未提交审核，请完善后重新上报');
  await submit(page, 'resubmit', '已按意见完善');
  await eventually(() => own.count()).toBe(2);
  expect(await textOf(own.first())).toContain('第 2 次');
  expect(await textOf(own.nth(1))).toContain('已退回');

  // ---- the city accepts ---------------------------------------------------------------------------
  await openAs(page, baseUrl, cityUser);
  await decide(page, 'accept', '');
  expect(await textOf(cityRow(page))).toContain('第 2 次');

  // ---- the county union sees it accepted; the progress table says so ----------------------------
  await openAs(page, baseUrl, regionUser);
  await eventually(() => ownDeadline(page).getAttribute('data-state')).toBe('accepted');
  expect(await ownDeadline(page).locator('.submit-button').count()).toBe(0);
  await eventually(() => textOf(page.locator('#progress-table [data-testid=progress-total-row]'))).toContain('3');
});

test('the progress table\'s numbers open lists of exactly that many files', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await openAs(page, baseUrl, cityUser);
  const row = page.locator('#progress-table tbody tr.ant-table-row', { has: page.locator(`[data-org="${REGION}"]`) });
  await visible(row);
  for (const [measure, expected] of [['total', 3], ['submitted', 1], ['filed', 1], ['draft', 1]] as const) {
    const link = row.locator(`a[data-measure=${measure}]`);
    expect(Number(await textOf(link)), measure).toBe(expected);
    await link.click();
    await page.waitForURL((u) => u.pathname === '/households');
    expect(new URL(page.url()).searchParams.get('fillYear')).toBe(String(YEAR));
    await eventually(() => listTotal(page), measure).toBe(expected);
    expect(await textOf(page.locator('[data-testid=link-filters]'))).toContain(`填表年度 ${YEAR}`);
    await page.goBack();
    await visible(row);
  }
});
