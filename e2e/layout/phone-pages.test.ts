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
let submitted: HouseholdJson;

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  // 2009 is this file's year; 荆门高新区·掇刀区 is the longest region name the 低保标准 table shows
  await admin.setPolicyLines([{ regionCode: 'H08', year: 2009, monthlyLine: 500 }, { regionCode: 'H05', year: 2009, monthlyLine: 500 }], 'e2e phone-pages: 市直 and 掇刀 2009');
  cadre = await admin.createUser({ orgCode: 'H08', displayName: uniqueName('机') });
  filed = await Api.as(inject('baseUrl'), cadre, (api) => api.createFiledHousehold({ regionCode: 'H08', name: uniqueName('机') }));
  // filed by the admin, so that the county cadre may give the unit opinion
  submitted = await admin.fileThrough((await admin.createHousehold({ regionCode: 'H08', name: uniqueName('审') })).id, { until: 'submitted' });
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
    // it names what is still missing, not a fixed list (the county's own region is filled in already)
    await eventually(() => textOf(line)).toMatch(/^识别结果：待填写/);
    expect(await textOf(line)).not.toContain('所属地区');
    await setDate(page, fid('fillDate'), '2009-06-20');
    await typeInto(page, fid('householdAnnualIncome'), '9000');
    await eventually(() => textOf(line)).toBe('识别结果：待填写家庭人口');
    // the save button's keyboard hint means nothing on a phone
    await page.locator('#household-save').hover().catch(() => undefined);
    expect(await page.locator('.ant-tooltip:visible').filter({ hasText: 'Ctrl+S' }).count()).toBe(0);
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
    // every row's amount, the longest region name with its 示例 tag included (荆门高新区·掇刀区)
    const rights = await page.locator('#policy-lines-table input[id^=policy_line_]').evaluateAll((els) => els.map((e) => [e.id, Math.round(e.getBoundingClientRect().right)] as const));
    expect(rights.length).toBeGreaterThan(0);
    expect(rights.filter(([, r]) => r > PHONE.width)).toEqual([]);
  } finally {
    await page.context().close();
  }
});

test('tables on a phone: the 操作 column scrolls with the rest, 职工编号 stays in sight, links are big enough for a finger', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households`);
    const cell = page.locator('.ant-table-tbody tr.ant-table-row td.ant-table-cell-fix-right').first();
    await visible(cell);
    expect(await cell.evaluate((el) => getComputedStyle(el).position)).toBe('static');
    // …while 职工编号 stays at the left edge when the row is swiped sideways
    const box = page.locator('#household-table .ant-table-content').first();
    const no = page.locator('#household-table .ant-table-tbody tr.ant-table-row td.col-worker-no').first();
    await box.evaluate((el) => { el.scrollLeft = 400; });
    await eventually(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(100);
    const noBox = (await no.boundingBox())!;
    const scrollBox = (await box.boundingBox())!;
    expect(Math.abs(noBox.x - scrollBox.x)).toBeLessThanOrEqual(1);
    // and a finger can hit its links and the pager (they were 16 and 24 px tall)
    const link = (await no.locator('a').boundingBox())!;
    expect(link.height).toBeGreaterThanOrEqual(32);
    const pager = page.locator('.ant-pagination-item').first();
    await visible(pager);
    expect((await pager.boundingBox())!.height).toBeGreaterThanOrEqual(32);
  } finally {
    await page.context().close();
  }
});

test('the list\'s filters on a phone: labels on one line, 查询 after the extra conditions', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households`);
    await visible(page.locator('#householdFilter_submit'));
    await page.locator('#householdFilter_more').click();
    await visible(page.locator('#householdFilter_moreRow'));
    // 困难类别 broke into 困难类 / 别
    const labels = page.locator('.filter-card .ant-form-item-label > label');
    // the lines a label's text takes: the distinct tops of its text's boxes
    const lines = await labels.evaluateAll((ls) => ls.map((l) => {
      const r = document.createRange();
      r.selectNodeContents(l);
      return [(l as HTMLElement).innerText, new Set([...r.getClientRects()].map((b) => Math.round(b.top))).size] as const;
    }));
    expect(lines.length).toBeGreaterThanOrEqual(8);
    expect(lines.filter(([, n]) => n !== 1)).toEqual([]);
    // the extra conditions sat below 重置 / 查询
    const lastExtra = await topOf(page.locator('#householdFilter_moreRow .ant-form-item').last());
    expect(await topOf(page.locator('#householdFilter_submit'))).toBeGreaterThan(lastExtra);
  } finally {
    await page.context().close();
  }
});

test('the review dialog on a phone: 常用意见 do not cover the opinion\'s character count', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households/${submitted.id}`);
    await page.locator('#household-review-unit').click();
    const dialog = await visible(page.getByRole('dialog'));
    const count = await visible(dialog.locator('.ant-input-data-count'));
    const tags = await visible(dialog.locator('.quick-opinions'));
    await eventually(async () => {
      const c = (await count.boundingBox())!;
      const t = (await tags.boundingBox())!;
      return t.y >= c.y + c.height;
    }).toBe(true);
  } finally {
    await page.context().close();
  }
});
