// A 1366×768 laptop (issue #12, point 7): the tables cadres work in fit their card, so no column
// hides under the sticky 操作 column (填报日期 showed "2016-0", 操作 of /policy and 联系的家庭 of
// /links were clipped), and 剔除建议's reason is read on the page, not only by hovering. 低保核对's
// 名单记录 (a list of 掇刀 imported in the set-up) fits too, and its findings fit the page.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Locator } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { LAPTOP, signedInPage } from '../lib/layout.js';
import { uniqueName } from '../lib/data.js';
import { idFile } from '../lib/identification.js';
import { importDibaoList } from '../lib/dibao.js';
import { eventually, textOf, visible } from '../lib/ui.js';

let admin: Api;
let city: { username: string; password: string };
let filedId: number;

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('笔') });
  // a file under review, and a filed one that is 不符合 (a removal proposal) with the longest region name
  await admin.setPolicyLines([{ regionCode: 'H05', year: 2001, monthlyLine: 500 }], 'e2e laptop: 掇刀 2001');
  await admin.fileThrough((await admin.createHousehold(idFile({ regionCode: 'H05', fillDate: '2001-04-01', income: 10_000, namePrefix: '笔' }))).id, { until: 'unitApproved' });
  const filedBody = idFile({ regionCode: 'H05', fillDate: '2001-04-02', income: 30_000, namePrefix: '笔' });
  const filed = await admin.createFiledHousehold(filedBody);
  filedId = filed.id;
  // a leader with two linked households: 联系的家庭 holds two long chips
  const leader = await admin.createUser({ orgCode: 'H', role: 'leader', displayName: uniqueName('领') });
  const otherBody = idFile({ regionCode: 'H05', fillDate: '2001-04-03', income: 10_000, namePrefix: '笔' });
  const other = await admin.createFiledHousehold(otherBody);
  for (const h of [filed, other]) await admin.post(`/api/households/${h.id}/links`, { username: leader.username });
  // a civil-affairs 低保 list of 掇刀 (the longest region name) naming both: 名单记录 has a row, 核对结果 its findings
  await Api.as(inject('baseUrl'), city, (api) =>
    importDibaoList(api, {
      regionCode: 'H05',
      source: '荆门高新区·掇刀区民政局社会救助科',
      fileName: '荆门高新区掇刀区城市居民最低生活保障对象花名册.csv',
      rows: [['姓名', '身份证号', '家庭人口', '月保障金额'], ...[filedBody, otherBody].map((b) => [b.name as string, b.idNumber as string, 2, '1000.50'])],
    }),
  );
}, 60_000);

afterAll(async () => {
  await admin?.dispose();
});

/** How much wider the table is than its scroll box (0: it fits). */
async function overflow(table: Locator): Promise<number> {
  const box = table.locator('.ant-table-content').first();
  return box.evaluate((el) => el.scrollWidth - el.clientWidth);
}

test('1366 px: 档案列表, 待我审核, 剔除建议, 定点联系, 低保标准 and 低保名单记录 fit their card', { timeout: 90_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, city, LAPTOP);
  try {
    for (const [path, table] of [
      ['/households', '#household-table'],
      ['/reviews', '#review-table'],
      ['/removal-proposals', '.ant-table-wrapper'],
      ['/links', '.ant-table-wrapper'],
      ['/policy', '#policy-lines-table'],
      ['/dibao?tab=lists', '[data-testid=dibao-lists] .ant-table-wrapper'],
    ] as const) {
      await page.goto(`${baseUrl}${path}`);
      const t = page.locator(table).first();
      await visible(t);
      await eventually(() => t.locator('.ant-table-tbody tr.ant-table-row').count(), path).toBeGreaterThan(0);
      await page.evaluate(() => document.fonts.ready);
      const widths = await t.locator('thead th').evaluateAll((ths) => ths.map((th) => `${(th as HTMLElement).innerText.trim()}:${Math.round(th.getBoundingClientRect().width)}`).join(' '));
      expect(await overflow(t), `${path} ${widths}`).toBeLessThanOrEqual(0);
    }

    // 低保核对's findings: the file, the people on the list and the buttons side by side, inside their box
    await page.goto(`${baseUrl}/dibao?regionCode=H05`);
    const finding = page.locator('#dibao-finding-list [data-testid=dibao-finding-row]').first();
    await visible(finding);
    await page.evaluate(() => document.fonts.ready);
    expect(await finding.evaluate((el) => el.scrollWidth - el.clientWidth), '/dibao finding').toBeLessThanOrEqual(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), '/dibao page').toBeLessThanOrEqual(0);

    // the reason of a proposal shows whole lines of text, not 13 characters
    await page.goto(`${baseUrl}/removal-proposals`);
    const reason = page.locator('.proposal-reason').first();
    await visible(reason);
    const lines = await reason.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines).toBeGreaterThanOrEqual(2);
    // and 展开全文 opens it whole without hovering: the deciding clause is at its end
    const cell = page.locator('.proposal-reason-cell').filter({ has: page.locator('.proposal-reason-toggle') }).first();
    await visible(cell);
    const clipped = await cell.locator('.proposal-reason').evaluate((el) => el.scrollHeight > el.clientHeight + 1);
    expect(clipped, 'a long reason starts cut to three lines').toBe(true);
    await cell.locator('.proposal-reason-toggle').click();
    await eventually(() => cell.locator('.proposal-reason').evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);
    expect(await textOf(cell.locator('.proposal-reason-toggle'))).toBe('收起');
  } finally {
    await page.context().close();
  }
});

test('1366 px: the region name reads whole in the list, and the file\'s identity number stays on one line', async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, city, LAPTOP);
  try {
    await page.goto(`${baseUrl}/households?regionCode=H05`);
    const region = page.locator('#household-table tbody tr.ant-table-row').first().locator('.cell-wrap').nth(1);
    await visible(region);
    // 荆门高新区·掇刀区 was cut to 荆门高新… (readable only by hovering)
    expect(await region.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && getComputedStyle(el).textOverflow !== 'ellipsis')).toBe(true);
    expect((await region.innerText()).replace(/\s+/g, '')).toBe('荆门高新区·掇刀区');

    await page.goto(`${baseUrl}/households/${filedId}`);
    const id = page.locator('.sheet-value[data-field=idNumber] .mono');
    await visible(id);
    const lines = await id.evaluate((el) => Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)));
    expect(lines, 'the 18 characters of 身份证号 on one line').toBe(1);
    const cell = await page.locator('.sheet-value[data-field=idNumber]').boundingBox();
    const text = await id.boundingBox();
    expect(text!.x + text!.width).toBeLessThanOrEqual(cell!.x + cell!.width);
  } finally {
    await page.context().close();
  }
});
