// 记录帮扶 on a phone (390×844): a 县区工会 cadre on a home visit opens the filed household and records
// the visit with the form — a full-screen sheet whose fields fit the screen — and the record appears.
import { expect } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { newPage, screenshotOnFailure } from '../lib/browser.js';
import { uniqueName } from '../lib/data.js';
import { eventually, textOf, visible } from '../lib/ui.js';
import { actAs, fillRecord, newUser, openAssistance, recordDialog, rowsOf, saveRecord, todayInChina } from '../lib/assistance.js';

const REGION = 'H02';
const PHONE = { width: 390, height: 844 };

test('a cadre records a visit on a phone: the full-screen form is usable and the record appears', async ({ browser, baseUrl }) => {
  const { cadre, h } = await (async () => {
    const admin = await Api.login(baseUrl);
    try {
      return {
        cadre: await newUser(admin, 'region', REGION, '沙'),
        h: await admin.createFiledHousehold({ regionCode: REGION, name: uniqueName('手') }),
      };
    } finally {
      await admin.dispose();
    }
  })();

  const page = await newPage(browser, { viewport: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  screenshotOnFailure(page);
  try {
    await actAs(page, baseUrl, cadre);
    await openAssistance(page, baseUrl, h.id);
    // the 帮扶 cards fit the screen's width (wide tables scroll inside them)
    for (const id of ['household-responsibility', 'household-plan', 'household-records']) {
      const b = (await page.locator(`#${id}`).boundingBox())!;
      expect(b.x, id).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, id).toBeLessThanOrEqual(PHONE.width);
    }

    const open = page.locator('#assistance-new');
    await open.scrollIntoViewIfNeeded();
    await open.tap();
    const dialog = await visible(recordDialog(page));
    expect(await dialog.getAttribute('class')).toContain('assistance-modal-phone');
    expect(await textOf(dialog.locator('.ant-modal-title'))).toBe(`记录帮扶 · ${h.workerNo} ${h.name}`);
    // full screen: once the opening animation has run, the sheet spans the width from the top
    const sheet = async () => {
      const b = (await dialog.locator('.ant-modal-content').boundingBox())!;
      return { x: Math.round(b.x), y: Math.round(b.y), width: Math.round(b.width) };
    };
    await eventually(sheet).toEqual({ x: 0, y: 0, width: PHONE.width });
    await eventually(async () => (await dialog.locator('.ant-modal-content').boundingBox())!.height >= PHONE.height).toBe(true);
    // every field fits the screen's width and is a large touch target (the switch is scaled by 1.25)
    const targets: [string, number][] = [
      ['.ant-picker:has(#assistance_date)', 38],
      ['.ant-select:has(#assistance_type)', 38],
      ['#assistance_description', 38],
      ['.ant-switch#assistance_solvedProblem', 27],
      ['#assistance-ok', 44],
    ];
    for (const [sel, minHeight] of targets) {
      // a field's box is measured once it has its full height (the dialog's opening animation may still be scaling it)
      await eventually(async () => ((await page.locator(sel).boundingBox())?.height ?? 0) >= minHeight).toBe(true);
      const b = (await page.locator(sel).boundingBox())!;
      expect(b.x, sel).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width, sel).toBeLessThanOrEqual(PHONE.width);
      expect(b.height, sel).toBeGreaterThanOrEqual(minHeight);
    }
    // 16 px text: iOS does not zoom into the field
    expect(await page.locator('#assistance_description').evaluate((el) => getComputedStyle(el).fontSize)).toBe('16px');
    expect(await page.locator('#assistance_date').inputValue()).toBe(todayInChina());
    expect(await page.locator('#assistance_amount').count()).toBe(0); // 走访 has no amount

    await fillRecord(page, { description: '入户走访，帮助联系社区办理临时救助', solved: true });
    const rec = await saveRecord(page, h.id);
    expect(rec).toMatchObject({ type: '走访', date: todayInChina(), solvedProblem: true, amount: null });

    const rows = rowsOf(page.locator('#assistance-table'));
    await eventually(() => rows.count()).toBe(1);
    const row = await textOf(rows.first());
    expect(row).toContain(todayInChina());
    expect(row).toContain('走访');
    expect(row).toContain('入户走访，帮助联系社区办理临时救助');
    expect(row).toContain(cadre.displayName); // under the description on a phone
    await eventually(() => page.locator('[data-testid=solved-this-year]').getAttribute('data-count')).toBe('1');
    expect(await page.locator('[data-testid=solved-this-year]').getAttribute('data-met')).toBe('true');
  } finally {
    await page.context().close();
  }
});
