// 通报 end to end: the city union drafts a bulletin of a campaign as of today (the ranking puts
// 掇刀 (H05, all files filed) before 市直 (H08, none filed)), edits its title and body, saves and
// publishes it; a county union of H05 sees it as 未读, reads it, and it is no longer 未读; the city
// union sees who has read it and downloads the PDF. 发布 with unsaved edits saves them first. A
// county union drafts nothing and sees no drafts; it generates the 调研报告 数据稿 of its region
// from the campaign page. Both pages fit a 390 px phone. This file's data: regions H05 and H08,
// fill year 2004, its own campaign.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type OrgJson } from '../lib/api.js';
import { PHONE, signedInPage } from '../lib/layout.js';
import { uniqueName } from '../lib/data.js';
import { chooseOption, clickWhenStill, eventually, gone, textOf, visible } from '../lib/ui.js';

const REGION = 'H05';
const OTHER = 'H08';
const YEAR = 2004;

let admin: Api;
let campaignId: number;
let regionUser: { username: string; password: string };
let cityUser: { username: string; password: string };
const names: Record<string, string> = {};

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const CAMPAIGN = `${YEAR}年通报测试行动${uniqueName('通')}`;

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  regionUser = await admin.createUser({ orgCode: REGION, role: 'region', displayName: uniqueName('阅') });
  cityUser = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('发') });
  for (const o of (await admin.get<{ items: OrgJson[] }>('/api/orgs')).items) names[o.code] = o.name;
  // H05: two files of the fill year, both filed (100%); H08: one, a draft (0%)
  const file = (regionCode: string, month: number) => ({ regionCode, fillDate: `${YEAR}-0${month}-10`, name: uniqueName('通') });
  await admin.createFiledHousehold(file(REGION, 3));
  await admin.createFiledHousehold(file(REGION, 4));
  await admin.createHousehold(file(OTHER, 5));
  const c = await Api.as(baseUrl, cityUser, (city) =>
    city.post<{ id: number }>('/api/campaigns', {
      name: CAMPAIGN,
      year: YEAR,
      startDate: day(-10),
      endDate: day(60),
      phases: [],
      deadlines: [{ kind: 'data', label: '数据上报', dueDate: day(10) }, { kind: 'report', label: '调研报告', dueDate: day(20), reportsPerRegion: 1 }],
      requiredOrgCodes: [REGION, OTHER],
    }, 201),
  );
  campaignId = c.id;
}, 120_000);

afterAll(async () => {
  await admin?.dispose();
});

const signIn = Api.signInAt;

const listRow = (page: Page, id: number): Locator => page.locator(`#bulletin-table tbody tr.ant-table-row[data-bulletin-id="${id}"]`);
const status = (page: Page) => page.locator('#bulletin-page').getAttribute('data-status');

/** A bulletin of the campaign drafted (and published) through the API by the city user. */
async function bulletinByApi(baseUrl: string, publish: boolean): Promise<number> {
  return Api.as(baseUrl, cityUser, async (city) => {
    const b = await city.post<{ id: number }>('/api/bulletins', { campaignId, asOf: day(0) }, 201);
    if (publish) await city.post(`/api/bulletins/${b.id}/publish`, {}, 200);
    return b.id;
  });
}

test('the city drafts, edits and publishes a bulletin; a county union reads it; the city sees who read it', { timeout: 150_000 }, async ({ page, baseUrl }) => {
  // ---- 起草通报 ------------------------------------------------------------------------------------
  await signIn(page, baseUrl, cityUser, '/bulletins');
  await visible(page.locator('#bulletin-table'));
  await page.locator('#bulletin-new').click();
  await visible(page.locator('#bulletin-new-ok'));
  await chooseOption(page, 'bulletinNew_campaignId', CAMPAIGN, { search: true });
  expect(await page.locator('#bulletinNew_asOf').inputValue()).toBe(day(0));
  expect(await page.locator('#bulletinNew_title').getAttribute('placeholder')).toBe(`不填则为：关于${CAMPAIGN}工作进展情况的通报`);
  await clickWhenStill(page.locator('#bulletin-new-ok'));
  await page.waitForURL(/\/bulletins\/\d+$/);
  const id = Number(new URL(page.url()).pathname.split('/').pop());
  await visible(page.locator('#bulletin-sheet'));
  expect(await status(page)).toBe('draft');
  expect(await textOf(page.locator('#bulletin-status'))).toBe('草稿');
  expect(await textOf(page.locator('[data-testid=bulletin-issuer]'))).toBe('荆门市总工会“三万”活动工作领导小组办公室');
  expect(await textOf(page.locator('#bulletin-doc-title'))).toBe(`关于${CAMPAIGN}工作进展情况的通报`);

  // ---- the ranking: H05 (100%) before H08 (0%) ----------------------------------------------------
  const rows = page.locator('#bulletin-rows tbody tr.ant-table-row');
  const orgNames = await rows.locator('td:nth-child(2)').allInnerTexts();
  expect(orgNames.indexOf(names[REGION])).toBeGreaterThanOrEqual(0);
  expect(orgNames.indexOf(names[REGION])).toBeLessThan(orgNames.indexOf(names[OTHER]));
  expect(await textOf(page.locator(`#bulletin-rows tr[data-org="${REGION}"]`))).toContain('100.0%');
  expect(await textOf(page.locator(`#bulletin-rows tr[data-org="${OTHER}"]`))).toContain('0.0%');

  // ---- 编辑: the title and one paragraph more; 保存 -----------------------------------------------------
  await page.locator('#bulletin-edit').click();
  await visible(page.locator('#bulletin_title'));
  const title = `关于${CAMPAIGN}进展情况的通报（修改）`;
  await page.locator('#bulletin_title').fill(title);
  const paragraphs = page.locator('[data-testid=bulletin-edit-paragraph]');
  const n = await paragraphs.count();
  expect(n).toBeGreaterThan(0);
  await page.locator('#bulletin-paragraph-add').click();
  await eventually(() => paragraphs.count()).toBe(n + 1);
  await page.locator(`#bulletin_paragraphs_${n}`).fill('特此通报。');
  await eventually(() => textOf(page.locator('[data-testid=bulletin-dirty]'))).toBe('有尚未保存的修改');
  await page.locator('#bulletin-save').click();
  await gone(page.locator('#bulletin-editor'));
  await visible(page.locator('#bulletin-sheet'));
  expect(await textOf(page.locator('#bulletin-doc-title'))).toBe(title);
  expect(await textOf(page.locator('[data-testid=bulletin-paragraph]').last())).toBe('特此通报。');
  expect(await status(page)).toBe('draft');

  // ---- 发布 (confirmed): read-only from then -------------------------------------------------------------
  await page.locator('#bulletin-publish').click();
  await clickWhenStill(page.locator('#bulletin-publish-ok'));
  await eventually(() => status(page)).toBe('published');
  expect(await textOf(page.locator('#bulletin-status'))).toBe('已发布');
  expect(await textOf(page.locator('#bulletin-number'))).toMatch(/^荆工帮通〔\d{4}〕\d+号$/);
  expect(await page.locator('#bulletin-edit, #bulletin-publish').count()).toBe(0);

  // ---- the county union of H05: 未读, read, no longer 未读 --------------------------------------------------
  await signIn(page, baseUrl, regionUser, '/bulletins');
  await visible(listRow(page, id));
  const unreadInMenu = async () => {
    const badge = page.locator('[data-testid=menu-bulletin-count] .ant-scroll-number');
    return (await badge.count()) ? Number(/未读 (\d+) 份/.exec((await badge.getAttribute('title')) ?? '')?.[1]) : 0;
  };
  await eventually(unreadInMenu).toBeGreaterThan(0);
  const unreadBefore = await unreadInMenu();
  expect(await listRow(page, id).getAttribute('data-unread')).toBe('true');
  expect(await textOf(listRow(page, id))).toContain('未读');
  expect(await textOf(listRow(page, id))).toContain(title);
  await listRow(page, id).locator('[data-testid=bulletin-link]').click();
  await page.waitForURL(new RegExp(`/bulletins/${id}$`));
  await visible(page.locator('#bulletin-sheet'));
  expect(await textOf(page.locator('#bulletin-body'))).toContain('特此通报。');
  // a county union neither edits nor sees who read it
  expect(await page.locator('#bulletin-edit, #bulletin-reads').count()).toBe(0);
  await page.goBack();
  await visible(listRow(page, id));
  await eventually(() => listRow(page, id).getAttribute('data-unread')).toBe('false');
  expect(await listRow(page, id).locator('[data-testid=bulletin-unread]').count()).toBe(0);
  // the menu's 未读 count went down by this one
  await eventually(unreadInMenu).toBe(unreadBefore - 1);

  // ---- the city: 阅读情况 lists H05 with one reader; the PDF downloads ------------------------------------
  await signIn(page, baseUrl, cityUser, `/bulletins/${id}`);
  await visible(page.locator('#bulletin-reads'));
  const read = page.locator(`#bulletin-read-table tbody tr.ant-table-row[data-org="${REGION}"]`);
  await visible(read);
  expect(await textOf(read)).toContain(names[REGION]);
  expect(await read.getAttribute('data-readers')).toBe('1');
  expect(await page.locator(`[data-testid=bulletin-unread-orgs] [data-org="${OTHER}"]`).count()).toBe(1);
  const download = page.waitForEvent('download');
  await page.locator('#bulletin-pdf').click();
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
});

test('发布 with unsaved changes saves them first', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const draft = await bulletinByApi(baseUrl, false);
  await signIn(page, baseUrl, cityUser, `/bulletins/${draft}`);
  await visible(page.locator('#bulletin-sheet'));
  await page.locator('#bulletin-edit').click();
  await visible(page.locator('#bulletin_paragraphs_0'));
  await page.locator('#bulletin_paragraphs_0').fill('经研究，现将有关情况通报如下：');
  await eventually(() => textOf(page.locator('#bulletin-publish'))).toBe('保存并发布');
  await page.locator('#bulletin-publish').click();
  await clickWhenStill(page.locator('#bulletin-publish-ok'));
  await eventually(() => status(page)).toBe('published');
  await gone(page.locator('#bulletin-editor'));
  expect(await textOf(page.locator('[data-testid=bulletin-paragraph]').first())).toBe('经研究，现将有关情况通报如下：');
});

test('a county union drafts no bulletin and sees no drafts', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const draft = await bulletinByApi(baseUrl, false);
  await signIn(page, baseUrl, regionUser, '/bulletins');
  await visible(page.locator('#bulletin-table'));
  await eventually(() => page.locator('#bulletin-table .ant-spin-spinning').count()).toBe(0);
  expect(await page.locator('#bulletin-new').count()).toBe(0);
  expect(await listRow(page, draft).count()).toBe(0);
});

test('a county union generates the 数据稿 of its region from the campaign page', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await signIn(page, baseUrl, regionUser, `/campaigns/${campaignId}`);
  await visible(page.locator('#campaign-reports'));
  await page.locator('#report-draft').click();
  await visible(page.locator('#report-draft-ok'));
  expect(await textOf(page.locator('.ant-modal:has(#report-draft-ok)'))).toContain(names[REGION]);
  expect(await page.locator('#researchDraft_year').inputValue()).toBe(String(YEAR));
  const download = page.waitForEvent('download');
  await clickWhenStill(page.locator('#report-draft-ok'));
  expect((await download).suggestedFilename()).toMatch(/\.docx$/);
  await gone(page.locator('#report-draft-ok'));
});

/** Nothing but a table's own box scrolls sideways; the buttons stay on screen. */
async function fitsPhone(page: Page, buttons: string[]): Promise<void> {
  await eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  await page.evaluate(() => document.fonts.ready);
  const overflow = await page.evaluate((w) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth) - w, PHONE.width);
  expect(overflow).toBeLessThanOrEqual(0);
  for (const b of buttons) {
    const box = await page.locator(b).boundingBox();
    expect(box, b).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, b).toBeLessThanOrEqual(PHONE.width);
  }
}

test('the list, a bulletin and its editor fit a 390 px phone', { timeout: 90_000 }, async ({ browser, baseUrl }) => {
  const published = await bulletinByApi(baseUrl, true);
  const draft = await bulletinByApi(baseUrl, false);
  const county = await signedInPage(browser, baseUrl, regionUser, PHONE);
  try {
    await county.goto(`${baseUrl}/bulletins`);
    await visible(listRow(county, published));
    await fitsPhone(county, []);
    await county.goto(`${baseUrl}/bulletins/${published}`);
    await visible(county.locator('#bulletin-rows tbody tr.ant-table-row').first());
    await fitsPhone(county, ['#bulletin-pdf', '#bulletin-docx']);
  } finally {
    await county.context().close();
  }
  const city = await signedInPage(browser, baseUrl, cityUser, PHONE);
  try {
    await city.goto(`${baseUrl}/bulletins/${draft}`);
    await visible(city.locator('#bulletin-sheet'));
    await fitsPhone(city, ['#bulletin-pdf', '#bulletin-docx', '#bulletin-edit', '#bulletin-publish']);
    await city.locator('#bulletin-edit').click();
    await visible(city.locator('#bulletin_title'));
    await fitsPhone(city, ['#bulletin-save', '#bulletin-publish', '#bulletin-edit-cancel']);
  } finally {
    await city.context().close();
  }
});
