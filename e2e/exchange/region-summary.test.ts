// 地区汇总: the 合计 row's total is the sum of the regions' totals, and it counts what the list
// counts (在册档案: every file not removed or exited; 仅已建档: filed ones); a county cadre sees
// its own region only.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { eventually, loginViaForm, textOf, visible } from '../lib/ui.js';

let admin: Api;
let clerk: { username: string; password: string };
let county: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
  county = await admin.createUser({ orgCode: 'H02', displayName: uniqueName('县') });
  // at least one filed and one draft file, so that the two scopes differ
  await admin.createFiledHousehold({ regionCode: 'H02' });
  await admin.createHousehold({ regionCode: 'H02' });
});

afterAll(async () => {
  await admin?.dispose();
});

const regionRows = (page: Page) => page.locator('#summary-table .ant-table-tbody tr.ant-table-row');
const totalRow = (page: Page) => page.locator('[data-testid=summary-total-row]');

/** [地区, 合计户数] of every region row (the first two columns, before the grouped ones). */
async function regionTotals(page: Page): Promise<{ region: string; total: number }[]> {
  const out: { region: string; total: number }[] = [];
  for (const row of await regionRows(page).all()) {
    const cells = row.locator('td');
    out.push({ region: (await textOf(cells.nth(0))).trim(), total: Number(await textOf(cells.nth(1))) });
  }
  return out;
}

async function grandTotal(page: Page): Promise<{ label: string; total: number }> {
  const cells = (await visible(totalRow(page))).locator('td');
  return { label: await textOf(cells.nth(0)), total: Number(await textOf(cells.nth(1))) };
}

async function summaryLoaded(page: Page) {
  await visible(totalRow(page));
  await eventually(() => regionRows(page).count()).toBeGreaterThan(0);
}

test('地区汇总: 合计 = the sum of the regions, and matches the list in both scopes', async ({ page, baseUrl }) => {
  const count = async (status?: string) => (await admin.listHouseholds({ pageSize: 1, ...(status ? { status } : {}) })).total;
  const live = (await count()) - (await count('removed')) - (await count('exited'));
  const filed = await count('filed');
  expect(filed, 'both scopes hold files and differ (else this proves little)').toBeGreaterThan(0);
  expect(live).toBeGreaterThan(filed);

  await loginViaForm(page, baseUrl, clerk.username, clerk.password);
  await page.locator('.app-sider').getByText('地区汇总', { exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/reports/region-summary');
  await summaryLoaded(page);

  const regions = await regionTotals(page);
  const total = await grandTotal(page);
  expect(total.label).toBe('合计');
  expect(total.total).toBe(regions.reduce((s, r) => s + r.total, 0));
  expect(total.total).toBe(live);
  // the grouped headers are there
  const head = await textOf(page.locator('#summary-table thead'));
  for (const g of ['困难类别', '致困原因', '工作状况', '企业状况', '家庭年人均收入']) expect(head).toContain(g);

  // 仅已建档
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/reports/region-summary' && new URL(r.url()).searchParams.get('status') === 'filed');
  await page.locator('#summary-scope').getByText('仅已建档').click();
  await answered;
  await eventually(async () => (await grandTotal(page)).total).toBe(filed);
  const filedRegions = await regionTotals(page);
  expect((await grandTotal(page)).total).toBe(filedRegions.reduce((s, r) => s + r.total, 0));
  expect(new URL(page.url()).searchParams.get('status')).toBe('filed');
});

test('地区汇总 for a county cadre: its own region only', async ({ page, baseUrl }) => {
  const own = (await admin.listHouseholds({ regionCode: 'H02', pageSize: 1 })).total - (await admin.listHouseholds({ regionCode: 'H02', status: 'removed', pageSize: 1 })).total - (await admin.listHouseholds({ regionCode: 'H02', status: 'exited', pageSize: 1 })).total;
  await loginViaForm(page, baseUrl, county.username, county.password);
  await page.goto(`${baseUrl}/reports/region-summary`);
  await summaryLoaded(page);
  const regions = await regionTotals(page);
  expect(regions.length).toBe(1);
  expect(regions[0].total).toBe(own);
  expect((await grandTotal(page)).total).toBe(own);
});
