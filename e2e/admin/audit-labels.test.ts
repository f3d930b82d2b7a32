// 审计日志 in words: after an export, a print, an import and an assistance record, every action the
// server wrote shows its Chinese name on /admin/audit (the labels come from core's contract, so an
// action without one would show its raw code).
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { test } from '../lib/test.js';
import { Api } from '../lib/api.js';
import { uniqueName } from '../lib/data.js';
import { loadWorkbook, sheetRecords, writeRecords } from '../lib/workbook.js';
import { loginViaForm, visible } from '../lib/ui.js';

let admin: Api;
let clerk: { username: string; password: string };

beforeAll(async () => {
  admin = await Api.login(inject('baseUrl'));
  clerk = await admin.createUser({ orgCode: 'H', role: 'city', displayName: uniqueName('审') });
});
afterAll(async () => {
  await admin?.dispose();
});

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean): Promise<T> {
  for (let i = 0; i < 240; i++) {
    const v = await read();
    if (done(v)) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the state never came');
}

test('the audit page names every action in Chinese after an export, a print, an import and an assistance record', async ({ page, baseUrl }) => {
  const api = await Api.as(baseUrl, clerk, async (c) => {
    const h = await c.createFiledHousehold({ regionCode: 'H03' });
    await c.post(`/api/households/${h.id}/assistance`, { date: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), type: '走访', description: '入户走访' }, 201);
    return h;
  });
  // downloads and the upload go through the page's own cookie jar, logged in as the clerk
  await Api.loginInPage(page, baseUrl, clerk.username, clerk.password);
  const request = page.context().request;
  const csrf = (await page.context().cookies()).find((c) => c.name === 'bangfu_csrf')!.value;
  const exported = await request.get(`${baseUrl}/api/households/export.xlsx?regionCode=H03`);
  expect(exported.status()).toBe(200);
  expect((await request.get(`${baseUrl}/api/households/${api.id}/print.pdf`)).status()).toBe(200);

  // the exported sheet, one address changed, imported back and confirmed
  const wb = await loadWorkbook(await exported.body());
  const ws = wb.getWorksheet('职工')!;
  const records = sheetRecords(ws);
  const mine = records.find((r) => r['职工编号'] === api.workerNo)!;
  mine['家庭住址'] = `${uniqueName('审')}路1号`;
  writeRecords(ws, records);
  const upload = await request.post(`${baseUrl}/api/imports`, {
    multipart: { file: { name: '审计测试.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await wb.xlsx.writeBuffer()) } },
    headers: { 'x-csrf-token': csrf },
  });
  expect(upload.status(), await upload.text()).toBe(202);
  const importId = (await upload.json()).id as number;
  const importOf = async () => (await (await request.get(`${baseUrl}/api/imports/${importId}`)).json()) as { status: string };
  await until(importOf, (v) => v.status === 'analyzed');
  const commit = await request.post(`${baseUrl}/api/imports/${importId}/commit`, { data: { goodRowsOnly: true }, headers: { 'x-csrf-token': csrf } });
  expect(commit.status(), await commit.text()).toBe(202);
  await until(importOf, (v) => v.status === 'committed');

  // the admin reads the clerk's rows
  await page.context().clearCookies();
  await loginViaForm(page, baseUrl);
  await page.goto(`${baseUrl}/admin/audit?username=${encodeURIComponent(clerk.username)}&pageSize=100`);
  const cells = page.locator('#audit-table tbody tr.ant-table-row [data-action]');
  await visible(cells.first());
  const actions = await cells.evaluateAll((els) => els.map((e) => ({ code: e.getAttribute('data-action')!, text: (e.firstChild?.textContent ?? '').trim() })));
  for (const a of ['household.export', 'household.print', 'import.upload', 'import.commit', 'assistance.create'])
    expect(actions.map((x) => x.code), a).toContain(a);
  for (const a of actions) {
    expect(a.text, a.code).not.toBe(a.code);
    expect(a.text, a.code).toMatch(/[\u4e00-\u9fff]/);
  }
});
