// Logging in and out. A user of its own (created through the API) keeps the admin account free
// of failed-login counts (5 failures lock an account for 15 minutes).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { eventually, loginViaForm, submitLogin, textOf, visible } from '../lib/ui.js';

let admin: Api;
let user: { username: string; password: string; displayName: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  user = await admin.createUser({ orgCode: 'H', displayName: uniqueName('登') });
});

afterAll(async () => {
  await admin?.dispose();
});

test('a wrong password shows 用户名或密码错误 and stays on the login page', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}/login`);
  const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'POST');
  await submitLogin(page, user.username, `${user.password}-wrong`);
  expect((await answer).status()).toBe(401);
  const error = await visible(page.locator('[data-testid=login-error]'));
  expect(await textOf(error)).toContain('用户名或密码错误');
  expect(new URL(page.url()).pathname).toBe('/login');
  // the password is cleared for the next attempt; the user name is kept
  expect(await page.locator('#login_password').inputValue()).toBe('');
  expect(await page.locator('#login_username').inputValue()).toBe(user.username);
  // no session: the API still says 401
  expect((await page.context().request.get(`${baseUrl}/api/session`)).status()).toBe(401);

  // an unknown user gets the same words (nothing tells which user names exist)
  await submitLogin(page, `${user.username}x`, user.password);
  await eventually(() => textOf(page.locator('[data-testid=login-error]'))).toContain('用户名或密码错误');
  expect(new URL(page.url()).pathname).toBe('/login');
});

test('the right password lands on the 工作台 with the user\'s name in the header', async ({ page, baseUrl }) => {
  await page.goto(`${baseUrl}/login`);
  await submitLogin(page, user.username, user.password);
  await page.waitForURL((u) => u.pathname === '/');
  const who = await visible(page.locator('[data-testid=current-user]'));
  expect(await textOf(who)).toContain(user.displayName);
  expect(await textOf(who)).toContain('荆门市总工会');
  await visible(page.locator('.dashboard'));
  await visible(page.locator('#dashboard-kpis'));
  expect(await page.locator('[data-testid=login-error]').count()).toBe(0);
});

test('退出登录 returns to /login and ends the session', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, user.username, user.password);
  const out = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/session' && r.request().method() === 'DELETE');
  await page.locator('#logout').click();
  expect((await out).status()).toBe(204);
  await page.waitForURL((u) => u.pathname === '/login');
  await visible(page.locator('#login_username'));
  expect(await page.locator('[data-testid=current-user]').count()).toBe(0);
  // the session is really gone: the list sends us back to the login page
  await page.goto(`${baseUrl}/households`);
  await page.waitForURL((u) => u.pathname === '/login');
  expect((await page.context().request.get(`${baseUrl}/api/session`)).status()).toBe(401);
});

test('/households while logged out → login → back to the page asked for', async ({ page, baseUrl }) => {
  const wanted = `/households?status=all&q=${encodeURIComponent('王')}`;
  await page.goto(`${baseUrl}${wanted}`);
  await page.waitForURL((u) => u.pathname === '/login');
  expect(new URL(page.url()).searchParams.get('redirect')).toBe(wanted);
  expect(await page.locator('[data-testid=current-user]').count()).toBe(0);
  await visible(page.getByText('请先登录，登录后将回到您要访问的页面。'));

  await submitLogin(page, user.username, user.password);
  await page.waitForURL((u) => u.pathname === '/households');
  const url = new URL(page.url());
  expect(url.searchParams.get('status')).toBe('all');
  expect(url.searchParams.get('q')).toBe('王');
  expect(await textOf(await visible(page.locator('[data-testid=current-user]')))).toContain(user.displayName);
  // the page shows the filters that were asked for
  await eventually(() => page.locator('#householdFilter_q').inputValue()).toBe('王');
  expect(await textOf(page.locator('.ant-select:has(#householdFilter_status)'))).toBe('全部');
});
