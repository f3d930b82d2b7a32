// Words a person reads (issue #12, point 10): no codes where Chinese belongs (措施目录, 操作记录),
// Chinese names for the controls a screen reader announces, and no button a role cannot use (the
// admin saw 编辑 on a file and landed on a 403 page).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { openFile } from '../lib/review.js';
import { eventually, loginViaForm, textOf, visible } from '../lib/ui.js';

let admin: Api;
let draft: HouseholdJson;
let city: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  draft = await admin.createHousehold({ regionCode: 'H05' });
  city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('词') });
});

afterAll(async () => {
  await admin?.dispose();
});

const CODE = /\b[a-z]+[A-Z][A-Za-z]*\b|\b[a-z]+\.[a-z][A-Za-z.]*\b/;

test('admin: no 编辑 on a file; 措施目录 and 操作记录 speak Chinese, not codes', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl);
  await openFile(page, baseUrl, draft.id);
  await visible(page.locator('#household-print'));
  expect(await page.locator('#household-edit').count()).toBe(0);

  await page.goto(`${baseUrl}/measures`);
  const measures = page.locator('.ant-table-tbody tr.ant-table-row');
  await eventually(() => measures.count()).toBeGreaterThan(3);
  const catalog = await textOf(page.locator('.ant-table-tbody').first());
  expect(catalog).not.toMatch(CODE);

  await page.goto(`${baseUrl}/admin/audit`);
  const rows = page.locator('#audit-table tbody tr.ant-table-row');
  await eventually(() => rows.count()).toBeGreaterThan(0);
  const actions = await page.locator('#audit-table tbody [data-action]').allInnerTexts();
  expect(actions.length).toBeGreaterThan(0);
  for (const a of actions) expect(a).not.toMatch(CODE);
  const placeholder = await textOf(page.locator('.ant-form-item:has(#auditFilter_action) .ant-select-selection-placeholder'));
  expect(placeholder).toBe('全部操作'); // short enough to read whole at 1366 px; typing searches
});

test('the list tables name their select-all checkbox in Chinese', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, city.username, city.password);
  await page.goto(`${baseUrl}/reviews`);
  const header = page.locator('#review-table thead .ant-table-selection-column input[type=checkbox]');
  await visible(page.locator('#review-table'));
  await eventually(() => header.getAttribute('aria-label')).toBe('全选本页');
});

test('people are shown by name, not by login name: 版本历史', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const filer = await admin.createUser({ orgCode: 'H05', displayName: uniqueName('名') });
  const h = await Api.as(baseUrl, filer, (api) => api.createHousehold({ regionCode: 'H05' }));
  await Api.loginInPage(page, baseUrl, city.username, city.password);
  await openFile(page, baseUrl, h.id);
  const history = await visible(page.locator('#household-history'));
  await eventually(() => textOf(history)).toContain(filer.displayName);
  expect(await textOf(history)).not.toContain(filer.username);
  // (帮扶统计's 帮扶人 column: assistance/assist-flow.test.ts reads it as the name alone)
});
