// A region cadre (县区工会 user of 京山, H01) sees only 京山's files: the list is limited to H01
// whatever the filters say, and another region's file is "not found" even by its URL.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { columnTexts, eventually, loginViaForm, nextListResponse, tableRows, textOf, visible } from '../lib/ui.js';

let admin: Api;
let cadre: { username: string; password: string; displayName: string };
let own: HouseholdJson; // 京山 H01
let other: HouseholdJson; // 东宝 H04

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  const displayName = uniqueName('京');
  cadre = await admin.createUser({ orgCode: 'H01', displayName });
  own = await admin.createHousehold({ regionCode: 'H01', name: uniqueName('京') });
  other = await admin.createHousehold({ regionCode: 'H04', name: uniqueName('东') });
  expect(own.workerNo).toMatch(/^H01\d{5}$/);
  expect(other.workerNo).toMatch(/^H04\d{5}$/);
});

afterAll(async () => {
  await admin?.dispose();
});

test('a 京山 (H01) user sees only 京山 files; a 东宝 file is not found by its URL', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, cadre.username, cadre.password);
  expect(await textOf(page.locator('[data-testid=current-user]'))).toContain(cadre.displayName);

  // ---- the list: every row is 京山, the total is 京山's --------------------------------------
  // the list shows every status by default (草稿 … 已建档, 已剔除, 已脱困)
  const h01 = await admin.listHouseholds({ regionCode: 'H01', pageSize: 100 });
  const all = await admin.listHouseholds({ pageSize: 1 });
  expect(all.total, 'other regions have files too (else this test proves nothing)').toBeGreaterThan(h01.total);
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe(`共 ${h01.total} 户`);
  await eventually(() => tableRows(page).count()).toBe(Math.min(h01.total, 20));
  expect(new Set(await columnTexts(page, '地区'))).toEqual(new Set(['京山']));
  const workerNos = await columnTexts(page, '职工编号');
  expect(workerNos.every((w) => /^H01\d{5}$/.test(w)), workerNos.join(' ')).toBe(true);
  // the region filter is fixed to the user's own region
  const regionSelect = page.locator('.ant-select:has(#householdFilter_regionCode)');
  expect(await regionSelect.getAttribute('class')).toContain('ant-select-disabled');
  expect(await textOf(regionSelect)).toBe('京山');

  // own file found by name; the 东宝 file is not, even by its exact name or 职工编号
  const search = async (q: string) => {
    await page.locator('#householdFilter_q').fill(q);
    const listed = nextListResponse(page);
    await page.locator('#householdFilter_submit').click();
    await listed;
    await visible(page.locator('[data-testid=list-total]'));
  };
  await search(own.name);
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe('共 1 户');
  expect(await textOf(tableRows(page).first())).toContain(own.workerNo);
  await search(other.name);
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe('共 0 户');
  expect(await tableRows(page).count()).toBe(0);
  await search(other.workerNo);
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe('共 0 户');
  // even a hand-made URL asking for 东宝 gets 京山 only
  const forced = nextListResponse(page);
  await page.goto(`${baseUrl}/households?regionCode=H04`);
  const forcedRes = await forced;
  expect(new URL(forcedRes.url()).searchParams.get('regionCode')).toBe('H01');
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe(`共 ${h01.total} 户`);

  // the server, not just the page, holds the line: the cadre's own session asking for 东宝
  const direct = await page.context().request.get(`${baseUrl}/api/households?regionCode=H04`);
  expect(direct.status()).toBe(200);
  const body = (await direct.json()) as { total: number; items: { regionCode: string }[] };
  expect(body.items.filter((i) => i.regionCode !== 'H01')).toEqual([]);

  // ---- another region's file by its URL: not found ---------------------------------------------
  const detail = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${other.id}`);
  await page.goto(`${baseUrl}/households/${other.id}`);
  expect((await detail).status()).toBe(404);
  await visible(page.getByText('档案不存在', { exact: true }));
  expect(await page.locator('#household-view-workerNo').count()).toBe(0);
  expect(await page.getByText(other.name).count()).toBe(0);

  await page.goto(`${baseUrl}/households/${other.id}/edit`);
  await visible(page.getByText('档案不存在', { exact: true }));
  expect(await page.locator('#household-save').count()).toBe(0);

  // ---- and the own region's file by its URL: shown --------------------------------------------
  await page.goto(`${baseUrl}/households/${own.id}`);
  expect(await textOf(await visible(page.locator('#household-view-workerNo')))).toBe(own.workerNo);
  await visible(page.locator('#household-edit'));
});
