// Files a union's spreadsheet may really be, and files crafted to hurt: each gets a clear answer
// and leaves the server and the stored files as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { MEMBER_COLUMNS, WORKER_COLUMNS } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';
import { col, craftedXlsx, rowsOf, workbookOf } from '../../../test/fixtures/workbooks.js';

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
});
afterAll(() => ctx.close());

async function check(client: Client, name: string, content: Buffer) {
  const res = await client.upload('/api/imports', [{ name, content }]);
  expect(res.statusCode, res.body).toBe(202);
  await ctx.app.jobs.idle();
  return (await client.get(`/api/imports/${res.json().id}`)).json();
}


describe('crafted and damaged files', () => {
  it('refuses a cell beyond column XFD instead of filling memory', async () => {
    const v = await check(city, 'wide.xlsx', await craftedXlsx('<row r="1"><c r="ZZZZZZ1" t="inlineStr"><is><t>x</t></is></c></row>'));
    expect(v.status).toBe('failed');
    expect(v.fileError).toContain('超出了 Excel 表格的范围');
  });

  it('refuses repeated row numbers and broken XML', async () => {
    const cell = (t: string) => `<c r="A2" t="inlineStr"><is><t>${t}</t></is></c>`;
    const repeated = await check(city, 'rows.xlsx', await craftedXlsx(`<row r="2">${cell('姓名')}</row><row r="2">${cell('x')}</row>`));
    expect(repeated.status).toBe('failed');
    expect(repeated.fileError).toMatch(/行号有误|损坏/);
    const broken = await check(city, 'broken.xlsx', await craftedXlsx('<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></c>'));
    expect(broken.status).toBe('failed');
    expect(broken.fileError).toContain('损坏');
  });

  it('refuses a 家庭成员 sheet whose header it cannot find, rather than reading the household as memberless', async () => {
    const h = rowsOf(makeHousehold());
    const wb = new ExcelJS.Workbook();
    const w = wb.addWorksheet('职工');
    w.addRow(WORKER_COLUMNS.map((c) => c.label));
    w.addRow(h.worker);
    const m = wb.addWorksheet('家庭成员');
    m.addRow(MEMBER_COLUMNS.map((c) => (c.label === '关系' ? '与职工关系' : c.label)));
    for (const r of h.members) m.addRow(r);
    const v = await check(city, 'renamed.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(v.status).toBe('failed');
    expect(v.fileError).toContain('家庭成员');
  });
});

describe('what a file does not supply stays as stored', () => {
  it('a column the header lacks keeps the stored value; no 家庭成员 sheet keeps the members', async () => {
    const county = await ctx.userIn('H01', 'region');
    const unit = (await ctx.db.selectFrom('orgs').select('code').where('kind', '=', 'unit').where('parent_code', '=', 'H01').executeTakeFirst())?.code
      ?? (await (await ctx.admin()).post('/api/orgs', { name: '测试基层工会', parentCode: 'H01' })).json().code;
    const input = makeHousehold({ regionCode: 'H01', unitId: unit, medicalExpense: 3000 });
    const created = (await county.post('/api/households', input)).json();
    expect(created.unitId).toBe(unit);
    const { worker } = rowsOf(input);
    // only some columns, no 基层工会, no 年医疗费, and no members sheet at all
    const keep = ['fillDate', 'category', 'name', 'gender', 'ethnicity', 'idNumber', 'education', 'politicalStatus', 'address', 'phone', 'employer',
      'maritalStatus', 'health', 'unitNature', 'serviceYears', 'medicalInsurance', 'disabilityGrade', 'enterpriseStatus', 'workStatus', 'receivesDibao',
      'ownAnnualIncome', 'householdAnnualIncome', 'householdSize', 'householdAnnualExpense', 'causes'];
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('职工');
    ws.addRow(keep.map((k) => WORKER_COLUMNS[col(k)].label));
    const row = keep.map((k) => worker[col(k)]);
    row[keep.indexOf('address')] = '荆门市新地址9号';
    ws.addRow(row);
    const v = await check(county, 'partial.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(v.status, v.fileError).toBe('analyzed');
    expect(v.counts).toMatchObject({ changed: 1, error: 0 });
    const changes = (await county.get(`/api/imports/${v.id}/rows?status=changed`)).json().items[0].changes;
    expect(changes.map((c: { path: string }) => c.path)).toEqual(['address']);
    expect((await county.post(`/api/imports/${v.id}/commit`, {})).statusCode).toBe(202);
    await ctx.app.jobs.idle();
    const file = (await county.get(`/api/households/${created.id}`)).json();
    expect(file.address).toBe('荆门市新地址9号');
    expect(file.unitId).toBe(unit);
    expect(file.medicalExpense).toBe(3000);
    expect(file.members).toHaveLength(input.members!.length);
  });

  it('a 家庭成员 sheet that lists no rows for a household means it has none', async () => {
    const input = makeHousehold({ name: '成员清空' });
    const created = (await city.post('/api/households', input)).json();
    const { worker } = rowsOf(input);
    worker[col('householdSize')] = 1;
    const v = await check(city, 'nomembers.xlsx', await workbookOf([worker], []));
    const rows = (await city.get(`/api/imports/${v.id}/rows?status=changed`)).json();
    expect(rows.items[0].changes.map((c: { path: string }) => c.path)).toEqual(expect.arrayContaining(['householdSize', 'members[0]', 'members[1]']));
    expect(created.members).toHaveLength(2);
  });
});
