// Issue #6: a city clerk (市总工会) downloads the import template, fills two good households and
// one bad one, uploads it, reads the check (新增 2, 有错误 1, the bad cell named by sheet, row and
// column), cannot commit until 只导入无错误的行 is ticked, commits, sees 导入完成 with 新增 2, and
// finds the two households in the list; the bad one was not written.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { badCheckIdNumber, makeIdNumber, uniqueName } from '../lib/data.js';
import { eventually, listTotal, loginViaForm, nextListResponse, tableRows, textOf, visible } from '../lib/ui.js';
import { downloadBy, loadWorkbook, writeRecords } from '../lib/workbook.js';
import { confirmImport, statOf, uploadAndCheck } from '../lib/exchange.js';

let admin: Api;
let clerk: { username: string; password: string; displayName: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
});

afterAll(async () => {
  await admin?.dispose();
});

/** One household of the 职工 sheet, by its Chinese headers; two people (one member). */
function worker(name: string, idNumber: string): Record<string, string | number> {
  return {
    所属地区: 'H04',
    填报日期: '2025-04-10',
    困难类别: '低保户',
    姓名: name,
    性别: '男',
    民族: '汉族',
    身份证号: idNumber,
    文化程度: '高中',
    政治面貌: '群众',
    家庭住址: '荆门市东宝区泉口街道象山一路12号',
    联系电话: '13907240001',
    工作单位: '荆门市某机械厂',
    婚姻状况: '已婚',
    健康状况: '良好',
    单位性质: '国有企业',
    工龄: 25,
    医保类型: '职工医保',
    残疾等级: '无',
    企业状况: '半停产',
    工作状况: '下（待）岗',
    是否享受低保: '是',
    本人年收入: 6000,
    家庭年度总收入: 18000,
    家庭人口: 2,
    家庭年度支出: 20000,
    致困原因: '因未就业',
  };
}

function spouse(workerIdNumber: string): Record<string, string | number> {
  return {
    职工身份证号: workerIdNumber,
    姓名: uniqueName('配'),
    关系: '配偶',
    性别: '女',
    文化程度: '初中',
    身份证号: makeIdNumber('女'),
    健康状况: '良好',
    残疾等级: '无',
    年收入: 12000,
    '就业（学）状况': '灵活就业',
  };
}

test('导入: template → fill → check → 只导入无错误的行 → 导入完成 → in the list', { timeout: 120_000 }, async ({ page, baseUrl }) => {
  const good = [
    { name: uniqueName('导'), id: makeIdNumber('男') },
    { name: uniqueName('导'), id: makeIdNumber('男') },
  ];
  const bad = { name: uniqueName('错'), id: badCheckIdNumber('男') };

  await loginViaForm(page, baseUrl, clerk.username, clerk.password);
  await page.locator('.app-sider').getByText('数据导入', { exact: true }).click();
  await page.waitForURL((u) => u.pathname === '/exchange/import');

  // ---- 下载导入模板: an .xlsx (a zip: PK) with the sheets 职工 and 家庭成员 ------------------------
  const { download, bytes } = await downloadBy(page, () => page.locator('#import-template').click());
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const wb = await loadWorkbook(bytes);
  const workers = wb.getWorksheet('职工');
  const members = wb.getWorksheet('家庭成员');
  expect(workers, 'the template has a 职工 sheet').toBeDefined();
  expect(members, 'the template has a 家庭成员 sheet').toBeDefined();

  // ---- fill it: two good households, then one with a wrong check digit ------------------------
  const rowNos = writeRecords(workers!, [worker(good[0].name, good[0].id), worker(good[1].name, good[1].id), worker(bad.name, bad.id)]);
  writeRecords(members!, [spouse(good[0].id), spouse(good[1].id), spouse(bad.id)], '职工身份证号');
  const filled = Buffer.from(await wb.xlsx.writeBuffer());

  // ---- upload, the check runs, the summary shows ----------------------------------------------
  await uploadAndCheck(page, '困难职工导入.xlsx', filled);
  expect(await statOf(page, 'new')).toBe('2');
  expect(await statOf(page, 'error')).toBe('1');
  expect(await statOf(page, 'changed')).toBe('0');

  // ---- the error table names the sheet, the row, the column and the value ----------------------
  const errorRows = page.locator('#import-errors tbody tr.ant-table-row');
  await eventually(() => errorRows.count()).toBeGreaterThan(0);
  const errorTexts = (await errorRows.allInnerTexts()).map((t) => t.split('\t').map((c) => c.trim()));
  const idError = errorTexts.find((cells) => cells[0] === '职工' && cells[1] === String(rowNos[2]) && cells[2] === '身份证号');
  expect(idError, `an error on 职工 row ${rowNos[2]}, column 身份证号; got ${JSON.stringify(errorTexts)}`).toBeDefined();
  expect(idError![3]).toBe(bad.id);
  expect(idError![4].length, 'a Chinese message says what is wrong').toBeGreaterThan(2);
  // the good households are listed under 新增
  await page.locator('#import-tabs').getByRole('tab', { name: /新增/ }).click();
  const newRows = page.locator('#import-rows-new tbody tr.ant-table-row');
  await eventually(() => newRows.count()).toBe(2);
  const newText = (await newRows.allInnerTexts()).join('\n');
  for (const g of good) expect(newText).toContain(g.name);
  expect(newText).not.toContain(bad.name);

  // ---- 确认导入 is blocked until 只导入无错误的行 is ticked -------------------------------------
  const commit = page.locator('#import-commit');
  expect(await commit.isDisabled()).toBe(true);
  expect(await textOf(page.locator('[data-testid=import-commit-block]'))).toContain('只导入无错误的行');
  // nor does the server take it behind the page's back
  const importId = /\/exchange\/import\/(\d+)$/.exec(new URL(page.url()).pathname)![1];
  const csrf = (await page.context().cookies()).find((c) => c.name === 'bangfu_csrf')?.value ?? '';
  const refused = await page.context().request.post(`${baseUrl}/api/imports/${importId}/commit`, { data: { goodRowsOnly: false }, headers: { 'x-csrf-token': csrf } });
  expect(refused.status()).toBe(409);
  expect(((await refused.json()) as { code: string }).code).toBe('IMPORT_HAS_ERRORS');
  await page.locator('#import-good-only').check();
  await eventually(() => commit.isEnabled()).toBe(true);
  await confirmImport(page, (sentence) => {
    expect(sentence).toContain('新增 2 户');
    expect(sentence).toContain('变更 0 户');
    expect(sentence).toContain('跳过 1 户有错误的行');
  });

  // ---- 导入完成 with 新增 2, and a reload shows the same ------------------------------------------
  const result = async () => textOf(page.locator('[data-testid=import-result]'));
  expect((await result()).replace(/\s+/g, '')).toContain('新增2户');
  expect((await result()).replace(/\s+/g, '')).toContain('跳过1户');
  await page.reload();
  await visible(page.locator('#import-done'));
  expect((await result()).replace(/\s+/g, '')).toContain('新增2户');
  // 最近导入 lists it (highlighted as the one open) as 已导入
  await eventually(() => textOf(page.locator('#import-recent tr.import-recent-current'))).toContain('已导入');

  // ---- the list finds both good households, not the bad one -------------------------------------
  await page.locator('#import-to-list').click();
  await page.waitForURL((u) => u.pathname === '/households');
  // the list re-renders a moment after its answer arrives: wait for the rows, not just the answer
  const search = async (q: string) => {
    await page.locator('#householdFilter_q').fill(q);
    const listed = nextListResponse(page);
    await page.locator('#householdFilter_submit').click();
    await listed;
  };
  for (const g of good) {
    await search(g.name);
    await eventually(() => textOf(tableRows(page).first())).toContain(g.name);
    expect(await listTotal(page)).toBe(1);
  }
  await search(bad.name);
  await eventually(() => listTotal(page)).toBe(0);
  // and the server agrees, with the member from the 家庭成员 sheet attached
  const listed = await admin.listHouseholds({ q: good[0].name });
  expect(listed.total).toBe(1);
  const h = await admin.getHousehold(listed.items[0].id);
  expect((h.members as unknown[]).length).toBe(1);
});

test('导入: the blank template is said to hold no rows, not 检查通过, and cannot be committed', async ({ page, baseUrl }) => {
  await Api.loginInPage(page, baseUrl, clerk.username, clerk.password);
  await page.goto(`${baseUrl}/exchange/import`);
  const { bytes } = await downloadBy(page, () => page.locator('#import-template').click());
  await uploadAndCheck(page, '空模板.xlsx', bytes);
  const outcome = await visible(page.locator('[data-testid=import-outcome]'));
  expect(await textOf(outcome)).toContain('文件中没有数据行');
  expect(await textOf(outcome)).not.toContain('检查通过');
  expect(await page.locator('#import-commit').isDisabled()).toBe(true);
  expect(await textOf(page.locator('[data-testid=import-commit-block]'))).toBe('文件中没有数据行');
});

test('导入: a worker filed by someone else after the check is left out, named with the reason, and the rest goes in', { timeout: 120_000 }, async ({ page, baseUrl }) => {
  const late = { name: uniqueName('晚'), id: makeIdNumber('男') };
  const fine = { name: uniqueName('导'), id: makeIdNumber('男') };
  await Api.loginInPage(page, baseUrl, clerk.username, clerk.password);
  await page.goto(`${baseUrl}/exchange/import`);
  const { bytes } = await downloadBy(page, () => page.locator('#import-template').click());
  const wb = await loadWorkbook(bytes);
  writeRecords(wb.getWorksheet('职工')!, [worker(late.name, late.id), worker(fine.name, fine.id)]);
  writeRecords(wb.getWorksheet('家庭成员')!, [spouse(late.id), spouse(fine.id)], '职工身份证号');
  await uploadAndCheck(page, '检查后变化.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  expect(await statOf(page, 'new')).toBe('2');

  // between the check and the commit, a colleague files one of the two by hand
  const filed = await Api.as(baseUrl, clerk, (api) => api.createHousehold({ name: late.name, idNumber: late.id, regionCode: 'H04' }));
  await confirmImport(page, (sentence) => expect(sentence).toContain('新增 2 户'));

  await eventually(() => textOf(page.locator('#import-done .ant-result-title'))).toBe('导入完成，部分户未导入');
  const result = (await textOf(page.locator('[data-testid=import-result]'))).replace(/\s+/g, '');
  expect(result).toContain('新增1户');
  expect(result).toContain('未导入（检查后已变化）1户');
  const staleRows = page.locator('#import-rows-stale tbody tr.ant-table-row');
  await eventually(() => staleRows.count()).toBe(1);
  const row = await textOf(staleRows.first());
  expect(row).toContain(late.name);
  expect(row).toContain('该身份证号在检查之后已有人建档，未导入');

  // the colleague's file stands alone; the other household was imported
  expect((await admin.listHouseholds({ q: late.name })).items.map((h) => h.id)).toEqual([filed.id]);
  expect((await admin.listHouseholds({ q: fine.name })).total).toBe(1);
});
