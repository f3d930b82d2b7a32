// No page scrolls sideways on a phone (issue #12, point 5): every route, as every role, at
// 390×844. Only a table's own scroll box may be wider than the screen. /policy was one character
// wide under its sticky panel; /households and /reviews overflowed to 439 and 497 px.
//
// Each role's pages are visited in one browser context; the offenders of all routes are collected
// and reported together, with their widths.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { PHONE, signedInPage } from '../lib/layout.js';
import { newPage } from '../lib/browser.js';
import { makeHousehold, uniqueName } from '../lib/data.js';
import { importDibaoList } from '../lib/dibao.js';
import { ADMIN_PASSWORD } from '../lib/env.js';
import { eventually } from '../lib/ui.js';

let admin: Api;
let draft: HouseholdJson;
let filed: HouseholdJson;
let exited: HouseholdJson;
const accounts: Record<string, { username: string; password: string }> = {};

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  const region = 'H02';
  const filedBody = makeHousehold({ regionCode: region, name: uniqueName('宽') });
  filed = await admin.createFiledHousehold(filedBody);
  draft = await admin.createHousehold({ regionCode: region, name: uniqueName('宽') });
  // an exit of an earlier year: its page shows the 脱困回访 card with every planned visit overdue
  exited = await admin.createFiledHousehold({ regionCode: region, name: uniqueName('宽') });
  await admin.post(`/api/households/${exited.id}/exit`, { reason: '再就业，收入稳定', date: '2024-03-15' }, 200);
  const unit = await admin.createOrg(`沙洋${uniqueName('宽')}化工厂工会`, region);
  accounts.admin = { username: 'admin', password: ADMIN_PASSWORD };
  accounts.city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('宽') });
  accounts.region = await admin.createUser({ orgCode: region, role: 'region', displayName: uniqueName('宽') });
  // a civil-affairs 低保 list of 沙洋 naming the filed worker and the wife of a file that says 未享受低保:
  // 低保核对 shows findings of two kinds (one with the family's people on the list) and a list
  const notDeclared = makeHousehold({ regionCode: region, name: uniqueName('宽'), receivesDibao: false });
  await admin.post('/api/households', notDeclared, 201);
  const wife = (notDeclared.members as { name: string; idNumber: string }[])[0];
  await Api.as(inject('baseUrl'), accounts.region, (api) =>
    importDibaoList(api, {
      regionCode: region,
      source: '沙洋县民政局社会救助股',
      rows: [['姓名', '身份证号', '家庭人口', '月保障金额'], [filedBody.name as string, filedBody.idNumber as string, 3, '1280.50'], [wife.name, wife.idNumber, 3, '1280.50']],
    }),
  );
  accounts.unit = await admin.createUser({ orgCode: unit.code, role: 'unit', displayName: uniqueName('宽') });
  accounts.leader = await admin.createUser({ orgCode: 'H', role: 'leader', displayName: uniqueName('宽') });
  accounts.viewer = await admin.createUser({ orgCode: 'H', role: 'viewer', displayName: uniqueName('宽') });
}, 120_000);

afterAll(async () => {
  await admin?.dispose();
});

function routes(): string[] {
  return [
    '/', '/campaigns', '/assessment', '/commendations', '/households', '/households/new', `/households/${filed.id}`, `/households/${draft.id}`, `/households/${draft.id}/edit`,
    `/households/${exited.id}`,
    '/policy', '/policy?tab=history', '/removal-proposals', '/reviews', '/my', '/my?tab=records', '/follow-ups', '/follow-ups?fallenBack=true', '/transfers', '/transfers?box=all', '/duplicates', '/duplicates?status=merged', '/dibao', '/dibao?tab=import', '/dibao?tab=lists', '/assistance', '/batches', '/links', '/working-groups', '/working-groups/H02',
    '/measures', '/exchange/import', '/reports/region-summary', '/admin/orgs', '/admin/users', '/admin/approvals', '/admin/audit', '/no-such-page',
  ];
}

/** The route drawn and settled: its page, 403 or 404 shown, no spinner or skeleton left. */
async function settled(page: Page): Promise<void> {
  await page.locator('.page, .ant-result').first().waitFor({ state: 'visible' });
  await eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  await page.evaluate(() => document.fonts.ready);
}

/** How far the page is wider than the phone (a mobile browser zooms out, so window.innerWidth grows too). */
async function overflowOf(page: Page, width = PHONE.width): Promise<number> {
  return page.evaluate((w) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth) - w, width);
}

for (const role of ['admin', 'city', 'region', 'unit', 'leader', 'viewer']) {
  test(`390 px, ${role}: no route scrolls sideways`, { timeout: 120_000 }, async ({ browser, baseUrl }) => {
    const page = await signedInPage(browser, baseUrl, accounts[role], PHONE);
    const wide: string[] = [];
    try {
      for (const path of routes()) {
        await page.goto(`${baseUrl}${path}`);
        await settled(page).catch((e: Error) => {
          throw new Error(`${path}: ${e.message}`);
        });
        const over = await overflowOf(page);
        if (over > 0) wide.push(`${path}: ${PHONE.width + over} px`);
      }
    } finally {
      await page.context().close();
    }
    expect(wide).toEqual([]);
  });
}

// logged out: the login page is the first page anyone sees on a phone (its card was 406 px wide)
for (const width of [PHONE.width, 360]) {
  test(`${width} px, logged out: the login page does not scroll sideways`, async ({ browser, baseUrl }) => {
    const page = await newPage(browser, { viewport: { width, height: PHONE.height }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await page.goto(`${baseUrl}/login`);
      await page.locator('#login_username').waitFor({ state: 'visible' });
      await page.evaluate(() => document.fonts.ready);
      expect(await overflowOf(page, width)).toBeLessThanOrEqual(0);
    } finally {
      await page.context().close();
    }
  });
}
