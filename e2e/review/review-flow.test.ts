// The "done when" for the two-level review, all in the browser:
//
//   a 基层工会 cadre files a household (草稿) and submits it (待单位审核) → another cadre of the same
//   基层工会 agrees (待市总审核) → the 市总工会 returns it with a reason (草稿, the reason shown) →
//   the filer corrects the income and submits again → the unit agrees → the city agrees (已建档);
//   the detail page shows both opinions in 四、工会审核意见 (author, organization, text) and the
//   history lists every step. The filer never gets 单位工会审核 on their own file.
//
// Set-up through the API as admin: a new 基层工会 in 京山 (H01), its two cadres, a city user.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, ApiError, type HouseholdJson, type OrgJson } from '../lib/api.js';
import { makeIdNumber, uniqueName } from '../lib/data.js';
import { fid, fillBasicFile, formReady } from '../lib/form.js';
import { expectStatus, historySteps, openFile, reviewInPage, submitInPage, switchUser } from '../lib/review.js';
import { chooseOption, eventually, nextListResponse, selectedOf, tableRows, textOf, typeInto, valueOf, visible } from '../lib/ui.js';
import type { Page } from 'playwright-core';

type Person = { username: string; password: string; displayName: string };

let admin: Api;
let unit: OrgJson;
let filer: Person; // 基层工会 cadre who files
let unitReviewer: Person; // a second cadre of the same 基层工会
let city: Person; // 市总工会

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  unit = await admin.createOrg(`京山${uniqueName('审')}机械厂工会`, 'H01');
  expect(unit.code).toMatch(/^H01-\d{4}$/);
  filer = await admin.createUser({ orgCode: unit.code, role: 'unit', displayName: uniqueName('填') });
  unitReviewer = await admin.createUser({ orgCode: unit.code, role: 'unit', displayName: uniqueName('单') });
  city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
});

afterAll(async () => {
  await admin?.dispose();
});

const UNIT_OPINION_1 = '经入户核实，情况属实，同意上报。';
const CITY_RETURN = '家庭年度总收入与低保台账不一致，请核实后重新提交。';
const UNIT_OPINION_2 = '已按市总意见核实家庭收入，情况属实，同意上报。';
const CITY_AGREE = '同意纳入精准帮扶城镇困难职工数据库。';

/** The row of the review queue (/reviews) for this name, opened with 审核. */
async function openFromQueue(page: Page, baseUrl: string, h: HouseholdJson, expectedTitle: string): Promise<void> {
  await page.goto(`${baseUrl}/reviews`);
  await visible(page.locator('#review-table'));
  expect(await textOf(page.locator('.page-header'))).toContain(expectedTitle);
  const row = page.locator('#review-table tbody tr.ant-table-row', { hasText: h.workerNo });
  await visible(row);
  expect(await textOf(row)).toContain(h.name);
  await row.locator('[data-testid=review-row-open]').click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await visible(page.locator('#household-view-workerNo'));
}

test('基层工会 files → 单位工会 agrees → 市总工会 returns → corrected and resubmitted → both agree → 已建档', { timeout: 150_000 }, async ({ page, baseUrl }) => {
  const name = uniqueName('审');
  const idNumber = makeIdNumber('男', '19750412');

  // ---- the 基层工会 cadre files a household: 京山 and their own 基层工会, fixed -----------------------
  await switchUser(page, baseUrl, filer);
  expect(await textOf(page.locator('[data-testid=current-user]'))).toContain(unit.name);
  await page.locator('#household-new').click();
  await page.waitForURL((u) => u.pathname === '/households/new');
  await formReady(page);
  expect(await selectedOf(page, fid('regionCode'))).toBe('京山');
  expect(await page.locator(`.ant-select:has(#${fid('regionCode')})`).getAttribute('class')).toContain('ant-select-disabled');
  expect(await selectedOf(page, fid('unitId'))).toContain(unit.name);
  await fillBasicFile(page, {
    name,
    idNumber,
    gender: '男',
    phone: '13907241234',
    householdAnnualIncome: '9000',
    spouse: { name: '张桂芳', idNumber: makeIdNumber('女', '19770921'), gender: '女' },
  });
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households' && r.request().method() === 'POST');
  await page.locator('#household-save').click();
  const createdRes = await created;
  expect(createdRes.status(), await createdRes.text()).toBe(201);
  const h = (await createdRes.json()) as HouseholdJson;
  expect(h).toMatchObject({ status: 'draft', regionCode: 'H01', unitId: unit.code, version: 1 });
  expect(h.workerNo).toMatch(/^H01\d{5}$/);
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await expectStatus(page, 'draft');

  // ---- 提交审核 → 待单位审核; the filer cannot sign the unit's opinion on their own file ----------
  await submitInPage(page, h.id);
  expect(await page.locator('#household-submit').count()).toBe(0);
  expect(await page.locator('#household-review-unit').count()).toBe(0);
  expect(await page.locator('#household-edit').count()).toBe(0); // under review: locked
  expect(await textOf(page.locator('#household-actions'))).toContain('您是该档案的填报人，不能审核自己填报的档案');
  // nor through the API with their own session
  const own = await Api.login(baseUrl, filer.username, filer.password);
  try {
    const err = await own.reviewHousehold(h.id, 'unit', 'agree', '自己审核').then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(403);
    expect((err as ApiError).body).toContain('填报人不能审核自己填报的档案');
  } finally {
    await own.dispose();
  }

  // ---- 单位工会审核 (another cadre of the same 基层工会), from the queue: 同意 → 待市总审核 -----------
  await switchUser(page, baseUrl, unitReviewer);
  await openFromQueue(page, baseUrl, h, '单位工会审核');
  await expectStatus(page, 'submitted');
  expect(await page.locator('#household-review-city').count()).toBe(0);
  const afterUnit = await reviewInPage(page, h.id, 'unit', 'agree', UNIT_OPINION_1);
  expect(afterUnit.status).toBe('unitApproved');
  await expectStatus(page, 'unitApproved');
  expect(await page.locator('#household-review-unit').count()).toBe(0);
  await eventually(() => page.locator('[data-testid=opinion-unit]').getAttribute('data-decision')).toBe('agree');
  // the file left the unit's queue
  await page.goto(`${baseUrl}/reviews`);
  await visible(page.locator('[data-testid=review-total]'));
  await eventually(() => page.locator('#review-table tbody tr.ant-table-row', { hasText: h.workerNo }).count()).toBe(0);

  // ---- 市总工会审核: 退回 with a reason → 草稿, the reason shown ----------------------------------------
  await switchUser(page, baseUrl, city);
  await openFromQueue(page, baseUrl, h, '市总工会审核');
  await expectStatus(page, 'unitApproved');
  expect(await page.locator('#household-review-unit').count()).toBe(0);
  await page.locator('#household-review-city').click();
  // the city sees the unit's opinion in its dialog
  const dialog = await visible(page.getByRole('dialog'));
  expect(await textOf(dialog)).toContain(UNIT_OPINION_1);
  await page.getByRole('dialog').getByRole('button', { name: /取\s*消/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  const returned = await reviewInPage(page, h.id, 'city', 'return', CITY_RETURN);
  expect(returned).toMatchObject({ status: 'draft', returnReason: CITY_RETURN });
  await expectStatus(page, 'draft');
  const banner = await visible(page.locator('[data-testid=return-reason]'));
  expect(await textOf(banner)).toContain(`已被退回：${CITY_RETURN}`);
  expect(await textOf(banner)).toContain(`市总工会退回（${city.displayName}，荆门市总工会，`);
  expect(await page.locator('#household-review-city').count()).toBe(0);

  // ---- the filer finds it in the list under 已退回 (tagged), sees the reason, corrects and submits again --
  await switchUser(page, baseUrl, filer);
  await page.goto(`${baseUrl}/households`);
  await chooseOption(page, 'householdFilter_status', '已退回（待修改）');
  const listed = nextListResponse(page);
  await page.locator('#householdFilter_submit').click();
  const sent = new URL((await listed).url()).searchParams;
  expect({ status: sent.get('status'), returned: sent.get('returned') }).toEqual({ status: 'draft', returned: 'true' });
  const row = tableRows(page).filter({ hasText: h.workerNo });
  await visible(row);
  expect(await textOf(row.locator('[data-testid=list-returned]'))).toContain('已退回');
  await openFile(page, baseUrl, h.id);
  await expectStatus(page, 'draft');
  expect(await textOf(await visible(page.locator('[data-testid=return-reason]')))).toContain(CITY_RETURN);
  await page.locator('#household-edit').click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}/edit`);
  await formReady(page);
  await eventually(() => valueOf(page, fid('householdAnnualIncome'))).toBe('9000.00');
  await typeInto(page, fid('householdAnnualIncome'), '8400');
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${h.id}` && r.request().method() === 'PUT');
  await page.locator('#household-save').click();
  const savedRes = await saved;
  expect(savedRes.status(), await savedRes.text()).toBe(200);
  expect(savedRes.request().postDataJSON().reason ?? null).toBeNull(); // a draft needs no 修改原因
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await expectStatus(page, 'draft');
  await submitInPage(page, h.id);
  expect(await page.locator('[data-testid=return-reason]').count()).toBe(0);
  // the opinions of the first round stay visible, marked as an earlier round
  await eventually(() => page.locator('[data-testid=opinion-city]').getAttribute('data-decision')).toBe('none');
  expect(await textOf(page.locator('[data-testid=opinion-city]'))).toContain(CITY_RETURN);

  // ---- unit agrees again, city agrees → 已建档 ------------------------------------------------------
  await switchUser(page, baseUrl, unitReviewer);
  await openFromQueue(page, baseUrl, h, '单位工会审核');
  expect((await reviewInPage(page, h.id, 'unit', 'agree', UNIT_OPINION_2)).status).toBe('unitApproved');
  await switchUser(page, baseUrl, city);
  await openFromQueue(page, baseUrl, h, '市总工会审核');
  expect((await reviewInPage(page, h.id, 'city', 'agree', CITY_AGREE)).status).toBe('filed');
  await expectStatus(page, 'filed');
  expect(await page.locator('#household-review-city').count()).toBe(0);

  // ---- 四、工会审核意见: both opinions of the last round, with author, organization and text ----------
  await page.reload();
  await visible(page.locator('#household-view-workerNo'));
  const unitBox = await visible(page.locator('[data-testid=opinion-unit]'));
  const cityBox = page.locator('[data-testid=opinion-city]');
  expect(await unitBox.getAttribute('data-decision')).toBe('agree');
  expect(await cityBox.getAttribute('data-decision')).toBe('agree');
  const unitText = await textOf(unitBox);
  expect(unitText).toContain('职工所在单位工会意见');
  expect(unitText).toContain(UNIT_OPINION_2);
  expect(unitText).toContain(`${unitReviewer.displayName}（${unit.name}）`);
  expect(unitText).not.toContain(UNIT_OPINION_1);
  const cityText = await textOf(cityBox);
  expect(cityText).toContain('市总工会意见');
  expect(cityText).toContain(CITY_AGREE);
  expect(cityText).toContain(`${city.displayName}（荆门市总工会）`);
  expect(cityText).not.toContain(CITY_RETURN);
  expect(await textOf(page.locator('.household-detail'))).toContain('四、工会审核意见');

  // ---- the history: every step, in order, with the opinions --------------------------------------------
  await eventually(() => historySteps(page)).toEqual([
    [1, 'create'],
    [2, 'submit'],
    [3, 'unitAgree'],
    [4, 'cityReturn'],
    [5, 'update'],
    [6, 'submit'],
    [7, 'unitAgree'],
    [8, 'cityAgree'],
  ]);
  const entry = (v: number) => textOf(page.locator(`#household-history [data-version="${v}"]`));
  expect(await entry(3)).toContain(`审核意见：${UNIT_OPINION_1}`);
  expect(await entry(3)).toContain(unitReviewer.displayName);
  expect(await entry(4)).toContain(`审核意见：${CITY_RETURN}`);
  expect(await entry(4)).toContain('状态：待市总审核 → 草稿');
  expect(await entry(5)).toContain('家庭年度总收入：9,000.00 元 → 8,400.00 元');
  expect(await entry(5)).toContain(filer.displayName);
  expect(await entry(7)).toContain(`审核意见：${UNIT_OPINION_2}`);
  expect(await entry(8)).toContain(`审核意见：${CITY_AGREE}`);
  expect(await entry(8)).toContain('状态：待市总审核 → 已建档');
  expect(await entry(8)).toContain(city.displayName);

  // the server agrees
  const final = await admin.getHousehold(h.id);
  expect(final).toMatchObject({ status: 'filed', version: 8, returnReason: null });
  expect(final.opinions?.map((o) => [o.level, o.decision, o.opinion, o.authorName, o.orgCode])).toEqual([
    ['unit', 'agree', UNIT_OPINION_1, unitReviewer.displayName, unit.code],
    ['city', 'return', CITY_RETURN, city.displayName, 'H'],
    ['unit', 'agree', UNIT_OPINION_2, unitReviewer.displayName, unit.code],
    ['city', 'agree', CITY_AGREE, city.displayName, 'H'],
  ]);
});
