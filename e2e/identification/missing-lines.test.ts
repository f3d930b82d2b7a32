// The current year and the missing lines (issue #12, points 2 and 4): the 低保标准 page names the
// region × year pairs that have files but no line, and 补录 adds them to the table; an amount
// that is not valid is named as such in 待保存的修改 (never as a removal); a monthly amount above
// the hard limit is refused and an unusual one is questioned; the survey form says, before
// saving, that its region has no line for the year of 填报日期.
//
// 东宝 (H04) 2004 is this file's own pair without a line (one draft is filed in it); 东宝 2003 has
// a line.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { fid, formReady, setDate } from '../lib/form.js';
import { idFile } from '../lib/identification.js';
import { eventually, gone, loginViaForm, textOf, visible } from '../lib/ui.js';

const REGION = 'H04';
const REGION_NAME = '东宝';
const KEY = `${REGION}_2004`;

let admin: Api;
let draft: HouseholdJson;
let regionUser: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  await admin.setPolicyLines([{ regionCode: REGION, year: 2003, monthlyLine: 480 }], 'e2e missing-lines: 东宝 2003');
  draft = await admin.createHousehold(idFile({ regionCode: REGION, fillDate: '2004-05-10', income: 9000, namePrefix: '缺' }));
  expect(draft.identification?.eligible).toBeNull();
  regionUser = await admin.createUser({ orgCode: REGION, displayName: uniqueName('东') });
});

afterAll(async () => {
  await admin?.dispose();
});

test('低保标准: the pairs without a line are listed; 补录 adds them; bad amounts are named, never shown as 删除', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl);
  await page.goto(`${baseUrl}/policy`);
  const missing = await visible(page.locator('[data-testid=policy-missing-lines]'));
  await eventually(() => textOf(missing.locator(`[data-testid=policy-missing-${KEY}]`))).toBe(`2004年 ${REGION_NAME}（1 户档案）`);
  // the current year is always named while it has no line
  const year = new Date(Date.now() + 8 * 3600_000).getUTCFullYear();
  expect(await textOf(missing)).toContain(`${year}年`);

  await page.locator('#policy-add-missing').click();
  const input = page.locator(`#policy_line_${KEY}`);
  await visible(input);
  const pending = page.locator('[data-testid=policy-pending] .policy-pending-list li');
  const pendingOf = async () => (await pending.allInnerTexts()).find((t) => t.includes(`${REGION_NAME} 2004年`)) ?? '';
  await eventually(pendingOf).toBe(`${REGION_NAME} 2004年 低保标准：请填写每月低保标准`);

  for (const typed of ['-100', 'abc', '500.555']) {
    await input.fill(typed);
    await eventually(pendingOf).toMatch(new RegExp(`^${REGION_NAME} 2004年 低保标准：`));
    expect(await pendingOf()).not.toContain('删除');
  }
  await input.fill('99999');
  await eventually(() => textOf(page.locator(`.ant-table-row:has(#policy_line_${KEY}) .policy-field-error`))).toContain('不能超过 10,000 元');
  await input.fill('5000');
  await eventually(() => textOf(page.locator(`[data-testid=policy-warning-${KEY}]`))).toContain('高于常见标准');
  await input.fill('500');
  await gone(page.locator(`[data-testid=policy-warning-${KEY}]`));
  await eventually(pendingOf).toBe(`新增 ${REGION_NAME} 2004年 低保标准 500 元`);

  // nothing was saved
  await page.locator('#policy-discard').click();
  await gone(input);
  expect((await admin.getPolicy()).lines.some((l) => l.regionCode === REGION && l.year === 2004)).toBe(false);
});

test('新建档案: the form says before saving that the region has no line for the year of 填报日期', { timeout: 60_000 }, async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, regionUser.username, regionUser.password);
  await page.goto(`${baseUrl}/households/new`);
  await formReady(page);
  const notice = page.locator('[data-testid=form-no-line]');
  await setDate(page, fid('fillDate'), '2004-06-20');
  await eventually(() => textOf(notice)).toContain(`${REGION_NAME} 2004 年尚未配置低保标准，保存后识别结果为「无法判定」`);
  expect(await textOf(notice)).toContain('联系市总工会补录');
  await setDate(page, fid('fillDate'), '2003-06-20');
  await gone(notice);
});
