// 导出Excel on the household list: the workbook's 职工 sheet holds exactly the households the
// list's filters select (all pages), identity numbers in full for a city cadre; the admin's
// export is masked and says so in its first row.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { makeIdNumber, uniqueName } from '../lib/data.js';
import { eventually, listTotal, loginViaForm, nextListResponse, textOf } from '../lib/ui.js';
import { cellText, downloadBy, loadWorkbook, sheetRecords } from '../lib/workbook.js';

let admin: Api;
let clerk: { username: string; password: string; displayName: string };
let prefix: string;
let mine: HouseholdJson[];
/** the identity numbers as filed (the admin's API answers show them masked) */
let ids: string[];

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
  // names are searched by prefix: two files in H05 share it, a third with it lives in H04
  prefix = uniqueName('出');
  ids = [makeIdNumber('男'), makeIdNumber('女')];
  mine = [
    await admin.createHousehold({ regionCode: 'H05', name: `${prefix}甲`, idNumber: ids[0] }),
    await admin.createHousehold({ regionCode: 'H05', name: `${prefix}乙`, idNumber: ids[1], gender: '女' }),
  ];
  await admin.createHousehold({ regionCode: 'H04', name: `${prefix}丙` });
});

afterAll(async () => {
  await admin?.dispose();
});

test('导出Excel: the 职工 sheet has the filtered households, full identity numbers for the city', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl, clerk.username, clerk.password);
  const listed = nextListResponse(page);
  await page.goto(`${baseUrl}/households?regionCode=H05&q=${encodeURIComponent(prefix)}`);
  await listed;
  expect(await listTotal(page)).toBe(2);

  const { download, bytes } = await downloadBy(page, () => page.locator('#household-export').click());
  expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  const ws = (await loadWorkbook(bytes)).getWorksheet('职工');
  expect(ws, 'the export has a 职工 sheet').toBeDefined();
  const rows = sheetRecords(ws!);
  const byNo = (a: { 职工编号: string }, b: { 职工编号: string }) => a.职工编号.localeCompare(b.职工编号);
  expect(rows.map((r) => ({ 职工编号: r['职工编号'], 姓名: r['姓名'], 身份证号: r['身份证号'] })).sort(byNo)).toEqual(
    mine.map((h, i) => ({ 职工编号: h.workerNo, 姓名: h.name, 身份证号: ids[i] })).sort(byNo),
  );
  // not masked for a city cadre
  expect(cellText(ws!.getRow(1).getCell(1).value)).not.toContain('脱敏');
});

test('导出Excel as the admin: identity numbers masked, and the first row says so', async ({ page, baseUrl }) => {
  await loginViaForm(page, baseUrl);
  const listed = nextListResponse(page);
  await page.goto(`${baseUrl}/households?q=${encodeURIComponent(prefix)}`);
  await listed;
  expect(await listTotal(page)).toBe(3);

  const { bytes } = await downloadBy(page, () => page.locator('#household-export').click());
  const ws = (await loadWorkbook(bytes)).getWorksheet('职工')!;
  const firstRow = (ws.getRow(1).values as unknown[]).map((v) => cellText(v as never)).join('');
  expect(firstRow).toContain('脱敏');
  const rows = sheetRecords(ws);
  expect(rows.length).toBe(3);
  for (const r of rows) expect(r['身份证号']).toMatch(/^\d{6}\*+[\dX]{4}$/);
  // the page said it was exporting and then that it was done
  await eventually(() => textOf(page.locator('.ant-message'))).toContain('已导出');
});
