// 系统管理 (admins only): 组织机构 — a new 基层工会 gets the next code of its region and shows in the
// tree; 用户管理 — a new 基层工会 account waits for the city union's 账号审批, whose approver alone
// gets its password, and then logs in with it; 审计日志 — filtered by action,
// and the hash chain checks out. Anyone else gets no 系统管理 menu, and the pages show no data.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, ApiError, type OrgJson } from '../lib/api.js';
import { uniqueName, uniqueUsername } from '../lib/data.js';
import { APPROVER } from '../lib/env.js';
import { switchUser } from '../lib/review.js';
import { chooseOption, clickWhenStill, eventually, gone, loginViaForm, textOf, typeInto, visible } from '../lib/ui.js';
import type { Page } from 'playwright-core';

const REGION = 'H05';
const REGION_NAME = '荆门高新区·掇刀区';

let admin: Api;
let regionUser: { username: string; password: string; displayName: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  regionUser = await admin.createUser({ orgCode: REGION, role: 'region', displayName: uniqueName('掇') });
});

afterAll(async () => {
  await admin?.dispose();
});

const menu = (page: Page) => page.locator('nav[aria-label=主菜单]');

test('admin: 新建基层工会 on /admin/orgs → in the tree with the next code of its region', async ({ page, baseUrl }) => {
  const name = `${uniqueName('掇')}机电有限公司工会`;
  // codes are numbered per region: the next one after the highest so far
  const taken = (await admin.get<{ items: OrgJson[] }>('/api/orgs')).items.filter((o) => o.code.startsWith(`${REGION}-`)).map((o) => Number(o.code.slice(4)));
  const expectedCode = `${REGION}-${String(Math.max(0, ...taken) + 1).padStart(4, '0')}`;

  await loginViaForm(page, baseUrl);
  expect(await textOf(menu(page))).toContain('系统管理');
  await page.goto(`${baseUrl}/admin/orgs`);
  await visible(page.locator('#org-tree'));
  expect(await page.locator(`#org-tree [data-code="${REGION}"]`).count()).toBe(1);

  await page.locator('#org-new').click();
  const dialog = await visible(page.getByRole('dialog'));
  // nothing filled: refused in the dialog
  await clickWhenStill(page.locator('#org-new-ok'));
  await visible(dialog.locator('.ant-form-item-explain-error', { hasText: '请选择上级组织' }));
  await chooseOption(page, 'org_new_parentCode', `${REGION_NAME}（${REGION}）`);
  await typeInto(page, 'org_new_name', name);
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/orgs' && r.request().method() === 'POST');
  await clickWhenStill(page.locator('#org-new-ok'));
  const res = await created;
  expect(res.status(), await res.text()).toBe(201);
  expect(res.request().postDataJSON()).toEqual({ name, parentCode: REGION });
  const org = (await res.json()) as OrgJson;
  expect(org).toMatchObject({ name, parentCode: REGION, kind: 'unit', active: true });
  expect(org.code).toMatch(/^H0\d-\d{4}$/);
  expect(org.code).toBe(expectedCode);
  await dialog.waitFor({ state: 'hidden' });

  // in the tree, under its region, with its code; selected, its details beside
  const node = await visible(page.locator(`#org-tree .org-node[data-code="${org.code}"]`));
  expect(await textOf(node.locator('.org-node-name'))).toBe(name);
  expect(await textOf(node.locator('.org-node-code'))).toBe(org.code);
  const detail = page.locator('#org-detail');
  await eventually(() => textOf(detail)).toContain(org.code);
  expect(await textOf(detail)).toContain(name);
  expect(await textOf(detail)).toContain(`${REGION_NAME}（${REGION}）`);
  // and it is there after a reload (the server has it)
  await page.reload();
  await visible(page.locator(`#org-tree .org-node[data-code="${org.code}"]`));
  expect((await admin.get<{ items: OrgJson[] }>('/api/orgs')).items.find((o) => o.code === org.code)).toMatchObject({ name, parentCode: REGION, kind: 'unit' });
});

test('admin: 新建用户 on /admin/users (a 基层工会 cadre) → 市总工会 approves on /admin/approvals → the user logs in with the password the approver got', async ({ page, baseUrl }) => {
  const unit = await admin.createOrg(`${uniqueName('掇')}化工厂工会`, REGION);
  const username = uniqueUsername('e2e_ui');
  const displayName = uniqueName('户');

  await loginViaForm(page, baseUrl);
  await page.goto(`${baseUrl}/admin/users`);
  await visible(page.locator('#user-table'));
  await page.locator('#user-new').click();
  await visible(page.locator('#user_new_username'));
  await typeInto(page, 'user_new_username', username);
  await typeInto(page, 'user_new_displayName', displayName);
  await chooseOption(page, 'user_new_role', '基层工会');
  await chooseOption(page, 'user_new_orgCode', `${unit.name}（${unit.code}，${REGION_NAME}）`, { search: true });
  // this role reads identity numbers in full: no password here, the city union approves the account
  await visible(page.locator('[data-testid=user-new-gated]'));
  expect(await page.locator('#user_new_password').count()).toBe(0);
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/users' && r.request().method() === 'POST');
  await clickWhenStill(page.locator('#user-new-ok'));
  const res = await created;
  expect(res.status(), await res.text()).toBe(201);
  expect(res.request().postDataJSON()).toEqual({ username, displayName, role: 'unit', orgCode: unit.code });
  await page.locator('#user_new_username').waitFor({ state: 'hidden' });

  // the confirmation names the user, their role and organization, and says who approves it
  const done = await visible(page.locator('[data-testid=user-created]'));
  expect(await textOf(done)).toContain(`${displayName}（基层工会，${unit.name}）`);
  expect(await textOf(done)).toContain('市总工会');
  await page.getByRole('button', { name: '知道了' }).click();
  await gone(done);
  // other files' accounts may push the new one past the first page: find it by name
  await typeInto(page, 'userFilter_q', username);
  const row = page.locator('#user-table tbody tr.ant-table-row', { hasText: username });
  await visible(row);
  expect(await textOf(row)).toContain(displayName);
  expect(await textOf(row)).toContain(unit.name);
  expect(await textOf(row.locator('[data-testid=user-pending]'))).toBe('待市总工会审批');

  // ---- the city union's approver approves it and is shown the password once ------------------------
  await switchUser(page, baseUrl, APPROVER);
  expect(await textOf(menu(page))).toContain('账号审批');
  await page.goto(`${baseUrl}/admin/approvals`);
  const request = await visible(page.locator('#approval-table tbody tr.ant-table-row', { hasText: username }));
  expect(await textOf(request)).toContain('新建账号');
  await request.getByRole('button', { name: '批准' }).click();
  const shown = await visible(page.locator('[data-testid=approval-password]'));
  const password = await textOf(shown.locator('code').nth(1));
  expect(password.length).toBeGreaterThanOrEqual(10);
  await page.getByRole('button', { name: '知道了' }).click();
  await gone(shown);
  await gone(request);

  // ---- the new user logs in ------------------------------------------------------------------------
  await switchUser(page, baseUrl, { username, password });
  const who = await textOf(page.locator('[data-testid=current-user]'));
  expect(who).toContain(displayName);
  expect(who).toContain(unit.name);
  expect(await page.locator('[data-testid=current-role]').getAttribute('data-role')).toBe('unit');
  expect(await textOf(menu(page))).not.toContain('系统管理');
});

test('admin: /admin/audit filtered by 操作 lists the org creation; 校验审计链 says the chain holds', async ({ page, baseUrl }) => {
  const unit = await admin.createOrg(`${uniqueName('审')}纺织厂工会`, REGION);

  await loginViaForm(page, baseUrl);
  await page.goto(`${baseUrl}/admin/audit`);
  await visible(page.locator('#audit-table'));
  // 操作 is chosen by its Chinese name; the code goes to the API
  await chooseOption(page, 'auditFilter_action', '新建组织', { search: true });
  expect(await textOf(page.locator('.ant-form-item:has(#auditFilter_action)'))).not.toContain('org.create');
  const listed = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/audit' && new URL(r.url()).searchParams.get('action') === 'org.create');
  await page.locator('#auditFilter_submit').click();
  expect((await listed).status()).toBe(200);
  await page.waitForURL((u) => u.searchParams.get('action') === 'org.create');
  const rows = page.locator('#audit-table tbody tr.ant-table-row');
  // every row is an org creation (waited for: the unfiltered rows stay until the page has drawn the
  // answer, which on a busy machine came after the response); ours is there, by admin
  const actions = () => rows.locator('[data-action]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-action')))]);
  await eventually(actions).toEqual(['org.create']);
  const ours = rows.filter({ hasText: `组织 #${unit.code}` });
  await visible(ours);
  expect(await textOf(ours)).toContain('admin');
  expect(await textOf(ours)).toContain('新建组织');

  await page.locator('#audit-verify').click();
  const result = await visible(page.locator('[data-testid=audit-verify-result]'));
  expect(await result.getAttribute('data-ok')).toBe('true');
  expect(await textOf(result)).toContain('审计链完整');
  expect(await textOf(result)).toMatch(/已校验全部 [\d,]+ 条记录，未发现修改或删除/);
});

test('a non-admin (县区工会) gets no 系统管理 menu; /admin/users shows 403 and no data', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, regionUser.username, regionUser.password);
  expect(await page.locator('[data-testid=current-role]').getAttribute('data-role')).toBe('region');
  const items = await textOf(menu(page));
  expect(items).toContain('档案列表');
  for (const item of ['系统管理', '组织机构', '用户管理', '审计日志']) expect(items, item).not.toContain(item);

  const userCalls: string[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/users') userCalls.push(r.method());
  });
  for (const path of ['/admin/users', '/admin/orgs', '/admin/audit']) {
    await page.goto(`${baseUrl}${path}`);
    const forbidden = await visible(page.locator('[data-testid=forbidden]'));
    expect(await textOf(forbidden), path).toContain('没有权限访问此页面');
    for (const id of ['#user-table', '#user-new', '#org-tree', '#org-new', '#audit-table', '#audit-verify']) expect(await page.locator(id).count(), `${path} ${id}`).toBe(0);
  }
  expect(userCalls).toEqual([]);

  // the server refuses too, with the reason
  const api = await Api.login(baseUrl, regionUser.username, regionUser.password);
  try {
    for (const call of [
      () => api.get('/api/users'),
      () => api.get('/api/audit'),
      () => api.post('/api/orgs', { name: '越权新建的基层工会', parentCode: REGION }, 201),
      () => api.post('/api/users', { username: uniqueUsername('x'), password: 'Xx-1234567890', displayName: '越权', orgCode: REGION }, 201),
    ]) {
      const err = await call().then(() => null, (e: unknown) => e);
      expect(err).toBeInstanceOf(ApiError);
      expect((err as ApiError).status).toBe(403);
    }
  } finally {
    await api.dispose();
  }
  const listed = (await admin.get<{ items: { name: string }[] }>('/api/orgs')).items;
  expect(listed.some((o) => o.name === '越权新建的基层工会')).toBe(false);
});
