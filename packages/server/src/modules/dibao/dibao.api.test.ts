// 民政低保名单核对 through the API: a list in each format (UTF-8 and GBK CSV, .xlsx with a title
// row, headers that need a mapping) is matched by identity number against the workers and members
// of the region's live files; each kind of finding is made for exactly the files it names; findings
// are resolved (an explanation, or a correction the file must show); a newer list replaces the open
// findings of the older; each region sees its own; bad input is named by field and leaves nothing.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInChina } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { makeHousehold, makeIdNumber } from '../../../test/fixtures/households.js';
import { eraseDibaoRecords } from './dibao.repository.js';

let ctx: TestContext;
let city: Client;
let h01: Client;
let h02: Client;
let unitClerk: Client;
let viewer: Client;
let staff: Client;
let UNIT: string;
const thisMonth = todayInChina().slice(0, 7);
/** An earlier month than this one (the lists of a region may only move forward). */
const monthBefore = (m: string, n: number) => {
  const d = new Date(`${m}-15T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 7);
};

beforeAll(async () => {
  ctx = await createTestContext();
  city = await ctx.userIn('H', 'city');
  h01 = await ctx.userIn('H01', 'region');
  h02 = await ctx.userIn('H02', 'region');
  const unit = await (await ctx.admin()).post('/api/orgs', { name: '掇刀区测试厂工会', parentCode: 'H03' });
  expect(unit.statusCode).toBe(201);
  UNIT = unit.json().code;
  unitClerk = await ctx.userIn(UNIT, 'unit');
  viewer = await ctx.userIn('H', 'viewer');
  staff = await ctx.userIn('H', 'staff');
});
afterAll(() => ctx?.close());

async function file(regionCode: string, overrides: Record<string, unknown> = {}, by: Client = city) {
  const input = makeHousehold({ regionCode, ...overrides });
  const res = await by.post('/api/households', input);
  expect(res.statusCode, res.body).toBe(201);
  const f = res.json();
  return { id: f.id as number, workerNo: f.workerNo as string, input, version: f.version as number };
}

const csv = (rows: (string | number)[][]) => Buffer.from(rows.map((r) => r.join(',')).join('\r\n'), 'utf8');
const upload = (c: Client, name: string, content: Buffer, fields: Record<string, string>) => c.upload('/api/dibao-lists', [{ name, content }], fields);
type Finding = { id: number; kind: string; status: string; household: { id: number }; listed: { name: string; relation: string; idNumber: string; monthlyAmount: number | null }[]; canResolve: boolean; detail: string };
const findings = async (c: Client, query = '') => (await c.get(`/api/dibao-findings?pageSize=100${query}`)).json().items as Finding[];
/** The kept counts of open findings equal a count of them, per region and kind. */
async function expectTallyTrue() {
  const counted = await ctx.db.selectFrom('dibao_findings').select(['region_code', 'kind', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').groupBy(['region_code', 'kind']).execute();
  const kept = await ctx.db.selectFrom('dibao_open_tally').selectAll().where('n', '<>', 0).execute();
  const key = (r: { region_code: string; kind: string; n: unknown }) => `${r.region_code}/${r.kind}/${Number(r.n)}`;
  expect(kept.map(key).sort()).toEqual(counted.map(key).sort());
  // and each list's open findings (名单记录)
  const perList = await ctx.db.selectFrom('dibao_findings').select(['list_id', (eb) => eb.fn.countAll<number>().as('n')]).where('status', '=', 'open').groupBy('list_id').execute();
  const lists = await ctx.db.selectFrom('dibao_lists').select(['id', 'open_findings']).execute();
  expect(lists.map((l) => `${l.id}:${Number(l.open_findings)}`).sort()).toEqual(lists.map((l) => `${l.id}:${Number(perList.find((p) => Number(p.list_id) === Number(l.id))?.n ?? 0)}`).sort());
}
const kindsOf = (items: Finding[], householdId: number) => items.filter((f) => f.household.id === householdId).map((f) => f.kind).sort();

describe('a list for a county', () => {
  let confirmed: Awaited<ReturnType<typeof file>>;
  let memberListed: Awaited<ReturnType<typeof file>>;
  let rich: Awaited<ReturnType<typeof file>>;
  let declaredOnly: Awaited<ReturnType<typeof file>>;
  let elsewhere: Awaited<ReturnType<typeof file>>;
  let removed: Awaited<ReturnType<typeof file>>;
  let listId: number;

  beforeAll(async () => {
    // a line for the files' year, so that income is compared with it
    expect((await city.put('/api/policy', { lines: [{ regionCode: 'H01', year: 2016, monthlyLine: 600 }] })).statusCode).toBe(200);
    await ctx.app.jobs.idle();
    confirmed = await file('H01', { receivesDibao: true });
    // the wife of a file that says 否 receives 低保
    memberListed = await file('H01', { receivesDibao: false });
    // declared and listed, but an income far above any line
    rich = await file('H01', { receivesDibao: true, householdAnnualIncome: 90000 });
    declaredOnly = await file('H01', { receivesDibao: true });
    // another county's file: a county's list does not reach it
    elsewhere = await file('H02', { receivesDibao: false });
    // a removed file is not live
    removed = await file('H01', { receivesDibao: false });
    expect((await ctx.fileThrough(removed.id)).statusCode).toBe(200);
    expect((await city.post(`/api/households/${removed.id}/remove`, { reason: '收入已超过标准' })).statusCode).toBe(200);
  });

  it('matches workers and members by identity number and makes each kind of finding for the files it names', async () => {
    const stranger = makeIdNumber('19590101');
    const content = csv([
      ['姓名', '身份证号', '家庭人口', '月保障金额', '地区'],
      [confirmed.input.name!, confirmed.input.idNumber!, 3, '650', '东宝区'],
      [memberListed.input.members![0].name, memberListed.input.members![0].idNumber!.toLowerCase(), 3, '650.50', '东宝区'],
      [rich.input.name!, rich.input.idNumber!, 3, 600, '东宝区'],
      [elsewhere.input.name!, elsewhere.input.idNumber!, 2, 600, '掇刀区'],
      [removed.input.name!, removed.input.idNumber!, 2, 600, '东宝区'],
      ['路人甲', stranger, 1, 500, '东宝区'],
      ['错号', '420802196801011234', 1, 500, '东宝区'],
      ['', makeIdNumber(), 'x', '-5', ''],
      [confirmed.input.name!, confirmed.input.idNumber!, 3, '650', '东宝区'],
      ['', '', '', '', ''],
    ]);
    const res = await upload(h01, '东宝区低保名单.csv', content, { month: thisMonth, regionCode: 'H01', source: '东宝区民政局' });
    expect(res.statusCode, res.body).toBe(201);
    const list = res.json();
    listId = list.id;
    expect(list).toMatchObject({
      month: thisMonth, regionCode: 'H01', source: '东宝区民政局', fileName: '东宝区低保名单.csv', rows: 7, badRows: 2,
      matchedPersons: 3, matchedHouseholds: 3, current: true,
    });
    // every live file of H01 that declares 低保 and has nobody on the list: declaredOnly, and the files other tests left
    const declaredInH01 = await ctx.db.selectFrom('households').select('id').where('region_code', '=', 'H01').where('receives_dibao', '=', 1)
      .where('status', 'in', ['draft', 'submitted', 'unitApproved', 'filed']).execute();
    expect(list.findings).toEqual({ declaredNotListed: declaredInH01.length - 2, listedNotDeclared: 1, listedAboveLine: 1 });

    const items = await findings(h01);
    expect(kindsOf(items, confirmed.id)).toEqual([]);
    expect(kindsOf(items, memberListed.id)).toEqual(['listedNotDeclared']);
    expect(kindsOf(items, rich.id)).toEqual(['listedAboveLine']);
    expect(kindsOf(items, declaredOnly.id)).toEqual(['declaredNotListed']);
    expect(kindsOf(items, elsewhere.id)).toEqual([]);
    expect(kindsOf(items, removed.id)).toEqual([]);
    const m = items.find((f) => f.household.id === memberListed.id)!;
    expect(m.listed).toEqual([{ name: memberListed.input.members![0].name, relation: '配偶', idNumber: memberListed.input.members![0].idNumber, householdSize: 3, monthlyAmount: 650.5 }]);
    expect(m.detail).toContain('月保障金共 650.50 元');
    expect(items.find((f) => f.household.id === rich.id)!.detail).toBe(`申报的家庭年人均收入 30,000 元，不低于当地年低保标准 7,200 元（每月 600 元）；${thisMonth} 民政低保名单中有该户 1 人，月保障金共 600 元`);

    // only the matched people are kept: the stranger's number is not the union's to keep
    const kept = await ctx.db.selectFrom('dibao_persons').select('id_number').where('list_id', '=', listId).execute();
    expect(kept.map((p) => p.id_number).sort()).toEqual([confirmed.input.idNumber, memberListed.input.members![0].idNumber, rich.input.idNumber].sort());
    const errors = (await h01.get(`/api/dibao-lists/${listId}/errors`)).json();
    expect(errors.items.map((e: { row: number; column: string }) => `${e.row}:${e.column}`)).toEqual(['8:身份证号', '9:姓名', '9:家庭人口', '9:月保障金额']);
    expect(errors.items[0].message).toContain('校验位');
  });

  it('shows 民政名单核实 on each file', async () => {
    const check = async (id: number) => (await h01.get(`/api/households/${id}/dibao-check`)).json();
    expect(await check(confirmed.id)).toMatchObject({ state: 'confirmed', list: { id: listId, month: thisMonth }, listed: [{ relation: '本人' }] });
    expect(await check(memberListed.id)).toMatchObject({ state: 'listedNotDeclared', findings: [{ kind: 'listedNotDeclared', status: 'open' }] });
    expect(await check(declaredOnly.id)).toMatchObject({ state: 'declaredNotListed', listed: [] });
    expect((await check(rich.id)).state).toBe('confirmed');
    expect((await h02.get(`/api/households/${elsewhere.id}/dibao-check`)).json()).toMatchObject({ state: 'noList', list: null });
    // another county's file is not found
    expect((await h02.get(`/api/households/${confirmed.id}/dibao-check`)).statusCode).toBe(404);
  });

  it('puts what the lists said in the personal-data copy, and erases it at the end of retention', async () => {
    const copy = (await h01.get(`/api/households/${memberListed.id}/personal-data.json`)).json();
    expect(copy.dibaoCheck.listed).toMatchObject([{ month: thisMonth, source: '东宝区民政局', name: memberListed.input.members![0].name, relation: '配偶' }]);
    expect(copy.dibaoCheck.findings).toMatchObject([{ kind: 'listedNotDeclared', status: 'open' }]);
    // a file of its own, so that the other tests keep theirs
    const gone = await file('H01', { receivesDibao: false });
    const row = await ctx.db.insertInto('dibao_persons').values({ list_id: listId, household_id: gone.id, row_no: 99, name: gone.input.name!, id_number: gone.input.idNumber!, relation: '本人', household_size: null, monthly_fen: null }).returning('id').executeTakeFirstOrThrow();
    await eraseDibaoRecords(ctx.db, [gone.id]);
    expect(await ctx.db.selectFrom('dibao_persons').select('id').where('id', '=', row.id).execute()).toEqual([]);
  });

  it('shows each region its own findings, masks people for those who may not see numbers, and lets only the filers resolve', async () => {
    expect(await findings(h02)).toEqual([]);
    const cityItems = await findings(city, '&regionCode=H01');
    expect(cityItems.length).toBe((await findings(h01)).length);
    const v = (await findings(viewer, '&regionCode=H01&kind=listedNotDeclared'))[0];
    expect(v.listed[0].idNumber).toMatch(/\*/);
    expect(v.canResolve).toBe(false);
    expect((await viewer.post(`/api/dibao-findings/${v.id}/resolve`, { resolution: 'explained', reason: '已核实' })).statusCode).toBe(403);
    expect((await h02.post(`/api/dibao-findings/${v.id}/resolve`, { resolution: 'explained', reason: '已核实' })).statusCode).toBe(404);
    expect((await staff.get('/api/dibao-findings')).statusCode).toBe(403);
    expect((await staff.get('/api/dibao-lists')).statusCode).toBe(403);
  });

  it('resolves a finding by an explanation, or by a correction only once the file agrees', async () => {
    const items = await findings(h01);
    const notDeclared = items.find((f) => f.household.id === memberListed.id)!;
    const bad = await h01.post(`/api/dibao-findings/${notDeclared.id}/resolve`, { resolution: 'fixed', reason: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['reason', 'resolution']);

    const early = await h01.post(`/api/dibao-findings/${notDeclared.id}/resolve`, { resolution: 'corrected', reason: '已更正' });
    expect(early.statusCode).toBe(409);
    expect(early.json()).toMatchObject({ code: 'DIBAO_NOT_CORRECTED', message: expect.stringContaining('仍为“否”') });
    // the correction is an edit like any other
    const current = (await h01.get(`/api/households/${memberListed.id}`)).json();
    const edit = await h01.put(`/api/households/${memberListed.id}`, { ...memberListed.input, receivesDibao: true, version: current.version });
    expect(edit.statusCode, edit.body).toBe(200);
    const done = await h01.post(`/api/dibao-findings/${notDeclared.id}/resolve`, { resolution: 'corrected', reason: '配偶享受低保，档案已更正' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'corrected', reason: '配偶享受低保，档案已更正', canResolve: false });
    expect((await h01.post(`/api/dibao-findings/${notDeclared.id}/resolve`, { resolution: 'explained', reason: '再次处理' })).json().code).toBe('DIBAO_FINDING_DECIDED');
    expect((await h01.get(`/api/households/${memberListed.id}/dibao-check`)).json().state).toBe('confirmed');

    const income = items.find((f) => f.household.id === rich.id)!;
    expect((await h01.post(`/api/dibao-findings/${income.id}/resolve`, { resolution: 'corrected', reason: '已更正' })).json().code).toBe('DIBAO_NOT_CORRECTED');
    const explained = await h01.post(`/api/dibao-findings/${income.id}/resolve`, { resolution: 'explained', reason: '家中有重病患者，民政按支出型困难认定' });
    expect(explained.json()).toMatchObject({ status: 'explained', resolvedBy: expect.any(String) });
    expect((await findings(h01, '&status=explained')).map((f) => f.id)).toContain(income.id);
    await expectTallyTrue();

    const audits = await ctx.db.selectFrom('audit_log').select(['action', 'entity_id']).where('action', '=', 'dibao.resolve').execute();
    expect(audits.map((a) => Number(a.entity_id)).sort()).toEqual([memberListed.id, rich.id].sort());
    expect((await (await ctx.admin()).get('/api/audit/verify')).json().ok).toBe(true);
  });

  it('lets a newer list replace the open findings of the older, and refuses an older month', async () => {
    const open = (await findings(h01)).filter((f) => f.status === 'open').length;
    expect(open).toBeGreaterThan(0);
    const older = await upload(h01, 'old.csv', csv([['姓名', '身份证号'], [confirmed.input.name!, confirmed.input.idNumber!]]), { month: monthBefore(thisMonth, 2), regionCode: 'H01' });
    expect(older.statusCode).toBe(409);
    expect(older.json().code).toBe('DIBAO_MONTH_OLDER');
    const again = await upload(h01, 'again.csv', csv([['姓名', '身份证号'], [confirmed.input.name!, confirmed.input.idNumber!]]), { month: thisMonth, regionCode: 'H01' });
    expect(again.statusCode, again.body).toBe(201);
    expect(await ctx.db.selectFrom('dibao_findings').select('id').where('list_id', '=', listId).where('status', '=', 'open').execute()).toEqual([]);
    expect((await findings(h01, `&status=superseded&listId=${listId}`)).length).toBe(open);
    const lists = (await h01.get('/api/dibao-lists')).json().items;
    expect(lists.map((l: { id: number; current: boolean }) => [l.id, l.current])).toEqual([[again.json().id, true], [listId, false]]);
    // the new list names rich and declaredOnly again (both declared, neither listed now)
    expect(kindsOf(await findings(h01), declaredOnly.id)).toEqual(['declaredNotListed']);
    await expectTallyTrue();
    // the queue's total is the kept count: the same as the items it lists
    const all = (await h01.get('/api/dibao-findings?pageSize=100')).json();
    expect(all.total).toBe(all.items.length);
    const byKind = (await city.get('/api/dibao-findings?pageSize=100&regionCode=H01&kind=declaredNotListed')).json();
    expect(byKind.total).toBe(byKind.items.length);
  });
});

describe('formats and mapping', () => {
  it('reads a GBK CSV whose headers need a mapping: first the headers are offered, then the mapped list is matched', async () => {
    const f = await file('H04', { receivesDibao: false });
    const rows = [['序号', '保障户主', '证件号', '保障金'], ['1', f.input.name!, f.input.idNumber!, '720']];
    const gbk = iconv.encode(rows.map((r) => r.join(',')).join('\r\n'), 'gbk');
    const first = await upload(city, '掇刀区名单.csv', gbk, { month: thisMonth, regionCode: 'H04' });
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({ code: 'DIBAO_COLUMNS_MISSING', headers: ['序号', '保障户主', '证件号', '保障金'], missing: ['name', 'idNumber'] });
    const mapped = await upload(city, '掇刀区名单.csv', gbk, { month: thisMonth, regionCode: 'H04', mapping: JSON.stringify({ name: '保障户主', idNumber: '证件号', monthlyAmount: '保障金' }) });
    expect(mapped.statusCode, mapped.body).toBe(201);
    expect(mapped.json()).toMatchObject({ rows: 1, matchedHouseholds: 1, findings: { listedNotDeclared: 1 } });
    const item = (await findings(city, '&regionCode=H04&kind=listedNotDeclared')).find((x) => x.household.id === f.id)!;
    expect(item.listed[0]).toMatchObject({ name: f.input.name, monthlyAmount: 720 });
  });

  it('reads an .xlsx whose header sits under a title row, for the whole city', async () => {
    const a = await file('H05', { receivesDibao: true });
    const b = await file('H06', { receivesDibao: true });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('低保名单');
    ws.addRow(['荆门市城市低保保障对象花名册']);
    ws.addRow(['姓名', '身份证号码', '保障人口', '月保障金（元）']);
    ws.addRow([a.input.name, a.input.idNumber, 3, 650]);
    ws.addRow([b.input.name, b.input.idNumber, 2, 480.5]);
    const res = await upload(city, '全市低保名单.xlsx', Buffer.from(await wb.xlsx.writeBuffer()), { month: thisMonth, regionCode: 'H', source: '荆门市民政局' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ regionCode: 'H', regionName: expect.any(String), rows: 2, matchedHouseholds: 2, badRows: 0 });
    expect((await city.get(`/api/households/${b.id}/dibao-check`)).json()).toMatchObject({ state: 'confirmed', listed: [{ monthlyAmount: 480.5, householdSize: 2 }] });
  });

  it('lets a unit see and resolve its own files only', async () => {
    const mine = await file('H03', { receivesDibao: true, unitId: UNIT }, unitClerk);
    const res = await upload(city, 'h03.csv', csv([['姓名', '身份证号'], ['某人', makeIdNumber()]]), { month: thisMonth, regionCode: 'H03' });
    expect(res.statusCode, res.body).toBe(201);
    const items = await findings(unitClerk);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((x) => x.household.id === mine.id)).toBe(true);
    expect(items[0].canResolve).toBe(true);
    const other = (await findings(city, '&regionCode=H03')).find((x) => x.household.id !== mine.id);
    if (other) expect((await unitClerk.post(`/api/dibao-findings/${other.id}/resolve`, { resolution: 'explained', reason: '已核实' })).statusCode).toBe(404);
    expect((await upload(unitClerk, 'x.csv', csv([['姓名', '身份证号']]), { month: thisMonth, regionCode: 'H03' })).statusCode).toBe(403);
    await expectTallyTrue();
  });
});

describe('files that move, merge or change', () => {
  it('matches a listed person whose optional cells are bad, and names those cells', async () => {
    const f = await file('H07', { receivesDibao: true });
    const res = await upload(city, 'h07.csv', csv([['姓名', '身份证号', '家庭人口', '月保障金额'], [f.input.name!, f.input.idNumber!, '3人', '六百']]), { month: thisMonth, regionCode: 'H07' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ rows: 1, badRows: 1, matchedHouseholds: 1 });
    expect((await city.get(`/api/households/${f.id}/dibao-check`)).json().state).toBe('confirmed');
    expect((await city.get(`/api/dibao-lists/${res.json().id}/errors`)).json().items.map((e: { column: string }) => e.column)).toEqual(['家庭人口', '月保障金额']);
  });

  it('moves a transferred file\'s findings to its new county, and closes a merged file\'s', async () => {
    const moving = await file('H08', { receivesDibao: true });
    const merged = await file('H08', { receivesDibao: true });
    const kept = await file('H08', { receivesDibao: false });
    const res = await upload(city, 'h08.csv', csv([['姓名', '身份证号'], ['某人', makeIdNumber()]]), { month: thisMonth, regionCode: 'H08' });
    expect(res.statusCode, res.body).toBe(201);
    const h08 = await ctx.userIn('H08', 'region');
    const h07 = await ctx.userIn('H07', 'region');
    const mine = async (c: Client, id: number) => (await findings(c)).filter((x) => x.household.id === id);
    expect(await mine(h08, moving.id)).toHaveLength(1);
    const moved = await city.post(`/api/households/${moving.id}/transfer`, { toRegionCode: 'H07', reason: '全家迁居屈家岭' });
    expect(moved.statusCode, moved.body).toBe(201);
    expect(await mine(h08, moving.id)).toEqual([]);
    const there = await mine(h07, moving.id);
    expect(there).toMatchObject([{ kind: 'declaredNotListed', canResolve: true }]);
    // the old county no longer reaches it, the new one resolves it
    expect((await h08.post(`/api/dibao-findings/${there[0].id}/resolve`, { resolution: 'explained', reason: '已迁出' })).statusCode).toBe(404);
    await expectTallyTrue();

    const pair = await ctx.db.insertInto('duplicate_pairs').values({
      a_id: merged.id, b_id: kept.id, kind: 'phone', shared: '13900000000', region_a: 'H08', region_b: 'H08', status: 'open', found_at: new Date().toISOString(), seen_by: 0,
    }).returning('id').executeTakeFirstOrThrow();
    expect((await city.post(`/api/duplicates/${pair.id}/merge`, { keepHouseholdId: kept.id, reason: '同一户建档两次' })).statusCode).toBe(200);
    const closed = (await findings(city, '&status=explained&regionCode=H08')).filter((x) => x.household.id === merged.id);
    expect(closed).toMatchObject([{ reason: expect.stringContaining(`已并入 ${kept.workerNo}`) }]);
    await expectTallyTrue();
  });

  it('keeps a county\'s list and the city\'s in month order, both ways', async () => {
    const res = await upload(city, 'city.csv', csv([['姓名', '身份证号'], ['某人', makeIdNumber()]]), { month: monthBefore(thisMonth, 1), regionCode: 'H' });
    // the counties imported this month's lists above: an older city list would replace them
    expect(res.json()).toMatchObject({ code: 'DIBAO_MONTH_OLDER', message: expect.stringContaining(thisMonth) });
    // a county that has no list of its own: the city's of this month stands over an older one
    const county = await upload(city, 'h02.csv', csv([['姓名', '身份证号'], ['某人', makeIdNumber()]]), { month: monthBefore(thisMonth, 1), regionCode: 'H02' });
    expect(county.json()).toMatchObject({ code: 'DIBAO_MONTH_OLDER', message: expect.stringContaining(`全市 ${thisMonth}`) });
  });

  it('shows a list\'s bad rows masked to those who may not see numbers, and the city\'s only to the city', async () => {
    const bad = `${makeIdNumber().slice(0, 17)}0`;
    const wrong = bad.slice(0, 17) + (bad[17] === '0' ? '1' : '0');
    const res = await upload(h01, 'h01-bad.csv', csv([['姓名', '身份证号'], ['某人', makeIdNumber()], ['张某某', wrong]]), { month: thisMonth, regionCode: 'H01' });
    expect(res.statusCode, res.body).toBe(201);
    const asViewer = (await viewer.get(`/api/dibao-lists/${res.json().id}/errors`)).json().items;
    const asCounty = (await h01.get(`/api/dibao-lists/${res.json().id}/errors`)).json().items;
    expect(asCounty.find((e: { column: string }) => e.column === '身份证号').value).toBe(wrong);
    expect(asViewer.find((e: { column: string }) => e.column === '身份证号').value).not.toBe(wrong);
    expect(asViewer.find((e: { column: string }) => e.column === '身份证号').value).toMatch(/\*/);
    const cityList = (await city.get('/api/dibao-lists')).json().items.find((l: { regionCode: string }) => l.regionCode === 'H');
    expect((await h01.get(`/api/dibao-lists/${cityList.id}/errors`)).statusCode).toBe(403);
  });
});

describe('bad input', () => {
  const good = () => csv([['姓名', '身份证号'], ['某人', makeIdNumber()]]);
  const listCount = async () => (await ctx.db.selectFrom('dibao_lists').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n;

  it('names the field of each bad form value, and writes nothing', async () => {
    const before = Number(await listCount());
    const cases: [Record<string, string>, string][] = [
      [{ month: '2026-13', regionCode: 'H01' }, 'month'],
      [{ month: '2999-01', regionCode: 'H01' }, 'month'],
      [{ regionCode: 'H01' }, 'month'],
      [{ month: thisMonth, regionCode: 'X1' }, 'regionCode'],
      [{ month: thisMonth, regionCode: 'H99' }, 'regionCode'],
      [{ month: thisMonth, regionCode: 'H02' }, 'regionCode'], // a county user's list is its own county's
      [{ month: thisMonth, regionCode: 'H01', mapping: '{not json' }, 'mapping'],
    ];
    for (const [fields, path] of cases) {
      const res = await upload(h01, 'a.csv', good(), fields);
      expect(res.statusCode, JSON.stringify(fields)).toBe(400);
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
      expect(res.json().errors[0].message).toMatch(/[\u4e00-\u9fa5]/);
    }
    expect(Number(await listCount())).toBe(before);
  });

  it('refuses a file without usable rows, a damaged workbook, another type, and no file at all', async () => {
    const before = Number(await listCount());
    const f = { month: thisMonth, regionCode: 'H01' };
    const onlyBad = await upload(h01, 'bad.csv', csv([['姓名', '身份证号'], ['某人', '123']]), f);
    expect(onlyBad.json()).toMatchObject({ code: 'INVALID_FILE', message: expect.stringContaining('第2行') });
    expect((await upload(h01, 'empty.csv', csv([['姓名', '身份证号']]), f)).json().message).toContain('没有数据行');
    expect((await upload(h01, 'broken.xlsx', Buffer.from('not a zip'), f)).json().code).toBe('INVALID_FILE');
    expect((await upload(h01, 'list.xls', Buffer.from('x'), f)).json().code).toBe('INVALID_FILE');
    expect((await h01.post('/api/dibao-lists', {})).json().code).toBe('INVALID_FILE');
    expect(Number(await listCount())).toBe(before);
  });
});
