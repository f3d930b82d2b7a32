// 脱困回访 in the browser: a filed household of 东宝 (H04) exits about four months ago, so its first
// planned visit (three months after the exit) is a month past. Its county cadre finds it 超期 on
// /follow-ups?due=true (the 待办's link), records a 稳定脱困 follow-up from the list (回访进度 1/3,
// the next visit not yet due), then a 返困 one on the file's page: the file is reopened at once
// (草稿) with the reason 脱困回访发现返困, and 年度回访统计 counts the exit and the return for H04.
//
// No other e2e file exits a household in the current year; the summary is compared with what the
// server had before this test all the same.
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { expectStatus } from '../lib/review.js';
import { chooseOption, clickWhenStill, eventually, gone, textOf, visible } from '../lib/ui.js';
import { actAs, cellsByTitle, newUser, nextResponse, rowByKey, todayInChina } from '../lib/assistance.js';

const REGION = 'H04';

interface RegionCounts { exits: number; visitsDue: number; visitsDone: number; overdue: number; stable: number; returns: number }

/** `day` moved by whole months; the tests keep the day of month at most 28, so no month is short of it. */
function shiftMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

async function regionCounts(api: Api, year: string): Promise<RegionCounts> {
  const s = await api.get<{ regions: (RegionCounts & { regionCode: string })[] }>('/api/follow-ups/summary', { year });
  return s.regions.find((r) => r.regionCode === REGION) ?? { exits: 0, visitsDue: 0, visitsDone: 0, overdue: 0, stable: 0, returns: 0 };
}

/** A filed household of H04 exited about four months ago, its county cadre, and H04's summary before the exit. */
async function prepare(baseUrl: string) {
  const today = todayInChina();
  const exitDate = shiftMonths(`${today.slice(0, 8)}${String(Math.min(Number(today.slice(8)), 28)).padStart(2, '0')}`, -4);
  const admin = await Api.login(baseUrl);
  try {
    const cadre = await newUser(admin, 'region', REGION, '访');
    const h = await admin.createFiledHousehold({ regionCode: REGION, name: uniqueName('访') });
    const before = await regionCounts(admin, exitDate.slice(0, 4));
    await admin.post(`/api/households/${h.id}/exit`, { reason: '配偶实现稳定就业，家庭人均收入已超过低保标准', date: exitDate }, 200);
    return { today, exitDate, cadre, h, before };
  } finally {
    await admin.dispose();
  }
}

test('an exited household is found overdue, followed up as stable, then found fallen back and reopened', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  const { today, exitDate, cadre, h, before } = await prepare(baseUrl);
  const followUps = `/api/households/${h.id}/follow-ups`;
  await actAs(page, baseUrl, cadre);

  // ---- 到期待回访: the first visit is a month past ---------------------------------------------------
  await page.goto(`${baseUrl}/follow-ups?due=true`);
  await visible(page.locator('#follow-up-views .ant-tabs-tab-active [data-testid=follow-up-tab-due]'));
  const table = page.locator('#follow-up-table');
  const row = rowByKey(table, h.id);
  await visible(row);
  const status = row.locator('[data-testid=follow-up-status]');
  expect(await status.getAttribute('data-status')).toBe('overdue');
  expect(await textOf(status)).toMatch(/^超期\d+天$/);
  expect(await cellsByTitle(table, row)).toMatchObject({ 职工编号: h.workerNo, 姓名: h.name, 脱困日期: exitDate, 回访进度: '0/3', 下次回访: `第1次 ${shiftMonths(exitDate, 3)}` });

  // ---- 记录回访 from the list: 稳定脱困 -------------------------------------------------------------
  await row.locator('[data-testid=follow-up-record]').click();
  const dialog = await visible(page.locator('.ant-modal.follow-up-modal'));
  await eventually(() => textOf(dialog.locator('[data-testid=follow-up-modal-schedule]'))).toContain(`脱困日期 ${exitDate}，第1次回访（计划 ${shiftMonths(exitDate, 3)}）已超期`);
  const stableNote = `本人在物流公司稳定就业，家庭收入稳定 ${uniqueName('稳')}`;
  await page.locator('#followUp_note').fill(stableNote);
  const stableSaved = nextResponse(page, 'POST', followUps);
  await clickWhenStill(page.locator('#follow-up-ok'));
  const stableRes = await stableSaved;
  expect(stableRes.status(), await stableRes.text()).toBe(201);
  expect(stableRes.request().postDataJSON()).toEqual({ date: today, outcome: 'stable', note: stableNote });
  expect(await stableRes.json()).toMatchObject({ status: 'exited', record: { outcome: 'stable', exitDate, reopened: false } });
  await dialog.waitFor({ state: 'hidden' });
  // the next visit is two months away: no longer due
  await gone(row);

  // ---- 全部已脱困: 回访进度 1/3 --------------------------------------------------------------------------
  await page.locator('[data-testid=follow-up-tab-all]').click();
  await page.waitForURL((u) => u.pathname === '/follow-ups' && !u.searchParams.has('due'));
  await visible(row);
  await eventually(async () => (await cellsByTitle(table, row))['回访进度']).toBe('1/3');
  expect(await cellsByTitle(table, row)).toMatchObject({ 下次回访: `第2次 ${shiftMonths(exitDate, 6)}`, 状态: '未到期' });

  // ---- the file's page: 返困 reopens it ------------------------------------------------------------
  await row.getByRole('link', { name: h.workerNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  const card = await visible(page.locator('#household-follow-ups'));
  await eventually(() => card.locator('[data-testid=follow-up-visit][data-seq="1"]').getAttribute('data-status')).toBe('finish');
  expect(await textOf(card.locator('[data-testid=follow-up-visit][data-seq="1"]'))).toContain(`${today} 回访 · 稳定脱困`);
  expect(await card.locator('[data-testid=follow-up-outcome]').count()).toBe(1);

  await page.locator('#follow-up-new').click();
  const dialog2 = await visible(page.locator('.ant-modal.follow-up-modal'));
  await dialog2.locator('#followUp_outcome label', { hasText: /^返困$/ }).click();
  expect(await textOf(await visible(dialog2.locator('[data-testid=follow-up-fallen-back-notice]')))).toBe('提交后档案将重新纳入（回到草稿），请补充情况后重新提交审核');
  const fallenNote = `所在企业停产，本人再次失业 ${uniqueName('困')}`;
  await page.locator('#followUp_note').fill(fallenNote);
  const fallenSaved = nextResponse(page, 'POST', followUps);
  await clickWhenStill(page.locator('#follow-up-ok'));
  const fallenRes = await fallenSaved;
  expect(fallenRes.status(), await fallenRes.text()).toBe(201);
  expect(await fallenRes.json()).toMatchObject({ status: 'draft', record: { outcome: 'fallenBack', reopened: true } });
  await dialog2.waitFor({ state: 'hidden' });

  const reason = `${today}脱困回访发现返困：${fallenNote}`;
  await expectStatus(page, 'draft');
  await gone(page.locator('[data-testid=household-exited]'));
  expect(await textOf(await visible(card.locator('[data-testid=follow-up-reopened]')))).toContain(`${today}脱困回访发现返困，档案已重新纳入（草稿）`);
  await eventually(() => card.locator('[data-testid=follow-up-outcome]').evaluateAll((els) => els.map((e) => e.getAttribute('data-outcome')))).toEqual(['fallenBack', 'stable']);
  expect(await page.locator('#follow-up-new').count()).toBe(0);
  const reopenEntry = page.locator('#household-history [data-action=reopen]').first();
  await eventually(() => reopenEntry.count()).toBe(1);
  expect(await textOf(reopenEntry)).toContain(`重新纳入原因：${reason}`);
  expect(await textOf(reopenEntry)).toContain('状态：已脱困 → 草稿');

  // ---- 年度回访统计: the exit and its return, for H04 ---------------------------------------------------
  const year = exitDate.slice(0, 4);
  await page.goto(`${baseUrl}/follow-ups`);
  const summary = page.locator('#follow-up-summary');
  if (year !== today.slice(0, 4)) await chooseOption(page, 'follow-up-summary-year', `${year} 年`);
  const regionRow = rowByKey(summary, REGION);
  await eventually(async () => (await cellsByTitle(summary, regionRow))['返困户数']).toBe(String(before.returns + 1));
  const cells = await cellsByTitle(summary, regionRow);
  expect(cells['地区']).toContain('东宝');
  expect(cells['脱困户数']).toBe(String(before.exits + 1));
  expect(cells['返困率']).toMatch(/^\d+\.\d%$/);
});
