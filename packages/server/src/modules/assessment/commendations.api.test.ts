// 表彰: nominated by a county union within its region or by the city union (from the ranking or by
// hand), approved or declined by the city union, seen by whom it concerns until approved and by
// everyone after; a person's record of the year and an organization's rank come along; the year's
// list as PDF and workbook, audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { type Assessment, type Commendation } from '@bangfu/core';
import { createTestContext, type Client, type TestContext } from '../../../test/helpers.js';
import { seedDemo } from '../../cli/demo.js';
import { seedDemoCampaigns } from '../../demo/campaigns.js';
import { filerOf } from '../../demo/accounts.js';

let ctx: TestContext;
let city: Client;
let h01: Client;
let h02: Client;
const PASSWORD = 'Demo-password-1';
const year = 2016;

beforeAll(async () => {
  ctx = await createTestContext();
  await seedDemo(ctx.db, 40, { demoPassword: PASSWORD });
  await seedDemoCampaigns(ctx.db, { currentYearFiles: 12, assessment: false });
  city = await ctx.login('shizong', PASSWORD);
  h01 = await ctx.login(filerOf('H01'), PASSWORD);
  h02 = await ctx.login(filerOf('H02'), PASSWORD);
}, 180_000);
afterAll(() => ctx.close());

describe('表彰', () => {
  let first: Assessment['items'][number];
  let org: Commendation;
  let person: Commendation;

  it('takes a nomination of the first-ranked county from the ranking, with its rank and total', async () => {
    first = ((await city.get(`/api/assessment?year=${year}`)).json() as Assessment).items[0]!;
    const res = await city.post('/api/commendations', {
      year, kind: 'org', orgCode: first.orgCode, title: '精准帮扶工作先进单位', reason: `${year}年度考核第1名，总分${first.total}分`, source: 'ranking',
    });
    expect(res.statusCode, res.body).toBe(201);
    org = res.json();
    expect(org).toMatchObject({ status: 'proposed', kind: 'org', orgCode: first.orgCode, source: 'ranking', assessment: { rank: 1, total: first.total }, record: null });
    const again = await city.post('/api/commendations', { year, kind: 'org', orgCode: first.orgCode, title: '精准帮扶工作先进单位', reason: '再次推荐' });
    expect(again.json().code).toBe('ALREADY_NOMINATED');
  });

  it('lets a county nominate its own cadre, with the year\'s record counted from the raw records, and nobody else\'s', async () => {
    const bad = await h01.post('/api/commendations', { year, kind: 'person', title: '先', reason: '' });
    expect(bad.json().errors.map((e: { path: string }) => e.path).sort()).toEqual(['reason', 'title', 'username']);
    expect((await h01.post('/api/commendations', { year, kind: 'person', username: filerOf('H02'), title: '精准帮扶工作先进个人', reason: '走访认真' })).statusCode).toBe(403);
    expect((await h01.post('/api/commendations', { year, kind: 'org', orgCode: 'H02', title: '精准帮扶工作先进单位', reason: '成效显著' })).statusCode).toBe(403);
    expect((await h01.post('/api/commendations', { year, kind: 'person', username: 'nobody', title: '精准帮扶工作先进个人', reason: '走访认真' })).json().errors[0].path).toBe('username');
    // a cadre of H01 with assistance records (the demo's are of recent days): their record of that year
    const any = await ctx.db.selectFrom('assistance_records as r').innerJoin('users as u', 'u.id', 'r.recorded_by')
      .select(['u.username', 'r.year']).where('r.region_code', '=', 'H01').where('u.role', '=', 'region').limit(1).executeTakeFirstOrThrow();
    const [who, pYear] = [any.username, Number(any.year)];
    const mine = await ctx.db.selectFrom('assistance_records as r').innerJoin('users as u', 'u.id', 'r.recorded_by')
      .select(['r.household_id', 'r.solved_problem', 'r.amount_fen']).where('r.year', '=', pYear).where('u.username', '=', who).execute();
    expect(mine.length).toBeGreaterThan(0);
    // the picker: a county union finds its own cadres by name, with the year's record, and nobody of another region
    const found = (await h01.get(`/api/commendations/candidates?year=${pYear}`)).json().items as { username: string; orgCode: string; record: { records: number } }[];
    expect(found.every((c) => c.orgCode.startsWith('H01'))).toBe(true);
    expect(found.find((c) => c.username === who)!.record.records).toBe(mine.length);
    expect(found[0]!.record.records).toBeGreaterThanOrEqual(found.at(-1)!.record.records);
    expect(((await city.get(`/api/commendations/candidates?year=${pYear}&q=${encodeURIComponent('钟祥')}`)).json().items as { orgCode: string }[]).every((c) => c.orgCode.startsWith('H03'))).toBe(true);
    const res = await h01.post('/api/commendations', { year: pYear, kind: 'person', username: who, title: '精准帮扶工作先进个人', reason: '常态走访，帮助困难职工解决实际问题' });
    expect(res.statusCode, res.body).toBe(201);
    person = res.json();
    expect(person.record).toEqual({
      households: new Set(mine.map((r) => r.household_id)).size, records: mine.length, visits: expect.any(Number),
      solved: mine.reduce((s, r) => s + Number(r.solved_problem), 0), money: mine.reduce((s, r) => s + Number(r.amount_fen ?? 0), 0),
    });
  });

  it('shows an open nomination to the city and the nominee\'s own county only', async () => {
    const seen = async (c: Client) => ((await c.get('/api/commendations')).json().items as Commendation[]).map((x) => x.id).sort();
    expect(await seen(city)).toEqual([org.id, person.id].sort());
    expect(await seen(h01)).toEqual(first.orgCode === 'H01' ? [org.id, person.id].sort() : [person.id]);
    expect(await seen(h02)).toEqual(first.orgCode === 'H02' ? [org.id] : []);
  });

  it('is approved or declined by the city union once, a decline with an opinion, and audited', async () => {
    expect((await h01.post(`/api/commendations/${person.id}/decision`, { decision: 'approve' })).statusCode).toBe(403);
    expect((await city.post(`/api/commendations/${person.id}/decision`, { decision: 'decline' })).json().errors).toEqual([{ path: 'opinion', message: '不批准时请填写意见' }]);
    const ok = await city.post(`/api/commendations/${org.id}/decision`, { decision: 'approve' });
    expect(ok.json()).toMatchObject({ status: 'approved', decidedBy: '张莎莎（市总生活保障部）' });
    expect((await city.post(`/api/commendations/${org.id}/decision`, { decision: 'decline', opinion: '改变主意' })).json().code).toBe('COMMENDATION_DECIDED');
    expect((await city.post(`/api/commendations/${person.id}/decision`, { decision: 'decline', opinion: '名额已满' })).json()).toMatchObject({ status: 'declined', opinion: '名额已满' });
    // a declined nomination may be made again
    expect((await h01.post('/api/commendations', { year: person.year, kind: 'person', username: person.username, title: person.title, reason: '补充事迹后再次推荐' })).statusCode).toBe(201);
    const actions = (await ctx.db.selectFrom('audit_log').select('action').where('entity', '=', 'commendation').execute()).map((a) => a.action);
    expect(actions.sort()).toEqual(['commendation.approve', 'commendation.decline', 'commendation.propose', 'commendation.propose', 'commendation.propose']);
  });

  it('shows the approved ones to everyone, on the organization\'s page (?orgCode=) across years', async () => {
    const other = first.orgCode === 'H02' ? h01 : h02;
    const items = (await other.get(`/api/commendations?orgCode=${first.orgCode}`)).json().items as Commendation[];
    expect(items.map((c) => [c.id, c.status])).toEqual([[org.id, 'approved']]);
    expect((await other.get(`/api/commendations?username=${person.username}`)).json().items).toEqual([]);
    expect((await city.get('/api/commendations?year=20x')).json().errors[0].path).toBe('year');
  });

  it('prints the year\'s approved list as PDF and workbook, each download audited', async () => {
    const pdf = await h02.get(`/api/commendations.pdf?year=${year}`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const x = await city.get(`/api/commendations.xlsx?year=${year}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('表彰名单')!;
    expect(ws.getRow(3).values).toEqual(expect.arrayContaining(['先进单位', '精准帮扶工作先进单位', first.orgName, 1, first.total]));
    expect(ws.rowCount).toBe(3); // the declined nomination and the open one are not on the list
    const audits = await ctx.db.selectFrom('audit_log').select('detail').where('action', '=', 'commendation.export').execute();
    expect(audits.map((a) => JSON.parse(a.detail!).format).sort()).toEqual(['pdf', 'xlsx']);
  });
});
