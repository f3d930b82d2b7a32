// 档案转移 in the browser: a filed household of 漳河新区 (H06) moves to 屈家岭管理区 (H07). Its county
// cadre asks for the move on the file's page (转移); the 屈家岭 cadre finds the request through the
// 待办 on /transfers (待我方同意) and agrees with an opinion: the file gets a 屈家岭 number (H07…),
// its page shows the former number beside the title, the 转移记录 card and the history entry 转移;
// the asking side sees the transfer as 已转移 without a link to the file it no longer holds; a city
// cadre searching the household list by the OLD number still finds the file.
//
// The household's fill year (2018) is this file's own, so that no other file's counts by region
// and year see it move.
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { actAs, cellsByTitle, newUser, nextResponse, rowByKey } from '../lib/assistance.js';
import { chooseOption, clickWhenStill, eventually, gone, nextListResponse, tableRows, textOf, visible } from '../lib/ui.js';

const FROM = 'H06';
const TO = 'H07';

async function prepare(baseUrl: string) {
  const admin = await Api.login(baseUrl);
  try {
    const fromCadre = await newUser(admin, 'region', FROM, '转');
    const toCadre = await newUser(admin, 'region', TO, '收');
    const city = await newUser(admin, 'city', 'H', '市');
    const h = await Api.as(baseUrl, fromCadre, (api) => api.createFiledHousehold({ regionCode: FROM, name: uniqueName('转'), fillDate: '2018-06-12' }));
    const { items: orgs } = await admin.get<{ items: { code: string; name: string }[] }>('/api/orgs');
    const nameOf = (code: string) => orgs.find((o) => o.code === code)?.name ?? code;
    return { fromCadre, toCadre, city, h, fromName: nameOf(FROM), toName: nameOf(TO) };
  } finally {
    await admin.dispose();
  }
}

test('a county asks to move a filed household to another county, which agrees: new number, 转移记录, history, old number still finds it', { timeout: 120_000 }, async ({ page, baseUrl }) => {
  const { fromCadre, toCadre, city, h, fromName, toName } = await prepare(baseUrl);
  expect(h.workerNo).toMatch(new RegExp(`^${FROM}\\d{5}$`));
  const reason = `职工随配偶迁居${toName}，已在当地就业 ${uniqueName('迁')}`;
  const opinion = `已核实该户已迁居本区，同意接收 ${uniqueName('同')}`;

  // ---- 转移 on the file's page, as the county cadre holding it ----------------------------------------
  await actAs(page, baseUrl, fromCadre);
  await page.goto(`${baseUrl}/households/${h.id}`);
  await visible(page.locator('#household-view-workerNo'));
  expect(await page.locator('#household-transfers').count(), 'no 转移记录 before any transfer').toBe(0);
  await page.locator('#household-transfer').click();
  const dialog = await visible(page.locator('.ant-modal.transfer-modal'));
  expect(await textOf(dialog.locator('[data-testid=transfer-here]'))).toContain(`档案现在 ${fromName}`);
  await chooseOption(page, 'transfer_toRegionCode', toName);
  expect(await textOf(await visible(dialog.locator('[data-testid=transfer-who-decides]')))).toBe(`提交后由转入方（${toName}）的工会同意后转移`);
  await page.locator('#transfer_reason').fill(reason);
  const asked = nextResponse(page, 'POST', `/api/households/${h.id}/transfer`);
  await clickWhenStill(page.locator('#transfer-ok'));
  const askedRes = await asked;
  expect(askedRes.status(), await askedRes.text()).toBe(201);
  expect(askedRes.request().postDataJSON()).toEqual({ toRegionCode: TO, toUnitId: null, reason });
  const created = (await askedRes.json()) as { id: number; status: string; workerNo: string };
  expect(created).toMatchObject({ status: 'pending', workerNo: h.workerNo });
  await dialog.waitFor({ state: 'hidden' });
  await visible(page.locator('.ant-message-notice', { hasText: '已提交转移申请，等待转入方同意' }));

  // the file's page: the request waits for 屈家岭; no second request; the asker may withdraw
  const card = await visible(page.locator('#household-transfers'));
  const item = card.locator(`[data-testid=transfer-item][data-id="${created.id}"]`);
  await eventually(() => item.getAttribute('data-status')).toBe('pending');
  expect(await textOf(item.locator('[data-testid=transfer-route]'))).toBe(`${fromName} → ${toName}`);
  expect(await textOf(card.locator('[data-testid=transfer-pending]'))).toContain(`等待转入方（${toName}）同意`);
  await visible(item.locator('[data-testid=transfer-cancel]'));
  expect(await item.locator('[data-testid=transfer-agree]').count()).toBe(0);
  await eventually(() => page.locator('#household-transfer').isDisabled()).toBe(true);

  // ---- the receiving county: the 待办 leads to 待我方同意 -----------------------------------------------
  await actAs(page, baseUrl, toCadre);
  await page.goto(`${baseUrl}/`);
  await page.locator('#todo-bell').click();
  const todo = await visible(page.locator('[data-testid=todo-popover] li[data-kind=transfersToDecide]'));
  expect(await textOf(todo)).toContain('待本单位同意的档案转移申请');
  // the popover zooms in: a click during its animation can land beside the link
  await clickWhenStill(todo.locator('a'));
  await page.waitForURL((u) => u.pathname === '/transfers' && u.searchParams.get('box') === 'incoming');
  await visible(page.locator('#transfer-boxes .ant-tabs-tab-active [data-testid=transfer-tab-incoming]'));
  const table = page.locator('#transfer-table');
  const row = rowByKey(table, created.id);
  await visible(row);
  expect(await cellsByTitle(table, row)).toMatchObject({
    职工编号: h.workerNo, 姓名: h.name, '转出（地区·单位）': fromName, 转入: toName, 申请方式: '转出方申请', 原因: reason, 状态: '待对方同意', 新职工编号: '—',
  });
  await visible(row.locator('[data-testid=transfer-refuse]'));
  expect(await row.locator('[data-testid=transfer-cancel]').count(), 'the deciding side does not withdraw').toBe(0);
  // 屈家岭 cannot open a file that is not yet theirs
  expect(await row.getByRole('link', { name: h.workerNo }).count()).toBe(0);

  // 同意 with an opinion
  await row.locator('[data-testid=transfer-agree]').click();
  const decision = await visible(page.locator('.ant-modal.transfer-decision-modal'));
  expect(await textOf(decision.locator('[data-testid=transfer-decision-facts]'))).toContain(reason);
  await page.locator('#transferDecision_opinion').fill(opinion);
  const decided = nextResponse(page, 'POST', `/api/transfers/${created.id}/decision`);
  await clickWhenStill(page.locator('#transfer-decision-ok'));
  const decidedRes = await decided;
  expect(decidedRes.status(), await decidedRes.text()).toBe(200);
  expect(decidedRes.request().postDataJSON()).toEqual({ decision: 'agree', opinion });
  const agreed = (await decidedRes.json()) as { status: string; newWorkerNo: string; workerNo: string };
  expect(agreed.status).toBe('agreed');
  expect(agreed.newWorkerNo).toMatch(new RegExp(`^${TO}\\d{5}$`));
  expect(agreed.workerNo).toBe(agreed.newWorkerNo);
  const newNo = agreed.newWorkerNo;
  await decision.waitFor({ state: 'hidden' });
  await visible(page.locator('.ant-message-notice', { hasText: `已同意，档案已转移至${toName}，新职工编号 ${newNo}` }));
  // nothing waits any more
  await gone(row);

  // 全部: agreed, the new number, and now a link to the file
  await page.locator('[data-testid=transfer-tab-all]').click();
  await page.waitForURL((u) => u.pathname === '/transfers' && u.searchParams.get('box') === 'all');
  await visible(row);
  await eventually(async () => (await cellsByTitle(table, row))['状态']).toBe(`已转移 意见：${opinion}`);
  expect(await cellsByTitle(table, row)).toMatchObject({ 职工编号: newNo, 新职工编号: newNo });
  expect(await row.locator('[data-testid=transfer-buttons]').count()).toBe(0);

  // ---- the file's page, as the 屈家岭 cadre: the new number, the old one beside it, the card, the history
  await row.getByRole('link', { name: newNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await visible(page.locator('#household-view-workerNo'));
  expect(await textOf(page.locator('.household-detail .page-title'))).toBe(`${newNo} ${h.name}`);
  expect(await textOf(await visible(page.locator('[data-testid=former-worker-no-tag]')))).toBe(`原编号 ${h.workerNo}`);
  const moved = await visible(page.locator('#household-transfers'));
  expect(await moved.locator('[data-testid=former-worker-no]').getAttribute('data-worker-no')).toBe(h.workerNo);
  expect(await textOf(moved.locator('[data-testid=former-worker-no]'))).toContain(fromName);
  const done = moved.locator(`[data-testid=transfer-item][data-id="${created.id}"]`);
  expect(await done.getAttribute('data-status')).toBe('agreed');
  expect(await textOf(done.locator('[data-testid=transfer-status]'))).toBe('已转移');
  expect(await textOf(done.locator('[data-testid=transfer-reason]'))).toBe(reason);
  expect(await textOf(done.locator('[data-testid=transfer-opinion]'))).toBe(opinion);
  expect(await textOf(done.locator('[data-testid=transfer-numbers]'))).toBe(`${h.workerNo} → ${newNo}`);
  expect(await done.locator('[data-testid=transfer-buttons]').count()).toBe(0);
  const entry = page.locator('#household-history [data-action=transfer]');
  await eventually(() => entry.count()).toBe(1);
  const entryText = await textOf(entry);
  expect(entryText).toContain('转移');
  expect(entryText).toContain(`由${fromName}转移至${toName}：${reason}`);
  expect(entryText).toContain(h.workerNo);
  expect(entryText).toContain(newNo);

  // ---- the side the file left: 已转移, and no link to a file it no longer holds --------------------------
  await actAs(page, baseUrl, fromCadre);
  await page.goto(`${baseUrl}/transfers?box=outgoing`);
  const theirs = rowByKey(page.locator('#transfer-table'), created.id);
  await visible(theirs);
  expect(await cellsByTitle(page.locator('#transfer-table'), theirs)).toMatchObject({ 职工编号: newNo, 新职工编号: newNo });
  expect(await textOf(theirs.locator('[data-testid=transfer-status]'))).toBe('已转移');
  expect(await theirs.getByRole('link').count()).toBe(0);

  // ---- the city union finds the file by its OLD number ------------------------------------------------
  await actAs(page, baseUrl, city);
  const listed = nextListResponse(page);
  await page.goto(`${baseUrl}/households?q=${h.workerNo}`);
  await listed;
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe('共 1 户');
  const found = tableRows(page).first();
  expect(await textOf(found)).toContain(newNo);
  expect(await textOf(found)).toContain(h.name);
  await found.getByRole('link', { name: newNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  expect(await textOf(await visible(page.locator('[data-testid=former-worker-no-tag]')))).toBe(`原编号 ${h.workerNo}`);
});
