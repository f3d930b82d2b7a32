// The survey form's details (issue #12, point 8), at 1366×768 as a county cadre: a duplicate
// 身份证号 is said as soon as the number is complete, with a link to the file; 工龄 can be read;
// the selects' placeholders are not cut (性别 "请…", 民族 "输…", 残疾等级 "请…"); the 填表说明's
// hints are there; Esc closes 健康状况's suggestions without erasing what was typed.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { LAPTOP, signedInPage } from '../lib/layout.js';
import { uniqueName } from '../lib/data.js';
import { fid, formReady } from '../lib/form.js';
import { eventually, formItem, textOf, visible } from '../lib/ui.js';

let cadre: { username: string; password: string };
let existing: HouseholdJson;
let admin: Api;

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  cadre = await admin.createUser({ orgCode: 'H06', displayName: uniqueName('表') });
  existing = await Api.as(inject('baseUrl'), cadre, (api) => api.createHousehold({ regionCode: 'H06', name: uniqueName('表') }));
}, 60_000);

afterAll(async () => {
  await admin?.dispose();
});

async function laptop(browser: Parameters<typeof signedInPage>[0], baseUrl: string): Promise<Page> {
  const page = await signedInPage(browser, baseUrl, cadre, LAPTOP);
  await page.goto(`${baseUrl}/households/new`);
  await formReady(page);
  return page;
}

test('新建档案 at 1366 px: a duplicate identity number is said at once, with a link to the file', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await laptop(browser, baseUrl);
  try {
    await page.locator(`#${fid('idNumber')}`).fill(existing.idNumber);
    const notice = await visible(page.locator('[data-testid=form-duplicate-id]'));
    expect(await textOf(notice)).toContain('已有在册档案，不能重复建档');
    const link = notice.locator('[data-testid=form-duplicate-link]');
    expect(await textOf(link)).toBe(`${existing.workerNo} ${existing.name}`);
    // opened in a new tab, so that what was typed stays
    expect(await link.getAttribute('href')).toBe(`/households/${existing.id}`);
    expect(await link.getAttribute('target')).toBe('_blank');
  } finally {
    await page.context().close();
  }
});

test('新建档案 at 1366 px: 工龄 readable, placeholders whole, the 填表说明 hints, Esc keeps 健康状况', { timeout: 60_000 }, async ({ browser, baseUrl }) => {
  const page = await laptop(browser, baseUrl);
  try {
    const years = (await page.locator(`#${fid('serviceYears')}`).boundingBox())!;
    expect(years.width).toBeGreaterThanOrEqual(40);
    for (const key of ['gender', 'ethnicity', 'disabilityGrade', 'medicalInsurance', 'maritalStatus']) {
      const placeholder = formItem(page, fid(key)).locator('.ant-select-selection-placeholder');
      await visible(placeholder);
      const cut = await placeholder.evaluate((el) => el.scrollWidth > el.clientWidth);
      expect(cut, `${key}: ${await textOf(placeholder)}`).toBe(false);
    }
    expect(await textOf(formItem(page, fid('householdAnnualIncome')))).toContain('包括工资和其他薪资收入');
    expect(await textOf(formItem(page, fid('causeDescription')))).toContain('致困原因可多选，并文字描述致困原因');

    const health = page.locator(`#${fid('health')}`);
    await health.click();
    await health.pressSequentially('高血压');
    await health.press('Escape');
    await eventually(() => health.inputValue()).toBe('高血压');
  } finally {
    await page.context().close();
  }
});
