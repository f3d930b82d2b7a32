// 专项行动 · 调研报告 end to end: a county union (屈家岭管理区, H07) that owes two reports sends one —
// a file that only claims to be a PDF is refused in the browser before anything is sent — the city
// union returns it with an opinion, the county union reads it and replaces the file, the city
// accepts; the tracker counts what each required organization owes, sent and had accepted. A
// campaign whose report deadline passed yesterday lists both organizations as 逾期. The page of the
// county union fits a 390 px phone. This file's data: regions H07 and H04, its own two campaigns.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { PHONE, signedInPage } from '../lib/layout.js';
import { uniqueName } from '../lib/data.js';
import { clickWhenStill, eventually, fieldError, gone, textOf, visible } from '../lib/ui.js';

const REGION = 'H07';
const SILENT = 'H04';
const YEAR = 2014;

let admin: Api;
let campaignId: number;
let pastCampaignId: number;
let regionUser: { username: string; password: string };
let cityUser: { username: string; password: string };

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);
const TITLE = `屈家岭管理区困难职工帮扶调研报告${uniqueName('调')}`;
const PDF = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  regionUser = await admin.createUser({ orgCode: REGION, role: 'region', displayName: uniqueName('调') });
  cityUser = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('阅') });
  await Api.as(baseUrl, cityUser, async (city) => {
    const c = await city.post<{ id: number }>('/api/campaigns', {
      name: `${YEAR}年调研报告测试行动`,
      year: YEAR,
      startDate: day(-5),
      endDate: day(60),
      phases: [],
      deadlines: [{ kind: 'data', label: '数据上报', dueDate: day(10) }, { kind: 'report', label: '调研报告', dueDate: day(20), reportsPerRegion: 2 }],
      requiredOrgCodes: [REGION, SILENT],
    }, 201);
    campaignId = c.id;
    // a report deadline that passed yesterday, with nothing sent
    const past = await city.post<{ id: number }>('/api/campaigns', {
      name: `${YEAR}年调研报告逾期测试行动`,
      year: YEAR,
      startDate: day(-30),
      endDate: day(-1),
      phases: [],
      deadlines: [{ kind: 'report', label: '上半年调研报告', dueDate: day(-1) }],
      requiredOrgCodes: [SILENT, REGION],
    }, 201);
    pastCampaignId = past.id;
  });
}, 90_000);

afterAll(async () => {
  await admin?.dispose();
});

/** The row of the newest report of H07 (the only one it sends here). */
const reportRow = (page: Page): Locator => page.locator(`#report-table tbody tr.ant-table-row[data-org="${REGION}"]`).first();
const trackerRow = (page: Page, org: string): Locator => page.locator(`#report-tracker tbody tr.ant-table-row[data-org="${org}"]`);

/** The tracker's numbers of one organization: 应交, 已报送, 已接收, 已退回, and its 状态. */
async function tally(page: Page, org: string): Promise<string> {
  const cells = await trackerRow(page, org).locator('td').allInnerTexts();
  return cells.slice(1).map((t) => t.trim()).join(' ');
}

async function openAs(page: Page, baseUrl: string, who: { username: string; password: string }, id = campaignId): Promise<void> {
  await page.context().clearCookies();
  await Api.loginInPage(page, baseUrl, who.username, who.password);
  await page.goto(`${baseUrl}/campaigns/${id}`);
  await visible(page.locator('#campaign-reports'));
  await visible(page.locator('#report-tracker tbody tr.ant-table-row').first());
}

/** Chooses a file in the open report dialog. */
async function choose(page: Page, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.locator('#report_file').setInputFiles(file);
  await visible(page.locator('.ant-modal .ant-upload-list-item', { hasText: file.name }));
}

async function decide(page: Page, decision: 'accept' | 'return', opinion: string): Promise<void> {
  await eventually(() => textOf(reportRow(page))).toContain('已报送');
  await reportRow(page).locator(`[data-action=${decision}]`).click();
  await visible(page.locator('#report-decision-ok'));
  if (decision === 'return') {
    // an opinion is required to return
    await clickWhenStill(page.locator('#report-decision-ok'));
    await eventually(() => fieldError(page, 'reportDecision_opinion')).toContain('请填写退回意见');
  }
  if (opinion) await page.locator('#reportDecision_opinion').fill(opinion);
  await clickWhenStill(page.locator('#report-decision-ok'));
  await gone(page.locator('#report-decision-ok'));
  await eventually(() => reportRow(page).getAttribute('data-status')).toBe(decision === 'accept' ? 'accepted' : 'returned');
}

test('a county union sends a report, the city returns it, it replaces the file, the city accepts; the tracker counts', { timeout: 150_000 }, async ({ page, baseUrl }) => {
  // ---- the county union: what it owes, then a file that is not what its name says --------------
  await openAs(page, baseUrl, regionUser);
  expect(await tally(page, REGION)).toBe('2 0 0 0 进行中');
  expect(await textOf(page.locator('[data-testid=report-own-tally]'))).toContain('本单位应交 2 篇，已报送 0 篇');
  // a county union sees its own row only
  expect(await trackerRow(page, SILENT).count()).toBe(0);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('research-report')) posts.push(r.url());
  });

  await page.locator('#report-upload').click();
  await visible(page.locator('#report-upload-ok'));
  await page.locator('#report_title').fill(TITLE);
  await page.locator('#report_summary').fill('走访困难职工家庭 36 户，因病致困占六成，建议加大医疗救助。');
  await choose(page, { name: '报告.pdf', mimeType: 'application/pdf', buffer: Buffer.from('这其实是一段文字，不是 PDF') });
  await clickWhenStill(page.locator('#report-upload-ok'));
  await eventually(() => fieldError(page, 'report_file')).toContain('内容不是 PDF');
  expect(posts).toEqual([]);

  // ---- a real PDF goes ----------------------------------------------------------------------------
  await choose(page, PDF('钟祥调研报告.pdf'));
  await eventually(() => fieldError(page, 'report_file')).toBe('');
  await clickWhenStill(page.locator('#report-upload-ok'));
  await gone(page.locator('#report-upload-ok'));
  expect(posts).toHaveLength(1);
  await eventually(() => reportRow(page).getAttribute('data-status')).toBe('submitted');
  expect(await textOf(reportRow(page))).toMatch(new RegExp(`${TITLE}.*钟祥调研报告\\.pdf.*已报送.*按时`));
  await eventually(() => tally(page, REGION)).toBe('2 1 0 0 进行中');
  // the county union neither accepts nor returns
  expect(await reportRow(page).locator('[data-action=accept], [data-action=return]').count()).toBe(0);

  // ---- the city returns it, with an opinion; the file downloads as it was sent -------------------
  await openAs(page, baseUrl, cityUser);
  expect(await textOf(page.locator('#campaign-reports [data-testid=reports-waiting]'))).toContain('待处理 1 篇');
  expect(await reportRow(page).locator('[data-action=replace]').count()).toBe(0);
  const download = page.waitForEvent('download');
  await reportRow(page).locator('[data-testid=report-download]').click();
  expect((await download).suggestedFilename()).toBe('钟祥调研报告.pdf');
  await decide(page, 'return', '缺少帮扶资金使用情况的分析，请补充后更换报告');

  // ---- the county union reads the opinion and replaces the file -----------------------------------
  await openAs(page, baseUrl, regionUser);
  await eventually(() => reportRow(page).getAttribute('data-status')).toBe('returned');
  expect(await textOf(reportRow(page).locator('[data-testid=report-opinion]'))).toContain('缺少帮扶资金使用情况的分析，请补充后更换报告');
  expect(await textOf(page.locator('[data-testid=report-returned]'))).toContain('1 篇调研报告被市总工会退回');
  await reportRow(page).locator('[data-action=replace]').click();
  await visible(page.locator('#report-upload-ok'));
  // the title and summary come prefilled; the file is chosen again
  expect(await page.locator('#report_title').inputValue()).toBe(TITLE);
  await clickWhenStill(page.locator('#report-upload-ok'));
  await eventually(() => fieldError(page, 'report_file')).toContain('请选择报告文件');
  await choose(page, PDF('钟祥调研报告（修改稿）.pdf'));
  await clickWhenStill(page.locator('#report-upload-ok'));
  await gone(page.locator('#report-upload-ok'));
  await eventually(() => reportRow(page).getAttribute('data-status')).toBe('submitted');
  expect(await textOf(reportRow(page))).toContain('钟祥调研报告（修改稿）.pdf');
  expect(await textOf(reportRow(page).locator('[data-testid=report-replaced]'))).toBe('第1次更换');
  expect(await page.locator('#report-table tbody tr.ant-table-row').count()).toBe(1);

  // ---- the city accepts; the tracker counts ------------------------------------------------------
  await openAs(page, baseUrl, cityUser);
  await decide(page, 'accept', '');
  expect(await textOf(reportRow(page))).toContain('已接收');
  await eventually(() => tally(page, REGION)).toBe('2 1 1 0 进行中');
  expect(await tally(page, SILENT)).toBe('2 0 0 0 进行中');

  // ---- the county union: accepted, nothing more to replace ---------------------------------------
  await openAs(page, baseUrl, regionUser);
  await eventually(() => reportRow(page).getAttribute('data-status')).toBe('accepted');
  expect(await reportRow(page).locator('[data-action=replace]').count()).toBe(0);
  expect(await textOf(page.locator('[data-testid=report-own-tally]'))).toContain('本单位应交 2 篇，已报送 1 篇，已接收 1 篇');
});

test('a report deadline that passed with nothing sent lists the organizations as 逾期, late first', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await openAs(page, baseUrl, cityUser, pastCampaignId);
  const rows = page.locator('#report-tracker tbody tr.ant-table-row');
  await eventually(() => rows.count()).toBe(2);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-state')))).toEqual(['late', 'late']);
  expect(await tally(page, SILENT)).toBe('1 0 0 0 逾期');
  expect(await tally(page, REGION)).toBe('1 0 0 0 逾期');
  expect(await textOf(page.locator('#campaign-reports [data-testid=report-days-left]'))).toBe('已逾期 1 天');

  // the county union sees its own row, late
  await openAs(page, baseUrl, regionUser, pastCampaignId);
  await eventually(() => rows.count()).toBe(1);
  expect(await tally(page, REGION)).toBe('1 0 0 0 逾期');
});

test('the county union\'s page fits a 390 px phone', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, regionUser, PHONE);
  try {
    await page.goto(`${baseUrl}/campaigns/${campaignId}`);
    await visible(page.locator('#report-table tbody tr.ant-table-row').first());
    await eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
    await page.evaluate(() => document.fonts.ready);
    const overflow = await page.evaluate((w) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth) - w, PHONE.width);
    expect(overflow).toBeLessThanOrEqual(0);
    // the upload button stays on screen
    const box = await page.locator('#report-upload').boundingBox();
    expect(box && box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  } finally {
    await page.context().close();
  }
});
