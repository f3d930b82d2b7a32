// 重复建档排查 in the browser, as a city cadre: two 市直 (H08) families filed twice under different
// names share a phone number, two others with the same surname share an address written two ways
// (e.g. '掇刀区白庙路 37 号 3栋201室' and '掇刀区白庙路３７号3栋201'). 重新查找 runs the scan, its
// progress shows until it is done and the list then holds both pairs, side by side. The address pair
// is 不是重复 (with a reason: it moves to that tab); the phone pair is merged keeping the first file:
// the message names the two numbers and the record that moved; the kept file's history has the 合并
// entry and the merged file's versions tagged 原档案; the merged file is 已剔除 with the reason
// 重复建档，已并入 <kept number>.
//
// The fill year 2017 in H08 is this file's own, so that no other file's counts by region and year
// see these files. Phones and addresses are this run's own (a phone shared by more than four files
// is no clue at all).
import { randomInt } from 'node:crypto';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { makeIdNumber, uniqueName } from '../lib/data.js';
import { actAs, newUser, nextResponse, todayInChina } from '../lib/assistance.js';
import { chooseOption, clickWhenStill, eventually, fieldError, gone, textOf, visible } from '../lib/ui.js';

const REGION = 'H08';
const YEAR = 2017;
/** a scan over every live file of the run: a few steps, each a query */
const SCAN_TIMEOUT = 60_000;

const uniquePhone = () => `139${String(randomInt(0, 100_000_000)).padStart(8, '0')}`;
const fullWidth = (digits: string) => [...digits].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');

/** A family of its own: a unique phone and address unless given, members with fresh identity numbers. */
function family(name: string, day: number, o: { phone?: string; address?: string } = {}) {
  return {
    regionCode: REGION,
    fillDate: `${YEAR}-06-${String(day).padStart(2, '0')}`,
    name,
    phone: o.phone ?? uniquePhone(),
    address: o.address ?? `荆门市市直象山大道 ${randomInt(100, 1000)} 号 ${randomInt(1, 30)} 栋 ${randomInt(101, 1000)} 室`,
    members: [
      { name: '李秀兰', relation: '配偶', gender: '女', education: '初中', idNumber: makeIdNumber('女'), health: '良好', disabilityGrade: '无', annualIncome: 12000, occupation: '灵活就业' },
      { name: '王磊', relation: '子', gender: '男', education: '初中', idNumber: makeIdNumber('男', `200${randomInt(0, 6)}0${randomInt(1, 10)}1${randomInt(0, 9)}`), health: '良好', disabilityGrade: '无', annualIncome: 0, occupation: '义务教育在校', unitOrSchool: '荆门市第一中学' },
    ],
  };
}

async function prepare(baseUrl: string) {
  const admin = await Api.login(baseUrl);
  try {
    const city = await newUser(admin, 'city', 'H', '排');
    const phone = uniquePhone();
    const n = String(randomInt(10, 100));
    const surname = '址';
    const made = await Api.as(baseUrl, city, async (api) => {
      // the phone pair: filed, the second with a visit recorded (it moves to the file kept)
      const first = await api.createFiledHousehold(family(uniqueName('甲'), 10, { phone }));
      const second = await api.createFiledHousehold(family(uniqueName('乙'), 11, { phone }));
      await api.post(`/api/households/${second.id}/assistance`, { date: todayInChina(), type: '走访', description: '入户走访，了解家庭近况' }, 201);
      // the address pair: drafts of the same surname, the address written two ways
      const left = await api.createHousehold(family(uniqueName(surname), 12, { address: `掇刀区白庙路 ${n} 号 3栋201室` }));
      const right = await api.createHousehold(family(uniqueName(surname), 13, { address: `掇刀区白庙路${fullWidth(n)}号3栋201` }));
      return { first, second, left, right };
    });
    return { city, phone, ...made };
  } finally {
    await admin.dispose();
  }
}

/** The pair of `kind` holding the file `h` on the page's list. */
const pairOf = (page: Page, kind: string, h: HouseholdJson) =>
  page.locator(`#duplicate-list [data-testid=duplicate-pair][data-kind=${kind}]`).filter({ has: page.locator(`[data-testid=duplicate-side][data-household-id="${h.id}"]`) });

test('重新查找 finds a shared phone and an address written two ways; 不是重复 and 合并 close them; the kept file holds the merged one\'s history', { timeout: 180_000 }, async ({ page, baseUrl }) => {
  const { city, phone, first, second, left, right } = await prepare(baseUrl);
  expect(first.id).toBeLessThan(second.id);
  const dismissReason = `同一单元楼上下两户邻居，经入户核实不是同一家庭 ${uniqueName('核')}`;
  const mergeNote = `经核实为同一家庭，两个单位各建了一份档案 ${uniqueName('并')}`;

  // ---- 重新查找 --------------------------------------------------------------------------------------
  await actAs(page, baseUrl, city);
  await page.goto(`${baseUrl}/duplicates?regionCode=${REGION}&pageSize=100`);
  await visible(page.locator('#duplicate-tabs .ant-tabs-tab-active [data-testid=duplicate-tab-open]'));
  await eventually(() => textOf(page.locator('[data-testid=duplicate-last-scan]'))).toMatch(/^上次查找：/);
  const started = nextResponse(page, 'POST', '/api/duplicates/scan');
  await page.locator('#duplicate-scan').click();
  const startedRes = await started;
  expect(startedRes.status(), await startedRes.text()).toBe(202);
  const { jobId } = (await startedRes.json()) as { jobId: number };
  expect(jobId).toBeGreaterThan(0);
  // done: the message, the line says so, and the list was read again
  await visible(page.locator('.ant-message-notice', { hasText: '查找完成，列表已更新' }), SCAN_TIMEOUT);
  await eventually(() => textOf(page.locator('[data-testid=duplicate-last-scan]'))).toMatch(/^上次查找：\d{4}-\d{2}-\d{2} \d{2}:\d{2}（已完成）$/);
  expect(await page.locator('#duplicate-scan').isEnabled()).toBe(true);
  // the menu counts what waits
  await visible(page.locator('[data-testid=menu-duplicate-count]'));

  // ---- the address pair, side by side -----------------------------------------------------------------
  const byAddress = pairOf(page, 'address', left);
  await visible(byAddress);
  expect(await byAddress.getAttribute('data-status')).toBe('open');
  expect(await textOf(byAddress.locator('[data-testid=duplicate-reason]'))).toBe('住址相同且同姓');
  expect(await textOf(byAddress.locator('[data-testid=duplicate-detail]'))).toBe(`住址 ${left.address as string}；户主同姓“址”`);
  for (const [side, h] of [['a', left], ['b', right]] as const) {
    const cells = byAddress.locator(`[data-testid=duplicate-side][data-side=${side}]`);
    expect(await cells.first().getAttribute('data-household-id')).toBe(String(h.id));
    const text = (await cells.allInnerTexts()).join(' | ');
    expect(text).toContain(h.workerNo);
    expect(text).toContain(h.name);
    expect(text).toContain('市直');
    expect(text).toContain('草稿');
    expect(text).toContain(h.address as string);
    expect(text).toContain(`${YEAR}-06-`);
  }
  // the rule's fields are marked
  expect(await byAddress.locator('tr.dup-shared[data-field=address]').count()).toBe(1);

  // ---- 不是重复: a reason is required, then the pair moves to that tab ----------------------------------
  await byAddress.locator('[data-testid=duplicate-dismiss]').click();
  const dismissDialog = await visible(page.locator('.ant-modal.duplicate-dismiss-modal'));
  expect(await textOf(dismissDialog.locator('[data-testid=duplicate-facts]'))).toContain(`${left.workerNo} ${left.name} · ${right.workerNo} ${right.name}`);
  await clickWhenStill(page.locator('#duplicate-dismiss-ok'));
  await eventually(() => fieldError(page, 'duplicateDismiss_reason')).toBe('请填写不是重复的理由');
  await page.locator('#duplicateDismiss_reason').fill(dismissReason);
  const dismissed = nextResponse(page, 'POST', `/api/duplicates/${await byAddress.getAttribute('data-id')}/dismiss`);
  await page.locator('#duplicate-dismiss-ok').click();
  const dismissedRes = await dismissed;
  expect(dismissedRes.status(), await dismissedRes.text()).toBe(200);
  expect(dismissedRes.request().postDataJSON()).toEqual({ reason: dismissReason });
  await dismissDialog.waitFor({ state: 'hidden' });
  await visible(page.locator('.ant-message-notice', { hasText: `已标为不是重复：${left.workerNo} 与 ${right.workerNo}` }));
  await gone(byAddress);

  await page.locator('[data-testid=duplicate-tab-dismissed]').click();
  await page.waitForURL((u) => u.pathname === '/duplicates' && u.searchParams.get('status') === 'dismissed');
  await visible(byAddress);
  expect(await byAddress.getAttribute('data-status')).toBe('dismissed');
  expect(await textOf(byAddress.locator('[data-testid=duplicate-decided]'))).toMatch(new RegExp(`^不是重复（${city.displayName} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}）$`));
  expect(await textOf(byAddress.locator('[data-testid=duplicate-note]'))).toBe(`理由：${dismissReason}`);
  expect(await byAddress.locator('[data-testid=duplicate-buttons]').count()).toBe(0);

  // ---- the phone pair, chosen by its kind on 待处理 ------------------------------------------------------
  await page.locator('[data-testid=duplicate-tab-open]').click();
  await page.waitForURL((u) => u.pathname === '/duplicates' && !u.searchParams.has('status'));
  await chooseOption(page, 'duplicate-kind', '电话相同');
  await page.waitForURL((u) => u.searchParams.get('kind') === 'phone');
  const byPhone = pairOf(page, 'phone', first);
  await visible(byPhone);
  await eventually(() => page.locator('#duplicate-list [data-testid=duplicate-pair]:not([data-kind=phone])').count()).toBe(0);
  expect(await textOf(byPhone.locator('[data-testid=duplicate-reason]'))).toBe('电话相同');
  expect(await textOf(byPhone.locator('[data-testid=duplicate-detail]'))).toBe(`联系电话 ${phone}`);
  expect(await byPhone.locator('[data-testid=duplicate-side][data-side=a]').first().getAttribute('data-household-id')).toBe(String(first.id));
  expect(await byPhone.locator('[data-testid=duplicate-side][data-side=b]').first().getAttribute('data-household-id')).toBe(String(second.id));
  expect(await byPhone.locator('tr.dup-shared[data-field=phone]').count()).toBe(1);
  const pairId = await byPhone.getAttribute('data-id');

  // ---- 合并, keeping the first file -----------------------------------------------------------------------
  await byPhone.locator('[data-testid=duplicate-merge]').click();
  const mergeDialog = await visible(page.locator('.ant-modal.duplicate-merge-modal'));
  expect(await textOf(mergeDialog.locator('[data-testid=duplicate-keep-a]'))).toContain(`保留 ${first.workerNo} ${first.name}`);
  expect(await textOf(mergeDialog.locator('[data-testid=duplicate-keep-b]'))).toContain(`保留 ${second.workerNo} ${second.name}`);
  // nothing chosen: both are asked for
  await clickWhenStill(page.locator('#duplicate-merge-ok'));
  await eventually(() => fieldError(page, 'duplicateMerge_keepHouseholdId')).toBe('请选择保留哪一户的档案');
  await eventually(() => fieldError(page, 'duplicateMerge_reason')).toBe('请填写合并说明');
  await mergeDialog.locator('[data-testid=duplicate-keep-a]').click();
  await eventually(() => textOf(mergeDialog.locator('[data-testid=duplicate-merge-lead]'))).toContain(
    `保留 ${first.workerNo} ${first.name} 的档案；${second.workerNo} ${second.name} 的档案将改为“已剔除”（重复建档，已并入 ${first.workerNo}）`,
  );
  await page.locator('#duplicateMerge_reason').fill(mergeNote);
  const merged = nextResponse(page, 'POST', `/api/duplicates/${pairId}/merge`);
  await page.locator('#duplicate-merge-ok').click();
  const mergedRes = await merged;
  expect(mergedRes.status(), await mergedRes.text()).toBe(200);
  expect(mergedRes.request().postDataJSON()).toEqual({ keepHouseholdId: first.id, reason: mergeNote });
  const result = (await mergedRes.json()) as { kept: { householdId: number; workerNo: string }; removed: { householdId: number; workerNo: string }; moved: Record<string, number> };
  expect(result).toMatchObject({ kept: { householdId: first.id, workerNo: first.workerNo }, removed: { householdId: second.id, workerNo: second.workerNo }, moved: { assistance: 1 } });
  await mergeDialog.waitFor({ state: 'hidden' });
  await visible(page.locator('.ant-message-notice', { hasText: `已合并：${second.workerNo} 并入 ${first.workerNo}，转移帮扶记录 1 条` }));
  await gone(byPhone);

  // 已合并: the pair with its note, the merged file 已剔除
  await page.locator('[data-testid=duplicate-tab-merged]').click();
  await page.waitForURL((u) => u.searchParams.get('status') === 'merged');
  await visible(byPhone);
  expect(await textOf(byPhone.locator('[data-testid=duplicate-note]'))).toBe(`合并说明：${mergeNote}`);
  expect((await byPhone.locator('[data-testid=duplicate-side][data-side=b]').allInnerTexts()).join(' ')).toContain('已剔除');

  // ---- the kept file: its history has the 合并 and the merged file's versions ---------------------------
  await byPhone.getByRole('link', { name: first.workerNo }).click();
  await page.waitForURL((u) => u.pathname === `/households/${first.id}`);
  await visible(page.locator('#household-view-workerNo'));
  const history = page.locator('#household-history');
  const own = history.locator('.history-entry[data-action=merge]:not([data-from-worker-no])');
  await eventually(() => own.count()).toBe(1);
  const ownText = await textOf(own);
  expect(ownText).toContain(`合并说明：${mergeNote}`);
  expect(ownText).toContain(`并入重复档案：${second.workerNo}`);
  const theirs = history.locator(`.history-entry[data-from-worker-no="${second.workerNo}"]`);
  // create, submit, the two opinions, and the merge that removed it
  await eventually(() => theirs.count()).toBeGreaterThanOrEqual(5);
  for (const tag of await theirs.locator('[data-testid=history-from-worker-no]').allInnerTexts()) expect(tag.replace(/\s+/g, ' ').trim()).toBe(`原档案 ${second.workerNo}`);
  const theirMerge = history.locator(`.history-entry[data-from-worker-no="${second.workerNo}"][data-action=merge]`);
  expect(await textOf(theirMerge)).toContain(`重复建档，已并入 ${first.workerNo}：${mergeNote}`);
  expect(await textOf(history.locator(`.history-entry[data-from-worker-no="${second.workerNo}"][data-action=create]`))).toContain(`原档案 ${second.workerNo}`);

  // ---- the merged file: 已剔除, and why ---------------------------------------------------------------
  await page.goto(`${baseUrl}/households/${second.id}`);
  const banner = await visible(page.locator('[data-testid=household-removed]'));
  expect(await textOf(banner)).toContain(`剔除原因：重复建档，已并入 ${first.workerNo}：${mergeNote}`);
  expect(await textOf(page.locator('.household-detail .page-header'))).toContain('已剔除');
  // its own history still opens, without 原档案 tags
  await eventually(() => page.locator('#household-history .history-entry[data-action=merge]').count(), 'the merged file\'s own 合并 entry').toBe(1);
  expect(await page.locator('#household-history [data-testid=history-from-worker-no]').count()).toBe(0);
});
