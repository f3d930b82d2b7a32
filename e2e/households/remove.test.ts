// 剔除 (removal) of an 已建档 file (only filed files can be removed): needs a reason; afterwards the
// file is marked removed, can no longer be edited, leaves the 已建档 list and is found with the
// 已剔除 filter.
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { chooseOption, eventually, fieldError, gone, nextListResponse, tableRows, textOf, visible } from '../lib/ui.js';

test('剔除 requires a reason; the removed file cannot be edited and is listed under 已剔除', async ({ page, baseUrl }) => {
  // a city-union clerk: the system admin sees masked numbers and does not edit files
  const admin = await Api.login(baseUrl);
  const clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: '剔除测试市总干部' });
  const api = await Api.loginInPage(page, baseUrl, clerk.username, clerk.password);
  const name = uniqueName('剔');
  const h = await api.createFiledHousehold({ name }); // draft → review → 已建档
  const reason = '家庭收入已超过标准，经复核不再符合帮扶条件';

  const removeCalls: number[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === `/api/households/${h.id}/remove`) removeCalls.push(r.status());
  });

  await page.goto(`${baseUrl}/households/${h.id}`);
  await visible(page.locator('#household-view-workerNo'));
  await visible(page.locator('#household-edit'));

  // ---- no reason: refused in the dialog, nothing sent ------------------------------------------
  await page.locator('#household-remove').click();
  const dialog = await visible(page.getByRole('dialog'));
  expect(await textOf(dialog)).toContain(`剔除档案 ${h.workerNo} ${name}`);
  await page.locator('#remove-confirm').click();
  await eventually(() => fieldError(page, 'remove_reason')).toBe('请填写剔除原因');
  // blanks are no reason either
  await page.locator('#remove_reason').fill('   ');
  await page.locator('#remove-confirm').click();
  await eventually(() => fieldError(page, 'remove_reason')).toBe('请填写剔除原因');
  expect(removeCalls).toEqual([]);
  expect(await api.getHousehold(h.id)).toMatchObject({ status: 'filed', version: h.version });

  // ---- with a reason ---------------------------------------------------------------------------
  await page.locator('#remove_reason').fill(reason);
  const removed = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${h.id}/remove`);
  await page.locator('#remove-confirm').click();
  expect((await removed).status()).toBe(200);
  await page.getByRole('dialog').waitFor({ state: 'hidden' });

  const banner = await visible(page.locator('[data-testid=household-removed]'));
  expect(await textOf(banner)).toContain('该档案已从困难职工数据库中剔除');
  expect(await textOf(banner)).toContain(`剔除原因：${reason}`);
  await gone(page.locator('#household-edit'));
  expect(await page.locator('#household-remove').count()).toBe(0);
  expect(await textOf(page.locator('.household-detail .page-header'))).toContain('已剔除');
  // the removal is the next version after filing
  const removedVersion = h.version + 1;
  const entry = await visible(page.locator(`#household-history [data-version="${removedVersion}"]`));
  expect(await entry.getAttribute('data-action')).toBe('remove');
  expect(await textOf(entry)).toContain(`剔除原因：${reason}`);
  expect(await api.getHousehold(h.id)).toMatchObject({ status: 'removed', removalReason: reason, version: removedVersion });

  // the edit page refuses too (a stale link or bookmark)
  await page.goto(`${baseUrl}/households/${h.id}/edit`);
  await visible(page.getByText('该档案已剔除，不能修改'));
  expect(await page.locator('#household-save').count()).toBe(0);

  // ---- list: gone from 已建档, found under 已剔除 -----------------------------------------------
  await page.goto(`${baseUrl}/households?status=filed&q=${encodeURIComponent(name)}`);
  await visible(page.locator('[data-testid=list-total]'));
  await eventually(() => textOf(page.locator('[data-testid=list-total]'))).toBe('共 0 户');
  expect(await tableRows(page).count()).toBe(0);

  await chooseOption(page, 'householdFilter_status', '已剔除');
  const listed = nextListResponse(page);
  await page.locator('#householdFilter_submit').click();
  const res = await listed;
  expect(new URL(res.url()).searchParams.get('status')).toBe('removed');
  await eventually(() => tableRows(page).count()).toBe(1);
  const row = tableRows(page).first();
  const rowText = await textOf(row);
  expect(rowText).toContain(h.workerNo);
  expect(rowText).toContain(name);
  expect(rowText).toContain('已剔除');
  // the row's 职工编号 opens the removed file
  await row.getByRole('link', { name: h.workerNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await visible(page.locator('[data-testid=household-removed]'));
  expect(await page.locator('#household-edit').count()).toBe(0);
});
