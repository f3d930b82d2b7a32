// The survey sheet on a phone (390×844): on a home visit a cadre opens a filed household's detail
// page, or the edit form of a draft, and reads it without the page scrolling sideways. The sheet
// reflows into label/value pairs; only the wide 家庭成员 table scrolls, inside its own box.
//
// BANGFU_PHONE_SHOTS=<dir> also saves full-page screenshots (390 px and 1366 px) there, to look at.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { ADMIN_PASSWORD } from '../lib/env.js';
import { fid, formReady } from '../lib/form.js';
import { LAPTOP, PHONE, signedInPage } from '../lib/layout.js';
import { compactText, eventually, textOf, visible } from '../lib/ui.js';

const DESKTOP = { width: LAPTOP.width, height: 900 };
const SHOTS = process.env.BANGFU_PHONE_SHOTS;

let cadre: { username: string; password: string };
let filed: HouseholdJson;
let draft: HouseholdJson;

// A 县区工会 cadre of 东宝 (H04): sees identity numbers in full and may edit the region's drafts.
beforeAll(async () => {
  const baseUrl = inject('baseUrl');
  cadre = await Api.as(baseUrl, { username: 'admin', password: ADMIN_PASSWORD }, (admin) =>
    admin.createUser({ orgCode: 'H04', displayName: uniqueName('东') }),
  );
  // a long address and two members: about the widest content the sheet usually holds
  const address = '荆门市东宝区泉口街道象山一路十二号院三单元五楼五零二室（原荆门市某机械厂职工宿舍）';
  await Api.as(baseUrl, cadre, async (api) => {
    filed = await api.createFiledHousehold({ regionCode: 'H04', name: uniqueName('机'), address });
    draft = await api.createHousehold({ regionCode: 'H04', name: uniqueName('草'), address });
  });
}, 60_000);

/** The page does not scroll sideways: neither <html> nor <body> is wider than the window. */
async function widths(page: Page) {
  return page.evaluate(() => ({
    innerWidth: window.innerWidth,
    html: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
  }));
}

async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  // fonts and late layout (the identification panel) settle first
  await page.evaluate(() => document.fonts.ready);
  const w = await widths(page);
  // isMobile: a page wider than the screen would be zoomed out (innerWidth grows), so also the fixed width
  expect(w.innerWidth, 'window.innerWidth').toBe(width);
  expect(w.html, 'document.documentElement.scrollWidth').toBeLessThanOrEqual(w.innerWidth);
  expect(w.body, 'document.body.scrollWidth').toBeLessThanOrEqual(w.innerWidth);
}

/** The element lies within the screen's width and is visible. */
async function expectOnScreen(locator: Locator, width: number, what: string): Promise<void> {
  await visible(locator);
  await locator.scrollIntoViewIfNeeded();
  const b = (await locator.boundingBox())!;
  expect(b, what).not.toBeNull();
  expect(b.x, what).toBeGreaterThanOrEqual(0);
  expect(b.x + b.width, what).toBeLessThanOrEqual(width + 0.5);
  expect(b.width, what).toBeGreaterThan(0);
}

/** Full-page screenshot in tiles of at most 1400 CSS px (<name>-0.png, <name>-1.png …), 1 px per CSS px. */
async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  const { width, height } = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  for (let i = 0, y = 0; y < height; i++, y += 1400) {
    const clip = { x: 0, y, width, height: Math.min(1400, height - y) };
    await page.screenshot({ path: `${SHOTS}/${name}-${i}.png`, fullPage: true, scale: 'css', clip });
  }
}

async function openDetail(page: Page, baseUrl: string, h: HouseholdJson): Promise<void> {
  await page.goto(`${baseUrl}/households/${h.id}`);
  await eventually(() => textOf(page.locator('#household-view-workerNo'))).toBe(h.workerNo);
  await visible(page.locator('#household-history'));
}

test('detail page of a filed household on a phone: no sideways scrolling, key values readable', async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await openDetail(page, baseUrl, filed);
    await shot(page, 'detail-390');
    await expectNoSidewaysScroll(page, PHONE.width);

    const sheet = page.locator('section.sheet');
    for (const [field, label, value] of [
      ['name', '姓名', filed.name],
      ['idNumber', '身份证号', filed.idNumber], // in full for the region's cadre
      ['householdAnnualIncome', '家庭年度总收入', '18,000.00元'],
    ] as const) {
      const l = sheet.locator(`.sheet-label[data-field=${field}]`);
      const v = sheet.locator(`.sheet-value[data-field=${field}]`);
      await expectOnScreen(l, PHONE.width, `${label} label`);
      await expectOnScreen(v, PHONE.width, `${label} value`);
      expect(await compactText(l)).toContain(label);
      expect(await compactText(v)).toBe(value);
      // one pair a line: the value right of its label (the income line of the paper has its
      // labels above the values; here it is reflowed too)
      const lb = (await l.boundingBox())!;
      const vb = (await v.boundingBox())!;
      expect(Math.abs(vb.y - lb.y), `${label}: value beside its label`).toBeLessThan(2);
      expect(vb.x, `${label}: value right of its label`).toBeGreaterThanOrEqual(lb.x + lb.width - 1);
    }
    // the whole sheet fits the screen; the 家庭成员 table scrolls in its own box
    await expectOnScreen(sheet, PHONE.width, 'sheet');
    await expectOnScreen(page.locator('.sheet-members-view'), PHONE.width, '家庭成员 box');
    await expectOnScreen(page.locator('#household-opinions'), PHONE.width, '审核意见');
    expect(await compactText(page.locator('.sheet-members-view'))).toContain('李秀兰');
    // the members table keeps its columns and scrolls sideways inside its own box
    const scroll = await page.locator('.sheet-members-view').evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
    expect(scroll.overflowX).toBe('auto');
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
  } finally {
    await page.context().close();
  }
});

test('edit form of a draft on a phone: no sideways scrolling, the members editor scrolls in its own box', async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, PHONE);
  try {
    await page.goto(`${baseUrl}/households/${draft.id}/edit`);
    await formReady(page);
    await eventually(() => page.locator(`#${fid('name')}`).inputValue()).toBe(draft.name);
    await shot(page, 'form-390');
    await expectNoSidewaysScroll(page, PHONE.width);

    for (const [field, what] of [
      ['name', '姓名'],
      ['idNumber', '身份证号'],
      ['householdAnnualIncome', '家庭年度总收入'],
    ] as const) {
      await expectOnScreen(page.locator(`.sheet-label[data-field=${field}]`), PHONE.width, `${what} label`);
      await expectOnScreen(page.locator(`#${fid(field)}`), PHONE.width, `${what} input`);
    }
    expect(await page.locator(`#${fid('idNumber')}`).inputValue()).toBe(draft.idNumber);
    expect(await page.locator(`#${fid('householdAnnualIncome')}`).inputValue()).toMatch(/^18,?000(\.00)?$/);
    await expectOnScreen(page.locator('section.sheet'), PHONE.width, 'sheet');
    await expectOnScreen(page.locator('#household-save'), PHONE.width, '保存');
    // the members editor is wider than the screen and scrolls inside its own box
    const members = page.locator('.sheet-members-form');
    await expectOnScreen(members, PHONE.width, '家庭成员 box');
    const scroll = await members.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth, overflowX: getComputedStyle(el).overflowX }));
    expect(scroll.overflowX).toBe('auto');
    expect(scroll.scrollWidth).toBeGreaterThan(scroll.clientWidth);
  } finally {
    await page.context().close();
  }
});

test('desktop (1366 px): the sheet keeps its paper-form grid', async ({ browser, baseUrl }) => {
  const page = await signedInPage(browser, baseUrl, cadre, DESKTOP);
  try {
    await openDetail(page, baseUrl, filed);
    await expectNoSidewaysScroll(page, DESKTOP.width);
    // 姓名 | value | 性别 | value … on one line, as on paper
    const top = async (sel: string) => Math.round((await page.locator(sel).boundingBox())!.y);
    expect(await top('.sheet-label[data-field=gender]')).toBe(await top('.sheet-label[data-field=name]'));
    expect(await top('.sheet-value[data-field=idNumber]')).toBe(await top('.sheet-label[data-field=name]'));
    // the identification panel stays on the right of the sheet
    const main = (await page.locator('.hh-main').boundingBox())!;
    const aside = (await page.locator('.hh-aside').boundingBox())!;
    expect(aside.x).toBeGreaterThan(main.x + main.width - 1);
    await shot(page, 'detail-1366');

    await page.goto(`${baseUrl}/households/${draft.id}/edit`);
    await formReady(page);
    await expectNoSidewaysScroll(page, DESKTOP.width);
    expect(await top('.sheet-label[data-field=gender]')).toBe(await top('.sheet-label[data-field=name]'));
    await shot(page, 'form-1366');
  } finally {
    await page.context().close();
  }
});
