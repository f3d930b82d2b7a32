// Export, edit in Excel, import again: a city cadre exports two files, changes one phone number in
// the workbook, and the check shows 变更 1 (联系电话：old → new) and 无变化 1; after 确认导入 the
// file has the new number and the other file is untouched.
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api, type HouseholdJson } from '../lib/api.js';
import { makeIdNumber, uniqueName } from '../lib/data.js';
import { eventually, loginViaForm, nextListResponse, textOf, visible } from '../lib/ui.js';
import { downloadBy, loadWorkbook, sheetRecords, tableOf } from '../lib/workbook.js';
import { confirmImport, statOf, uploadAndCheck } from '../lib/exchange.js';

let admin: Api;
let clerk: { username: string; password: string };
let prefix: string;
let files: HouseholdJson[];

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('市') });
  prefix = uniqueName('往');
  files = [
    await admin.createHousehold({ regionCode: 'H03', name: `${prefix}甲`, idNumber: makeIdNumber('男'), phone: '13907241111' }),
    await admin.createHousehold({ regionCode: 'H03', name: `${prefix}乙`, idNumber: makeIdNumber('男'), phone: '13907242222' }),
  ];
});

afterAll(async () => {
  await admin?.dispose();
});

test('导出 → 改一个电话 → 导入: 变更 1 with 联系电话 old → new, 无变化 1', { timeout: 90_000 }, async ({ page, baseUrl }) => {
  const newPhone = '13907249999';
  await loginViaForm(page, baseUrl, clerk.username, clerk.password);
  const listed = nextListResponse(page);
  await page.goto(`${baseUrl}/households?q=${encodeURIComponent(prefix)}`);
  await listed;
  const { bytes } = await downloadBy(page, () => page.locator('#household-export').click());

  // change 联系电话 of 甲 in the exported workbook
  const wb = await loadWorkbook(bytes);
  const ws = wb.getWorksheet('职工')!;
  const t = tableOf(ws);
  expect(sheetRecords(ws).map((r) => r['姓名']).sort()).toEqual(files.map((f) => f.name).sort());
  const nameCol = t.columns.get('姓名')!;
  const phoneCol = t.columns.get('联系电话')!;
  let changed = 0;
  for (let r = t.headerRow + 1; r <= ws.rowCount; r++) {
    if (String(ws.getRow(r).getCell(nameCol).value) === files[0].name) {
      ws.getRow(r).getCell(phoneCol).value = newPhone;
      changed++;
    }
  }
  expect(changed).toBe(1);

  await page.goto(`${baseUrl}/exchange/import`);
  await uploadAndCheck(page, '导出后修改.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
  expect([await statOf(page, 'new'), await statOf(page, 'changed'), await statOf(page, 'unchanged'), await statOf(page, 'error')]).toEqual(['0', '1', '1', '0']);

  // 变更: the row expands to 联系电话：old → new
  await page.locator('#import-tabs').getByRole('tab', { name: /变更/ }).click();
  const row = page.locator('#import-rows-changed tbody tr.ant-table-row');
  await eventually(() => row.count()).toBe(1);
  expect(await textOf(row)).toContain(files[0].name);
  await row.locator('.ant-table-row-expand-icon').click();
  const changes = await visible(page.locator('#import-rows-changed [data-testid=import-changes]'));
  expect(await textOf(changes)).toContain(`联系电话：13907241111 → ${newPhone}`);

  // no errors: 确认导入 without ticking anything; the confirmation says what will happen
  expect(await page.locator('#import-good-only').isDisabled()).toBe(true);
  await confirmImport(page, (sentence) => expect(sentence).toBe('将新增 0 户，变更 1 户；无变化的 1 户不作改动。'));
  expect((await textOf(page.locator('[data-testid=import-result]'))).replace(/\s+/g, '')).toContain('更新1户');

  // the city cadre's own API view (full numbers): 甲 has the new phone, 乙 the old one
  const api = await Api.login(baseUrl, clerk.username, clerk.password);
  try {
    expect((await api.getHousehold(files[0].id)).phone).toBe(newPhone);
    expect((await api.getHousehold(files[1].id)).phone).toBe('13907242222');
  } finally {
    await api.dispose();
  }
});
