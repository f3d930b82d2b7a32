// 定点联系 and 我的帮扶对象: each 市总领导 links 2 households and each 机关干部 1; /links marks who
// has fewer (red, 少 N 户) or more (orange, 多 N 户). The leader's /my lists the linked households,
// the ones not visited for too long (here: never) first and marked; a visit recorded from /my
// takes a household off the overdue list.
//
// The households are in 东宝 (H04), the suite's default region; this file only looks at its own
// users and households, so other files' data there does not matter.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { clickWhenStill, eventually, textOf, visible } from '../lib/ui.js';
import { actAs, fillRecord, newUser, nextResponse, recordDialog, rowByKey, rowsOf, saveRecord, todayInChina } from '../lib/assistance.js';

async function prepare(baseUrl: string) {
  const admin = await Api.login(baseUrl);
  try {
    const city = await newUser(admin, 'city', 'H', '市');
    const leader = await newUser(admin, 'leader', 'H', '领');
    const staff = await newUser(admin, 'staff', 'H', '干');
    const a = await admin.createFiledHousehold({ name: uniqueName('联') });
    const b = await admin.createFiledHousehold({ name: uniqueName('联') });
    const c = await admin.createFiledHousehold({ name: uniqueName('联') });
    // c was visited today: on /my it is not overdue
    await admin.post(`/api/households/${c.id}/assistance`, { date: todayInChina(), type: '走访', description: '入户走访，了解家庭近况' }, 201);
    return { city, leader, staff, a, b, c };
  } finally {
    await admin.dispose();
  }
}

/** 添加 on a person's row of /links: finds the household by its name and confirms; waits for the server's answer. */
async function linkInPage(page: Page, username: string, h: { id: number; workerNo: string; name: string }): Promise<void> {
  await page.locator(`#links-table .link-add[data-username="${username}"]`).click();
  await visible(page.locator('#link_householdId'));
  // a household is searched by name (never a typed code); the option names it with its 职工编号
  const select = page.locator('.ant-select:has(#link_householdId)');
  await select.click();
  await page.locator('#link_householdId').fill(h.name);
  const option = page.locator('.ant-select-dropdown:has(#link_householdId_list) .ant-select-item-option', { hasText: h.workerNo }).first();
  await option.waitFor({ state: 'attached' });
  expect(await textOf(option)).toContain(h.name);
  await option.dispatchEvent('click');
  await visible(page.locator('[data-testid=link-found]', { hasText: h.workerNo }));
  const linked = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === `/api/households/${h.id}/links`, { timeout: 30_000 });
  await clickWhenStill(page.locator('#link-ok'));
  const res = await linked;
  expect(res.status(), await res.text()).toBe(200);
  expect(res.request().postDataJSON()).toEqual({ username });
  await page.locator('#link_householdId').waitFor({ state: 'detached' });
}

test('/links shows who links fewer or more households than the quota; /my lists the overdue first and a visit clears it', async ({ page, baseUrl }) => {
  const { city, leader, staff, a, b, c } = await prepare(baseUrl);

  // ---- 定点联系 as the city union ----------------------------------------------------------------
  await actAs(page, baseUrl, city);
  await page.goto(`${baseUrl}/links`);
  const table = page.locator('#links-table');
  const leaderRow = await visible(rowByKey(table, leader.username));
  const staffRow = await visible(rowByKey(table, staff.username));
  const status = (row: typeof leaderRow) => row.getAttribute('data-status');
  const tag = (row: typeof leaderRow) => row.locator('.ant-tag[data-status]');
  expect(await status(leaderRow)).toBe('fewer');
  expect(await textOf(tag(leaderRow))).toBe('少 2 户');
  expect(await status(staffRow)).toBe('fewer');
  expect(await textOf(tag(staffRow))).toBe('少 1 户');
  expect(await textOf(staffRow)).toContain('尚未联系');

  await linkInPage(page, leader.username, a);
  await eventually(() => textOf(tag(leaderRow))).toBe('少 1 户');
  await linkInPage(page, leader.username, b);
  await eventually(() => status(leaderRow)).toBe('ok');
  expect(await textOf(tag(leaderRow))).toBe('已达标');
  expect(await tag(leaderRow).getAttribute('class')).toContain('ant-tag-success');
  // none for the staff member: still short, in red
  expect(await status(staffRow)).toBe('fewer');
  expect(await textOf(tag(staffRow))).toBe('少 1 户');
  expect(await tag(staffRow).getAttribute('class')).toContain('ant-tag-red');
  // the households are listed on the leader's row
  const leaderText = await textOf(leaderRow);
  expect(leaderText).toContain(`${a.workerNo} ${a.name}`);
  expect(leaderText).toContain(`${b.workerNo} ${b.name}`);
  expect(leaderText).toContain('尚无帮扶记录');

  // a third household: more than the quota, in orange
  await linkInPage(page, leader.username, c);
  await eventually(() => status(leaderRow)).toBe('more');
  expect(await textOf(tag(leaderRow))).toBe('多 1 户');
  expect(await tag(leaderRow).getAttribute('class')).toContain('ant-tag-orange');
  expect(await textOf(leaderRow)).toContain(`最近帮扶 ${todayInChina()}`);
  // 未达标 shows both of them
  await page.getByText(/^未达标（\d+）$/).click();
  await visible(rowByKey(table, staff.username));
  await visible(rowByKey(table, leader.username));
  expect(await rowsOf(table).evaluateAll((rows) => rows.every((r) => r.getAttribute('data-status') !== 'ok'))).toBe(true);

  // ---- 我的帮扶对象 as the leader ----------------------------------------------------------------
  await actAs(page, baseUrl, leader);
  await page.goto(`${baseUrl}/my`);
  const my = page.locator('#my-table');
  const myRows = rowsOf(my);
  await eventually(() => myRows.count()).toBe(3);
  const order = () => myRows.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-row-key')), r.getAttribute('data-overdue')]));
  const overdueFirst = await order();
  // the two never visited first (in either order), the one visited today last
  expect(overdueFirst.slice(0, 2).map(([id]) => id).sort()).toEqual([a.id, b.id].sort());
  expect(overdueFirst.map(([, o]) => o)).toEqual(['true', 'true', 'false']);
  expect(overdueFirst[2][0]).toBe(c.id);
  expect(await textOf(rowByKey(my, a.id))).toContain('尚无帮扶记录');
  expect(await textOf(rowByKey(my, a.id).locator('[data-testid=overdue-tag]'))).toMatch(/^超过 \d+ 天未走访（尚无帮扶记录）$/);
  expect(await rowByKey(my, c.id).locator('[data-testid=overdue-tag]').count()).toBe(0);
  expect(await textOf(page.locator('[data-testid=my-overdue-alert]'))).toMatch(/^2 户超过 \d+ 天未走访/);

  // record a visit to a from /my
  await page.locator(`#my-table .my-record[data-id="${a.id}"]`).click();
  expect(await textOf(recordDialog(page).locator('.ant-modal-title'))).toBe(`记录帮扶 · ${a.workerNo} ${a.name}`);
  await fillRecord(page, { description: '定点联系入户走访，送去慰问品' });
  const reloaded = nextResponse(page, 'GET', '/api/my/households');
  const rec = await saveRecord(page, a.id);
  expect(rec).toMatchObject({ type: '走访', date: todayInChina() });
  await reloaded;
  await eventually(() => rowByKey(my, a.id).getAttribute('data-overdue')).toBe('false');
  const after = await order();
  expect(after[0]).toEqual([b.id, 'true']);
  expect(after.slice(1).map(([, o]) => o)).toEqual(['false', 'false']);
  const aText = await textOf(rowByKey(my, a.id));
  expect(aText).toContain(todayInChina());
  expect(aText).not.toContain('未走访');
  expect(await textOf(page.locator('[data-testid=my-overdue-alert]'))).toMatch(/^1 户超过 \d+ 天未走访/);
});
