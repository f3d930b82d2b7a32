// The review gate (issue #12, point 1): a reviewer decides with identification in front of them.
// The batch dialog lists each file's 识别结果, 建议类别 and 数据提示; a batch agreeing to files that
// are 不符合 or 无法判定 says so, and goes out only once they are taken out or 我已逐户核实 is ticked.
// The single review dialog shows the same facts and asks the same.
//
// 市直 (H08) 2007 is this file's own pair: line 500 元/月 → A·N = 12,000 for two people. Income
// 10,000 → 符合 (低保户); 20,000 → 不符合. 2006 has no line for 市直 → 无法判定.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { reviewerOf } from '../lib/env.js';
import { idFile } from '../lib/identification.js';
import { nextAction, openFile } from '../lib/review.js';
import { clickWhenStill, eventually, fieldError, gone, loginViaForm, textOf, visible } from '../lib/ui.js';
import type { Page, Request } from 'playwright-core';

const REGION = 'H08';

let admin: Api;
let city: { username: string; password: string; displayName: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines([{ regionCode: REGION, year: 2007, monthlyLine: 500 }], 'e2e review-gate: 市直 2007');
  city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
});

afterAll(async () => {
  await admin?.dispose();
});

function draft(o: { name: string; income: number; year?: number }): Promise<HouseholdJson> {
  return admin.createHousehold(idFile({ regionCode: REGION, fillDate: `${o.year ?? 2007}-05-10`, income: o.income, name: o.name }));
}

const queueRows = (page: Page) => page.locator('#review-table tbody tr.ant-table-row');
const dialogRows = (page: Page) => page.locator('[data-testid=review-batch-rows] tbody tr.ant-table-row');

async function select(page: Page, h: HouseholdJson): Promise<void> {
  const row = queueRows(page).filter({ hasText: h.workerNo });
  await row.locator('td.ant-table-selection-column .ant-checkbox-wrapper').click();
  await visible(row.locator('.ant-checkbox-checked'));
}

test('市总工会 batch agree: each file shows its identification; 不符合 and 无法判定 are named, taken out or confirmed', { timeout: 120_000 }, async ({ page, baseUrl }) => {
  const prefix = uniqueName('闸').slice(0, 4);
  const ok = await admin.fileThrough((await draft({ name: uniqueName(prefix), income: 10_000 })).id, { until: 'unitApproved' });
  const over = await admin.fileThrough((await draft({ name: uniqueName(prefix), income: 20_000 })).id, { until: 'unitApproved' });
  const noLine = await admin.fileThrough((await draft({ name: uniqueName(prefix), income: 10_000, year: 2006 })).id, { until: 'unitApproved' });

  await loginViaForm(page, baseUrl, city.username, city.password);
  await page.goto(`${baseUrl}/reviews?q=${encodeURIComponent(prefix)}`);
  await eventually(() => queueRows(page).count()).toBe(3);
  for (const h of [ok, over, noLine]) await select(page, h);

  const sent: Request[] = [];
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === '/api/households/review-batch') sent.push(r);
  });

  await page.locator('#review-batch-agree').click();
  await visible(page.locator('[data-testid=review-batch-summary]'));
  await eventually(() => dialogRows(page).count()).toBe(3);
  const shown = async (h: HouseholdJson) => textOf(dialogRows(page).filter({ hasText: h.workerNo }));
  expect(await shown(ok)).toMatch(/符合.*低保户/);
  expect(await shown(over)).toContain('不符合');
  expect(await shown(noLine)).toContain('无法判定');
  const risk = await visible(page.locator('[data-testid=review-batch-risk]'));
  expect(await textOf(risk)).toContain('其中 1 户识别结果为不符合，1 户无法判定');

  // an opinion alone is not enough: nothing is sent until the two are confirmed or taken out
  await page.locator('#review-batch-opinion').fill('经审核，同意建档。');
  await clickWhenStill(page.locator('#review-batch-ok'));
  await eventually(() => fieldError(page, 'review-batch-ack')).toBe('请逐户核实识别结果后勾选，或将这些档案移出本批');
  expect(sent).toHaveLength(0);

  // 移出这 2 户: the batch keeps the 符合 file only, and the warning goes
  await page.locator('#review-batch-drop').click();
  await eventually(() => dialogRows(page).count()).toBe(1);
  await gone(page.locator('[data-testid=review-batch-risk]'));
  expect(await textOf(page.getByRole('dialog').locator('.ant-modal-title', { hasText: '批量' }))).toContain('批量同意（1 户）');
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households/review-batch');
  await clickWhenStill(page.locator('#review-batch-ok'));
  const res = await answered;
  expect(res.status(), await res.text()).toBe(200);
  expect((res.request().postDataJSON() as { ids: number[] }).ids).toEqual([ok.id]);
  expect((await admin.getHousehold(over.id)).status).toBe('unitApproved');

  // the 不符合 file on its own, confirmed file by file
  await eventually(() => queueRows(page).count()).toBe(2);
  await select(page, over);
  await page.locator('#review-batch-agree').click();
  await visible(page.locator('[data-testid=review-batch-risk]'));
  await page.locator('#review-batch-opinion').fill('经入户核实，家庭有特殊困难，同意建档。');
  await page.locator('#review-batch-ack').check();
  const second = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households/review-batch');
  await clickWhenStill(page.locator('#review-batch-ok'));
  expect((await second).status()).toBe(200);
  expect(((await second).request().postDataJSON() as { ids: number[] }).ids).toEqual([over.id]);
  expect((await admin.getHousehold(over.id)).status).toBe('filed');
});

test('单位工会 single review: the dialog shows 识别结果, 建议类别 and 数据提示, and 同意 of a 不符合 file needs 我已核实', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  const h = await admin.fileThrough((await draft({ name: uniqueName('闸'), income: 20_000 })).id, { until: 'submitted' });
  const reviewer = reviewerOf(REGION);
  await loginViaForm(page, baseUrl, reviewer.username, reviewer.password);
  await openFile(page, baseUrl, h.id);
  await page.locator('#household-review-unit').click();
  const facts = await visible(page.locator('[data-testid=review-facts]'));
  expect(await textOf(facts.locator('[data-testid=review-facts-eligible]'))).toBe('不符合');
  expect(await textOf(facts)).toContain('建议类别');
  expect(await textOf(facts.locator('[data-testid=review-facts-explanation]'))).toMatch(/20,?000|10,?000/);
  await visible(page.locator('[data-testid=review-facts-risk]'));

  let calls = 0;
  page.on('request', (r) => {
    if (new URL(r.url()).pathname === `/api/households/${h.id}/review`) calls++;
  });
  await page.locator('#review_opinion').fill('经入户核实，家庭有特殊困难，同意上报。');
  await page.locator('#review-agree').click();
  await eventually(() => fieldError(page, 'review-ack')).toBe('同意前请核实识别结果并勾选');
  expect(calls).toBe(0);

  await page.locator('#review-ack').check();
  const answer = nextAction(page, h.id, 'review');
  await page.locator('#review-agree').click();
  expect((await answer).status()).toBe(200);
  expect((await admin.getHousehold(h.id)).status).toBe('unitApproved');
});
