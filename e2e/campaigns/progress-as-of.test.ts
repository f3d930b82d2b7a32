// 专项行动 · 按日期回溯 (issue #13): the progress table as of a past day. The files made here were
// entered today, so as of yesterday the region has none; the table says what it shows, the 待审核
// column becomes 审核中, and clearing the day brings today's numbers back. This file's data: region
// H05, fill year 2005, its own campaign.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { eventually, listTotal, textOf, visible } from '../lib/ui.js';

const REGION = 'H05';
const YEAR = 2005;

let admin: Api;
let campaignId: number;
let cityUser: { username: string; password: string };
const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  cityUser = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('溯') });
  const file = (n: number) => ({ regionCode: REGION, fillDate: `${YEAR}-0${n}-10`, name: uniqueName('溯') });
  await admin.createFiledHousehold(file(3));
  await admin.fileThrough((await admin.createHousehold(file(4))).id, { until: 'submitted' });
  const campaign = await Api.as(baseUrl, cityUser, (city) =>
    city.post<{ id: number }>('/api/campaigns', {
      name: `${YEAR}年回溯测试行动`, year: YEAR, startDate: day(-30), endDate: day(60), phases: [],
      deadlines: [{ kind: 'data', label: '数据上报', dueDate: day(10) }], requiredOrgCodes: [REGION],
    }, 201),
  );
  campaignId = campaign.id;
}, 90_000);

afterAll(async () => {
  await admin?.dispose();
});

const regionRow = (page: Page) => page.locator('#progress-table tbody tr.ant-table-row', { has: page.locator(`[data-org="${REGION}"]`) });

test('the progress table as of yesterday, then today again; the list of a day says so', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  await Api.loginInPage(page, baseUrl, cityUser.username, cityUser.password);
  await page.goto(`${baseUrl}/campaigns/${campaignId}`);
  await visible(regionRow(page));
  expect(Number(await textOf(regionRow(page).locator('a[data-measure=total]')))).toBe(2);

  // choose yesterday in 截至日期
  const picker = page.locator('#progress-as-of');
  await picker.click();
  await picker.fill(day(-1));
  await picker.press('Enter');
  await page.waitForURL((u) => u.searchParams.get('asOf') === day(-1));
  await eventually(() => textOf(page.locator('#progress-as-of-note'))).toContain(`截至 ${day(-1)} 日终`);
  await eventually(() => regionRow(page).locator('[data-testid=not-started]').count()).toBe(1);
  expect(await regionRow(page).locator('a[data-measure=total]').count()).toBe(0);
  expect(await textOf(page.locator('#progress-table thead'))).toContain('审核中');
  expect(await textOf(page.locator('#progress-table thead'))).not.toContain('退回未重报');

  // the list of that day: its tag, and none of these files
  await page.goto(`${baseUrl}/households?fillYear=${YEAR}&regionCode=${REGION}&asOf=${day(-1)}&status=filed`);
  await eventually(() => textOf(page.locator('[data-testid=link-filters]'))).toContain(`截至 ${day(-1)} 日终`);
  await eventually(() => listTotal(page)).toBe(0);

  // back to the table, clear the day: today's numbers
  await page.goto(`${baseUrl}/campaigns/${campaignId}?asOf=${day(-1)}`);
  await visible(page.locator('#progress-as-of-note'));
  await page.locator('#campaign-progress .ant-picker-clear').click({ force: true });
  await page.waitForURL((u) => !u.searchParams.has('asOf'));
  await eventually(() => textOf(regionRow(page).locator('a[data-measure=total]'))).toBe('2');
  await eventually(() => textOf(regionRow(page).locator('a[data-measure=filed]'))).toBe('1');
  expect(await page.locator('#progress-as-of-note').count()).toBe(0);
});
