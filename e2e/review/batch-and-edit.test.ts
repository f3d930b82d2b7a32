// After the review: the city union agrees to several files at once in 待我审核 (/reviews); an
// 已建档 file is edited only with a 修改原因 (and goes back to review when its identification
// changes); a file under review has no 编辑 at all; 脱困 and then 重新纳入 bring a file back to 草稿.
//
// 市直 (H08) 2019 is this file's own pair: line 500 元/月 → A·N = 12,000 for two people.
// Income 10,000 → 条件一, 低保户; 20,000 → 不符合 (nobody ill, no expenses).
// Files are created and taken through review through the API (as admin, with the run's reviewers).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, REVIEW_OPINIONS, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { fid, formReady, setDate } from '../lib/form.js';
import { idFile } from '../lib/identification.js';
import { expectStatus, nextAction, openFile } from '../lib/review.js';
import { clickWhenStill, eventually, fieldError, gone, loginViaForm, tableRows, textOf, typeInto, valueOf, visible } from '../lib/ui.js';
import type { Page } from 'playwright-core';

const REGION = 'H08';
const REGION_NAME = '市直';
const YEAR = 2019;

let admin: Api;
let city: { username: string; password: string; displayName: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines([{ regionCode: REGION, year: YEAR, monthlyLine: 500 }], 'e2e batch-and-edit: 市直 2019');
  city = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
});

afterAll(async () => {
  await admin?.dispose();
});

/** A draft of this file's pair: 低保户 at 10,000 unless told otherwise. */
function draft(o: { name?: string; income?: number; day?: number } = {}): Promise<HouseholdJson> {
  const day = String(o.day ?? 10).padStart(2, '0');
  return admin.createHousehold(idFile({ regionCode: REGION, fillDate: `${YEAR}-06-${day}`, income: o.income ?? 10000, name: o.name, namePrefix: '直' }));
}

const queueRows = (page: Page) => page.locator('#review-table tbody tr.ant-table-row');

test('市总工会 agrees to three 待市总审核 files in one batch → all 已建档; the results are shown', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  // four files waiting for the city, names sharing a prefix of their own; three are chosen
  const prefix = uniqueName('批').slice(0, 4);
  const files: HouseholdJson[] = [];
  for (let i = 0; i < 4; i++) files.push(await admin.fileThrough((await draft({ name: uniqueName(prefix), day: i + 1 })).id, { until: 'unitApproved' }));
  const [a, b, c, left] = files;
  const opinion = `经审核，同意纳入困难职工数据库 ${uniqueName('批')}`;

  await loginViaForm(page, baseUrl, city.username, city.password);
  await page.goto(`${baseUrl}/reviews?q=${encodeURIComponent(prefix)}`);
  await visible(page.locator('#review-table'));
  await eventually(() => textOf(page.locator('[data-testid=review-total]'))).toBe('共 4 户');
  await eventually(() => queueRows(page).count()).toBe(4);
  expect(await page.locator('[data-testid=review-footer]').count()).toBe(0);

  for (const h of [a, b, c]) {
    const row = queueRows(page).filter({ hasText: h.workerNo });
    await row.locator('td.ant-table-selection-column .ant-checkbox-wrapper').click();
    await visible(row.locator('.ant-checkbox-checked'));
  }
  await eventually(() => textOf(page.locator('[data-testid=review-selected]'))).toBe('已选择3户');

  await page.locator('#review-batch-agree').click();
  const summary = await visible(page.locator('[data-testid=review-batch-summary]'));
  expect(await textOf(summary)).toContain('以下 3 户将签署市总工会“同意”意见并建档');
  expect(new Set((await summary.locator('.review-batch-name').allInnerTexts()).map((t) => t.trim()))).toEqual(
    new Set([a, b, c].map((h) => `${h.workerNo} ${h.name}（${REGION_NAME}）`)),
  );
  // no opinion, no request
  await clickWhenStill(page.locator('#review-batch-ok'));
  await eventually(() => fieldError(page, 'review-batch-opinion')).toBe('请填写审核意见');
  await page.locator('#review-batch-opinion').fill(opinion);
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households/review-batch');
  await clickWhenStill(page.locator('#review-batch-ok'));
  const res = await answered;
  expect(res.status(), await res.text()).toBe(200);
  const sent = res.request().postDataJSON() as { ids: number[]; level: string; decision: string; opinion: string };
  expect({ ...sent, ids: [...sent.ids].sort((x, y) => x - y) }).toEqual({ ids: [a.id, b.id, c.id].sort((x, y) => x - y), level: 'city', decision: 'agree', opinion });
  expect(await res.json()).toMatchObject({ done: 3 });
  await gone(summary);

  const results = await visible(page.locator('[data-testid=review-results]'));
  expect(await textOf(results)).toContain('已同意 3 户');
  expect(await textOf(results)).toContain('这些档案已建档，纳入困难职工数据库。');
  // the queue keeps only the one not chosen
  await eventually(() => textOf(page.locator('[data-testid=review-total]'))).toBe('共 1 户');
  expect(await textOf(queueRows(page).first())).toContain(left.workerNo);
  await gone(page.locator('[data-testid=review-footer]'));

  // each chosen file is filed with the batch's opinion, signed by the city user
  for (const h of [a, b, c]) {
    const f = await admin.getHousehold(h.id);
    expect(f.status, h.name).toBe('filed');
    expect(f.opinions?.at(-1)).toMatchObject({ level: 'city', decision: 'agree', opinion, authorName: city.displayName, orgCode: 'H' });
  }
  expect((await admin.getHousehold(left.id)).status).toBe('unitApproved');
  // and a filed one shows it in 四、工会审核意见
  await openFile(page, baseUrl, a.id);
  await expectStatus(page, 'filed');
  expect(await textOf(page.locator('[data-testid=opinion-city]'))).toContain(opinion);
  expect(await textOf(page.locator('[data-testid=opinion-unit]'))).toContain(REVIEW_OPINIONS.unit);
});

test('a batch where one file was returned meanwhile: the others are agreed, that one is named with the reason', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const prefix = uniqueName('批').slice(0, 4);
  const [ok, late] = [
    await admin.fileThrough((await draft({ name: uniqueName(prefix), day: 11 })).id, { until: 'unitApproved' }),
    await admin.fileThrough((await draft({ name: uniqueName(prefix), day: 12 })).id, { until: 'unitApproved' }),
  ];

  await loginViaForm(page, baseUrl, city.username, city.password);
  await page.goto(`${baseUrl}/reviews?q=${encodeURIComponent(prefix)}`);
  await eventually(() => queueRows(page).count()).toBe(2);
  await page.locator('#review-table thead .ant-table-selection-column .ant-checkbox-wrapper').click(); // select all on the page
  await eventually(() => textOf(page.locator('[data-testid=review-selected]'))).toBe('已选择2户');
  await page.locator('#review-batch-agree').click();
  await page.locator('#review-batch-opinion').fill('同意纳入精准帮扶城镇困难职工数据库。');

  // meanwhile, in another session, one of them is returned
  const other = await Api.login(baseUrl, city.username, city.password);
  try {
    await other.reviewHousehold(late.id, 'city', 'return', '收入材料缺失，请补充。');
  } finally {
    await other.dispose();
  }

  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/households/review-batch');
  await clickWhenStill(page.locator('#review-batch-ok'));
  expect((await answered).status()).toBe(200);
  const results = await visible(page.locator('[data-testid=review-results]'));
  expect(await textOf(results)).toContain('已同意 1 户，1 户未能审核');
  const failures = results.locator('li');
  expect(await failures.count()).toBe(1);
  expect(await failures.first().getAttribute('data-code')).toBe('INVALID_TRANSITION');
  expect(await textOf(failures.first())).toContain(`${late.workerNo} ${late.name}：档案当前状态为“草稿”，不能市总工会同意`);
  await eventually(() => textOf(page.locator('[data-testid=review-total]'))).toBe('共 0 户');
  expect((await admin.getHousehold(ok.id)).status).toBe('filed');
  expect((await admin.getHousehold(late.id)).status).toBe('draft');
});

test('editing an 已建档 file asks for a 修改原因; a change of identification sends it back to review, where it has no 编辑', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  const h = await admin.fileThrough((await draft()).id);
  expect(h.identification).toMatchObject({ eligible: true, category: '低保户' });
  const phoneReason = `入户复核，联系电话变更 ${uniqueName('改')}`;
  const incomeReason = `入户复核，配偶实现就业，家庭收入增加 ${uniqueName('改')}`;

  await loginViaForm(page, baseUrl, city.username, city.password);
  await openFile(page, baseUrl, h.id);
  await expectStatus(page, 'filed');

  // ---- a phone number: the reason is asked for, the file stays 已建档 --------------------------------
  await page.locator('#household-edit').click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}/edit`);
  await formReady(page);
  await visible(page.locator('[data-testid=edit-filed-notice]'));
  await eventually(() => valueOf(page, fid('phone'))).toBe('13907240001');
  await typeInto(page, fid('phone'), '13907249999');
  const puts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'PUT' && new URL(r.url()).pathname === `/api/households/${h.id}`) puts.push(r.url());
  });
  await page.locator('#household-save').click();
  await visible(page.locator('#edit_reason'));
  // no reason: refused in the dialog, nothing sent
  await clickWhenStill(page.locator('#edit-reason-ok'));
  await eventually(() => fieldError(page, 'edit_reason')).toBe('请填写修改原因');
  expect(puts).toEqual([]);
  await page.locator('#edit_reason').fill(phoneReason);
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${h.id}` && r.request().method() === 'PUT');
  await clickWhenStill(page.locator('#edit-reason-ok'));
  const savedRes = await saved;
  expect(savedRes.status(), await savedRes.text()).toBe(200);
  expect(savedRes.request().postDataJSON()).toMatchObject({ reason: phoneReason, version: h.version, phone: '13907249999' });
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await expectStatus(page, 'filed');
  const v1 = await visible(page.locator(`#household-history [data-version="${h.version + 1}"]`));
  expect(await textOf(v1)).toContain(`修改原因：${phoneReason}`);
  expect(await textOf(v1)).toContain('联系电话：13907240001 → 13907249999');
  expect(await textOf(v1)).not.toContain('状态');

  // ---- the income: 低保户 → 不符合, so the file goes back to 待单位审核 ------------------------------
  await page.locator('#household-edit').click();
  await formReady(page);
  await typeInto(page, fid('householdAnnualIncome'), '20000');
  await page.locator('#household-save').click();
  await page.locator('#edit_reason').fill(incomeReason);
  const saved2 = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${h.id}` && r.request().method() === 'PUT');
  await clickWhenStill(page.locator('#edit-reason-ok'));
  const saved2Res = await saved2;
  expect(saved2Res.status(), await saved2Res.text()).toBe(200);
  expect(await saved2Res.json()).toMatchObject({ status: 'submitted', version: h.version + 2 });
  await page.waitForURL((u) => u.pathname === `/households/${h.id}`);
  await expectStatus(page, 'submitted');
  const v2 = await visible(page.locator(`#household-history [data-version="${h.version + 2}"]`));
  expect(await textOf(v2)).toContain(`修改原因：${incomeReason}`);
  expect(await textOf(v2)).toContain('家庭年度总收入：10,000.00 元 → 20,000.00 元');
  expect(await textOf(v2)).toContain('状态：已建档 → 待单位审核');

  // ---- under review: no 编辑 on the detail page, none in the list, the edit URL is refused ------------
  expect(await page.locator('#household-edit').count()).toBe(0);
  await page.goto(`${baseUrl}/households?q=${encodeURIComponent(h.name)}`);
  await eventually(() => tableRows(page).count()).toBe(1);
  const row = tableRows(page).first();
  expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('submitted');
  await visible(row.getByRole('link', { name: `查看 ${h.name} 的档案` }));
  expect(await row.getByRole('link', { name: `编辑 ${h.name} 的档案` }).count()).toBe(0);
  expect(await textOf(row)).not.toContain('编辑');
  await page.goto(`${baseUrl}/households/${h.id}/edit`);
  const locked = await visible(page.locator('[data-testid=edit-locked]'));
  expect(await locked.getAttribute('data-reason')).toBe('review');
  expect(await textOf(locked)).toContain('档案正在审核中，不能修改');
  expect(await page.locator('#household-save').count()).toBe(0);
  // a filed file of the same list does have 编辑 (the difference is the status)
  const other = await admin.fileThrough((await draft()).id);
  await page.goto(`${baseUrl}/households?q=${encodeURIComponent(other.name)}`);
  await eventually(() => tableRows(page).count()).toBe(1);
  await visible(tableRows(page).first().getByRole('link', { name: `编辑 ${other.name} 的档案` }));
});

test('脱困 (reason and date) → 已脱困; 重新纳入 (reason) → 草稿, editable and to be submitted again', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  const h = await admin.fileThrough((await draft()).id);
  const exitReason = `配偶实现稳定就业，家庭人均收入已超过低保标准 ${uniqueName('脱')}`;
  const exitDate = '2024-06-28';
  const reopenReason = `家庭成员突发重病，再次陷入困难 ${uniqueName('纳')}`;

  await loginViaForm(page, baseUrl, city.username, city.password);
  await openFile(page, baseUrl, h.id);
  await expectStatus(page, 'filed');
  expect(await page.locator('#household-reopen').count()).toBe(0);

  // ---- 脱困 ------------------------------------------------------------------------------------
  await page.locator('#household-exit').click();
  const dialog = await visible(page.getByRole('dialog'));
  expect(await textOf(dialog)).toContain(`脱困 · ${h.workerNo} ${h.name}`);
  await page.locator('#exit_reason').fill(exitReason);
  await setDate(page, 'exit_date', exitDate);
  const exited = nextAction(page, h.id, 'exit');
  await page.locator('#exit-confirm').click();
  const exitRes = await exited;
  expect(exitRes.status(), await exitRes.text()).toBe(200);
  expect(exitRes.request().postDataJSON()).toEqual({ reason: exitReason, date: exitDate });
  await dialog.waitFor({ state: 'hidden' });
  await expectStatus(page, 'exited');
  const banner = await visible(page.locator('[data-testid=household-exited]'));
  expect(await textOf(banner.locator('[data-testid=exit-reason]'))).toBe(`脱困原因：${exitReason}`);
  expect(await textOf(banner.locator('[data-testid=exit-date]'))).toBe(`脱困日期：${exitDate}`);
  for (const id of ['#household-edit', '#household-exit', '#household-remove', '#household-submit']) expect(await page.locator(id).count(), id).toBe(0);
  const exitEntry = await visible(page.locator(`#household-history [data-version="${h.version + 1}"]`));
  expect(await exitEntry.getAttribute('data-action')).toBe('exit');
  expect(await textOf(exitEntry)).toContain(`脱困原因：${exitReason}（脱困日期 ${exitDate}）`);
  expect(await admin.getHousehold(h.id)).toMatchObject({ status: 'exited', exitReason, exitDate });

  // ---- 重新纳入: no reason, nothing sent; with one → 草稿 -------------------------------------------
  const reopenCalls: number[] = [];
  page.on('response', (r) => {
    if (new URL(r.url()).pathname === `/api/households/${h.id}/reopen`) reopenCalls.push(r.status());
  });
  await page.locator('#household-reopen').click();
  const dialog2 = await visible(page.getByRole('dialog'));
  await page.locator('#reopen-confirm').click();
  await eventually(() => fieldError(page, 'reopen_reason')).toBe('请填写重新纳入原因');
  expect(reopenCalls).toEqual([]);
  await page.locator('#reopen_reason').fill(reopenReason);
  const reopened = nextAction(page, h.id, 'reopen');
  await page.locator('#reopen-confirm').click();
  const reopenRes = await reopened;
  expect(reopenRes.status(), await reopenRes.text()).toBe(200);
  expect(reopenRes.request().postDataJSON()).toEqual({ reason: reopenReason });
  await dialog2.waitFor({ state: 'hidden' });
  await expectStatus(page, 'draft');
  await gone(page.locator('[data-testid=household-exited]'));
  await visible(page.locator('#household-submit'));
  await visible(page.locator('#household-edit'));
  expect(await page.locator('#household-reopen').count()).toBe(0);
  const reopenEntry = await visible(page.locator(`#household-history [data-version="${h.version + 2}"]`));
  expect(await reopenEntry.getAttribute('data-action')).toBe('reopen');
  expect(await textOf(reopenEntry)).toContain(`重新纳入原因：${reopenReason}`);
  expect(await textOf(reopenEntry)).toContain('状态：已脱困 → 草稿');
  expect(await admin.getHousehold(h.id)).toMatchObject({ status: 'draft', exitReason: null, exitDate: null, version: h.version + 2 });

  // the edit page opens for the draft again
  await page.locator('#household-edit').click();
  await page.waitForURL((u) => u.pathname === `/households/${h.id}/edit`);
  await formReady(page);
  expect(await page.locator('[data-testid=edit-filed-notice]').count()).toBe(0);
});
