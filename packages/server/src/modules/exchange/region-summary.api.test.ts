import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { nowInChinaText, todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold } from '../../../test/fixtures/households.js';

let ctx: TestContext;
let city: Client;

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  const add = async (overrides: Parameters<typeof makeHousehold>[0]) => {
    const res = await city.post('/api/households', makeHousehold(overrides));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  // H01: two households; per-capita 2,000 and 7,000 yuan; one with two causes
  await add({ regionCode: 'H01', category: '低保户', householdAnnualIncome: 6000, ownAnnualIncome: 1000, householdSize: 3, causes: ['因病', '子女上学'], workStatus: '在岗' });
  const filed = await add({ regionCode: 'H01', category: '低保边缘户', householdAnnualIncome: 21000, householdSize: 3, causes: ['因病'], workStatus: '病休', enterpriseStatus: '停产' });
  await ctx.fileThrough(filed.id, city);
  // H02: one household, per-capita 12,000 yuan exactly (the top band's lower bound)
  await add({ regionCode: 'H02', category: '意外致困户', householdAnnualIncome: 36000, householdSize: 3, causes: ['因意外'], enterpriseStatus: '破产' });
  // a removed file is not counted
  const removed = await add({ regionCode: 'H02' });
  await ctx.fileThrough(removed.id, city);
  expect((await city.post(`/api/households/${removed.id}/remove`, { reason: '已不符合条件' })).statusCode).toBe(200);
});
afterAll(() => ctx.close());

describe('region summary', () => {
  it('counts live files per region by category, cause, status and income band, with totals', async () => {
    const res = await city.get('/api/reports/region-summary');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s.rows.map((r: any) => r.regionCode)).toEqual(['H01', 'H02', 'H03', 'H04', 'H05', 'H06', 'H07', 'H08']);
    const h01 = s.rows[0];
    expect(h01.total).toBe(2);
    expect(h01.category).toEqual({ 低保户: 1, 低保边缘户: 1, 意外致困户: 0 });
    expect(h01.cause).toMatchObject({ 因病: 2, 子女上学: 1, 因意外: 0 });
    expect(h01.workStatus).toMatchObject({ 在岗: 1, 病休: 1 });
    expect(h01.incomeBand).toEqual({ b0: 1, b1: 0, b2: 1, b3: 0, b4: 0 });
    const h02 = s.rows[1];
    expect(h02.total).toBe(1);
    expect(h02.enterpriseStatus).toMatchObject({ 破产: 1 });
    expect(h02.incomeBand.b4).toBe(1);
    expect(s.totals).toMatchObject({ regionName: '合计', total: 3, cause: expect.objectContaining({ 因病: 2, 因意外: 1 }) });
    expect(s.rows.reduce((n: number, r: any) => n + r.total, 0)).toBe(s.totals.total);

    const filedOnly = (await city.get('/api/reports/region-summary?status=filed')).json();
    expect(filedOnly.totals.total).toBe(1);
    expect(filedOnly.rows[0].category).toMatchObject({ 低保边缘户: 1, 低保户: 0 });
    expect((await city.get('/api/reports/region-summary?status=bad')).json().errors[0].path).toBe('status');
  });

  it('keeps a county to its own region', async () => {
    const county = await ctx.userIn('H02', 'region');
    const s = (await county.get('/api/reports/region-summary')).json();
    expect(s.rows.map((r: any) => r.regionCode)).toEqual(['H02']);
    expect(s.totals.total).toBe(1);
  });

  it('exports the same table as a workbook with a 合计 row', async () => {
    const res = await city.get('/api/reports/region-summary.xlsx');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('地区汇总')!;
    expect(ws.getCell(2, 4).value).toBe('困难类别');
    expect(ws.getCell(3, 4).value).toBe('低保户');
    const last = ws.getRow(ws.rowCount);
    expect(last.getCell(2).value).toBe('合计');
    expect(last.getCell(3).value).toBe(3);
    expect(ws.getRow(4).getCell(3).value).toBe(2); // H01
    // stamped in China time, as every time shown to a person; the file named by the China date
    const before = nowInChinaText(new Date(Date.now() - 120_000));
    const stamp = /统计时间 (\d{4}-\d{2}-\d{2} \d{2}:\d{2})（北京时间）/.exec(String(ws.getCell(1, 1).value));
    const at = stamp?.[1] ?? '';
    expect(at >= before && at <= nowInChinaText(), `${at} within [${before}, now]`).toBe(true);
    expect(String(res.headers['content-disposition'])).toContain(`region-summary-${todayInChina().replace(/-/g, '')}.xlsx`);
  });
});

describe('region summary of one fill year', () => {
  const year = Number(todayInChina().slice(0, 4));
  const prev = year - 1;
  const row = async (by: Client, q: string, region: string) => ((await by.get(`/api/reports/region-summary${q}`)).json().rows as any[]).find((r) => r.regionCode === region);

  it('counts every group of the year asked for, follows a file whose year changes, for the city and the county alike', async () => {
    const made = await city.post('/api/households', makeHousehold({
      regionCode: 'H05', fillDate: `${prev}-03-01`, category: '低保户', causes: ['因病', '子女上学'], workStatus: '在岗', enterpriseStatus: '停产', householdAnnualIncome: 6000, ownAnnualIncome: 1000, householdSize: 3,
    }));
    expect(made.statusCode, made.body).toBe(201);
    const input = makeHousehold({ regionCode: 'H05', fillDate: `${year}-03-01`, category: '低保边缘户', causes: ['因病'], workStatus: '病休', enterpriseStatus: '破产', householdAnnualIncome: 36000, householdSize: 3 });
    const moving = (await city.post('/api/households', input)).json();

    const old = await row(city, `?year=${prev}`, 'H05');
    expect(old).toMatchObject({ total: 1, category: { 低保户: 1, 低保边缘户: 0 }, cause: expect.objectContaining({ 因病: 1, 子女上学: 1 }) });
    expect(old.workStatus).toMatchObject({ 在岗: 1, 病休: 0 });
    expect(old.enterpriseStatus).toMatchObject({ 停产: 1, 破产: 0 });
    expect(old.incomeBand).toMatchObject({ b0: 1, b4: 0 });
    expect(await row(city, `?year=${year}`, 'H05')).toMatchObject({ total: 1, cause: expect.objectContaining({ 因病: 1, 子女上学: 0 }), workStatus: expect.objectContaining({ 病休: 1 }) });
    expect((await row(city, '', 'H05')).total).toBe(2);

    // the second file's fill date moves to last year: every group of both years follows
    const edit = await city.put(`/api/households/${moving.id}`, { ...input, fillDate: `${prev}-04-01`, version: 1 });
    expect(edit.statusCode, edit.body).toBe(200);
    const moved = await row(city, `?year=${prev}`, 'H05');
    expect(moved).toMatchObject({ total: 2, cause: expect.objectContaining({ 因病: 2, 子女上学: 1 }), enterpriseStatus: expect.objectContaining({ 停产: 1, 破产: 1 }) });
    expect(moved.incomeBand).toMatchObject({ b0: 1, b4: 1 });
    expect((await row(city, `?year=${year}`, 'H05')).total).toBe(0);

    // a county reads the kept counts of its own region: the same row
    const county = await ctx.userIn('H05', 'region');
    expect(await row(county, `?year=${prev}`, 'H05')).toEqual(moved);
    const x = await city.get(`/api/reports/region-summary.xlsx?year=${prev}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(String(wb.getWorksheet('地区汇总')!.getCell(1, 1).value)).toContain(`${prev}年度填表`);
    const bad = (await city.get('/api/reports/region-summary?year=1999')).json();
    expect(bad.errors[0].path).toBe('year');
  });
});
