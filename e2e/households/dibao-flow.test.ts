// 民政低保名单核对 in the browser, as a county-union cadre of 京山 (H01). Four drafts of the cadre's own
// county, with a 低保标准 line for their year: one that says 享受低保 and whose worker is on the list
// (in agreement), one that says 未享受低保 and whose wife is on it (在册未申报低保), one that says 享受低保
// with an income far above the line and is on it (在册但收入不低于标准), one that says 享受低保 and is
// not on it (申报低保未在册).
//
// 导入名单: this month, a source, and a CSV whose headers the system does not know (序号, 保障户主, 证件号,
// 保障金): the mapping dialog asks which column is which; mapped and sent again, the result counts each
// kind (申报低保未在册 = every live file of 京山 that says 享受低保 and is not on the list, counted through
// the API before the import). 核对结果: 已更正档案 on the wife's finding is refused while the file still
// says 否 (the server's message in the dialog); the file is edited on its page (是否享受低保 → 是; a
// draft is edited freely) and the finding then resolves as 已更正档案; the income finding is resolved
// with 情况说明. Both leave 待核实 and show under 已说明 / 已更正档案; the menu's count goes down by two.
// The agreeing file's page says 已在民政低保名单中.
//
// The fill year 2021 in H01 is this file's own: its 低保标准 line touches no other file.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson, type HouseholdStatus } from '../lib/api.js';
import { makeHousehold, makeIdNumber, uniqueName, type Json } from '../lib/data.js';
import { actAs, newUser, nextResponse } from '../lib/assistance.js';
import { thisMonthInChina, dibaoCsv, type DibaoListJson } from '../lib/dibao.js';
import { formReady, setDate, setDibao } from '../lib/form.js';
import { chooseOption, clickWhenStill, eventually, gone, selectedOf, textOf, visible } from '../lib/ui.js';

const REGION = 'H01';
const YEAR = 2021;
/** 600 元 a month: 7,200 a year per person. The files' 18,000 for three (6,000 each) are below it. */
const MONTHLY_LINE = 600;
const LIVE: readonly HouseholdStatus[] = ['draft', 'submitted', 'unitApproved', 'filed'];

type Member = { name: string; relation: string; idNumber: string };
type Made = HouseholdJson & { input: Json & { name: string; idNumber: string; members: Member[] } };

async function prepare(baseUrl: string) {
  const admin = await Api.login(baseUrl);
  try {
    await admin.setPolicyLines([{ regionCode: REGION, year: YEAR, monthlyLine: MONTHLY_LINE }], 'e2e dibao-flow: 京山 2021');
    const county = await newUser(admin, 'region', REGION, '核');
    const made = await Api.as(baseUrl, county, async (api) => {
      const file = async (o: Json): Promise<Made> => {
        const input = makeHousehold({ regionCode: REGION, fillDate: `${YEAR}-05-10`, name: uniqueName('保'), ...o }) as Made['input'];
        return { ...(await api.post<HouseholdJson>('/api/households', input, 201)), input };
      };
      return {
        confirmed: await file({ receivesDibao: true }),
        wifeListed: await file({ receivesDibao: false }),
        rich: await file({ receivesDibao: true, householdAnnualIncome: 90000 }),
        declaredOnly: await file({ receivesDibao: true }),
      };
    });
    // 申报低保未在册 of the import: every live file of the county that says 享受低保, but the two on the list
    const live: number[] = [];
    for (let page = 1; ; page++) {
      const { items, total } = await admin.listHouseholds({ regionCode: REGION, page, pageSize: 100 });
      live.push(...items.filter((i) => LIVE.includes(i.status as HouseholdStatus)).map((i) => i.id));
      if (page * 100 >= total) break;
    }
    const declared = (await Promise.all(live.map((id) => admin.getHousehold(id)))).filter((h) => h.receivesDibao === true);
    expect(declared.map((h) => h.id)).toEqual(expect.arrayContaining([made.confirmed.id, made.rich.id, made.declaredOnly.id]));
    expect(declared.map((h) => h.id)).not.toContain(made.wifeListed.id);
    const { items: orgs } = await admin.get<{ items: { code: string; name: string }[] }>('/api/orgs');
    return { county, ...made, declaredNotListed: declared.length - 2, regionName: orgs.find((o) => o.code === REGION)!.name };
  } finally {
    await admin.dispose();
  }
}

/** The finding of the file `h` on the page's list. */
const rowOf = (page: Page, h: { id: number }) => page.locator(`#dibao-finding-list [data-testid=dibao-finding-row][data-household-id="${h.id}"]`);

/** The 核实处理 dialog once it has zoomed in: a click on its radios during antd's zoom is lost. */
async function resolveDialog(page: Page): Promise<Locator> {
  const dialog = await visible(page.locator('[data-testid=dibao-resolve-dialog] .ant-modal'));
  await eventually(() => dialog.evaluate((el) => !el.className.includes('ant-zoom') && el.getAnimations({ subtree: true }).length === 0), 'the dialog is still zooming in').toBe(true);
  return dialog;
}

/** What the menu's 低保核对 badge says (its title: 待核实 N 条). */
const menuCount = (page: Page) => page.locator('[data-testid=menu-dibao-count][title], [data-testid=menu-dibao-count] [title]').first().getAttribute('title');

test('a county imports a list with unknown headers through the mapping dialog, sees each kind counted, corrects one finding and explains another', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  const { county, confirmed, wifeListed, rich, declaredOnly, declaredNotListed, regionName } = await prepare(baseUrl);
  expect(declaredNotListed).toBeGreaterThanOrEqual(1); // declaredOnly, and the county's other files that say 享受低保
  const month = thisMonthInChina();
  const source = `${regionName}民政局`;
  const wife = wifeListed.input.members[0];
  expect(wife.relation).toBe('配偶');
  const stranger = makeIdNumber('女', '19590101');

  // the list: a title row, headers the system does not know, a bad identity number
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bangfu-dibao-'));
  const fileName = `${regionName}低保名单${month}.csv`;
  const csvPath = path.join(dir, fileName);
  writeFileSync(csvPath, dibaoCsv([
    [`${regionName}${month}城市低保保障对象花名册`],
    ['序号', '保障户主', '证件号', '保障金'],
    [1, confirmed.input.name, confirmed.input.idNumber, '650'],
    [2, wife.name, wife.idNumber, '650.50'],
    [3, rich.input.name, rich.input.idNumber, '600'],
    [4, '路人甲', stranger, '500'],
    [5, '错号', '420802196801011234', '500'],
  ]));

  try {
    // ---- 导入名单 ------------------------------------------------------------------------------------
    await actAs(page, baseUrl, county);
    await page.goto(`${baseUrl}/dibao`);
    await visible(page.locator('[data-testid=dibao-findings]'));
    await page.locator('[data-testid=dibao-tab-import]').click();
    await page.waitForURL((u) => u.pathname === '/dibao' && u.searchParams.get('tab') === 'import');
    const form = await visible(page.locator('[data-testid=dibao-upload-form]'));
    // a county union imports its own county's list only
    expect(await selectedOf(page, 'dibaoUpload_regionCode')).toBe(regionName);
    expect(await page.locator('#dibaoUpload_regionCode').isDisabled()).toBe(true);
    await setDate(page, 'dibaoUpload_month', month);
    await eventually(() => page.locator('#dibaoUpload_month').inputValue()).toBe(month);
    await page.locator('#dibaoUpload_source').fill(source);
    await form.locator('input[type=file]').setInputFiles(csvPath);
    await visible(form.locator('.ant-upload-list-item', { hasText: fileName }));

    // headers not recognized: 400, and the dialog offers the file's own headers
    const refused = nextResponse(page, 'POST', '/api/dibao-lists');
    await page.locator('[data-testid=dibao-upload-submit]').click();
    const refusedRes = await refused;
    expect(refusedRes.status(), await refusedRes.text()).toBe(400);
    expect(await refusedRes.json()).toMatchObject({ code: 'DIBAO_COLUMNS_MISSING', headers: ['序号', '保障户主', '证件号', '保障金'], missing: ['name', 'idNumber'] });
    const mapping = await visible(page.locator('[data-testid=dibao-mapping-dialog] .ant-modal'));
    expect(await textOf(mapping.locator('.ant-alert-message'))).toBe(`在 ${fileName} 中没有找到“姓名、身份证号”的列`);
    await chooseOption(page, 'dibaoMapping_name', '保障户主');
    await chooseOption(page, 'dibaoMapping_idNumber', '证件号');
    await chooseOption(page, 'dibaoMapping_monthlyAmount', '保障金');
    const imported = nextResponse(page, 'POST', '/api/dibao-lists');
    await clickWhenStill(page.locator('[data-testid=dibao-mapping-ok]'));
    const importedRes = await imported;
    expect(importedRes.status(), await importedRes.text()).toBe(201);
    // (a multipart body with a file is not readable from the request: the counts and amounts below show the columns were read as chosen)
    const list = (await importedRes.json()) as DibaoListJson;
    expect(list).toMatchObject({ month, regionCode: REGION, source, fileName, rows: 4, badRows: 1, matchedPersons: 3, matchedHouseholds: 3, current: true });
    await mapping.waitFor({ state: 'hidden' });

    // what it found, as the set-up implies
    const result = await visible(page.locator('[data-testid=dibao-result]'));
    expect(await result.getAttribute('data-list-id')).toBe(String(list.id));
    expect(await textOf(result.locator('.ant-alert-message'))).toBe(`已导入 ${month} ${regionName} 民政低保名单`);
    const kinds = { declaredNotListed, listedNotDeclared: 1, listedAboveLine: 1 };
    for (const [kind, n] of Object.entries(kinds)) {
      const card = result.locator(`[data-testid=dibao-result-${kind}]`);
      expect(await card.getAttribute('data-count'), kind).toBe(String(n));
      expect(await textOf(card.locator('.ant-statistic-content-value')), kind).toBe(String(n));
    }
    for (const [testId, n] of [['rows', 4], ['persons', 3], ['households', 3]] as const)
      expect(await textOf(result.locator(`[data-testid=dibao-result-${testId}] .ant-statistic-content-value`)), testId).toBe(String(n));
    expect(await textOf(result.locator('[data-testid=dibao-result-bad-rows]'))).toBe('1');
    const open = declaredNotListed + 2;
    await eventually(() => menuCount(page), 'the menu counts what waits').toBe(`待核实 ${open} 条`);

    // ---- 在册未申报低保: 已更正档案 is refused while the file says 否 --------------------------------------
    await result.locator('[data-testid=dibao-result-listedNotDeclared]').click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'listedNotDeclared' && u.searchParams.get('listId') === String(list.id));
    const wifeRow = await visible(rowOf(page, wifeListed));
    await eventually(() => page.locator('#dibao-finding-list [data-testid=dibao-finding-row]').count()).toBe(1);
    expect(await wifeRow.getAttribute('data-kind')).toBe('listedNotDeclared');
    expect(await wifeRow.getAttribute('data-status')).toBe('open');
    expect(await textOf(wifeRow.locator('[data-testid=dibao-finding-detail]'))).toBe(`${month} 民政低保名单中有该户 1 人，月保障金共 650.50 元；档案“是否享受低保”填“否”`);
    expect(await textOf(wifeRow.locator('[data-testid=dibao-finding-listed]'))).toBe(`${wife.name}·配偶·月保障金额 650.50 元`);
    expect(await textOf(wifeRow.locator('[data-testid=dibao-finding-declared]'))).toBe('否');
    const findingId = Number(await wifeRow.getAttribute('data-id'));

    await wifeRow.locator('[data-testid=dibao-resolve-button]').click();
    let dialog = await resolveDialog(page);
    expect(await textOf(dialog.locator('[data-testid=dibao-resolve-facts]'))).toContain(`${wifeListed.workerNo} ${wifeListed.name}`);
    await dialog.locator('[data-testid=dibao-resolution-corrected]').check();
    await page.locator('[data-testid=dibao-resolve-reason]').fill('配偶享受低保，档案已更正');
    const early = nextResponse(page, 'POST', `/api/dibao-findings/${findingId}/resolve`);
    await clickWhenStill(page.locator('[data-testid=dibao-resolve-ok]'));
    const earlyRes = await early;
    expect(earlyRes.status(), await earlyRes.text()).toBe(409);
    expect((await earlyRes.json()).code).toBe('DIBAO_NOT_CORRECTED');
    const notCorrected = await visible(dialog.locator('[data-testid=dibao-not-corrected]'));
    expect(await textOf(notCorrected)).toContain('档案的“是否享受低保”仍为“否”');
    // still open, the dialog too
    expect(await dialog.isVisible()).toBe(true);
    await dialog.locator('.assistance-modal-footer button').first().click();
    await dialog.waitFor({ state: 'hidden' });

    // ---- the file is corrected on its own page (a draft: no reason asked) -----------------------------
    await wifeRow.locator('[data-testid=dibao-edit-link]').click();
    await page.waitForURL((u) => u.pathname === `/households/${wifeListed.id}/edit`);
    await formReady(page);
    await setDibao(page, true);
    const saved = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/households/${wifeListed.id}` && r.request().method() === 'PUT');
    await page.locator('#household-save').click();
    const savedRes = await saved;
    expect(savedRes.status(), await savedRes.text()).toBe(200);
    expect(await savedRes.json()).toMatchObject({ status: 'draft', receivesDibao: true });
    await page.waitForURL((u) => u.pathname === `/households/${wifeListed.id}`);
    // Back: the findings as they were left
    await page.goBack();
    await page.waitForURL((u) => u.pathname === '/dibao' && u.searchParams.get('kind') === 'listedNotDeclared');
    await visible(rowOf(page, wifeListed));
    await eventually(() => textOf(rowOf(page, wifeListed).locator('[data-testid=dibao-finding-declared]'))).toBe('是');

    await rowOf(page, wifeListed).locator('[data-testid=dibao-resolve-button]').click();
    dialog = await resolveDialog(page);
    await dialog.locator('[data-testid=dibao-resolution-corrected]').check();
    // the file agrees now: no warning before sending
    expect(await dialog.locator('[data-testid=dibao-correction-hint], [data-testid=dibao-not-corrected]').count()).toBe(0);
    const correctedReason = `经核实配偶${wife.name}享受低保，档案已改为“是” ${uniqueName('更')}`;
    await page.locator('[data-testid=dibao-resolve-reason]').fill(correctedReason);
    const corrected = nextResponse(page, 'POST', `/api/dibao-findings/${findingId}/resolve`);
    await clickWhenStill(page.locator('[data-testid=dibao-resolve-ok]'));
    const correctedRes = await corrected;
    expect(correctedRes.status(), await correctedRes.text()).toBe(200);
    expect(correctedRes.request().postDataJSON()).toEqual({ resolution: 'corrected', reason: correctedReason });
    expect(await correctedRes.json()).toMatchObject({ id: findingId, status: 'corrected', reason: correctedReason, canResolve: false });
    await dialog.waitFor({ state: 'hidden' });
    await visible(page.locator('.ant-message-notice', { hasText: `已处理：${wifeListed.workerNo} ${wifeListed.name}（已更正档案）` }));
    await gone(rowOf(page, wifeListed));

    // ---- 在册但收入不低于标准: 情况说明 ----------------------------------------------------------------------
    await page.locator('[data-testid=dibao-kind-listedAboveLine]').click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'listedAboveLine' && u.searchParams.get('listId') === String(list.id));
    const richRow = await visible(rowOf(page, rich));
    expect(await richRow.getAttribute('data-kind')).toBe('listedAboveLine');
    expect(await textOf(richRow.locator('[data-testid=dibao-finding-detail]'))).toBe(
      `申报的家庭年人均收入 30,000 元，不低于当地年低保标准 7,200 元（每月 600 元）；${month} 民政低保名单中有该户 1 人，月保障金共 600 元`,
    );
    const incomeId = Number(await richRow.getAttribute('data-id'));
    await richRow.locator('[data-testid=dibao-resolve-button]').click();
    dialog = await resolveDialog(page);
    await dialog.locator('[data-testid=dibao-resolution-explained]').check();
    const explainedReason = `家中有重病患者，民政按支出型困难认定 ${uniqueName('说')}`;
    await page.locator('[data-testid=dibao-resolve-reason]').fill(explainedReason);
    const explained = nextResponse(page, 'POST', `/api/dibao-findings/${incomeId}/resolve`);
    await clickWhenStill(page.locator('[data-testid=dibao-resolve-ok]'));
    const explainedRes = await explained;
    expect(explainedRes.status(), await explainedRes.text()).toBe(200);
    expect(explainedRes.request().postDataJSON()).toEqual({ resolution: 'explained', reason: explainedReason });
    await dialog.waitFor({ state: 'hidden' });
    await gone(richRow);
    await visible(page.locator('[data-testid=dibao-empty]'));
    await eventually(() => menuCount(page), 'two fewer wait').toBe(`待核实 ${open - 2} 条`);

    // ---- 已说明 and 已更正档案 hold them ----------------------------------------------------------------
    await chooseOption(page, 'dibao-status', '已说明');
    await page.waitForURL((u) => u.searchParams.get('status') === 'explained');
    const explainedRow = await visible(rowOf(page, rich));
    expect(await explainedRow.getAttribute('data-status')).toBe('explained');
    expect(await textOf(explainedRow.locator('[data-testid=dibao-finding-status]'))).toMatch(new RegExp(`^已说明（${county.displayName} \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}）$`));
    expect(await textOf(explainedRow.locator('.dibao-reason'))).toBe(explainedReason);
    expect(await explainedRow.locator('[data-testid=dibao-resolve-button]').count()).toBe(0);

    await page.locator('[data-testid=dibao-kind-listedNotDeclared]').click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'listedNotDeclared' && u.searchParams.get('status') === 'explained');
    await visible(page.locator('[data-testid=dibao-empty]'));
    await chooseOption(page, 'dibao-status', '已更正档案');
    await page.waitForURL((u) => u.searchParams.get('status') === 'corrected');
    const correctedRow = await visible(rowOf(page, wifeListed));
    expect(await correctedRow.getAttribute('data-status')).toBe('corrected');
    expect(await textOf(correctedRow.locator('[data-testid=dibao-finding-status]'))).toMatch(/^已更正档案（/);
    expect(await textOf(correctedRow.locator('.dibao-reason'))).toBe(correctedReason);

    // 待核实 holds the other kinds only: the one not listed is still there
    await chooseOption(page, 'dibao-status', '待核实');
    await page.locator('[data-testid=dibao-kind-declaredNotListed]').click();
    await page.waitForURL((u) => u.searchParams.get('kind') === 'declaredNotListed' && !u.searchParams.has('status'));
    await eventually(() => textOf(page.locator('[data-testid=dibao-total]'))).toContain(String(declaredNotListed));

    // ---- 名单记录: the list is the county's current one -------------------------------------------------
    await page.locator('[data-testid=dibao-tab-lists]').click();
    const listRow = await visible(page.locator(`[data-testid=dibao-list-row][data-id="${list.id}"]`));
    await visible(listRow.locator('[data-testid=dibao-list-current]'));
    expect(await textOf(listRow.locator('[data-testid=dibao-list-open]'))).toBe(String(declaredNotListed));

    // ---- the agreeing file's page: 已在民政低保名单中 ------------------------------------------------------
    await page.goto(`${baseUrl}/households/${confirmed.id}`);
    const check = await visible(page.locator('[data-testid=dibao-check]'));
    await eventually(() => check.getAttribute('data-state')).toBe('confirmed');
    expect(await textOf(check.locator('[data-testid=dibao-check-label]'))).toContain('已在民政低保名单中');
    expect(await textOf(check.locator('[data-testid=dibao-check-list]'))).toContain(`名单月份 ${month}（${regionName}，`);
    expect(await textOf(check.locator('[data-testid=dibao-check-listed]'))).toBe(`名单上：${confirmed.input.name}·本人·月保障金额 650.00 元`);
    // the corrected file agrees now too; the one not listed still waits
    await page.goto(`${baseUrl}/households/${wifeListed.id}`);
    await eventually(() => page.locator('[data-testid=dibao-check]').getAttribute('data-state')).toBe('confirmed');
    await page.goto(`${baseUrl}/households/${declaredOnly.id}`);
    await eventually(() => page.locator('[data-testid=dibao-check]').getAttribute('data-state')).toBe('declaredNotListed');
    await visible(page.locator('[data-testid=dibao-check-finding][data-kind=declaredNotListed]'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
