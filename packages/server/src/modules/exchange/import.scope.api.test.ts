// Security issue point 1: the import check must not read, complete, compare or echo a file outside
// the importer's scope. A worksheet that names another region's worker by identity number, with no
// 家庭成员 sheet and few columns, once came back completed from the stored file (and a 1931 fill date
// then printed every member's identity number in the error list).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { WORKER_COLUMNS, WORKER_SHEET } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';
import { OUT_OF_SCOPE_DUPLICATE } from '../households/households.service.js';

let ctx: TestContext;
let city: Client;
let county: Client;
const other = makeHousehold({ name: '外区职工', regionCode: 'H02', phone: '13912345678' });
let otherWorkerNo: string;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  county = await ctx.userIn('H01', 'region');
  const created = await city.post('/api/households', other);
  expect(created.statusCode, created.body).toBe(201);
  otherWorkerNo = created.json().workerNo;
});
afterAll(() => ctx.close());

/** A union's own sheet: only the columns given, no 家庭成员 sheet. */
async function partialWorkbook(columns: string[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(WORKER_SHEET);
  ws.addRow(columns.map((k) => WORKER_COLUMNS.find((c) => c.key === k)!.label));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function check(client: Client, content: Buffer) {
  const res = await client.upload('/api/imports', [{ name: '名单.xlsx', content }]);
  expect(res.statusCode, res.body).toBe(202);
  await ctx.app.jobs.idle();
  const id = res.json().id;
  const view = (await client.get(`/api/imports/${id}`)).body;
  const errors = (await client.get(`/api/imports/${id}/errors?pageSize=100`)).body;
  const rows = (await client.get(`/api/imports/${id}/rows?pageSize=100`)).body;
  return { id, text: view + errors + rows, errors: JSON.parse(errors).items as { column: string; message: string }[] };
}

/** Nothing of the other region's file may appear: identity numbers, worker number, phone, names. */
function expectNothingOf(text: string) {
  for (const m of other.members ?? []) expect(text).not.toContain(m.idNumber!);
  expect(text).not.toContain(otherWorkerNo);
  expect(text).not.toContain('13912345678');
  for (const m of other.members ?? []) expect(text).not.toContain(m.name!);
}

describe('the import check outside the importer scope', () => {
  it('does not complete a partial row from another region\'s stored file, nor print its members', async () => {
    // every required column (the attacker's guesses), no optional column, no 家庭成员 sheet
    const required = WORKER_COLUMNS.filter((c) => c.required).map((c) => c.key);
    const { worker } = rowsOf({ ...other, regionCode: 'H01', fillDate: '2016-03-01' });
    const row = required.map((k) => (k === 'fillDate' ? '1931-01-01' : worker[WORKER_COLUMNS.findIndex((c) => c.key === k)]));
    const { text } = await check(county, await partialWorkbook(required, [row]));
    expect(text).toContain('"status":"analyzed"');
    expectNothingOf(text);
  });

  it('refuses a full row of an identity number filed in another region with one fixed sentence, and audits it', async () => {
    const { worker, members } = rowsOf({ ...other, regionCode: 'H01' });
    const { id, text, errors } = await check(county, await workbookOf([worker], members));
    expectNothingOf(text.replace(/"name":"外区职工"/g, '')); // the importer's own row keeps the name they typed
    const idErrors = errors.filter((e) => e.column === '身份证号');
    expect(idErrors.map((e) => e.message)).toEqual([`${OUT_OF_SCOPE_DUPLICATE}，不能导入`]);
    const audit = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id', 'detail']).where('action', '=', 'household.duplicateRefused').where('entity_id', '=', String(id)).execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].detail!)).toMatchObject({ rows: 1 });
  });

  it('the form answers a duplicate outside the scope without the other worker number, inside it with the number', async () => {
    const outside = await county.post('/api/households', { ...other, regionCode: 'H01', members: [] });
    expect(outside.statusCode).toBe(409);
    expect(outside.json().code).toBe('DUPLICATE_ID_NUMBER');
    expect(outside.body).not.toContain(otherWorkerNo);
    expect(outside.json().message).toContain(OUT_OF_SCOPE_DUPLICATE);
    const inside = await city.post('/api/households', { ...other, members: [] });
    expect(inside.statusCode).toBe(409);
    expect(inside.body).toContain(otherWorkerNo);
  });
});
