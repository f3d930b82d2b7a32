// 剔除建议 (/removal-proposals): 已建档 files that meet none of the three conditions wait in 待处理
// (only filed files get a proposal: these are taken through review through the API first).
// Two are confirmed with a note (they are removed, with the identification as the reason), one is
// rejected (it stays in the register), one is left pending; a file that qualifies is never listed.
//
// 漳河新区 (H06) 2012 is this file's own pair: line 500 元/月 → A = 6,000; N = 2 → A·N = 12,000,
// 130% = 15,600. Income 20,000 (人均 10,000.00) is above 130%, nobody ill, no expenses: 不符合.
// Income 10,000 is below the line: 低保户, not proposed.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { maskedId, uniqueName } from '../lib/data.js';
import { idFile, panelPart } from '../lib/identification.js';
import { chooseOption, clickWhenStill, eventually, gone, textOf, visible } from '../lib/ui.js';
import type { Page } from 'playwright-core';

const REGION = 'H06';
const REGION_NAME = '漳河新区';
const YEAR = 2012;
const REASON_HEAD = '三项条件均不符合：家庭年人均收入 10,000.00 元，超过当地年低保标准 6,000.00 元（每月 500 元）的 130%（7,800.00 元）';

let admin: Api;
let out: HouseholdJson[]; // four files that meet no condition, in filing order
let kept: HouseholdJson; // one that qualifies

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines([{ regionCode: REGION, year: YEAR, monthlyLine: 500 }], 'e2e proposals: 漳河新区 2012');
  out = [];
  for (let i = 0; i < 4; i++) out.push(await admin.createFiledHousehold(idFile({ regionCode: REGION, fillDate: `${YEAR}-04-0${i + 1}`, income: 20000, namePrefix: '漳' })));
  kept = await admin.createFiledHousehold(idFile({ regionCode: REGION, fillDate: `${YEAR}-04-09`, income: 10000, namePrefix: '漳' }));
  expect(out.map((h) => [h.status, h.identification?.eligible])).toEqual(Array(4).fill(['filed', false]));
  expect(kept).toMatchObject({ status: 'filed', identification: { eligible: true, category: '低保户' } });
});

afterAll(async () => {
  await admin?.dispose();
});

const rows = (page: Page) => page.locator('#proposal-table tbody tr.ant-table-row');
/** The 姓名 column, top to bottom (the pending tab has a checkbox column first, the others do not). */
async function namesShown(page: Page): Promise<string[]> {
  const headers = (await page.locator('#proposal-table thead th').allInnerTexts()).map((t) => t.trim());
  const i = headers.indexOf('姓名');
  if (i < 0) throw new Error(`no 姓名 column: ${headers.join(' | ')}`);
  return (await rows(page).locator(`td:nth-child(${i + 1})`).allInnerTexts()).map((t) => t.trim());
}
const total = (page: Page) => textOf(page.locator('[data-testid=proposal-total]'));

async function tick(page: Page, name: string): Promise<void> {
  const row = rows(page).filter({ hasText: name });
  await row.locator('td.ant-table-selection-column .ant-checkbox-wrapper').click();
  await visible(row.locator('.ant-checkbox-checked'));
}

async function openTab(page: Page, status: 'pending' | 'confirmed' | 'rejected' | 'withdrawn', expectedTotal: number): Promise<void> {
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/removal-proposals' && new URL(r.url()).searchParams.get('status') === status);
  await page.locator(`[data-testid=proposal-tab-${status}]`).click();
  await listed;
  const url = new URL(page.url());
  expect(url.searchParams.get('status')).toBe(status === 'pending' ? null : status); // pending is the default
  expect(url.searchParams.get('regionCode')).toBe(REGION);
  await eventually(() => total(page)).toBe(`共 ${expectedTotal} 条`);
}

/** The menu badge: 待处理 N 条 over every region the admin sees. */
async function badgeCount(page: Page): Promise<number> {
  // antd puts the title on the badge's number (sup.ant-scroll-number)
  const title = await page.locator('[data-testid=menu-proposal-count] .ant-scroll-number').getAttribute('title');
  return Number(/待处理\s*(\d+)\s*条/.exec(title ?? '')?.[1] ?? NaN);
}

test('待处理 → 确认剔除 two with a note → 已确认剔除, removed; 不予剔除 one → 不予剔除, still active', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const api = await Api.loginInPage(page, baseUrl);
  const [c1, c2, r1, left] = out;
  const confirmNote = `经入户核实，家庭收入已明显改善 ${uniqueName('核')}`;
  const rejectNote = `经核实该户仍有实际困难，暂不剔除 ${uniqueName('核')}`;

  await page.goto(`${baseUrl}/removal-proposals`);
  await visible(page.locator('[data-testid=proposal-tab-pending]'));
  await chooseOption(page, 'proposalFilter_regionCode', REGION_NAME);
  await page.waitForURL((u) => u.searchParams.get('regionCode') === REGION);

  // ---- 待处理: exactly the four files that meet no condition ------------------------------------------
  await eventually(() => total(page)).toBe('共 4 条');
  expect(await namesShown(page)).toEqual(out.map((h) => h.name));
  expect(await textOf(page.locator('#proposal-table'))).not.toContain(kept.name);
  const first = rows(page).filter({ hasText: c1.name });
  // 职工编号, 姓名, 地区, 申报类别, 人均年收入, 年低保标准, 剔除理由, 操作 (after the checkbox); below
  // 1600 px (this page is 1440) 身份证号 and 建议时间 give way to the reason
  const cells = (await first.locator('td').allInnerTexts()).map((t) => t.trim());
  expect(cells.slice(1, 7)).toEqual([c1.workerNo, c1.name, REGION_NAME, '低保户', '10,000.00', '6,000.00']);
  expect(await textOf(page.locator('#proposal-table'))).not.toContain(maskedId(c1.idNumber));
  expect(cells[7]).toContain(REASON_HEAD);
  // the menu badge counts every pending proposal the admin may see
  const pendingAll = (await api.listProposals({ status: 'pending' })).total;
  await eventually(() => badgeCount(page)).toBe(pendingAll);
  expect(await page.locator('[data-testid=proposal-footer]').count()).toBe(0);

  // ---- select two, 确认剔除 with a note ----------------------------------------------------------------
  await tick(page, c1.name);
  await tick(page, c2.name);
  const footer = await visible(page.locator('[data-testid=proposal-footer]'));
  expect(await textOf(footer)).toContain('已选择2项');
  await page.locator('#proposal-confirm').click();
  const summary = await visible(page.locator('[data-testid=proposal-modal-summary]'));
  expect(await textOf(summary)).toContain('以下 2 户将从困难职工数据库中剔除');
  expect((await summary.locator('li').allInnerTexts()).map((t) => t.trim())).toEqual([
    `${c1.workerNo} ${c1.name}（${REGION_NAME}）`,
    `${c2.workerNo} ${c2.name}（${REGION_NAME}）`,
  ]);
  await page.locator('#proposal-note').fill(confirmNote);
  const decided = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/removal-proposals/decide');
  await clickWhenStill(page.locator('#proposal-modal-ok'));
  const res = await decided;
  expect(res.status()).toBe(200);
  expect(res.request().postDataJSON()).toMatchObject({ decision: 'confirm', note: confirmNote });
  expect(await res.json()).toMatchObject({ decided: 2, results: [{ ok: true }, { ok: true }] });
  await gone(summary);

  const results = await visible(page.locator('[data-testid=proposal-results]'));
  expect(await textOf(results)).toContain('已确认剔除 2 户');
  expect(await textOf(results)).toContain('这些档案已剔除');
  await eventually(() => total(page)).toBe('共 2 条');
  expect(await namesShown(page)).toEqual([r1.name, left.name]);
  await gone(page.locator('[data-testid=proposal-footer]'));
  await eventually(() => badgeCount(page)).toBe(pendingAll - 2);

  // ---- 已确认剔除: the two, with the note -------------------------------------------------------------
  await openTab(page, 'confirmed', 2);
  expect(await namesShown(page)).toEqual([c1.name, c2.name]);
  expect(await textOf(page.locator('#proposal-table'))).toContain(confirmNote);
  expect(await rows(page).locator('td.ant-table-selection-column').count()).toBe(0); // decided: nothing to select

  // their detail pages: removed, the identification as the reason
  for (const h of [c1, c2]) {
    await page.goto(`${baseUrl}/households/${h.id}`);
    const banner = await visible(page.locator('[data-testid=household-removed]'));
    expect(await textOf(banner)).toContain('该档案已从困难职工数据库中剔除');
    expect(await textOf(banner)).toContain(`剔除原因：经精准识别，${REASON_HEAD}`);
    await visible(panelPart(page, 'identification-removed'));
    expect(await textOf(panelPart(page, 'identification-eligible'))).toBe('不符合');
    expect(await page.locator('#household-edit').count()).toBe(0);
    expect(await page.locator('[data-testid=household-removal-proposal]').count()).toBe(0);
    expect(await api.getHousehold(h.id)).toMatchObject({ status: 'removed', version: h.version + 1 });
  }

  // ---- 不予剔除 one ---------------------------------------------------------------------------------
  await page.goto(`${baseUrl}/removal-proposals?regionCode=${REGION}`);
  await eventually(() => total(page)).toBe('共 2 条');
  await tick(page, r1.name);
  await page.locator('#proposal-reject').click();
  const summary2 = await visible(page.locator('[data-testid=proposal-modal-summary]'));
  expect(await textOf(summary2)).toContain('以下 1 户将保留在册，剔除建议标记为「不予剔除」');
  await page.locator('#proposal-note').fill(rejectNote);
  const rejected = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/removal-proposals/decide');
  await clickWhenStill(page.locator('#proposal-modal-ok'));
  const rejectRes = await rejected;
  expect(rejectRes.request().postDataJSON()).toMatchObject({ decision: 'reject', note: rejectNote });
  expect(await rejectRes.json()).toMatchObject({ decided: 1 });
  expect(await textOf(await visible(page.locator('[data-testid=proposal-results]')))).toContain('已不予剔除 1 户');
  await eventually(() => total(page)).toBe('共 1 条');
  expect(await namesShown(page)).toEqual([left.name]);

  await openTab(page, 'rejected', 1);
  expect(await namesShown(page)).toEqual([r1.name]);
  expect(await textOf(page.locator('#proposal-table'))).toContain(rejectNote);
  await openTab(page, 'withdrawn', 0);

  // the rejected file is still in the register, unchanged
  await page.goto(`${baseUrl}/households/${r1.id}`);
  await visible(page.locator('#household-print'));
  expect(await page.locator('[data-testid=household-removed]').count()).toBe(0);
  expect(await panelPart(page, 'identification-removed').count()).toBe(0);
  expect(await api.getHousehold(r1.id)).toMatchObject({ status: 'filed', version: r1.version });
  // and the file left alone is still pending; the one that qualifies was never proposed
  expect((await api.listProposals({ status: 'pending', regionCode: REGION })).items.map((p) => p.householdId)).toEqual([left.id]);
  for (const status of ['pending', 'confirmed', 'rejected', 'withdrawn'])
    expect((await api.listProposals({ status, regionCode: REGION })).items.some((p) => p.householdId === kept.id), status).toBe(false);
});
