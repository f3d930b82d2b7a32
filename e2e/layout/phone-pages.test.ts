// Phones (issue #12, points 5 and 6): on the detail page of a filed file, 识别结果 and 记录帮扶
// come before the long survey sheet (记录帮扶 sat 5,000 px down a 6,100 px page); the survey form
// shows the live result in its save bar while typing (the panel is below the whole form); the
// 低保标准 page puts 待保存的修改 under the lines instead of over them.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Locator } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { PHONE, signedInPage } from '../lib/layout.js';
import { uniqueName } from '../lib/data.js';
import { ADMIN_PASSWORD } from '../lib/env.js';
import { fid, formReady, setDate, typeNumber } from '../lib/form.js';
import { eventually, textOf, typeInto, visible } from '../lib/ui.js';

let admin: Api;
let filed: HouseholdJson;
let cadre: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines([{ regionCode: 'H08', year: 2009, monthlyLine: 500 }], 'e2e phone-pages: 市直 2009');
  cadre = await admin.createUser({ orgCode: 'H08', displayName: uniqueName('机') });
  filed = await Api.as(inject('baseUrl'), cadre, (api) => api.createFiledHousehold({ regionCode: 'H08', name: uniqueName('机') }));
}, 60_000);

afterAll(async () => {
  await admin?.dispose();
});

/** The element's top, in page coordinates. */
async function topOf(l: Locator): Promise<number> {
  return l.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

test('detail page on a phone: 识别结果, then 记录帮扶, then the survey sheet', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households/${filed.id}`);
    const record = await visible(page.locator('#assistance-new'));
    const sheet = await visible(page.locator('.sheet').first());
    const panel = await visible(page.locator('[data-testid=identification-panel]'));
    const [p, r, s] = [await topOf(panel), await topOf(record), await topOf(sheet)];
    expect(p).toBeLessThan(r);
    expect(r).toBeLessThan(s);
    expect(r).toBeLessThan(2_000);
  } finally {
    await page.context().close();
  }
});

test('survey form on a phone: the save bar shows the live result while typing', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households/new`);
    await formReady(page);
    const line = page.locator('[data-testid=live-result-line]');
    await eventually(() => textOf(line)).toBe('识别结果：待填写地区、日期、收入和人口');
    await setDate(page, fid('fillDate'), '2009-06-20');
    await typeInto(page, fid('householdAnnualIncome'), '9000');
    await typeNumber(page, fid('householdSize'), '2');
    // 9,000 for two against 500 × 12 × 2 = 12,000: 符合, 低保户; the line stays in the window
    await eventually(() => textOf(line)).toBe('识别结果：符合 · 低保户');
    const box = (await line.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
    await typeInto(page, fid('householdAnnualIncome'), '40000');
    await eventually(() => textOf(line)).toBe('识别结果：不符合');
  } finally {
    await page.context().close();
  }
});

test('低保标准 on a phone: the pending changes sit under the lines, the amounts are on screen', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, { username: 'admin', password: ADMIN_PASSWORD }, PHONE);
  try {
    await page.goto(`${baseUrl}/policy`);
    const lines = await visible(page.locator('.policy-lines'));
    const pending = await visible(page.locator('[data-testid=policy-pending]'));
    const lb = (await lines.boundingBox())!;
    expect(lb.width).toBeGreaterThan(PHONE.width * 0.8);
    expect(await topOf(pending)).toBeGreaterThanOrEqual((await topOf(lines)) + lb.height - 1);
    const input = page.locator('#policy_line_H08_2009');
    await visible(input);
    const ib = (await input.boundingBox())!;
    expect(ib.x + ib.width).toBeLessThanOrEqual(PHONE.width);
  } finally {
    await page.context().close();
  }
});

test('tables on a phone: the 操作 column scrolls with the rest instead of covering the middle columns', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households`);
    const cell = page.locator('.ant-table-tbody tr.ant-table-row td.ant-table-cell-fix-right').first();
    await visible(cell);
    expect(await cell.evaluate((el) => getComputedStyle(el).position)).toBe('static');
  } finally {
    await page.context().close();
  }
});
