// 工作组 with members: the city union names the 沙洋 (H02) group's leader and two 机关干部 by name on
// /working-groups, opens the group's page from the table and sees its people with the households
// linked to each, the county's progress in the current 专项行动, and the members' households (the
// one never visited marked overdue). A member finds the group from the 工作台 (我的工作组); a 机关干部
// of no group may not read its households. The progress table's and 帮扶统计's 导出Excel download
// workbooks of what the page shows.
//
// This file's data: the H02 working group (no other file writes working groups), its own users, a
// grassroots union of its own under H02 with two files of fill year 2007, and its own campaign of
// 2007 (ended, so that it never becomes another file's current campaign).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { LAPTOP, PHONE, signedInPage } from '../lib/layout.js';
import { actAs, newUser, nextResponse, rowsOf, todayInChina, type UserAccount } from '../lib/assistance.js';
import { chooseOption, clickWhenStill, eventually, listTotal, textOf, visible } from '../lib/ui.js';
import { cellText, downloadBy, loadWorkbook } from '../lib/workbook.js';

const REGION = 'H02';
const YEAR = 2007;

let admin: Api;
let city: UserAccount;
let leader: UserAccount;
let a: UserAccount;
let b: UserAccount;
let outsider: UserAccount;
let unit: { code: string; name: string };
let h1: HouseholdJson;
let h2: HouseholdJson;
let campaignId: number;

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  city = await newUser(admin, 'city', 'H', '组');
  leader = await newUser(admin, 'leader', 'H', '组');
  a = await newUser(admin, 'staff', 'H', '组');
  b = await newUser(admin, 'staff', 'H', '组');
  outsider = await newUser(admin, 'staff', 'H', '组');
  unit = await admin.createOrg(`沙洋${uniqueName('组')}机械厂工会`, REGION);
  const file = (n: number) => ({ regionCode: REGION, unitId: unit.code, fillDate: `${YEAR}-0${n}-10`, name: uniqueName('组') });
  h1 = await admin.createFiledHousehold(file(3));
  h2 = await admin.createFiledHousehold(file(4));
  // 定点联系: a → h1 (never visited: overdue), b → h2 (visited today by b)
  await admin.post(`/api/households/${h1.id}/links`, { username: a.username }, 200);
  await admin.post(`/api/households/${h2.id}/links`, { username: b.username }, 200);
  await Api.as(baseUrl, b, (api) => api.post(`/api/households/${h2.id}/assistance`, { date: todayInChina(), type: '走访', description: '工作组入户走访' }, 201));
  const campaign = await Api.as(baseUrl, city, (api) =>
    api.post<{ id: number }>('/api/campaigns', {
      name: `${YEAR}年工作组测试行动`,
      year: YEAR,
      startDate: day(-60),
      endDate: day(-30),
      deadlines: [{ kind: 'data', label: '数据上报', dueDate: day(-40) }],
      requiredOrgCodes: [unit.code],
    }, 201),
  );
  campaignId = campaign.id;
}, 120_000);

afterAll(async () => {
  await admin?.dispose();
});

/** How far the page is wider than the screen. */
function overflowOf(page: Page, width: number): Promise<number> {
  return page.evaluate((w) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth) - w, width);
}

/** The group page drawn: its people, its progress table and its households. */
async function groupPageReady(page: Page): Promise<void> {
  await visible(page.locator('#group-people'));
  await visible(page.locator('#progress-table'));
  await eventually(() => rowsOf(page.locator('#group-households-table')).count()).toBe(2);
  await eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
}

test('the city names the group\'s leader and members; the group page shows them, the county\'s progress and their households', { timeout: 120_000 }, async ({ page, baseUrl }) => {
  await actAs(page, baseUrl, city);
  await page.goto(`${baseUrl}/working-groups`);
  const row = page.locator(`#groups-table tr[data-region="${REGION}"]`);
  await visible(row);
  expect(await textOf(row)).toContain('未安排');

  // 编辑: leader and members are chosen by name
  await page.locator('#groups-edit').click();
  await chooseOption(page, `groups_${REGION}_leaderUsername`, leader.displayName, { search: true });
  await chooseOption(page, `groups_${REGION}_memberUsernames`, a.displayName, { search: true });
  await chooseOption(page, `groups_${REGION}_memberUsernames`, b.displayName, { search: true });
  await page.keyboard.press('Escape');
  const saved = nextResponse(page, 'PUT', '/api/working-groups');
  await clickWhenStill(page.locator('#groups-save'));
  const res = await saved;
  expect(res.status(), await res.text()).toBe(200);
  const sent = res.request().postDataJSON() as { groups: { regionCode: string; leaderUsername: string | null; memberUsernames?: string[] }[] };
  const mine = sent.groups.find((g) => g.regionCode === REGION)!;
  expect(mine.leaderUsername).toBe(leader.username);
  expect([...(mine.memberUsernames ?? [])].sort()).toEqual([a.username, b.username].sort());
  // the other groups' members were not touched, so not sent
  expect(sent.groups.filter((g) => g.regionCode !== REGION && g.memberUsernames !== undefined)).toEqual([]);
  await visible(page.locator('#groups-edit'));
  await eventually(() => textOf(row)).toContain(`${a.displayName} · 联系 1 户`);
  expect(await textOf(row)).toContain(`${b.displayName} · 联系 1 户`);
  expect(await textOf(row)).toContain(leader.displayName);

  // the group's name opens its page
  await row.locator('a.group-link').click();
  await page.waitForURL((u) => u.pathname === `/working-groups/${REGION}`);
  await groupPageReady(page);
  expect(await textOf(page.locator('[data-testid=group-leader]'))).toBe(leader.displayName);
  expect(await textOf(page.locator(`#group-members [data-member="${a.username}"]`))).toBe(`${a.displayName} · 联系 1 户`);
  expect(await textOf(page.locator(`#group-members [data-member="${b.username}"]`))).toBe(`${b.displayName} · 联系 1 户`);

  // the county's units in the current campaign (the running one, else the newest)
  const campaigns = await admin.get<{ items: { id: number; state: string }[] }>('/api/campaigns');
  const current = campaigns.items.find((c) => c.state === 'running') ?? campaigns.items[0];
  expect(Number(await page.locator('#group-progress').getAttribute('data-campaign'))).toBe(current.id);
  expect(await textOf(page.locator('[data-testid=group-campaign]'))).toContain('沙洋各基层工会');
  await visible(page.locator(`#progress-table [data-org="${unit.code}"]`));
  expect(await page.locator('#progress-table [data-org]').evaluateAll((els) => els.every((e) => (e.getAttribute('data-org') ?? '').startsWith('H02')))).toBe(true);

  // the members' households: a's never visited (overdue), b's visited today
  const households = page.locator('#group-households-table');
  const r1 = households.locator(`tr[data-id="${h1.id}"]`);
  const r2 = households.locator(`tr[data-id="${h2.id}"]`);
  expect(await r1.getAttribute('data-username')).toBe(a.username);
  expect(await r1.getAttribute('data-overdue')).toBe('true');
  expect(await textOf(r1)).toContain(a.displayName);
  expect(await textOf(r1)).toContain(h1.name);
  expect(await textOf(r1.locator('[data-testid=overdue-tag]'))).toMatch(/^超过 \d+ 天未走访（尚无帮扶记录）$/);
  expect(await r2.getAttribute('data-overdue')).toBe('false');
  expect(await textOf(r2)).toContain(todayInChina());
  expect(await r2.locator('[data-testid=overdue-tag]').count()).toBe(0);
  expect(await textOf(page.locator('[data-testid=group-households-count]'))).toMatch(/共 2 户，1 户超过 \d+ 天未走访$/);
  // 职工编号 opens the file
  await r1.locator(`a:has-text("${h1.workerNo}")`).click();
  await page.waitForURL((u) => u.pathname === `/households/${h1.id}`);
  await visible(page.locator('#household-view-workerNo'));
});

test('a member finds the group from the 工作台; a 机关干部 of another group may not read its households', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  await actAs(page, baseUrl, a);
  await page.goto(`${baseUrl}/`);
  const card = await visible(page.locator('#dashboard-my-group'));
  expect(await textOf(card)).toContain('我是组员');
  await card.locator('a.my-group-name').click();
  await page.waitForURL((u) => u.pathname === `/working-groups/${REGION}`);
  await groupPageReady(page);
  expect(await textOf(page.locator('.page-header [data-testid=my-group-tag]'))).toBe('我的工作组 · 组员');
  // the list of groups marks it too
  await page.goto(`${baseUrl}/working-groups`);
  expect(await textOf(await visible(page.locator('#my-group')))).toContain('我的工作组');
  await visible(page.locator(`#groups-table tr[data-region="${REGION}"] [data-testid=my-group-tag]`));
  expect(await page.locator('#groups-edit').count()).toBe(0);

  await actAs(page, baseUrl, outsider);
  await page.goto(`${baseUrl}/working-groups/${REGION}`);
  await visible(page.locator('#group-people'));
  expect(await textOf(await visible(page.locator('#group-households .ant-alert')))).toContain('只能查看本人所在工作组的帮扶对象');
  expect(await page.locator('#group-households-table').count()).toBe(0);
});

test('the group page at 390 px and 1366 px does not scroll sideways', { timeout: 90_000 }, async ({ browser, baseUrl }) => {
  for (const viewport of [PHONE, LAPTOP]) {
    const page = await signedInPage(browser, baseUrl, city, viewport);
    try {
      await page.goto(`${baseUrl}/working-groups/${REGION}`);
      await groupPageReady(page);
      await page.evaluate(() => document.fonts.ready);
      expect(await overflowOf(page, viewport.width), `${viewport.width} px`).toBeLessThanOrEqual(0);
      await page.goto(`${baseUrl}/working-groups`);
      await visible(page.locator(`#groups-table tr[data-region="${REGION}"]`));
      await eventually(() => page.locator('.ant-spin-spinning').count()).toBe(0);
      expect(await overflowOf(page, viewport.width), `/working-groups at ${viewport.width} px`).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
  }
});

test('导出Excel: the progress table as shown (a county\'s units) and 帮扶统计 of a year and region', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  await actAs(page, baseUrl, city);

  // the campaign's progress, opened at 沙洋's units
  await page.goto(`${baseUrl}/campaigns/${campaignId}?region=${REGION}`);
  const unitRow = page.locator(`#progress-table tr:has([data-org="${unit.code}"])`);
  await visible(unitRow);
  const asked = page.waitForRequest((r) => new URL(r.url()).pathname === `/api/campaigns/${campaignId}/progress.xlsx`);
  const { download, bytes } = await downloadBy(page, () => page.locator('#progress-export').click());
  const query = new URL((await asked).url()).searchParams;
  expect([query.get('level'), query.get('parentCode')]).toEqual(['unit', REGION]);
  expect(download.suggestedFilename()).toMatch(/进度.*\.xlsx$/);
  const progress = (await loadWorkbook(bytes)).getWorksheet('进度')!;
  const rows: string[][] = [];
  progress.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map((v) => cellText(v as never))));
  const mineInSheet = rows.find((r) => r[0] === unit.name);
  expect(mineInSheet, rows.map((r) => r[0]).join(' | ')).toBeDefined();
  expect(mineInSheet![1]).toBe('2'); // 档案数: the two files of 2007
  // the same number on the page opens the list of exactly those files
  await unitRow.locator('a[data-measure=total]').click();
  await page.waitForURL((u) => u.pathname === '/households');
  await eventually(() => listTotal(page)).toBe(2);

  // 帮扶统计 of this year in 沙洋
  const year = todayInChina().slice(0, 4);
  await page.goto(`${baseUrl}/assistance?year=${year}&regionCode=${REGION}`);
  await visible(page.locator('#summary-regions'));
  await eventually(() => page.locator('.ant-spin-spinning').count()).toBe(0);
  const summaryAsked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/assistance/summary.xlsx');
  const summary = await downloadBy(page, () => page.locator('#assistance-summary-export').click());
  const sq = new URL((await summaryAsked).url()).searchParams;
  expect([sq.get('year'), sq.get('regionCode')]).toEqual([year, REGION]);
  expect(summary.download.suggestedFilename()).toMatch(new RegExp(`^帮扶统计-${year}年.*\\.xlsx$`));
  const wb = await loadWorkbook(summary.bytes);
  const firstColumn = (name: string) => {
    const out: string[] = [];
    wb.getWorksheet(name)!.eachRow((r) => out.push(cellText(r.getCell(1).value)));
    return out;
  };
  expect(firstColumn('按地区')).toContain('沙洋');
  expect(firstColumn('按帮扶人')).toContain(b.displayName);
});
