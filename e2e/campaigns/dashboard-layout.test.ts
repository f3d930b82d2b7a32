// 工作台 (issue #13) as the city union, a county union (钟祥, H03) and a grassroots union of it, at a
// 1366 px laptop and a 390 px phone: the page renders its charts (a canvas each), never scrolls
// sideways, and a KPI tile opens a list of exactly that many files. This file's data: region H03,
// fill year 2012, its own campaign (the newest running one, so the 工作台 shows it).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { LAPTOP, PHONE, signedInPage } from '../lib/layout.js';
import { uniqueName } from '../lib/data.js';
import { eventually, listTotal, textOf, visible } from '../lib/ui.js';

const REGION = 'H03';
const YEAR = 2012;

let admin: Api;
const accounts: Record<'city' | 'region' | 'unit', { username: string; password: string }> = {} as never;

const day = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  admin = await Api.login(baseUrl);
  const unit = await admin.post<{ code: string }>('/api/orgs', { name: `钟祥${uniqueName('台')}集团工会`, parentCode: REGION, largeEnterprise: true }, 201);
  accounts.city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('台') });
  accounts.region = await admin.createUser({ orgCode: REGION, role: 'region', displayName: uniqueName('台') });
  accounts.unit = await admin.createUser({ orgCode: unit.code, role: 'unit', displayName: uniqueName('台') });
  // files of the year in the region and in the unit, through the statuses and the categories
  const file = (n: number, extra: Record<string, unknown> = {}) => ({ regionCode: REGION, fillDate: `${YEAR}-0${n}-12`, name: uniqueName('台'), ...extra });
  await admin.createFiledHousehold(file(2));
  await admin.createFiledHousehold(file(3, { category: '低保边缘户', causes: ['因病'] }));
  await admin.fileThrough((await admin.createHousehold(file(4, { unitId: unit.code }))).id, { until: 'unitApproved' });
  await admin.createFiledHousehold(file(5, { unitId: unit.code, category: '意外致困户', causes: ['因意外'] }));
  await admin.createHousehold(file(6, { unitId: unit.code }));
  await Api.as(baseUrl, accounts.city, (city) =>
    city.post('/api/campaigns', {
      name: `${YEAR}年工作台测试行动`,
      year: YEAR,
      startDate: day(0),
      endDate: day(90),
      phases: [{ name: '摸底建档', startDate: day(0), endDate: day(45) }, { name: '总结验收', startDate: day(46), endDate: day(90) }],
      deadlines: [{ kind: 'data', label: '数据上报', dueDate: day(20) }, { kind: 'report', label: '工作总结', dueDate: day(80) }],
      requiredOrgCodes: [REGION, unit.code],
    }, 201),
  );
}, 120_000);

afterAll(async () => {
  await admin?.dispose();
});

/** How far the page is wider than the screen (a mobile browser zooms out, so window.innerWidth grows too). */
function overflowOf(page: Page, width: number): Promise<number> {
  return page.evaluate((w) => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth, window.innerWidth) - w, width);
}

/** The 工作台 drawn: its figures, and a canvas in each chart that has data. */
async function dashboardReady(page: Page, charts: string[]): Promise<void> {
  await visible(page.locator('#dashboard-kpis'));
  for (const id of charts) await visible(page.locator(`#${id} canvas`).first());
  await eventually(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
  await page.evaluate(() => document.fonts.ready);
}

const CHARTS = {
  city: ['chart-org-status', 'chart-category', 'chart-cause', 'chart-income', 'chart-weekly'],
  region: ['chart-org-status', 'chart-category', 'chart-cause', 'chart-income', 'chart-weekly'],
  unit: ['chart-status'],
} as const;

for (const role of ['city', 'region', 'unit'] as const) {
  for (const screen of [LAPTOP, PHONE]) {
    test(`${role} at ${screen.width} px: the 工作台 shows its charts and fits the screen`, { timeout: 60_000 }, async ({ browser, baseUrl }) => {
      const page = await signedInPage(browser, baseUrl, accounts[role], screen);
      try {
        await page.goto(`${baseUrl}/`);
        await dashboardReady(page, [...CHARTS[role]]);
        expect(await textOf(page.locator('.page-header'))).toContain(`${YEAR} 年度`);
        expect(await textOf(page.locator('#dashboard-campaign'))).toContain(`${YEAR}年工作台测试行动`);
        // every chart's canvas lies within the screen
        const widths = await page.locator('.echart-box canvas').evaluateAll((cs) => cs.map((c) => Math.round(c.getBoundingClientRect().right)));
        expect(widths.length).toBeGreaterThanOrEqual(CHARTS[role].length);
        for (const w of widths) expect(w).toBeLessThanOrEqual(screen.width);
        expect(await overflowOf(page, screen.width)).toBeLessThanOrEqual(0);
        if (role !== 'city') await visible(page.locator(role === 'unit' ? '#dashboard-todos' : '#dashboard-review-queue'));
        if (role !== 'unit') await visible(page.locator('#dashboard-late'));
      } finally {
        await page.context().close();
      }
    });
  }
}

test('a KPI tile opens the list of exactly its files; the header\'s 待办 lists what waits', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, accounts.region, LAPTOP);
  try {
    await page.goto(`${baseUrl}/`);
    await dashboardReady(page, []);
    for (const kpi of ['files', 'filed', 'waiting'] as const) {
      const tile = page.locator(`.kpi-tile[data-kpi=${kpi}]`);
      const n = Number((await textOf(tile.locator('.ant-statistic-content'))).replace(/,/g, ''));
      expect(n, kpi).toBe({ files: 5, filed: 3, waiting: 1 }[kpi]);
      await tile.locator('a').click();
      await page.waitForURL((u) => u.pathname === '/households');
      expect(new URL(page.url()).searchParams.get('fillYear')).toBe(String(YEAR));
      await eventually(() => listTotal(page), kpi).toBe(n);
      await page.goBack();
      await visible(page.locator('#dashboard-kpis'));
    }
    // the header's bell opens the list of what waits, with the way back to the 工作台
    await page.locator('#todo-bell').click();
    await visible(page.locator('[data-testid=todo-popover]'));
    await page.locator('[data-testid=todo-popover] a', { hasText: '打开工作台' }).click();
    await page.waitForURL((u) => u.pathname === '/');
  } finally {
    await page.context().close();
  }
});
